package org.psychonet.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.psychonet.experiment.Claim;
import org.psychonet.experiment.DeepLinearBridge;
import org.psychonet.experiment.DeepNetworks;
import org.psychonet.experiment.DeepNetworks.Condition;
import org.psychonet.experiment.DeepNetworks.Control;
import org.psychonet.experiment.DeepNetworks.LayerMeasure;
import org.psychonet.experiment.DeepNetworks.Measurement;
import org.psychonet.experiment.DeepNetworks.Regime;
import org.psychonet.experiment.DeepNetworks.Task;
import org.psychonet.experiment.DeepNetworks.TrainedNetwork;
import org.psychonet.images.ColorSpace;
import org.psychonet.util.Statistics;

/**
 * Renders the deep-network experiment: for each claim, the conditions' curves (mean over seeds with a ±1 s.e.
 * band) and the verdict in the title; CSVs of every number behind them (per network, snapshot, layer, θ).
 */
public final class DeepReport {
    private static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), Color.BLACK, Color.GRAY};

    private DeepReport() {
    }

    /** psychonet's chart style, with the legend below the plot (the deep figures' labels carry verdicts). */
    static XYChart chart(String title, String xLabel, String yLabel) {
        XYChart c = Plots.lineChart(title, xLabel, yLabel);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        return c;
    }

    public static void write(DeepNetworks.Result r, Path dir) throws IOException {
        writeClaims(r, dir);
        if (r.imported() != null) {
            writeImported(r, dir);
            return;
        }
        writeCsvs(r, dir);
        for (Task t : Task.values()) {
            if (r.networks().stream().noneMatch(n -> n.task() == t)) {
                continue;
            }
            boolean worlds = !r.of(t, Regime.STANDARD, Condition.NATURAL).isEmpty();
            List<Condition> shown = worlds ? List.of(Condition.NATURAL, Condition.UNIFORM, Condition.OBLIQUE,
                    Condition.AMPLIFIED) : List.of(Condition.PHOTOS, Condition.PHOTOS_ROTATED);
            String id = "deepnets." + (worlds ? "" : "photos.") + t.label();
            Plots.save(orientationChart(r, t, shown, id), dir.resolve("fig2c_" + t.label() + ".png"));
            Plots.save(depthChart(r, t, shown, id), dir.resolve("fig2c_depth_" + t.label() + ".png"));
            Plots.save(timeCourseChart(r, t, shown), dir.resolve("timecourse_" + t.label() + ".png"));
            Condition rotated = worlds ? Condition.OBLIQUE : Condition.PHOTOS_ROTATED;
            Condition base = worlds ? Condition.NATURAL : Condition.PHOTOS;
            if (!r.of(t, Regime.STANDARD, rotated).isEmpty()) {
                Plots.save(differenceChart(r, t, rotated, base, id), dir.resolve("sifig1b_" + t.label() + ".png"));
            }
            if (worlds && r.config().probes().size() > 1) {
                Plots.save(probeChart(r, t, id), dir.resolve("sifig3_" + t.label() + ".png"));
            }
            Condition shifted = worlds ? Condition.HUE_SHIFTED : Condition.PHOTOS_HUE_SHIFTED;
            List<TrainedNetwork> b = r.of(t, Regime.STANDARD, base);
            if (!b.isEmpty() && b.get(0).histogram() != null) {
                List<Condition> hues = new ArrayList<>(List.of(base));
                if (worlds && !r.of(t, Regime.STANDARD, Condition.HUE_UNIFORM).isEmpty()) {
                    hues.add(Condition.HUE_UNIFORM);
                }
                Plots.save(hueChart(r, t, hues, id + ".hue.histogram", true), dir.resolve("fig3c_" + t.label()
                        + ".png"));
                if (!r.of(t, Regime.STANDARD, shifted).isEmpty()) {
                    Plots.save(hueChart(r, t, List.of(base, shifted), id + (worlds ? ".hue.shift" : ".hue.shift"),
                            false), dir.resolve("fig3d_" + t.label() + ".png"));
                }
            }
        }
        if (r.pooling() != null) {
            Plots.save(poolingChart(r), dir.resolve("sifig1c_pooling.png"));
        }
        if (r.bridge() != null) {
            Plots.save(bridgeChart(r), dir.resolve("linear_bridge.png"));
        }
    }

    private static Claim claim(DeepNetworks.Result r, String id) {
        return r.claims().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /** "+0.031 ± 0.008 (n = 3): holds" — the claim's mean ± s.e. over seeds and its verdict. */
    static String verdict(Claim c) {
        if (c == null) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "%+.3g ± %.2g (n = %d): %s", c.value().mean(), c.value().se(),
                c.value().n(), c.holds() ? "holds" : "does not hold");
    }

    /** Mean ± 1 s.e. over seeds: the mean line in the legend, its band as two thin lines. */
    static void band(XYChart chart, String name, double[] x, double[][] perSeed, Color color) {
        int n = x.length;
        double[] mean = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            double[] v = new double[perSeed.length];
            for (int k = 0; k < v.length; k++) {
                v[k] = perSeed[k][i];
            }
            mean[i] = Statistics.mean(v);
            double se = v.length > 1 ? Statistics.se(v) : 0;
            lo[i] = mean[i] - se;
            hi[i] = mean[i] + se;
        }
        Plots.line(chart, name + (perSeed.length > 1 ? " (n = " + perSeed.length + ")" : ""), x, mean, color);
        if (perSeed.length > 1) {
            Color light = new Color(color.getRed(), color.getGreen(), color.getBlue(), 110);
            for (double[] edge : new double[][] {lo, hi}) {
                XYSeries s = chart.addSeries(name + (edge == lo ? " −1 s.e." : " +1 s.e."), x, edge);
                s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
                s.setLineColor(light);
                s.setLineWidth(1f);
                s.setLineStyle(new BasicStroke(1f));
                s.setShowInLegend(false);
            }
        }
    }

    /** Mean of a per-layer curve over the deep layers. */
    static double[] deepCurve(DeepNetworks.Result r, Measurement m, Function<LayerMeasure, double[]> f) {
        double[] out = null;
        for (String l : r.deepLayers()) {
            double[] c = f.apply(m.layer(l));
            if (out == null) {
                out = new double[c.length];
            }
            for (int i = 0; i < c.length; i++) {
                out[i] += c[i] / r.deepLayers().size();
            }
        }
        return out;
    }

    private static double[][] curves(DeepNetworks.Result r, List<Measurement> ms, Function<LayerMeasure, double[]> f,
                                     double scale) {
        double[][] out = new double[ms.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = deepCurve(r, ms.get(k), f);
            for (int i = 0; i < out[k].length; i++) {
                out[k][i] *= scale;
            }
        }
        return out;
    }

    private static List<Measurement> finals(DeepNetworks.Result r, Task t, Condition c) {
        return r.of(t, Regime.STANDARD, c).stream().map(TrainedNetwork::last).toList();
    }

    private static List<Measurement> controls(DeepNetworks.Result r, Task t, String kind) {
        return r.controls(t, Regime.STANDARD, kind).stream().map(Control::measurement).toList();
    }

    /** Fig. 2c: deep-layer normalized √D over orientation per condition (×θ count: 1 = flat). */
    static XYChart orientationChart(DeepNetworks.Result r, Task t, List<Condition> shown, String id) {
        int n = r.thetaDeg().length;
        XYChart chart = chart("Fig. 2c · " + t.label() + " · natural − uniform "
                + verdict(claim(r, id + ".natural_vs_uniform")), "orientation (deg), deep layers " + r.deepLayers(),
                "normalized √D × θ count (1 = flat)");
        int k = 0;
        for (Condition c : shown) {
            List<Measurement> ms = finals(r, t, c);
            if (!ms.isEmpty()) {
                String claimId = switch (c) {
                    case OBLIQUE -> ".oblique_vs_uniform";
                    case AMPLIFIED -> ".amplified_vs_uniform";
                    default -> null;
                };
                String label = c.label() + (claimId == null ? "" : " · vs uniform " + verdict(claim(r, id + claimId)));
                band(chart, label, r.thetaDeg(), curves(r, ms, LayerMeasure::orientation, n), PALETTE[k]);
            }
            k++;
        }
        for (String kind : List.of("init", "shuffle")) {
            List<Measurement> ms = controls(r, t, kind);
            if (!ms.isEmpty()) {
                String label = kind.equals("init") ? "untrained · nearer uniform than natural "
                        + verdict(claim(r, id + ".init_near_uniform"))
                        : "natural, shuffled · nearer untrained " + verdict(claim(r, id + ".shuffle"));
                band(chart, label, r.thetaDeg(), curves(r, ms, LayerMeasure::orientation, n),
                        kind.equals("init") ? Color.BLACK : Color.GRAY);
            }
        }
        return chart;
    }

    /** Fig. 2c by depth: the cardinal/oblique ratio of every measured layer per condition. */
    static XYChart depthChart(DeepNetworks.Result r, Task t, List<Condition> shown, String id) {
        double[] x = new double[r.layers().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        XYChart chart = chart("Fig. 2c by layer · " + t.label() + " · depth ρ " + verdict(claim(r,
                id + ".depth")), "layer (" + String.join(", ", r.layers()) + ")", "cardinal / oblique ratio");
        int k = 0;
        for (Condition c : shown) {
            List<Measurement> ms = finals(r, t, c);
            if (!ms.isEmpty()) {
                band(chart, c.label(), x, ratiosByLayer(r, ms), PALETTE[k]);
            }
            k++;
        }
        List<Measurement> init = controls(r, t, "init");
        if (!init.isEmpty()) {
            band(chart, "untrained", x, ratiosByLayer(r, init), Color.BLACK);
        }
        return chart;
    }

    private static double[][] ratiosByLayer(DeepNetworks.Result r, List<Measurement> ms) {
        double[][] out = new double[ms.size()][r.layers().size()];
        for (int k = 0; k < ms.size(); k++) {
            for (int l = 0; l < r.layers().size(); l++) {
                out[k][l] = ms.get(k).layer(r.layers().get(l)).ratio();
            }
        }
        return out;
    }

    /** Issue 12.3: the deep-layer cardinal/oblique ratio at each snapshot, per condition. */
    static XYChart timeCourseChart(DeepNetworks.Result r, Task t, List<Condition> shown) {
        XYChart chart = chart("time course · " + t.label() + " · deep-layer cardinal/oblique ratio "
                + "(dashed: rich regime)", "training step", "cardinal / oblique ratio");
        int k = 0;
        for (Condition c : shown) {
            k = timeCourse(chart, r, t, Regime.STANDARD, c, k);
        }
        k = 0;
        for (Condition c : shown) {
            k = timeCourse(chart, r, t, Regime.RICH, c, k);
        }
        return chart;
    }

    private static int timeCourse(XYChart chart, DeepNetworks.Result r, Task t, Regime g, Condition c, int k) {
        {
            List<TrainedNetwork> ns = r.of(t, g, c);
            if (!ns.isEmpty()) {
                int s = ns.get(0).snapshots().size();
                double[] x = new double[s];
                double[][] y = new double[ns.size()][s];
                for (int i = 0; i < s; i++) {
                    x[i] = ns.get(0).snapshots().get(i).step();
                    for (int q = 0; q < ns.size(); q++) {
                        Measurement m = ns.get(q).snapshots().get(i);
                        double v = 0;
                        for (String l : r.deepLayers()) {
                            v += m.layer(l).ratio() / r.deepLayers().size();
                        }
                        y[q][i] = v;
                    }
                }
                band(chart, c.label() + (g == Regime.RICH ? " (rich)" : ""), x, y, PALETTE[k]);
                if (g == Regime.RICH) {
                    chart.getSeriesMap().get(c.label() + " (rich)" + (ns.size() > 1 ? " (n = " + ns.size() + ")"
                            : "")).setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {6f, 4f}, 0f));
                }
            }
        }
        return k + 1;
    }

    /** SI Fig. 1b: the difference profile (rotated − unrotated), deep layers. */
    static XYChart differenceChart(DeepNetworks.Result r, Task t, Condition rotated, Condition base, String id) {
        int n = r.thetaDeg().length;
        List<Measurement> a = finals(r, t, rotated);
        List<Measurement> b = finals(r, t, base);
        double[][] d = new double[a.size()][];
        for (int k = 0; k < a.size(); k++) {
            double[] pa = deepCurve(r, a.get(k), LayerMeasure::orientation);
            double[] pb = deepCurve(r, b.get(k), LayerMeasure::orientation);
            d[k] = new double[n];
            for (int i = 0; i < n; i++) {
                d[k][i] = (pa[i] - pb[i]) * n;
            }
        }
        XYChart chart = chart("SI Fig. 1b · " + t.label() + " · cardinals " + verdict(claim(r,
                id + ".rotated_profile.cardinal")) + " · obliques " + verdict(claim(r, id + ".rotated_profile.oblique")),
                "orientation (deg)", rotated.label() + " − " + base.label() + ", normalized √D × θ count");
        band(chart, rotated.label() + " − " + base.label(), r.thetaDeg(), d, PALETTE[1]);
        Plots.dashed(chart, "0", new double[] {0, 180}, new double[] {0, 0}, Color.GRAY);
        return chart;
    }

    /** SI Fig. 3: the natural − uniform effect at each Gabor setting. */
    static XYChart probeChart(DeepNetworks.Result r, Task t, String id) {
        List<DeepNetworks.Probe> probes = r.config().probes();
        double[] x = new double[probes.size()];
        List<Measurement> nat = finals(r, t, Condition.NATURAL);
        List<Measurement> uni = finals(r, t, Condition.UNIFORM);
        double[][] e = new double[nat.size()][probes.size()];
        for (int p = 0; p < probes.size(); p++) {
            x[p] = p;
            for (int k = 0; k < nat.size(); k++) {
                int pp = p;
                e[k][p] = deepMean(r, nat.get(k), l -> l.probeRatios()[pp]) - deepMean(r, uni.get(k),
                        l -> l.probeRatios()[pp]);
            }
        }
        StringBuilder title = new StringBuilder("SI Fig. 3 — " + t.label() + ": natural − uniform ratio per Gabor (");
        for (int p = 0; p < probes.size(); p++) {
            title.append(p).append(" = ").append(probes.get(p).name()).append(p < probes.size() - 1 ? ", " : ")");
        }
        XYChart chart = chart(title.toString(), "Gabor setting", "cardinal/oblique ratio difference");
        band(chart, "natural − uniform", x, e, PALETTE[0]);
        Plots.dashed(chart, "0", new double[] {0, probes.size() - 1}, new double[] {0, 0}, Color.GRAY);
        return chart;
    }

    private static double deepMean(DeepNetworks.Result r, Measurement m, java.util.function.ToDoubleFunction<
            LayerMeasure> f) {
        double s = 0;
        for (String l : r.deepLayers()) {
            s += f.applyAsDouble(m.layer(l));
        }
        return s / r.deepLayers().size();
    }

    /** Fig. 3c/3d: deep-layer hue curves per condition, with the first condition's hue histogram. */
    static XYChart hueChart(DeepNetworks.Result r, Task t, List<Condition> shown, String claimId, boolean histogram) {
        XYChart chart = chart((histogram ? "Fig. 3c · " : "Fig. 3d · ") + t.label() + " · "
                + verdict(claim(r, claimId)), "hue (deg), deep layers", "normalized √D × 360 (1 = flat)");
        double[] x = new double[360];
        for (int i = 0; i < 360; i++) {
            x[i] = i;
        }
        int k = 0;
        for (Condition c : shown) {
            List<Measurement> ms = finals(r, t, c);
            if (!ms.isEmpty()) {
                band(chart, c.label(), x, curves(r, ms, LayerMeasure::hue, 360), PALETTE[k]);
            }
            k++;
        }
        if (histogram) {
            TrainedNetwork first = r.of(t, Regime.STANDARD, shown.get(0)).get(0);
            double[] h = first.histogram().clone();
            for (int i = 0; i < h.length; i++) {
                h[i] *= 360;
            }
            Plots.dashed(chart, "training hue histogram (" + shown.get(0).label() + ", seed 0)", x, h, Color.BLACK);
            double[] lab = ColorSpace.hueDistance(1);
            double s = 0;
            for (double v : lab) {
                s += v;
            }
            for (int i = 0; i < lab.length; i++) {
                lab[i] *= 360 / s;
            }
            Plots.dashed(chart, "CIELAB ΔE per degree (Fig. 3b), " + verdict(claim(r, "deepnets." + t.label()
                    + ".hue.cielab")), x, lab, Color.GRAY);
        }
        return chart;
    }

    /** SI Fig. 1c: untrained AlexNet, overlapping and non-overlapping pools, deep layers (mean over seeds). */
    static XYChart poolingChart(DeepNetworks.Result r) {
        DeepNetworks.PoolingResult p = r.pooling();
        int n = p.overlappingProfile()[0].length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 180.0 * i / n;
        }
        XYChart chart = chart("SI Fig. 1c · untrained AlexNet · overlapping − non-overlapping "
                + verdict(claim(r, "deepnets.pooling.overlap_vs_nonoverlap")), "orientation (deg), deep layers, ÷"
                + p.settings().widthDivisor() + " widths, " + p.settings().inputSize() + " px",
                "normalized √D × θ count");
        double[] over = new double[n];
        double[] non = new double[n];
        for (String l : p.deepLayers()) {
            int li = p.layers().indexOf(l);
            for (int i = 0; i < n; i++) {
                over[i] += p.overlappingProfile()[li][i] * n / p.deepLayers().size();
                non[i] += p.nonOverlappingProfile()[li][i] * n / p.deepLayers().size();
            }
        }
        Plots.line(chart, "overlapping 3×3/2 pools", x, over, PALETTE[1]);
        Plots.line(chart, "non-overlapping 2×2/2 pools", x, non, PALETTE[0]);
        return chart;
    }

    /** Issue 12.6: the linear autoencoder's cardinal/oblique ratio over training time per world. */
    static XYChart bridgeChart(DeepNetworks.Result r) {
        DeepLinearBridge.Result b = r.bridge();
        double[] x = new double[b.steps().length];
        for (int j = 0; j < x.length; j++) {
            x[j] = Math.log10(b.steps()[j]);
        }
        XYChart chart = chart("linear autoencoder, same worlds · natural − uniform at t = "
                + b.steps()[b.claimStep()] + " " + verdict(claim(r, "deepnets.linear.natural_vs_uniform")),
                "log10 training steps (step size 1/λ_max)", "cardinal / oblique ratio");
        int k = 0;
        for (Condition c : List.of(Condition.NATURAL, Condition.UNIFORM, Condition.OBLIQUE, Condition.AMPLIFIED)) {
            List<DeepLinearBridge.Run> runs = b.of(c);
            if (!runs.isEmpty()) {
                band(chart, c.label(), x, runs.stream().map(DeepLinearBridge.Run::ratio).toArray(double[][]::new),
                        PALETTE[k]);
            }
            k++;
        }
        return chart;
    }

    private static void writeClaims(DeepNetworks.Result r, Path dir) throws IOException {
        try (Csv csv = Csv.create(dir.resolve("claims.csv"), "id", "kind", "figure", "statement", "metric", "mean",
                "se", "n", "bound", "holds", "settings")) {
            for (Claim c : r.claims()) {
                csv.row(c.id(), c.kind().label(), c.figure(), c.statement(), c.metric(), c.value().mean(),
                        c.value().se(), c.value().n(), c.bound(), c.holds(), c.settings());
            }
        }
    }

    private static void writeImported(DeepNetworks.Result r, Path dir) throws IOException {
        Measurement m = r.imported();
        try (Csv csv = Csv.create(dir.resolve("orientation.csv"), "layer", "theta", "theta_unit", "normalized_sqrt_d")) {
            for (LayerMeasure l : m.layers()) {
                for (int i = 0; i < r.thetaDeg().length; i++) {
                    csv.row(l.layer(), r.thetaDeg()[i], "deg", l.orientation()[i]);
                }
            }
        }
        try (Csv csv = Csv.create(dir.resolve("layers.csv"), "layer", "cardinal_oblique_ratio")) {
            for (LayerMeasure l : m.layers()) {
                csv.row(l.layer(), l.ratio());
            }
        }
        XYChart chart = chart("Fig. 2c — " + r.config().model(), "orientation (deg)",
                "normalized √D × θ count");
        int n = r.thetaDeg().length;
        for (int i = 0; i < m.layers().size(); i++) {
            double[] y = m.layers().get(i).orientation().clone();
            for (int q = 0; q < y.length; q++) {
                y[q] *= n;
            }
            Plots.line(chart, m.layers().get(i).layer(), r.thetaDeg(), y, Plots.depthColor(i, m.layers().size()));
        }
        Plots.save(chart, dir.resolve("orientation.png"));
    }

    private static void writeCsvs(DeepNetworks.Result r, Path dir) throws IOException {
        try (Csv csv = Csv.create(dir.resolve("networks.csv"), "task", "regime", "condition", "seed_index", "seed",
                "steps", "final_loss", "baseline_loss", "final_train_accuracy", "skipped_images", "seconds")) {
            for (TrainedNetwork n : r.networks()) {
                csv.row(n.task().label(), n.regime().label(), n.condition().label(), n.seedIndex(), n.seed(),
                        n.training().steps(), n.training().finalLoss(), n.training().baselineLoss(),
                        n.training().finalAccuracy(), n.skippedImages(), n.training().seconds());
            }
        }
        try (Csv csv = Csv.create(dir.resolve("timecourse.csv"), "task", "regime", "condition", "seed_index", "step",
                "layer", "deep", "cardinal_oblique_ratio")) {
            for (TrainedNetwork n : r.networks()) {
                for (Measurement m : n.snapshots()) {
                    for (LayerMeasure l : m.layers()) {
                        csv.row(n.task().label(), n.regime().label(), n.condition().label(), n.seedIndex(), m.step(),
                                l.layer(), r.deepLayers().contains(l.layer()), l.ratio());
                    }
                }
            }
            for (Control c : r.controls()) {
                for (LayerMeasure l : c.measurement().layers()) {
                    csv.row(c.task().label(), c.regime().label(), c.kind(), c.seedIndex(), c.measurement().step(),
                            l.layer(), r.deepLayers().contains(l.layer()), l.ratio());
                }
            }
        }
        try (Csv o = Csv.create(dir.resolve("orientation.csv"), "task", "regime", "condition", "seed_index", "layer",
                "theta", "theta_unit", "normalized_sqrt_d");
             Csv h = Csv.create(dir.resolve("hue.csv"), "task", "regime", "condition", "seed_index", "layer", "theta",
                     "theta_unit", "normalized_sqrt_d")) {
            for (TrainedNetwork n : r.networks()) {
                curves(o, h, r, n.task().label(), n.regime().label(), n.condition().label(), n.seedIndex(), n.last());
            }
            for (Control c : r.controls()) {
                curves(o, h, r, c.task().label(), c.regime().label(), c.kind(), c.seedIndex(), c.measurement());
            }
        }
        if (r.bridge() != null) {
            try (Csv csv = Csv.create(dir.resolve("linear_bridge.csv"), "condition", "seed_index", "step",
                    "cardinal_oblique_ratio", "relative_loss")) {
                for (DeepLinearBridge.Run run : r.bridge().runs()) {
                    for (int j = 0; j < run.ratio().length; j++) {
                        csv.row(run.condition().label(), run.seedIndex(), r.bridge().steps()[j], run.ratio()[j],
                                run.loss()[j]);
                    }
                }
            }
        }
        if (r.pooling() != null) {
            try (Csv csv = Csv.create(dir.resolve("pooling.csv"), "seed_index", "overlapping_ratio",
                    "non_overlapping_ratio")) {
                for (int k = 0; k < r.pooling().overlapping().length; k++) {
                    csv.row(k, r.pooling().overlapping()[k], r.pooling().nonOverlapping()[k]);
                }
            }
        }
    }

    private static void curves(Csv o, Csv h, DeepNetworks.Result r, String task, String regime, String condition,
                               int seed, Measurement m) throws IOException {
        for (LayerMeasure l : m.layers()) {
            if (l.orientation() != null) {
                for (int i = 0; i < r.thetaDeg().length; i++) {
                    o.row(task, regime, condition, seed, l.layer(), r.thetaDeg()[i], "deg", l.orientation()[i]);
                }
            }
            if (l.hue() != null) {
                for (int i = 0; i < l.hue().length; i++) {
                    h.row(task, regime, condition, seed, l.layer(), i, "deg", l.hue()[i]);
                }
            }
        }
    }
}
