package org.psychonet.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
import org.psychonet.report.plot.Axis;
import org.psychonet.report.plot.Palette;
import org.psychonet.report.plot.Plot;
import org.psychonet.util.Statistics;

/**
 * Renders the deep-network experiment: for each claim, the conditions' curves (mean over seeds with a ±1 s.e.
 * band) and the verdict in the title; CSVs of every number behind them (per network, snapshot, layer, θ).
 */
public final class DeepReport {
    private DeepReport() {
    }

    /** The CSVs of every number, then every panel's PNG. */
    public static void write(DeepNetworks.Result r, Path dir) throws IOException {
        writeClaims(r, dir);
        if (r.imported() != null) {
            writeImported(r, dir);
        } else {
            writeCsvs(r, dir);
        }
        Panel.writeAll(panels(r), dir);
    }

    /** Every panel of the report, in the order of the paper's figures (the page orders them again). */
    public static List<Panel> panels(DeepNetworks.Result r) {
        List<Panel> out = new ArrayList<>();
        if (r.imported() != null) {
            out.add(importedPanel(r));
            return out;
        }
        for (Task t : Task.values()) {
            if (r.networks().stream().noneMatch(n -> n.task() == t)) {
                continue;
            }
            boolean worlds = !r.of(t, Regime.STANDARD, Condition.NATURAL).isEmpty();
            List<Condition> shown = worlds ? List.of(Condition.NATURAL, Condition.UNIFORM, Condition.OBLIQUE,
                    Condition.AMPLIFIED) : List.of(Condition.PHOTOS, Condition.PHOTOS_ROTATED);
            String id = "deepnets." + (worlds ? "" : "photos.") + t.label();
            String how = settings(r, t);
            out.add(new Panel("fig2c", "fig2c_" + t.label(), "Small CNN (" + t.label() + "): deep-layer sensitivity "
                    + "to orientation per training world", "Deep layers " + r.deepLayers() + ", after training; "
                    + how, orientationChart(r, t, shown, id)));
            out.add(new Panel("fig2c", "fig2c_depth_" + t.label(), "Cardinal/oblique ratio layer by layer ("
                    + t.label() + ")", how, depthChart(r, t, shown, id)));
            out.add(new Panel("", "timecourse_" + t.label(), "Time course of the deep-layer cardinal/oblique ratio ("
                    + t.label() + ")", "Snapshots during training (step 0: the shared untrained network); " + how,
                    timeCourseChart(r, t, shown)));
            Condition rotated = worlds ? Condition.OBLIQUE : Condition.PHOTOS_ROTATED;
            Condition base = worlds ? Condition.NATURAL : Condition.PHOTOS;
            if (!r.of(t, Regime.STANDARD, rotated).isEmpty() && !r.of(t, Regime.STANDARD, base).isEmpty()) {
                out.add(new Panel("sifig1b", "sifig1b_" + t.label(), "Difference profile " + rotated.label() + " − "
                        + base.label() + " (" + t.label() + ")", "Paired per seed, deep layers; " + how,
                        differenceChart(r, t, rotated, base, id)));
            }
            if (worlds && r.config().probes().size() > 1) {
                out.add(new Panel("sifig3", "sifig3_" + t.label(), "Natural − uniform effect per Gabor setting ("
                        + t.label() + ")", how, probeChart(r, t, id)));
            }
            Condition shifted = worlds ? Condition.HUE_SHIFTED : Condition.PHOTOS_HUE_SHIFTED;
            List<TrainedNetwork> b = r.of(t, Regime.STANDARD, base);
            if (!b.isEmpty() && b.get(0).histogram() != null) {
                List<Condition> hues = new ArrayList<>(List.of(base));
                if (worlds && !r.of(t, Regime.STANDARD, Condition.HUE_UNIFORM).isEmpty()) {
                    hues.add(Condition.HUE_UNIFORM);
                }
                out.add(new Panel("fig3c", "fig3c_" + t.label(), "Deep-layer sensitivity to hue with the training hue "
                        + "histogram behind (" + t.label() + ")", how, hueChart(r, t, hues, id + ".hue.histogram",
                        true)));
                if (!r.of(t, Regime.STANDARD, shifted).isEmpty()) {
                    out.add(new Panel("fig3d", "fig3d_" + t.label(), "Trained on hue-shifted images: the curve moves "
                            + "(" + t.label() + ")", "Both conditions on one axis; " + how, hueChart(r, t,
                            List.of(base, shifted), id + ".hue.shift", false)));
                }
            }
        }
        if (r.pooling() != null) {
            out.add(new Panel("sifig1c", "sifig1c_pooling", "Untrained AlexNet: overlapping versus non-overlapping "
                    + "pools", r.pooling().settings().seeds() + " initializations, "
                    + r.pooling().settings().inputSize() + " px, widths ÷" + r.pooling().settings().widthDivisor(),
                    poolingChart(r)));
        }
        if (r.bridge() != null) {
            out.add(new Panel("", "linear_bridge", "Depth-1 linear autoencoder on the same worlds (bridge to Figs 4–5)",
                    "Same Gabor probe as the CNNs; " + r.bridge().runs().size() + " runs", bridgeChart(r)));
        }
        return out;
    }

