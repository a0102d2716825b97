package org.psychonet.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.psychonet.experiment.LinearDynamics;
import org.psychonet.experiment.LinearTrajectory;
import org.psychonet.learning.linear.AcuityGrowth;
import org.psychonet.learning.linear.NetworkMeasures;
import org.psychonet.learning.linear.ThresholdElbows;
import org.psychonet.learning.linear.TwoSegmentFit;
import org.psychonet.stimulus.PlaneWave;

/**
 * CSVs and plots of the linear-network experiment (Figs 5b, 5c, 5f, 5h; SI Fig. 2; eqs 8, 10–11): per network the
 * first seed's curves, and over all seeds the measures the claims are judged on.
 */
public final class LinearReport {
    /** PCs drawn in the proportion-learned plots (all tracked PCs are in the CSV). */
    private static final int[] SHOWN = {1, 2, 3, 5, 8, 12, 20, 30, 40, 50};

    private LinearReport() {
    }

    /**
     * Every file of the experiment: the spectrum, each network's CSVs and plots (first seed), the measures of every
     * seed (measures.csv), the acuity exponent against the theory's, the Fig. 5f elbows, sharpness by depth, the
     * layers' alignment, depths.png and the supervised linear task.
     */
    public static void write(LinearDynamics.Result r, Path dir) throws IOException {
        double[] ev = r.samples().get(0).eigenvalues();
        writeSpectrum(ev, r.samples().get(0).data(), dir);
        PlaneWave wave = LinearDynamics.wave(r.config());
        double cutoff = r.config().cutoff();
        List<LinearTrajectory> first = new java.util.ArrayList<>();
        for (String net : r.networks()) {
            List<LinearDynamics.Run> runs = r.of(net);
            LinearTrajectory t = runs.get(0).trajectory();
            first.add(t);
            writeRun(t, ev, r.frequencies(), wave, cutoff, dir);
            Plots.save(acuityChart(runs, net, r.frequencies()[r.frequencies().length - 1]),
                    dir.resolve(net + "_acuity.png"));
            ThresholdElbows e = runs.get(0).measures().elbows();
            if (!e.fits().isEmpty()) {
                Plots.save(elbowChart(t, e, r.frequencies(), cutoff, net), dir.resolve(net + "_elbows.png"));
            }
            if (t.alignment() != null) {
                Plots.save(alignmentChart(t, net), dir.resolve(net + "_alignment.png"));
            }
        }
        writeMeasures(r, dir);
        Plots.save(sharpnessChart(r), dir.resolve("sharpness.png"));
        writeDepths(first.stream().filter(t -> !t.network().endsWith("-sgd")).toList(), dir);
        writeSupervised(r, dir);
    }

    /** measures.csv: one row per network and seed — every number a claim is judged on. */
    static void writeMeasures(LinearDynamics.Result r, Path dir) throws IOException {
        try (Csv csv = Csv.create(dir.resolve("measures.csv"), "network", "seed", "pc_order_spearman",
                "pcs_reaching_half", "theory_r2", "theory_r2_if_rate_were_std", "eq8_r2", "sharpness",
                "acuity_exponent", "acuity_exponent_ci_low", "acuity_exponent_ci_high", "acuity_points",
                "theory_exponent", "theory_exponent_ci_low", "theory_exponent_ci_high", "acuity_linear_r2",
                "acuity_squared_r2", "two_segment_r2", "one_line_r2", "elbow_step_spearman", "aligned_theory_r2",
                "plain_theory_r2_same_points", "final_loss")) {
            for (LinearDynamics.Run run : r.runs()) {
                NetworkMeasures m = run.measures();
                AcuityGrowth th = m.theoryAcuity();
                csv.row(run.network(), run.seed(), m.order().spearman(), m.order().reached(), m.theoryR2(),
                        m.theoryR2Std(), m.eq8R2(), m.sharpness(), m.acuity().exponent(), m.acuity().low(),
                        m.acuity().high(), m.acuity().points(), th == null ? Double.NaN : th.exponent(),
                        th == null ? Double.NaN : th.low(), th == null ? Double.NaN : th.high(),
                        m.acuity().linearR2(), m.acuity().squaredR2(), m.elbows().meanR2(), m.elbows().meanLineR2(),
                        m.elbows().elbowTrend(), run.metrics().alignedTheoryR2(),
                        run.metrics().plainTheoryR2SamePoints(), run.metrics().finalLoss());
            }
        }
    }

