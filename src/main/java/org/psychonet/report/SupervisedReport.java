package org.psychonet.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.psychonet.experiment.SupervisedLabelNoise;
import org.psychonet.experiment.SupervisedLabelNoise.ConditionResult;
import org.psychonet.experiment.SupervisedLabelNoise.SeedResult;
import org.psychonet.learning.supervised.BinaryEntropy;
import org.psychonet.learning.supervised.LabelNoise;
import org.psychonet.learning.supervised.SupervisedTrace;
import org.psychonet.sensitivity.SensitivityProfile;

/**
 * Files of the Fig. 6 experiment, per condition: {@code <c>_heatmap.png} (first-layer sensitivity,
 * orientation on the vertical axis, training step on the horizontal, mean over seeds),
 * {@code <c>_profile.png} (final normalized sensitivity with p(θ) and I(θ) beside it),
 * {@code <c>_sensitivity.csv}, {@code <c>_profile.csv}; and for all conditions
 * {@code label_noise.csv}, {@code accuracy_per_bin.csv}, {@code loss.csv}.
 */
public final class SupervisedReport {
    private SupervisedReport() {
    }

    public static void write(SupervisedLabelNoise.Result result, Path dir) throws IOException {
        try (Csv noise = Csv.create(dir.resolve("label_noise.csv"), "condition", "bin", "center_deg", "p",
                "sigma", "information", "p_times_information");
             Csv acc = Csv.create(dir.resolve("accuracy_per_bin.csv"), "condition", "seed", "bin", "center_deg",
                     "p", "sigma", "accuracy");
             Csv loss = Csv.create(dir.resolve("loss.csv"), "condition", "seed", "step", "loss")) {
            for (ConditionResult c : result.conditions()) {
                String name = c.condition().label();
                int bins = c.noise().bins();
                for (int b = 0; b < bins; b++) {
                    double t = LabelNoise.center(b, bins);
                    double p = c.prior().density(t);
                    double s = c.noise().keep()[b];
                    double i = BinaryEntropy.information(s);
                    noise.row(name, b, Math.toDegrees(t), p, s, i, p * i);
                }
                for (SeedResult sr : c.seeds()) {
                    for (int b = 0; b < bins; b++) {
                        double t = LabelNoise.center(b, bins);
                        acc.row(name, sr.seed(), b, Math.toDegrees(t), c.prior().density(t), c.noise().keep()[b],
                                sr.accuracyPerBin()[b]);
                    }
                    double[] l = sr.trace().loss();
                    for (int k = 0; k < l.length; k++) {
                        loss.row(name, sr.seed(), k + 1, l[k]);
                    }
                }
                writeSensitivityCsv(c, dir.resolve(name + "_sensitivity.csv"));
                writeProfileCsv(c, dir.resolve(name + "_profile.csv"));
                ImageIO.write(heatmap(c), "png", dir.resolve(name + "_heatmap.png").toFile());
                ImageIO.write(profile(c), "png", dir.resolve(name + "_profile.png").toFile());
            }
        }
    }

    /** One line of σ(θ) for stderr (the issue asks to print the balanced σ curve). */
    public static String sigmaLine(ConditionResult c, int every) {
        StringBuilder sb = new StringBuilder(c.condition().label() + " σ(θ):");
        int bins = c.noise().bins();
        for (int b = 0; b < bins; b += every) {
            sb.append(String.format(" %.0f°=%.3f", Math.toDegrees(LabelNoise.center(b, bins)), c.noise().keep()[b]));
        }
        return sb.toString();
    }

    private static void writeSensitivityCsv(ConditionResult c, Path file) throws IOException {
        try (Csv csv = Csv.create(file, "seed", "step", "theta_deg", "sensitivity")) {
            for (SeedResult s : c.seeds()) {
                SupervisedTrace t = s.trace();
                for (int k = 0; k < t.steps().length; k++) {
                    for (int i = 0; i < t.thetas().length; i++) {
                        csv.row(s.seed(), t.steps()[k], Math.toDegrees(t.thetas()[i]), t.sensitivity()[k][i]);
                    }
                }
            }
        }
    }