    private static String settings(DeepNetworks.Result r, Task t) {
        DeepNetworks.Config c = r.config();
        return c.arch() + " width " + c.width() + ", " + c.inputSize() + " px, " + c.training().steps()
                + " SGD steps of " + c.training().batch() + ", " + (t == Task.CENTRE_SHAPE ? c.shapeImages()
                : c.sourceImages()) + " images per condition, " + c.seeds() + " paired seeds.";
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

    /** A note under the plot with a claim's verdict, when the run tested it. */
    private static void verdictNote(Plot p, String what, Claim c) {
        if (c != null) {
            p.note(what + ": " + verdict(c) + ".");
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
    static Plot orientationChart(DeepNetworks.Result r, Task t, List<Condition> shown, String id) {
        int n = r.thetaDeg().length;
        Plot p = Plot.of("", Axis.orientation(), Axis.linear("normalized √D × θ count (1 = flat)"));
        int k = 0;
        for (Condition c : shown) {
            List<Measurement> ms = finals(r, t, c);
            if (!ms.isEmpty()) {
                p.meanBand(c.label(), r.thetaDeg(), curves(r, ms, LayerMeasure::orientation, n), Palette.condition(k));
            }
            k++;
        }
        for (String kind : List.of("init", "shuffle")) {
            List<Measurement> ms = controls(r, t, kind);
            if (!ms.isEmpty()) {
                double[][] y = curves(r, ms, LayerMeasure::orientation, n);
                if (kind.equals("init")) {
                    p.meanBand("untrained", r.thetaDeg(), y, INK);
                } else {
                    p.dashed("natural, weights shuffled", r.thetaDeg(), mean(y), Palette.GREY);
                }
            }
        }
        p.hline(1, "flat");
        verdictNote(p, "natural − uniform ratio", claim(r, id + ".natural_vs_uniform"));
        verdictNote(p, "oblique − uniform", claim(r, id + ".oblique_vs_uniform"));
        verdictNote(p, "amplified − uniform", claim(r, id + ".amplified_vs_uniform"));
        verdictNote(p, "untrained nearer uniform than natural", claim(r, id + ".init_near_uniform"));
        verdictNote(p, "shuffled nearer untrained", claim(r, id + ".shuffle"));
        return p;
    }

    private static final Color INK = new Color(0x22, 0x22, 0x22);

    private static double[] mean(double[][] perSeed) {
        double[] m = new double[perSeed[0].length];
        for (double[] s : perSeed) {
            for (int i = 0; i < m.length; i++) {
                m[i] += s[i] / perSeed.length;
            }
        }
        return m;
    }

    /** Fig. 2c by depth: the cardinal/oblique ratio of every measured layer per condition. */
    static Plot depthChart(DeepNetworks.Result r, Task t, List<Condition> shown, String id) {
        double[] x = new double[r.layers().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        Plot p = Plot.of("", Axis.categories("layer", r.layers()), Axis.linear("cardinal / oblique ratio"));
        int k = 0;
        for (Condition c : shown) {
            List<Measurement> ms = finals(r, t, c);
            if (!ms.isEmpty()) {
                p.meanBand(c.label(), x, ratiosByLayer(r, ms), Palette.condition(k));
            }
            k++;
        }
        List<Measurement> init = controls(r, t, "init");
        if (!init.isEmpty()) {
            p.meanBand("untrained", x, ratiosByLayer(r, init), INK);
        }
        p.hline(1, "no preference");
        verdictNote(p, "depth: Spearman ρ of layer and natural − uniform effect", claim(r, id + ".depth"));
        return p;
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

    /** Issue 12.3: the deep-layer cardinal/oblique ratio at each snapshot, per condition (dashed: rich regime). */
    static Plot timeCourseChart(DeepNetworks.Result r, Task t, List<Condition> shown) {
        Plot p = Plot.of("", Axis.linear("training step").tight(), Axis.linear("deep-layer cardinal / oblique ratio"));
        for (Regime g : Regime.values()) {
            int k = 0;
            for (Condition c : shown) {
                List<TrainedNetwork> ns = r.of(t, g, c);
                if (!ns.isEmpty()) {
                    int s = ns.get(0).snapshots().size();
                    double[] x = new double[s];
                    double[][] y = new double[ns.size()][s];
                    for (int i = 0; i < s; i++) {
                        x[i] = ns.get(0).snapshots().get(i).step();
                        for (int q = 0; q < ns.size(); q++) {
                            y[q][i] = deepMean(r, ns.get(q).snapshots().get(i), LayerMeasure::ratio);
                        }
                    }
                    if (g == Regime.RICH) {
                        p.dashed(c.label() + " (rich regime)", x, mean(y), Palette.condition(k));
                    } else {
                        p.meanBand(c.label(), x, y, Palette.condition(k));
                    }
                }
                k++;
            }
        }
        p.hline(1, "no preference");
        return p;
    }

    /** SI Fig. 1b: the difference profile (rotated − unrotated), deep layers, paired per seed. */
    static Plot differenceChart(DeepNetworks.Result r, Task t, Condition rotated, Condition base, String id) {
        int n = r.thetaDeg().length;
        List<Measurement> a = finals(r, t, rotated);
        List<Measurement> b = finals(r, t, base);
        double[][] d = new double[Math.min(a.size(), b.size())][];
        for (int k = 0; k < d.length; k++) {
            double[] pa = deepCurve(r, a.get(k), LayerMeasure::orientation);
            double[] pb = deepCurve(r, b.get(k), LayerMeasure::orientation);
            d[k] = new double[n];
            for (int i = 0; i < n; i++) {
                d[k][i] = (pa[i] - pb[i]) * n;
            }
        }
        Plot p = Plot.of("", Axis.orientation(), Axis.linear(rotated.label() + " − " + base.label()
                + ", normalized √D × θ count"));
        p.meanBand(rotated.label() + " − " + base.label(), r.thetaDeg(), d, Palette.condition(2));
        p.hline(0, "no difference");
        verdictNote(p, "at cardinals (expected < 0)", claim(r, id + ".rotated_profile.cardinal"));
        verdictNote(p, "at obliques (expected > 0)", claim(r, id + ".rotated_profile.oblique"));
        return p;
    }

    /** SI Fig. 3: the natural − uniform effect at each Gabor setting. */
    static Plot probeChart(DeepNetworks.Result r, Task t, String id) {
        List<DeepNetworks.Probe> probes = r.config().probes();
        List<Measurement> nat = finals(r, t, Condition.NATURAL);
        List<Measurement> uni = finals(r, t, Condition.UNIFORM);
        int seeds = Math.min(nat.size(), uni.size());
        double[] x = new double[probes.size()];
        double[] mean = new double[probes.size()];
        double[] se = new double[probes.size()];
        List<String> names = new ArrayList<>();
        for (int q = 0; q < probes.size(); q++) {
            int pp = q;
            x[q] = q;
            names.add(probes.get(q).name());
            double[] e = new double[seeds];
            for (int k = 0; k < seeds; k++) {
                e[k] = deepMean(r, nat.get(k), l -> l.probeRatios()[pp]) - deepMean(r, uni.get(k),
                        l -> l.probeRatios()[pp]);
            }
            mean[q] = Statistics.mean(e);
            se[q] = seeds > 1 ? Statistics.se(e) : Double.NaN;
        }
        Plot p = Plot.of("", Axis.categories("Gabor setting", names), Axis.linear("natural − uniform ratio")
                .includeZero());
        p.points("natural − uniform (mean ± s.e., n = " + seeds + ")", x, mean, se, Palette.condition(0));
        p.hline(0, "no effect");
        for (int q = 1; q < probes.size(); q++) {
            verdictNote(p, probes.get(q).name(), claim(r, id + ".probe." + probes.get(q).name()));
        }
        return p;
    }

    private static double deepMean(DeepNetworks.Result r, Measurement m, java.util.function.ToDoubleFunction<
            LayerMeasure> f) {
        double s = 0;
        for (String l : r.deepLayers()) {
            s += f.applyAsDouble(m.layer(l));
        }
        return s / r.deepLayers().size();
    }

    /**
     * Fig. 3c (histogram true: the first condition's training hue histogram behind the curves, and the CIELAB
     * distance of Fig. 3b dashed) or Fig. 3d (the conditions overlaid on one axis).
     */
    static Plot hueChart(DeepNetworks.Result r, Task t, List<Condition> shown, String claimId, boolean histogram) {
        Plot p = Plot.of("", Axis.hue(), Axis.linear("normalized √D × 360 (1 = flat)"));
        double[] x = new double[360];
        for (int i = 0; i < 360; i++) {
            x[i] = i;
        }
        if (histogram) {
            TrainedNetwork first = r.of(t, Regime.STANDARD, shown.get(0)).get(0);
            p.backdrop("training hue histogram (" + shown.get(0).label() + ", seed 0)", x, first.histogram(), null);
        }
        int k = 0;
        for (Condition c : shown) {
            List<Measurement> ms = finals(r, t, c);
            if (!ms.isEmpty()) {
                p.meanBand(c.label(), x, curves(r, ms, LayerMeasure::hue, 360), Palette.condition(k));
            }
            k++;
        }
        if (histogram) {
            double[] lab = ColorSpace.hueDistance(1);
            double s = 0;
            for (double v : lab) {
                s += v;
            }
            for (int i = 0; i < lab.length; i++) {
                lab[i] *= 360 / s;
            }
            p.dashed("CIELAB ΔE per degree (Fig. 3b)", x, lab, Palette.GREY);
            verdictNote(p, "correlation with the histogram, natural − uniform hue world", claim(r, claimId));
            verdictNote(p, "correlation with CIELAB ΔE", claim(r, "deepnets." + t.label() + ".hue.cielab"));
        } else {
            verdictNote(p, "|lag − 90°| between the two networks' curves", claim(r, claimId));
        }
        return p;
    }

    /** SI Fig. 1c: untrained AlexNet, overlapping and non-overlapping pools, deep layers, mean ± s.e. over seeds. */
    static Plot poolingChart(DeepNetworks.Result r) {
        DeepNetworks.PoolingResult pr = r.pooling();
        // the profiles are per seed (rows), each already the mean over the deep layers
        int n = pr.overlappingProfile()[0].length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 180.0 * i / n;
        }
        Plot p = Plot.of("", Axis.orientation(), Axis.linear("normalized √D × θ count (deep layers)"));
        p.meanBand("overlapping 3×3/2 pools", x, scaled(pr.overlappingProfile(), n), Palette.condition(1));
        p.meanBand("non-overlapping 2×2/2 pools", x, scaled(pr.nonOverlappingProfile(), n), Palette.condition(0));
        p.hline(1, "flat");
        p.note("Mean over " + pr.overlapping().length + " initializations (per-seed ratios in pooling.csv).");
        verdictNote(p, "overlapping − non-overlapping ratio", claim(r, "deepnets.pooling.overlap_vs_nonoverlap"));
        return p;
    }

    /** Each seed's normalized profile times the number of θ, so that a flat profile reads 1. */
    static double[][] scaled(double[][] perSeed, int thetas) {
        double[][] s = new double[perSeed.length][];
        for (int k = 0; k < perSeed.length; k++) {
            s[k] = new double[perSeed[k].length];
            for (int i = 0; i < s[k].length; i++) {
                s[k][i] = perSeed[k][i] * thetas;
            }
        }
        return s;
    }

    /** Issue 12.6: the linear autoencoder's cardinal/oblique ratio over training time per world. */
    static Plot bridgeChart(DeepNetworks.Result r) {
        DeepLinearBridge.Result b = r.bridge();
        double[] x = new double[b.steps().length];
        for (int j = 0; j < x.length; j++) {
            x[j] = Math.max(b.steps()[j], 0.5);
        }
        Plot p = Plot.of("", Axis.log("training steps (step size 1/λ_max)"), Axis.linear("cardinal / oblique ratio"));
        int k = 0;
        for (Condition c : List.of(Condition.NATURAL, Condition.UNIFORM, Condition.OBLIQUE, Condition.AMPLIFIED)) {
            List<DeepLinearBridge.Run> runs = b.of(c);
            if (!runs.isEmpty()) {
                p.meanBand(c.label(), x, runs.stream().map(DeepLinearBridge.Run::ratio).toArray(double[][]::new),
                        Palette.condition(k));
            }
            k++;
        }
        p.vline(x[b.claimStep()], "claim judged here");
        p.hline(1, "no preference");
        verdictNote(p, "natural − uniform", claim(r, "deepnets.linear.natural_vs_uniform"));
        return p;
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
    }

    private static Panel importedPanel(DeepNetworks.Result r) {
        Measurement m = r.imported();
        int n = r.thetaDeg().length;
        Plot p = Plot.of("", Axis.orientation(), Axis.linear("normalized √D × θ count (1 = flat)"));
        for (int i = 0; i < m.layers().size(); i++) {
            double[] y = m.layers().get(i).orientation().clone();
            for (int q = 0; q < y.length; q++) {
                y[q] *= n;
            }
            p.line(m.layers().get(i).layer(), r.thetaDeg(), y, Palette.depth(i, m.layers().size()));
        }
        p.hline(1, "flat");
        return new Panel("fig2c", "orientation", "Sensitivity to orientation per layer of " + r.config().model(),
                "The paper's Gabor scaled to " + r.config().inputSize() + " px, " + n + " orientations", p);
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
