package org.psychonet.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.psychonet.experiment.DeepNetworks.Condition;
import org.psychonet.experiment.DeepNetworks.Control;
import org.psychonet.experiment.DeepNetworks.Measurement;
import org.psychonet.experiment.DeepNetworks.Regime;
import org.psychonet.experiment.DeepNetworks.Result;
import org.psychonet.experiment.DeepNetworks.Task;
import org.psychonet.experiment.DeepNetworks.TrainedNetwork;
import org.psychonet.images.ColorSpace;
import org.psychonet.util.Estimate;
import org.psychonet.util.Statistics;

/**
 * The paper's claims about deep networks (Figs 2c, 3b–d, SI Figs 1 and 3; issue 12.5), each a difference between
 * conditions paired per seed and judged against its standard error over seeds: it holds when the mean exceeds
 * its bound by 2 s.e. ({@link Claim.Builder#aboveBy2se}, {@link Claim.Builder#belowBy2se}; not a permutation
 * test). Every number is the mean over the deep layers (the deepest third of the measured taps, fixed before any
 * run) after the last training step unless said otherwise. Bounds are written here, before any run.
 */
final class DeepClaims {
    private DeepClaims() {
    }

    static List<Claim> of(Result r) {
        List<Claim> claims = new ArrayList<>();
        for (Task t : List.of(Task.DENOISE, Task.CENTRE_SHAPE, Task.LABELS)) {
            orientation(r, t, Regime.STANDARD, claims);
        }
        orientation(r, Task.DENOISE, Regime.RICH, claims);
        hue(r, Task.DENOISE, claims);
        photos(r, claims);
        pooling(r, claims);
        bridge(r, claims);
        return claims;
    }

    /** Mean over the deep layers of a per-layer number. */
    static double deep(Result r, Measurement m, ToDoubleFunction<DeepNetworks.LayerMeasure> f) {
        double s = 0;
        for (String l : r.deepLayers()) {
            s += f.applyAsDouble(m.layer(l));
        }
        return s / r.deepLayers().size();
    }

    /** Deep-mean cardinal/oblique ratio after the last step, one value per seed. */
    static double[] finalRatio(Result r, Task t, Regime g, Condition c) {
        return r.of(t, g, c).stream().mapToDouble(n -> deep(r, n.last(), DeepNetworks.LayerMeasure::ratio)).toArray();
    }

    static double[] controlRatio(Result r, Task t, Regime g, String kind) {
        return r.controls(t, g, kind).stream().mapToDouble(c -> deep(r, c.measurement(),
                DeepNetworks.LayerMeasure::ratio)).toArray();
    }

    private static boolean has(Result r, Task t, Regime g, Condition c) {
        return !r.of(t, g, c).isEmpty();
    }

    private static String settings(Result r, Task t) {
        DeepNetworks.Config c = r.config();
        int images = t == Task.CENTRE_SHAPE ? c.shapeImages() : c.sourceImages();
        return t.label() + ", " + c.arch() + " width " + c.width() + ", " + c.inputSize() + " px, " + images
                + " images/condition, " + c.training().steps() + " SGD steps of " + c.training().batch() + ", "
                + c.seeds() + " seeds (paired), deep layers " + r.deepLayers();
    }