    private static void writeProfileCsv(ConditionResult c, Path file) throws IOException {
        List<String> header = new ArrayList<>(List.of("theta_deg", "p", "sigma", "information"));
        for (SeedResult s : c.seeds()) {
            header.add("D_seed" + s.seed());
        }
        header.add("normalized_mean");
        double[] norm = normalizedMean(c);
        try (Csv csv = Csv.create(file, header.toArray(new String[0]))) {
            double[] sig = c.noise().keep(c.thetas());
            for (int i = 0; i < c.thetas().length; i++) {
                List<Object> row = new ArrayList<>(List.of(Math.toDegrees(c.thetas()[i]), c.p()[i], sig[i],
                        c.information()[i]));
                for (SeedResult s : c.seeds()) {
                    row.add(s.trace().finalSensitivity()[i]);
                }
                row.add(norm[i]);
                csv.row(row);
            }
        }
    }

    /** Mean over seeds of √D/Σ√D. */
    static double[] normalizedMean(ConditionResult c) {
        double[] m = new double[c.thetas().length];
        for (SeedResult s : c.seeds()) {
            double[] n = SensitivityProfile.normalized(s.trace().finalSensitivity());
            for (int i = 0; i < m.length; i++) {
                m[i] += n[i] / c.seeds().size();
            }
        }
        return m;
    }


    /** Orientation × step heatmap of D (mean over seeds), 0° at the bottom, 180° at the top (Fig. 6). */
    static BufferedImage heatmap(ConditionResult c) {
        SupervisedTrace first = c.seeds().get(0).trace();
        int snaps = first.steps().length;
        int nt = first.thetas().length;
        double[][] m = new double[snaps][nt];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < snaps; k++) {
            for (int i = 0; i < nt; i++) {
                for (SeedResult s : c.seeds()) {
                    m[k][i] += s.trace().sensitivity()[k][i] / c.seeds().size();
                }
                lo = Math.min(lo, m[k][i]);
                hi = Math.max(hi, m[k][i]);
            }
        }
        int w = 900;
        int h = 560;
        int left = 90;
        int right = 150;
        int top = 60;
        int bottom = 70;
        int pw = w - left - right;
        int ph = h - top - bottom;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        for (int k = 0; k < snaps; k++) {
            int x0 = left + k * pw / snaps;
            int x1 = left + (k + 1) * pw / snaps;
            for (int i = 0; i < nt; i++) {
                int y1 = top + ph - i * ph / nt;
                int y0 = top + ph - (i + 1) * ph / nt;
                g.setColor(blues((m[k][i] - lo) / Math.max(hi - lo, 1e-30)));
                g.fillRect(x0, y0, x1 - x0, y1 - y0);
            }
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, pw, ph);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (int deg = 0; deg <= 180; deg += 45) {
            int y = top + ph - (int) Math.round(deg / 180.0 * ph);
            g.drawLine(left - 5, y, left, y);
            g.drawString(deg + "°", left - 45, y + 5);
        }
        int lastStep = first.steps()[snaps - 1];
        for (int q = 0; q <= 4; q++) {
            int step = Math.round(lastStep * q / 4f);
            int x = left + (int) Math.round(q / 4.0 * pw);
            g.drawLine(x, top + ph, x, top + ph + 5);
            g.drawString(Integer.toString(step), x - 10, top + ph + 22);
        }
        g.drawString("training step", left + pw / 2 - 45, h - 20);
        Graphics2D gr = (Graphics2D) g.create();
        gr.rotate(-Math.PI / 2);
        gr.drawString("orientation θ", -(top + ph / 2 + 45), 25);
        gr.dispose();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("First-layer sensitivity D(θ) · " + c.condition().label() + " · mean of "
                + c.seeds().size() + " seed(s)", left, 35);
        int cbx = left + pw + 30;
        for (int y = 0; y < ph; y++) {
            g.setColor(blues(1 - y / (double) ph));
            g.drawLine(cbx, top + y, cbx + 20, top + y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(cbx, top, 20, ph);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(String.format("%.3g", hi), cbx + 25, top + 10);
        g.drawString(String.format("%.3g", lo), cbx + 25, top + ph);
        g.drawString("D", cbx + 5, top - 8);
        g.dispose();
        return img;
    }

    /** White → dark blue (matplotlib's "Blues", as the authors' heatmaps). */
    static Color blues(double t) {
        double u = Math.max(0, Math.min(1, t));
        double[][] stops = {{247, 251, 255}, {198, 219, 239}, {107, 174, 214}, {33, 113, 181}, {8, 48, 107}};
        double f = u * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(f));
        double a = f - i;
        return new Color((int) (stops[i][0] * (1 - a) + stops[i + 1][0] * a),
                (int) (stops[i][1] * (1 - a) + stops[i + 1][1] * a),
                (int) (stops[i][2] * (1 - a) + stops[i + 1][2] * a));
    }

