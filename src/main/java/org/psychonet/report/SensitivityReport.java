package org.psychonet.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.psychonet.sensitivity.SensitivityProfile;
import org.psychonet.stimulus.ThetaAxis;

/** Writes a {@link SensitivityProfile} as CSV, a Fig. 2c–style plot, and per-layer summaries. */
public final class SensitivityReport {
    private SensitivityReport() {
    }

    /**
     * CSV columns: layer, theta, theta_unit (the unit θ and so D are in: D is per theta_unit²), D, D_error (the
     * fd/grid error estimate; empty for exact), normalized √D/Σ√D, threshold D^(−1/2) (in theta_unit). The same
     * columns for every stimulus family, so one pandas recipe reads them all.
     */
    public static void writeCsv(SensitivityProfile p, Path file) throws IOException {
        String unit = p.axis().unit();
        try (Csv csv = Csv.create(file, "layer", "theta", "theta_unit", "D", "D_error", "normalized", "threshold")) {
            for (int l = 0; l < p.layers().size(); l++) {
                double[] n = p.normalized(l);
                double[] t = p.threshold(l);
                for (int i = 0; i < p.thetas().length; i++) {
                    csv.row(p.layers().get(l), p.thetas()[i], unit, p.sensitivity()[l][i],
                            p.error() == null ? null : p.error()[l][i], n[i], t[i]);
                }
            }
        }
    }

    /** One curve per layer, coloured by depth on a sequential palette (Fig. 2c). */
    public static XYChart normalizedChart(SensitivityProfile p, String title) {
        ThetaAxis axis = p.axis();
        XYChart c = Plots.lineChart(title, axis.name() + " (" + axis.displayUnit() + ")",
                "normalized sensitivity √D / Σ√D");
        double[] x = new double[p.thetas().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = axis.toDisplay(p.thetas()[i]);
        }
        int n = p.layers().size();
        for (int l = 0; l < n; l++) {
            Plots.line(c, p.layers().get(l), x, p.normalized(l), Plots.depthColor(l, n));
        }
        return c;
    }

    /** Per-layer summary: extremes of the normalized curve and the θ of its peak. */
    public static Map<String, Object> summary(SensitivityProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int l = 0; l < p.layers().size(); l++) {
            m.put(p.layers().get(l), p.summary(l));
        }
        return m;
    }
}