    private static void orientation(Result r, Task t, Regime g, List<Claim> claims) {
        String id = "deepnets." + t.label() + (g == Regime.STANDARD ? "" : "." + g.label());
        String set = settings(r, t);
        if (!has(r, t, g, Condition.NATURAL) || !has(r, t, g, Condition.UNIFORM)) {
            return;
        }
        double[] nat = finalRatio(r, t, g, Condition.NATURAL);
        double[] uni = finalRatio(r, t, g, Condition.UNIFORM);
        claims.add(Claim.paper(id + ".natural_vs_uniform", "Fig. 2c",
                "a network trained on the natural-orientation world is more sensitive at cardinals than one trained "
                        + "on the uniform world")
                .measured("cardinal/oblique ratio, natural − uniform world", Estimate.paired(nat, uni))
                .settings(set).aboveBy2se(0));
        if (has(r, t, g, Condition.OBLIQUE)) {
            double[] obl = finalRatio(r, t, g, Condition.OBLIQUE);
            claims.add(Claim.paper(id + ".oblique_vs_uniform", "SI Fig. 1b",
                    "a network trained on the oblique world (natural prior turned 45°) is less sensitive at cardinals "
                            + "than one trained on the uniform world")
                    .measured("cardinal/oblique ratio, oblique − uniform world", Estimate.paired(obl, uni))
                    .settings(set).belowBy2se(0));
            claims.add(differenceProfile(r, t, g, Condition.OBLIQUE, Condition.NATURAL, true, id, set));
            claims.add(differenceProfile(r, t, g, Condition.OBLIQUE, Condition.NATURAL, false, id, set));
        }
        if (has(r, t, g, Condition.AMPLIFIED)) {
            double[] amp = finalRatio(r, t, g, Condition.AMPLIFIED);
            claims.add(Claim.check(id + ".amplified_vs_uniform", "positive control",
                    "a much stronger cardinal prior (80 % of shapes near cardinals) raises the cardinal ratio: the "
                            + "experiment can detect a prior at this scale")
                    .measured("cardinal/oblique ratio, amplified − uniform world", Estimate.paired(amp, uni))
                    .settings(set).aboveBy2se(0));
        }
        double[] init = controlRatio(r, t, g, "init");
        if (init.length == nat.length) {
            double[] e = new double[nat.length];
            for (int i = 0; i < e.length; i++) {
                e[i] = Math.abs(nat[i] - init[i]) - Math.abs(uni[i] - init[i]);
            }
            claims.add(Claim.paper(id + ".init_near_uniform", "SI Fig. 1a",
                    "the untrained network is closer to the uniform-world network than to the natural-world one")
                    .measured("|ratio natural − untrained| − |ratio uniform − untrained|", Estimate.of(e))
                    .settings(set).aboveBy2se(0));
        }
        double[] shuf = controlRatio(r, t, g, "shuffle");
        if (init.length == nat.length && shuf.length == nat.length) {
            double[] e = new double[nat.length];
            for (int i = 0; i < e.length; i++) {
                e[i] = Math.abs(nat[i] - init[i]) - Math.abs(shuf[i] - init[i]);
            }
            claims.add(Claim.paper(id + ".shuffle", "SI Fig. 1a",
                    "shuffling the trained weights within each tensor removes the learned pattern: the shuffled "
                            + "network is closer to the untrained one than the trained network is")
                    .measured("|ratio trained − untrained| − |ratio shuffled − untrained| (natural world)",
                            Estimate.of(e)).settings(set).aboveBy2se(0));
        }
        // the effect grows with depth: per seed, Spearman ρ between layer depth and the per-layer effect
        List<TrainedNetwork> n = r.of(t, g, Condition.NATURAL);
        List<TrainedNetwork> u = r.of(t, g, Condition.UNIFORM);
        double[] rho = new double[n.size()];
        double[] depth = new double[r.layers().size()];
        for (int l = 0; l < depth.length; l++) {
            depth[l] = l;
        }
        for (int k = 0; k < n.size(); k++) {
            double[] effect = new double[depth.length];
            for (int l = 0; l < depth.length; l++) {
                String layer = r.layers().get(l);
                effect[l] = n.get(k).last().layer(layer).ratio() - u.get(k).last().layer(layer).ratio();
            }
            rho[k] = Statistics.spearman(depth, effect);
        }
        claims.add(Claim.paper(id + ".depth", "Fig. 2c",
                "the effect (natural − uniform cardinal/oblique ratio) is more pronounced deeper in the network")
                .measured("Spearman ρ of layer depth and per-layer effect, all " + depth.length + " measured layers",
                        Estimate.of(rho)).settings(set).aboveBy2se(0));
        // robustness to the Gabor's frequency and envelope (SI Fig. 3): the effect's sign at every setting
        List<DeepNetworks.Probe> probes = r.config().probes();
        for (int p = 1; p < probes.size(); p++) {
            int pi = p;
            double[] np = n.stream().mapToDouble(x -> deep(r, x.last(), l -> l.probeRatios()[pi])).toArray();
            double[] up = u.stream().mapToDouble(x -> deep(r, x.last(), l -> l.probeRatios()[pi])).toArray();
            claims.add(Claim.paper(id + ".probe." + probes.get(p).name(), "SI Fig. 3",
                    "the natural − uniform effect keeps its sign with another Gabor (" + probes.get(p).name() + ")")
                    .measured("cardinal/oblique ratio, natural − uniform, Gabor " + probes.get(p).name(),
                            Estimate.paired(np, up)).settings(set).aboveBy2se(0));
        }
    }

