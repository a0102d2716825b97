package org.psychonet.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.psychonet.experiment.Claim;
import org.psychonet.experiment.DeepNetworks;
import org.psychonet.sensitivity.SensitivityProfile;

/**
 * Writes the deep-network experiment: per condition orientation.csv / hue.csv (D, normalized √D,
 * threshold per layer), Fig. 2c–style orientation plots and Fig. 3c–style hue plots with the training
 * images' hue histogram beside the curves, layers.csv with the per-layer metrics, training loss curves,
 * and claims.csv.
 */
public final class DeepReport {
    private DeepReport() {
    }

    /** Runs the experiment and writes its files into {@code dir} (the entry point for `reproduce`). */
    public static DeepNetworks.Result runAndWrite(DeepNetworks.Config config, Path dir, long seed) throws Exception {
        DeepNetworks.Result r = new DeepNetworks().run(config, dir, seed);
        write(r, dir);
        return r;
    }

    public static void write(DeepNetworks.Result r, Path dir) throws IOException {
        for (DeepNetworks.Condition c : r.conditions()) {
            SensitivityReport.writeCsv(c.orientation(), dir.resolve("orientation_" + c.name() + ".csv"));
            SensitivityReport.writeCsv(c.hue(), dir.resolve("hue_" + c.name() + ".csv"));
            Plots.save(SensitivityReport.normalizedChart(c.orientation(), "orientation · " + c.name() + " ("
                    + c.description() + ")"), dir.resolve("orientation_" + c.name() + ".png"));
            Plots.save(hueChart(c), dir.resolve("hue_" + c.name() + ".png"));
            if (c.training() != null) {
                try (Csv csv = Csv.create(dir.resolve("loss_" + c.name() + ".csv"), "step", "loss")) {
                    double[] l = c.training().loss();
                    for (int i = 0; i < l.length; i++) {
                        csv.row(i, l[i]);
                    }
                }
            }
        }
        try (Csv csv = Csv.create(dir.resolve("layers.csv"), "condition", "layer", "depth", "deep",
                "cardinal_oblique_ratio", "hue_corr_with_histogram", "hue_lag_deg",
                "hue_lag_vs_reference_histogram_deg")) {
            for (DeepNetworks.Condition c : r.conditions()) {
                int depth = 0;
                for (Map.Entry<String, Map<String, Double>> e : c.layers().entrySet()) {
                    Map<String, Double> v = e.getValue();
                    csv.row(c.name(), e.getKey(), depth++, r.deepLayers().contains(e.getKey()),
                            v.get("cardinal_oblique_ratio"), v.get("hue_corr_with_histogram"), v.get("hue_lag_deg"),
                            v.get("hue_lag_vs_reference_histogram_deg"));
                }
            }
        }
        try (Csv csv = Csv.create(dir.resolve("claims.csv"), "id", "figure", "statement", "metric", "value",
                "bound", "holds", "settings")) {
            for (Claim c : r.claims()) {
                csv.row(c.id(), c.figure(), c.statement(), c.metric(), c.value().mean(), c.bound(), c.holds(),
                        c.settings());
            }
        }
        if (r.conditions().size() > 1) {
            Plots.save(ratioChart(r), dir.resolve("cardinal_oblique_ratio.png"));
        }
    }

    /** Fig. 3c: normalized √D per layer over hue, and the smoothed training hue histogram (dashed, black). */
    static XYChart hueChart(DeepNetworks.Condition c) {
        SensitivityProfile h = c.hue();
        XYChart chart = SensitivityReport.normalizedChart(h, "hue · " + c.name() + " (" + c.description() + ")");
        double[] x = new double[c.histogram().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 0.5;
        }
        Plots.dashed(chart, "training hue histogram", x, c.histogram(), Color.BLACK);
        return chart;
    }

    /** cardinal_oblique_ratio by depth, one line per condition (SI Fig. 1 in one number per layer). */
    static XYChart ratioChart(DeepNetworks.Result r) {
        XYChart chart = Plots.lineChart("cardinal / oblique sensitivity by layer", "layer depth",
                "cardinal_oblique_ratio");
        double[] x = new double[r.layers().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        Color[] colors = {Color.BLACK, new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
            new Color(204, 121, 167), new Color(230, 159, 0)};
        int k = 0;
        for (DeepNetworks.Condition c : r.conditions()) {
            double[] y = new double[x.length];
            int i = 0;
            for (Map<String, Double> v : c.layers().values()) {
                y[i++] = v.get("cardinal_oblique_ratio");
            }
            Plots.line(chart, c.name(), x, y, colors[k++ % colors.length]);
        }
        Plots.dashed(chart, "1 (no preference)", new double[] {0, x.length - 1}, new double[] {1, 1}, Color.GRAY);
        return chart;
    }

    /** result.json's summary: per condition and layer metrics, deep means, and the claims. */
    public static Map<String, Object> summary(DeepNetworks.Result r) {
        Map<String, Object> m = new LinkedHashMap<>(r.summary());
        List<Claim> claims = r.claims();
        m.put("claims", claims);
        return m;
    }
}
