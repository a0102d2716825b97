package org.psychonet.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.psychonet.experiment.SensitivitySweep;
import org.psychonet.scale.Table;

/**
 * A sensitivity sweep's files: {@code sweep.csv} (one tidy row per model, checkpoint step, stimulus, layer and θ),
 * {@code cardinal_ratio.csv} and its plots — the cardinal ratio of every layer against training step for each
 * checkpoint series (or against depth when the models are not checkpoints). The same table as Parquet comes from
 * {@link #table}.
 */
public final class SweepReport {
    /** The tidy table's columns, in order. */
    static final List<Table.Column> COLUMNS = List.of(
            new Table.Column("model", Table.Type.STRING, false),
            new Table.Column("checkpoint_step", Table.Type.LONG, true),
            new Table.Column("stimulus", Table.Type.STRING, false),
            new Table.Column("layer", Table.Type.STRING, false),
            new Table.Column("theta", Table.Type.DOUBLE, false),
            new Table.Column("theta_unit", Table.Type.STRING, false),
            new Table.Column("D", Table.Type.DOUBLE, false),
            new Table.Column("normalized", Table.Type.DOUBLE, false),
            new Table.Column("threshold", Table.Type.DOUBLE, false));

    private SweepReport() {
    }

    /** Writes sweep.csv, cardinal_ratio.csv and the cardinal-ratio plots into {@code dir}; returns the plot names. */
    public static List<String> write(SensitivitySweep.Result r, Path dir) throws IOException {
        try (Csv csv = Csv.create(dir.resolve("sweep.csv"), COLUMNS.stream().map(Table.Column::name)
                .toArray(String[]::new))) {
            for (Object[] row : rows(r)) {
                csv.row(row);
            }
        }
        List<String> plots = new ArrayList<>();
        if (r.ratios().isEmpty()) {
            return plots;
        }
        try (Csv csv = Csv.create(dir.resolve("cardinal_ratio.csv"), "model", "checkpoint_step", "stimulus", "layer",
                "cardinal_ratio")) {
            for (SensitivitySweep.Ratio x : r.ratios()) {
                csv.row(x.model(), x.checkpointStep(), x.stimulus(), x.layer(), x.cardinalRatio());
            }
        }
        Set<String> used = new java.util.HashSet<>();
        for (Map.Entry<String, List<SensitivitySweep.Ratio>> g : groups(r.ratios()).entrySet()) {
            List<SensitivitySweep.Ratio> rs = g.getValue();
            boolean overSteps = rs.stream().allMatch(x -> x.checkpointStep() != null)
                    && rs.stream().map(SensitivitySweep.Ratio::checkpointStep).distinct().count() >= 2;
            String stimulus = rs.get(0).stimulus();
            XYChart c = overSteps ? overSteps(rs, rs.get(0).model() + " · " + stimulus) : overDepth(rs, stimulus);
            String stem = "cardinal_ratio_" + slug(overSteps ? rs.get(0).model() + "_" + stimulus : stimulus);
            String name = stem + ".png";
            for (int k = 2; !used.add(name); k++) { // two names with the same slug keep both plots
                name = stem + "_" + k + ".png";
            }
            Plots.save(c, dir.resolve(name));
            plots.add(name);
        }
        return plots;
    }

    /** Checkpoint series (one group per model and stimulus); plain models share one group per stimulus. */
    private static Map<String, List<SensitivitySweep.Ratio>> groups(List<SensitivitySweep.Ratio> ratios) {
        Map<String, List<SensitivitySweep.Ratio>> g = new LinkedHashMap<>();
        for (SensitivitySweep.Ratio x : ratios) {
            String key = x.checkpointStep() == null ? "\u0000" + x.stimulus() : x.model() + "\u0000" + x.stimulus();
            g.computeIfAbsent(key, k -> new ArrayList<>()).add(x);
        }
        return g;
    }

    /** One line per layer: cardinal ratio against training step. */
    private static XYChart overSteps(List<SensitivitySweep.Ratio> rs, String title) {
        XYChart c = Plots.lineChart("cardinal ratio over training — " + title, "training step",
                "cardinal / oblique normalized sensitivity");
        List<String> layers = new ArrayList<>(new LinkedHashSet<>(rs.stream().map(SensitivitySweep.Ratio::layer)
                .toList()));
        for (int l = 0; l < layers.size(); l++) {
            String layer = layers.get(l);
            List<SensitivitySweep.Ratio> line = rs.stream().filter(x -> x.layer().equals(layer)).toList();
            double[] x = line.stream().mapToDouble(v -> v.checkpointStep()).toArray();
            double[] y = line.stream().mapToDouble(SensitivitySweep.Ratio::cardinalRatio).toArray();
            java.awt.Color color = Plots.depthColor(l, layers.size());
            org.knowm.xchart.XYSeries series = Plots.line(c, layer, x, y, color);
            series.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
            series.setMarkerColor(color);
        }
        c.getStyler().setMarkerSize(5);
        noPreference(c, rs.stream().mapToDouble(v -> v.checkpointStep()).min().orElse(0),
                rs.stream().mapToDouble(v -> v.checkpointStep()).max().orElse(1));
        return c;
    }

    /** One line per model: cardinal ratio against layer depth (models without training steps). */
    private static XYChart overDepth(List<SensitivitySweep.Ratio> rs, String stimulus) {
        XYChart c = Plots.lineChart("cardinal ratio by layer — " + stimulus, "layer (shallow → deep)",
                "cardinal / oblique normalized sensitivity");
        Set<String> models = new LinkedHashSet<>(rs.stream().map(SensitivitySweep.Ratio::model).toList());
        int i = 0;
        for (String m : models) {
            List<SensitivitySweep.Ratio> line = rs.stream().filter(x -> x.model().equals(m)).toList();
            double[] x = new double[line.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = k + 1;
            }
            Plots.line(c, m, x, line.stream().mapToDouble(SensitivitySweep.Ratio::cardinalRatio).toArray(),
                    Plots.depthColor(i++, models.size()));
        }
        noPreference(c, 1, Math.max(2, rs.stream().collect(java.util.stream.Collectors.groupingBy(
                SensitivitySweep.Ratio::model, java.util.stream.Collectors.counting())).values().stream()
                .mapToLong(Long::longValue).max().orElse(2)));
        return c;
    }

    /** The dashed line at ratio 1: as sensitive at oblique as at cardinal orientations. */
    private static void noPreference(XYChart c, double from, double to) {
        Plots.dashed(c, "no preference (1)", new double[] {from, to}, new double[] {1, 1}, java.awt.Color.GRAY);
    }

    /** The tidy table (sweep.csv's rows) for Parquet. */
    public static Table table(SensitivitySweep.Result r) {
        return new Table(COLUMNS, rows(r));
    }

    private static List<Object[]> rows(SensitivitySweep.Result r) {
        List<Object[]> out = new ArrayList<>(r.rows().size());
        for (SensitivitySweep.Row x : r.rows()) {
            out.add(new Object[] {x.model(), x.checkpointStep(), x.stimulus(), x.layer(), x.theta(), x.thetaUnit(),
                x.d(), x.normalized(), x.threshold()});
        }
        return out;
    }

    private static String slug(String s) {
        String t = s.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_+|_+$", "");
        return t.isEmpty() ? "model" : t;
    }
}