    /**
     * SI Fig. 1b: the difference profile (rotated − unrotated) of the normalized √D is negative at cardinals and
     * positive at obliques — the rotated network partially keeps cardinal sensitivity rather than having a ratio
     * below 1.
     */
    private static Claim differenceProfile(Result r, Task t, Regime g, Condition rotated, Condition unrotated,
                                           boolean cardinal, String id, String set) {
        List<TrainedNetwork> a = r.of(t, g, rotated);
        List<TrainedNetwork> b = r.of(t, g, unrotated);
        double[] v = new double[a.size()];
        for (int k = 0; k < v.length; k++) {
            double s = 0;
            for (String l : r.deepLayers()) {
                double[] pa = a.get(k).last().layer(l).orientation();
                double[] pb = b.get(k).last().layer(l).orientation();
                double[] diff = new double[pa.length];
                for (int i = 0; i < diff.length; i++) {
                    diff[i] = (pa[i] - pb[i]) * pa.length; // in units of the flat curve's height
                }
                s += DeepMetrics.windowMean(r.thetaDeg(), diff, r.config().windowDeg(), cardinal);
            }
            v[k] = s / r.deepLayers().size();
        }
        String where = cardinal ? "cardinals" : "obliques";
        Claim.Builder c = Claim.paper(id + ".rotated_profile." + (cardinal ? "cardinal" : "oblique"), "SI Fig. 1b",
                "training on " + rotated.label() + " instead of " + unrotated.label() + " images "
                        + (cardinal ? "lowers" : "raises") + " the normalized sensitivity at " + where)
                .measured("(" + rotated.label() + " − " + unrotated.label() + ") normalized √D at " + where
                        + " (×θ count: 1 = the flat curve's height)", Estimate.of(v)).settings(set);
        return cardinal ? c.belowBy2se(0) : c.aboveBy2se(0);
    }

    /** Fig. 3b–d on the denoising networks (colour is useless to the centre-shape task). */
    private static void hue(Result r, Task t, List<Claim> claims) {
        List<TrainedNetwork> nat = r.of(t, Regime.STANDARD, Condition.NATURAL);
        if (nat.isEmpty() || nat.get(0).histogram() == null) {
            return;
        }
        String set = settings(r, t);
        String id = "deepnets." + t.label() + ".hue";
        double[] corrNat = new double[nat.size()];
        for (int k = 0; k < nat.size(); k++) {
            double[] hist = nat.get(k).histogram();
            corrNat[k] = deep(r, nat.get(k).last(), l -> Statistics.pearson(l.hue(), hist));
        }
        List<TrainedNetwork> uni = r.of(t, Regime.STANDARD, Condition.HUE_UNIFORM);
        if (uni.size() == nat.size()) {
            double[] corrUni = new double[uni.size()];
            for (int k = 0; k < uni.size(); k++) {
                double[] hist = nat.get(k).histogram(); // the natural world's histogram, same seed
                corrUni[k] = deep(r, uni.get(k).last(), l -> Statistics.pearson(l.hue(), hist));
            }
            claims.add(Claim.paper(id + ".histogram", "Fig. 3c",
                    "hue sensitivity correlates with the natural world's hue histogram for a network trained on it, "
                            + "more than for one trained on the uniform-hue world")
                    .measured("Pearson r(hue √D, natural hue histogram): natural − uniform-hue world",
                            Estimate.paired(corrNat, corrUni)).settings(set).aboveBy2se(0));
        }
        List<TrainedNetwork> sh = r.of(t, Regime.STANDARD, Condition.HUE_SHIFTED);
        if (sh.size() == nat.size()) {
            claims.add(lagClaim(r, nat, sh, id + ".shift", "the 90°-shifted world", r.config().hueShiftDeg(), set));
        }
        double[] lab = ColorSpace.hueDistance(1);
        double[] corrLab = new double[nat.size()];
        for (int k = 0; k < nat.size(); k++) {
            corrLab[k] = deep(r, nat.get(k).last(), l -> Statistics.pearson(l.hue(), lab));
        }
        claims.add(Claim.paper(id + ".cielab", "Fig. 3b",
                "the network's hue sensitivity has its peaks where human sensitivity (CIELAB distance between "
                        + "neighbouring hues at S = V = 1) has them")
                .measured("Pearson r(hue √D, CIELAB ΔE per degree), natural world", Estimate.of(corrLab))
                .settings(set).aboveBy2se(0));
    }

    /**
     * Fig. 3d: the shift of the hue curve, measured as the lag of the circular cross-correlation between the two
     * networks' curves (not against the histogram, whose second harmonic would dominate); holds when |lag − shift|
     * is below 30° by 2 s.e.
     */
    private static Claim lagClaim(Result r, List<TrainedNetwork> base, List<TrainedNetwork> shifted, String id,
                                  String what, double shift, String set) {
        double[] err = new double[base.size()];
        for (int k = 0; k < err.length; k++) {
            int kk = k;
            double lag = deep(r, shifted.get(k).last(), l -> DeepMetrics.lagDeg(base.get(kk).last().layer(l.layer())
                    .hue(), l.hue()));
            err[k] = Math.abs(Statistics.wrap(lag - shift, 360));
        }
        return Claim.paper(id, "Fig. 3d", "training on " + what + " shifts the hue sensitivity curve by "
                + shift + "° ± 30°")
                .measured("|lag between the two networks' hue curves − " + shift + "°| (deg)", Estimate.of(err))
                .settings(set).belowBy2se(30);
    }

