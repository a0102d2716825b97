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
import org.psychonet.experiment.LinearDynamics;
import org.psychonet.experiment.LinearTrajectory;
import org.psychonet.stimulus.PlaneWave;

/** CSVs and plots of the linear-network experiment (Figs 5b, 5c, 5f, 5h; SI Fig. 2). */
public final class LinearReport {
    /** PCs drawn in the proportion-learned plots (all tracked PCs are in the CSV). */
    private static final int[] SHOWN = {1, 2, 3, 5, 8, 12, 20, 30, 40, 50};

    private LinearReport() {
    }

    /** Every file of the experiment: the spectrum, each network's CSVs and plots, and depths.png. */
    public static void write(LinearDynamics.Result r, Path dir) throws IOException {
        writeSpectrum(r.eigenvalues(), r.data(), dir);
        PlaneWave wave = LinearDynamics.wave(r.config());
        for (LinearDynamics.Run run : r.runs()) {
            writeRun(run.trajectory(), r.eigenvalues(), r.frequencies(), wave, r.config().cutoff(), dir);
        }
        writeDepths(r.runs().stream().map(LinearDynamics.Run::trajectory).toList(), dir);
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
        String l = t.architecture().label();
        int k = t.proportion().length;
        try (Csv csv = Csv.create(dir.resolve(l + "_pcs.csv"), "step", "time", "pc", "variance", "proportion_learned",
                "theory", "sensitivity")) {
            for (int s = 0; s < t.steps().length; s++) {
                for (int i = 0; i < k; i++) {
                    csv.row(t.steps()[s], t.steps()[s] * t.learningRate(), i + 1, lambda[i], t.proportion()[i][s],
                            t.theory()[i][s], t.sensitivity()[i][s]);
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
        try (Csv csv = Csv.create(dir.resolve(l + "_acuity.csv"), "step", "acuity", "acuity_cycles_per_100px")) {
            for (int s = 0; s < t.snapshots().length; s++) {
                csv.row(t.snapshots()[s], t.acuity()[s], wave.cyclesPer100(t.acuity()[s]));
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
        Plots.save(proportionChart(t, "Proportion learned u_iᵀWu_i (" + l + "), theory dashed"),
                dir.resolve(l + "_proportion.png"));
        Plots.save(thresholdChart(t, freqs, cutoff, l), dir.resolve(l + "_thresholds.png"));
        Plots.save(acuityChart(t, l), dir.resolve(l + "_acuity.png"));
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
        }
        return c;
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

    /** Fig. 5h: acuity against training steps. */
    static XYChart acuityChart(LinearTrajectory t, String label) {
        XYChart c = Plots.lineChart("Acuity during training (" + label + ")", "training step",
                "acuity (rad per π-span)");
        double[] x = new double[t.snapshots().length];
        double[] y = new double[x.length];
        for (int s = 0; s < x.length; s++) {
            x[s] = t.snapshots()[s];
            y[s] = Double.isFinite(t.acuity()[s]) ? t.acuity()[s] : 0;
        }
        Plots.line(c, "acuity", x, y, Color.BLACK);
        c.getStyler().setLegendVisible(false);
        return c;
    }

    /** SI Fig. 2: proportion learned for every architecture, side by side (depths.png). */
    static void writeDepths(List<LinearTrajectory> runs, Path dir) throws IOException {
        int w = 620;
        int h = 420;
        BufferedImage all = new BufferedImage(w * runs.size(), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        for (int i = 0; i < runs.size(); i++) {
            LinearTrajectory t = runs.get(i);
            XYChart c = proportionChart(t, t.architecture().label() + " (theory dashed)");
            c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
            c.getStyler().setLegendVisible(i == runs.size() - 1);
            BufferedImage img = BitmapEncoder.getBufferedImage(c);
            g.drawImage(img, i * w, 0, w, h, null);
        }
        g.dispose();
        ImageIO.write(all, "png", dir.resolve("depths.png").toFile());
    }
}