    /** spectrum.csv and spectrum.png: the PC variances (Fig. 5b). */
    static void writeSpectrum(double[] ev, String dataName, Path dir) throws IOException {
        try (Csv csv = Csv.create(dir.resolve("spectrum.csv"), "pc", "variance")) {
            for (int i = 0; i < ev.length; i++) {
                csv.row(i + 1, ev[i]);
            }
        }
        int n = Math.min(1000, ev.length);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = Math.max(ev[i], 1e-30);
        }
        XYChart c = Plots.lineChart("PCA spectrum of the patches (" + dataName + ")", "PC index", "variance λ_i");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setLegendVisible(false);
        Plots.line(c, "variance", x, y, Color.BLACK);
        Plots.save(c, dir.resolve("spectrum.png"));
    }

    /** Every CSV and plot of one architecture's run, prefixed by its label. */
    static void writeRun(LinearTrajectory t, double[] lambda, double[] freqs, PlaneWave wave, double cutoff, Path dir)
            throws IOException {
        String l = t.network();
        int k = t.proportion().length;
        try (Csv csv = Csv.create(dir.resolve(l + "_pcs.csv"), "step", "time", "pc", "variance", "proportion_learned",
                "theory", "sensitivity", "theory_sensitivity", "layer_alignment", "theory_from_alignment")) {
            for (int s = 0; s < t.steps().length; s++) {
                for (int i = 0; i < k; i++) {
                    csv.row(t.steps()[s], t.steps()[s] * t.learningRate(), i + 1, lambda[i], t.proportion()[i][s],
                            t.theory()[i][s], t.sensitivity()[i][s], t.theoryD()[i][s],
                            t.alignment() == null ? Double.NaN : t.alignment()[i][s],
                            t.aligned() == null ? Double.NaN : t.aligned()[i][s]);
                }
            }
        }
        try (Csv csv = Csv.create(dir.resolve(l + "_loss.csv"), "step", "loss")) {
            for (int s = 0; s < t.steps().length; s++) {
                csv.row(t.steps()[s], t.loss()[s]);
            }
        }
        try (Csv csv = Csv.create(dir.resolve(l + "_thresholds.csv"), "step", "frequency", "cycles_per_100px",
                "threshold")) {
            for (int s = 0; s < t.snapshots().length; s++) {
                for (int f = 0; f < freqs.length; f++) {
                    csv.row(t.snapshots()[s], freqs[f], wave.cyclesPer100(freqs[f]), t.thresholds()[s][f]);
                }
            }
        }
        try (Csv csv = Csv.create(dir.resolve(l + "_acuity.csv"), "step", "time", "acuity", "acuity_cycles_per_100px",
                "theory_acuity")) {
            for (int s = 0; s < t.snapshots().length; s++) {
                csv.row(t.snapshots()[s], t.snapshots()[s] * t.learningRate(), t.acuity()[s],
                        wave.cyclesPer100(t.acuity()[s]),
                        t.theoryAcuity() == null ? Double.NaN : t.theoryAcuity()[s]);
            }
        }
        try (Csv csv = Csv.create(dir.resolve(l + "_singular_values.csv"), "step", "rank", "singular_value")) {
            for (int s = 0; s < t.svSteps().length; s++) {
                double[] sv = t.singular().get(s);
                for (int r = 0; r < sv.length; r++) {
                    csv.row(t.svSteps()[s], r + 1, sv[r]);
                }
            }
        }
        Plots.save(proportionChart(t, "Proportion learned u_iᵀWu_i (" + l + "), theory dashed"
                        + (t.aligned() != null ? ", from alignment dotted" : "")),
                dir.resolve(l + "_proportion.png"));
        Plots.save(thresholdChart(t, freqs, cutoff, l), dir.resolve(l + "_thresholds.png"));
    }

    /** Fig. 5c: one curve per PC, coloured by PC index, theory dashed. */
    static XYChart proportionChart(LinearTrajectory t, String title) {
        XYChart c = Plots.lineChart(title, "training step", "proportion learned");
        double[] x = new double[t.steps().length];
        for (int s = 0; s < x.length; s++) {
            x[s] = t.steps()[s];
        }
        int k = t.proportion().length;
        for (int pc : SHOWN) {
            if (pc > k) {
                continue;
            }
            Color col = Plots.depthColor((pc - 1) / (double) Math.max(1, Math.min(50, k) - 1));
            Plots.line(c, "PC " + pc, x, t.proportion()[pc - 1], col);
            Plots.dashed(c, "PC " + pc + " theory", x, t.theory()[pc - 1], col).setShowInLegend(false);
            if (t.aligned() != null) {
                dotted(c, "PC " + pc + " theory from alignment", x, finiteOnly(t.aligned()[pc - 1]), col)
                        .setShowInLegend(false);
            }
        }
        return c;
    }

    /** NaN → the first defined value before it (XChart cannot draw NaN; the curve starts at alignment). */
    private static double[] finiteOnly(double[] v) {
        double[] r = v.clone();
        int first = 0;
        while (first < r.length && Double.isNaN(r[first])) {
            first++;
        }
        for (int i = 0; i < first && first < r.length; i++) {
            r[i] = r[first];
        }
        return r;
    }

    private static XYSeries dotted(XYChart c, String name, double[] x, double[] y, Color col) {
        XYSeries s = Plots.line(c, name, x, y, col);
        s.setLineStyle(new java.awt.BasicStroke(1.4f, java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND,
                10f, new float[] {1.5f, 3f}, 0f));
        return s;
    }

    /** Fig. 5f: thresholds against frequency at a few snapshots. */
    static XYChart thresholdChart(LinearTrajectory t, double[] freqs, double cutoff, String label) {
        XYChart c = Plots.lineChart("Frequency thresholds D^-1/2 during training (" + label + ")",
                "frequency (rad per π-span)", "threshold D^-1/2");
        c.getStyler().setYAxisLogarithmic(true);
        int n = t.snapshots().length;
        int shown = Math.min(8, n - 1);
        for (int j = 1; j <= shown; j++) {
            int s = (int) Math.round(j * (n - 1) / (double) shown);
            double[] y = t.thresholds()[s].clone();
            for (int i = 0; i < y.length; i++) {
                y[i] = Math.min(Math.max(y[i], 1e-6), 1e6);
            }
            Plots.line(c, "step " + t.snapshots()[s], freqs, y, Plots.depthColor(j - 1, shown));
        }
        double[] cut = new double[freqs.length];
        java.util.Arrays.fill(cut, cutoff);
        Plots.dashed(c, "acuity cutoff", freqs, cut, Color.GRAY);
        return c;
    }

    /**
     * Fig. 5h on log-log axes: every seed's acuity against t = lr·step (points), the fitted power law of the first
     * seed (solid) and the theory's acuity (dashed); the title gives γ and the theory's γ with their 95% CIs.
     */
    static XYChart acuityChart(List<LinearDynamics.Run> runs, String net, double gridTop) {
        NetworkMeasures m0 = runs.get(0).measures();
        AcuityGrowth g = m0.acuity();
        AcuityGrowth th = m0.theoryAcuity();
        String title = String.format(java.util.Locale.ROOT, "Acuity ∝ t^γ (%s): γ = %.3f [%.3f, %.3f]", net,
                g.exponent(), g.low(), g.high()) + (th == null ? "" : String.format(java.util.Locale.ROOT,
                "; theory %.3f [%.3f, %.3f]", th.exponent(), th.low(), th.high()));
        XYChart c = Plots.lineChart(title, "training time t = lr × step", "acuity (rad per π-span)");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setMarkerSize(6);
        for (int i = 0; i < runs.size(); i++) {
            LinearTrajectory t = runs.get(i).trajectory();
            double[][] xy = positive(t.snapshotTimes(), t.acuity(), gridTop);
            if (xy[0].length == 0) {
                continue;
            }
            XYSeries sr = c.addSeries("seed " + runs.get(i).seed(), xy[0], xy[1]);
            sr.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            sr.setMarker(SeriesMarkers.CIRCLE);
            sr.setMarkerColor(Plots.depthColor(i, runs.size()));
        }
        if (g.points() >= AcuityGrowth.MIN_POINTS) {
            double[] fit = new double[g.times().length];
            double c0 = Math.exp(org.psychonet.util.Statistics.powerLaw(g.times(), g.acuity()).intercept());
            for (int i = 0; i < fit.length; i++) {
                fit[i] = c0 * Math.pow(g.times()[i], g.exponent());
            }
            Plots.line(c, "power-law fit (seed " + runs.get(0).seed() + ")", g.times(), fit, Color.BLACK);
        }
        LinearTrajectory t0 = runs.get(0).trajectory();
        if (t0.theoryAcuity() != null) {
            double[][] xy = positive(t0.snapshotTimes(), t0.theoryAcuity(), gridTop);
            if (xy[0].length > 1) {
                Plots.dashed(c, "theory", xy[0], xy[1], Color.RED);
            }
        }
        return c;
    }

    /** The points with t > 0 and 0 < acuity < grid top (defined and uncensored). */
    private static double[][] positive(double[] t, double[] a, double top) {
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] > 0 && a[i] > 0 && a[i] < top) {
                n++;
            }
        }
        double[][] r = new double[2][n];
        int j = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] > 0 && a[i] > 0 && a[i] < top) {
                r[0][j] = t[i];
                r[1][j] = a[i];
                j++;
            }
        }
        return r;
    }

    /** Fig. 5f as fitted: thresholds over the paper's window at the fitted snapshots, with their two-segment fits. */
    static XYChart elbowChart(LinearTrajectory t, ThresholdElbows e, double[] freqs, double cutoff, String net) {
        XYChart c = Plots.lineChart(String.format(java.util.Locale.ROOT, "Thresholds and two-segment fits (%s): "
                + "mean R² %.3f, elbow–step ρ %.2f", net, e.meanR2(), e.elbowTrend()),
                "frequency (rad per π-span)", "threshold D^-1/2");
        int lo = 0;
        while (lo < freqs.length && freqs[lo] < e.fLow()) {
            lo++;
        }
        int hi = freqs.length - 1;
        while (hi > 0 && freqs[hi] > e.fHigh()) {
            hi--;
        }
        double[] f = java.util.Arrays.copyOfRange(freqs, lo, hi + 1);
        int n = e.steps().length;
        int shown = Math.min(6, n);
        for (int j = 0; j < shown; j++) {
            int idx = shown == 1 ? 0 : (int) Math.round(j * (n - 1) / (double) (shown - 1));
            long step = e.steps()[idx];
            int s = java.util.Arrays.binarySearch(t.snapshots(), step);
            Color col = Plots.depthColor(j, shown);
            Plots.line(c, "step " + step, f, java.util.Arrays.copyOfRange(t.thresholds()[s], lo, hi + 1), col);
            TwoSegmentFit fit = e.fits().get(idx);
            double[] y = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                y[i] = fit.level() + fit.slope() * Math.max(0, f[i] - fit.elbow());
            }
            Plots.dashed(c, "fit " + step, f, y, col).setShowInLegend(false);
        }
        double[] cut = new double[f.length];
        java.util.Arrays.fill(cut, cutoff);
        Plots.dashed(c, "acuity cutoff", f, cut, Color.GRAY);
        return c;
    }

    /** Layer alignment of a deep network: the smallest junction cosine of a few PCs over training. */
    static XYChart alignmentChart(LinearTrajectory t, String net) {
        XYChart c = Plots.lineChart("Layer alignment (" + net + "): smallest cosine between forward and backward "
                + "images", "training step", "cosine");
        double[] x = new double[t.steps().length];
        for (int s = 0; s < x.length; s++) {
            x[s] = t.steps()[s];
        }
        int k = t.alignment().length;
        for (int pc : SHOWN) {
            if (pc > k) {
                continue;
            }
            Plots.line(c, "PC " + pc, x, t.alignment()[pc - 1],
                    Plots.depthColor((pc - 1) / (double) Math.max(1, Math.min(50, k) - 1)));
        }
        double[] level = new double[x.length];
        java.util.Arrays.fill(level, LinearDynamics.ALIGNMENT_LEVEL);
        Plots.dashed(c, "aligned", x, level, Color.GRAY);
        return c;
    }

    /** SI Fig. 2's sharpness: dp/d(ln t) at p = ½ per network, every seed and the mean. */
    static XYChart sharpnessChart(LinearDynamics.Result r) {
        XYChart c = Plots.lineChart("Learning-curve sharpness by network (dp/d ln t at p = ½)", "network",
                "sharpness");
        List<String> nets = r.networks();
        c.getStyler().setMarkerSize(7);
        double[] xm = new double[nets.size()];
        double[] ym = new double[nets.size()];
        for (int i = 0; i < nets.size(); i++) {
            List<LinearDynamics.Run> runs = r.of(nets.get(i));
            double[] x = new double[runs.size()];
            double[] y = new double[runs.size()];
            for (int j = 0; j < runs.size(); j++) {
                x[j] = i + 1;
                y[j] = runs.get(j).measures().sharpness();
            }
            xm[i] = i + 1;
            ym[i] = java.util.Arrays.stream(y).filter(Double::isFinite).average().orElse(Double.NaN);
            if (java.util.Arrays.stream(y).allMatch(Double::isFinite)) {
                XYSeries sr = c.addSeries(nets.get(i), x, y);
                sr.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                sr.setMarker(SeriesMarkers.CIRCLE);
                sr.setMarkerColor(Plots.depthColor(i, nets.size()));
            }
        }
        if (java.util.Arrays.stream(ym).allMatch(Double::isFinite)) {
            Plots.dashed(c, "mean", xm, ym, Color.BLACK);
        }
        return c;
    }

    /** Eqs 10–11: σ_i/σ_i* of each feature over training, theory dashed (first seed per depth), and a CSV. */
    static void writeSupervised(LinearDynamics.Result r, Path dir) throws IOException {
        if (r.supervised().isEmpty()) {
            return;
        }
        try (Csv csv = Csv.create(dir.resolve("supervised_linear.csv"), "depth", "seed", "feature", "variance",
                "covariance", "asymptote", "time", "sigma", "theory")) {
            for (LinearDynamics.SupervisedRun s : r.supervised()) {
                var run = s.run();
                for (int i = 0; i < run.lambda().length; i++) {
                    for (int p = 0; p < run.times().length; p++) {
                        csv.row(run.depth(), run.seed(), i + 1, run.lambda()[i], run.target()[i], run.asymptote()[i],
                                run.times()[p], run.sigma()[i][p], s.theory()[i][p]);
                    }
                }
            }
        }
        for (int depth : r.supervised().stream().map(s -> s.run().depth()).distinct().toList()) {
            LinearDynamics.SupervisedRun s = r.supervised().stream().filter(x -> x.run().depth() == depth)
                    .findFirst().orElseThrow();
            var run = s.run();
            XYChart c = Plots.lineChart(String.format(java.util.Locale.ROOT, "Supervised linear task, depth %d: "
                    + "σ_i(t)/(t_i/λ_i), eq. 10 dashed (R² %.3f)", depth, s.theoryR2()), "training time t",
                    "fraction of asymptote");
            int m = run.informative();
            for (int i = 0; i < m; i++) {
                Color col = Plots.depthColor(i, m);
                double a = run.asymptote()[i];
                Plots.line(c, String.format(java.util.Locale.ROOT, "λ = %.3g", run.lambda()[i]), run.times(),
                        scale(run.sigma()[i], a), col);
                Plots.dashed(c, "theory " + i, run.times(), scale(s.theory()[i], a), col).setShowInLegend(false);
            }
            if (run.lambda().length > m) {
                double minAsym = java.util.Arrays.stream(run.asymptote(), 0, m).min().orElse(1);
                Plots.line(c, String.format(java.util.Locale.ROOT, "orthogonal, λ = %.3g (÷ smallest asymptote)",
                        run.lambda()[m]), run.times(), scale(run.sigma()[m], minAsym), Color.RED);
            }
            Plots.save(c, dir.resolve("supervised_linear_depth" + depth + ".png"));
        }
    }

    private static double[] scale(double[] v, double by) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] / by;
        }
        return r;
    }

    /** SI Fig. 2: proportion learned for every architecture, side by side (depths.png). */
    static void writeDepths(List<LinearTrajectory> runs, Path dir) throws IOException {
        int w = 620;
        int h = 420;
        BufferedImage all = new BufferedImage(w * runs.size(), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        for (int i = 0; i < runs.size(); i++) {
            LinearTrajectory t = runs.get(i);
            XYChart c = proportionChart(t, t.network() + " (theory dashed)");
            c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
            c.getStyler().setLegendVisible(i == runs.size() - 1);
            BufferedImage img = BitmapEncoder.getBufferedImage(c);
            g.drawImage(img, i * w, 0, w, h, null);
        }
        g.dispose();
        ImageIO.write(all, "png", dir.resolve("depths.png").toFile());
    }
}