    private static void photos(Result r, List<Claim> claims) {
        for (Task t : List.of(Task.DENOISE, Task.LABELS)) {
            String set = settings(r, t);
            String id = "deepnets.photos." + t.label();
            if (has(r, t, Regime.STANDARD, Condition.PHOTOS) && has(r, t, Regime.STANDARD, Condition.PHOTOS_ROTATED)) {
                claims.add(differenceProfile(r, t, Regime.STANDARD, Condition.PHOTOS_ROTATED, Condition.PHOTOS, true,
                        id, set));
                claims.add(differenceProfile(r, t, Regime.STANDARD, Condition.PHOTOS_ROTATED, Condition.PHOTOS, false,
                        id, set));
            }
            List<TrainedNetwork> base = r.of(t, Regime.STANDARD, Condition.PHOTOS);
            List<TrainedNetwork> sh = r.of(t, Regime.STANDARD, Condition.PHOTOS_HUE_SHIFTED);
            if (!base.isEmpty() && sh.size() == base.size()) {
                claims.add(lagClaim(r, base, sh, id + ".hue.shift", "hue-shifted photographs",
                        r.config().hueShiftDeg(), set));
            }
        }
    }

    /** SI Fig. 1c: overlapping pooling gives a cardinal bias at initialization that non-overlapping pooling lacks. */
    private static void pooling(Result r, List<Claim> claims) {
        DeepNetworks.PoolingResult p = r.pooling();
        if (p == null) {
            return;
        }
        claims.add(Claim.paper("deepnets.pooling.overlap_vs_nonoverlap", "SI Fig. 1c",
                "untrained AlexNet with overlapping max-pools (3×3, stride 2) is more sensitive at cardinals than "
                        + "with non-overlapping ones (2×2, stride 2), the same weights otherwise")
                .measured("cardinal/oblique ratio at initialization, overlapping − non-overlapping pools",
                        Estimate.paired(p.overlapping(), p.nonOverlapping()))
                .settings("alexnet width ÷" + p.settings().widthDivisor() + ", " + p.settings().inputSize() + " px, "
                        + p.settings().seeds() + " initializations (paired), deep layers " + p.deepLayers())
                .aboveBy2se(0));
    }

    /** The same claims for the depth-1 linear autoencoder on the same worlds (issue 12.6). */
    private static void bridge(Result r, List<Claim> claims) {
        DeepLinearBridge.Result b = r.bridge();
        if (b == null || b.of(Condition.NATURAL).isEmpty() || b.of(Condition.UNIFORM).isEmpty()) {
            return;
        }
        int j = b.claimStep();
        double[] nat = b.of(Condition.NATURAL).stream().mapToDouble(x -> x.ratio()[j]).toArray();
        double[] uni = b.of(Condition.UNIFORM).stream().mapToDouble(x -> x.ratio()[j]).toArray();
        String set = "depth-1 linear autoencoder on " + b.patchSide() + "-px grey crops of " + b.patches()
                + " world images per seed, full-batch descent from W = 0, t = " + b.steps()[j]
                + " steps of 1/λ_max (the first snapshot with the loss below half), " + nat.length + " seeds";
        claims.add(Claim.paper("deepnets.linear.natural_vs_uniform", "Figs 4–5 (bridge to Fig. 2c)",
                "the linear autoencoder trained on the natural world is more sensitive at cardinals than on the "
                        + "uniform world")
                .measured("cardinal/oblique ratio, natural − uniform world", Estimate.paired(nat, uni))
                .settings(set).aboveBy2se(0));
        if (!b.of(Condition.OBLIQUE).isEmpty()) {
            double[] obl = b.of(Condition.OBLIQUE).stream().mapToDouble(x -> x.ratio()[j]).toArray();
            claims.add(Claim.paper("deepnets.linear.oblique_vs_uniform", "Figs 4–5 (bridge to SI Fig. 1b)",
                    "the linear autoencoder trained on the oblique world is less sensitive at cardinals than on the "
                            + "uniform world")
                    .measured("cardinal/oblique ratio, oblique − uniform world", Estimate.paired(obl, uni))
                    .settings(set).belowBy2se(0));
        }
    }
}