    /** Final normalized sensitivity, p(θ) and I(θ), orientation on the vertical axis, side by side. */
    static BufferedImage profile(ConditionResult c) {
        double[] deg = new double[c.thetas().length];
        for (int i = 0; i < deg.length; i++) {
            deg[i] = Math.toDegrees(c.thetas()[i]);
        }
        XYChart s = panel("Final sensitivity · " + c.condition().label(), "√D / Σ√D");
        for (int k = 0; k < c.seeds().size(); k++) {
            SeedResult sr = c.seeds().get(k);
            Plots.line(s, "seed " + sr.seed(), SensitivityProfile.normalized(sr.trace().finalSensitivity()), deg, new Color(150, 170, 210));
        }
        Plots.line(s, "mean", normalizedMean(c), deg, new Color(8, 48, 107));
        XYChart p = panel("p(θ) · " + c.prior().label(), "density");
        Plots.line(p, "p(θ)", c.p(), deg, new Color(31, 119, 180));
        XYChart in = panel("label information", "bits / σ");
        Plots.line(in, "I(θ) = 1 − H_b(σ)", c.information(), deg, Color.BLACK);
        Plots.dashed(in, "σ(θ)", c.noise().keep(c.thetas()), deg, new Color(200, 80, 60));
        List<BufferedImage> parts = List.of(BitmapEncoder.getBufferedImage(s), BitmapEncoder.getBufferedImage(p),
                BitmapEncoder.getBufferedImage(in));
        int w = parts.stream().mapToInt(BufferedImage::getWidth).sum();
        int h = parts.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int x = 0;
        for (BufferedImage b : parts) {
            g.drawImage(b, x, 0, null);
            x += b.getWidth();
        }
        g.dispose();
        return img;
    }

    private static XYChart panel(String title, String xLabel) {
        XYChart ch = new org.knowm.xchart.XYChartBuilder().width(420).height(520).title(title).xAxisTitle(xLabel)
                .yAxisTitle("orientation θ (deg)").build();
        ch.getStyler().setChartBackgroundColor(Color.WHITE);
        ch.getStyler().setPlotBackgroundColor(Color.WHITE);
        ch.getStyler().setPlotGridLinesColor(new Color(230, 230, 230));
        ch.getStyler().setMarkerSize(0);
        ch.getStyler().setAntiAlias(true);
        ch.getStyler().setYAxisMin(0.0);
        ch.getStyler().setYAxisMax(180.0);
        ch.getStyler().setYAxisDecimalPattern("0");
        ch.getStyler().setYAxisTickMarkSpacingHint(70);
        ch.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        return ch;
    }

    /** Per-condition one-line summaries for the command's stderr. */
    public static List<String> lines(SupervisedLabelNoise.Result r) {
        List<String> out = new ArrayList<>();
        for (ConditionResult c : r.conditions()) {
            SupervisedLabelNoise.ConditionSummary s = c.summary();
            out.add(String.format("%-9s corr_with_prior %s  corr_with_information %s  ratio %s  accuracy %s",
                    c.condition().label(), ms(s.corrWithPrior()), ms(s.corrWithInformation()),
                    ms(s.sensitivityRatioMostToLeastCommon()), ms(s.accuracy())));
        }
        return out;
    }

    /**
     * One line per claim for the command's stderr: kind, id, metric, mean ± s.e. over seeds (n), bound, verdict.
     * (A claim's value is an {@link org.psychonet.util.Estimate}; its mean is formatted, never the record.)
     */
    public static List<String> claimLines(List<org.psychonet.experiment.Claim> claims) {
        List<String> out = new ArrayList<>();
        for (org.psychonet.experiment.Claim k : claims) {
            org.psychonet.util.Estimate v = k.value();
            String value = v.n() >= 2 && Double.isFinite(v.se())
                    ? String.format(java.util.Locale.ROOT, "%.4g ± %.2g (n = %d)", v.mean(), v.se(), v.n())
                    : String.format(java.util.Locale.ROOT, "%.4g", v.mean());
            out.add(String.format(java.util.Locale.ROOT, "claim [%s] %s %s: %s %s → %s", k.kind().label(), k.id(),
                    k.metric(), value, k.bound(), k.holds() ? "holds" : "DOES NOT HOLD"));
        }
        return out;
    }

    private static String ms(SupervisedLabelNoise.Spread m) {
        return String.format("%.3f ± %.3f", m.mean(), m.sd());
    }
}
