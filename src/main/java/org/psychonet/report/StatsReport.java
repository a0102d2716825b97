package org.psychonet.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.psychonet.experiment.ImageStatistics;
import org.psychonet.images.ColorSpace;
import org.psychonet.images.ImageStream;
import org.psychonet.images.PowerLaw;
import org.psychonet.util.Npy;

/** CSVs and figures of {@link ImageStatistics}: Fig. 5b spectrum and PCs, orientation and hue histograms, Fig. 3b. */
public final class StatsReport {
    private StatsReport() {
    }

    /** Writes everything into {@code dir}. */
    public static void write(ImageStatistics.Result r, Path dir) throws IOException {
        writeHue(r, dir);
        writeOrientation(r, dir);
        writeCielab(r, dir);
        if (r.eigenvalues() != null) {
            writeSpectrum(r, dir);
            writeComponents(r, dir);
        }
        try (Csv c = Csv.create(dir.resolve("skipped.csv"), "file", "reason")) {
            for (ImageStream.Skip s : r.skipped()) {
                c.row(s.item(), s.reason());
            }
        }
    }

    static void writeSpectrum(ImageStatistics.Result r, Path dir) throws IOException {
        double[] ev = r.eigenvalues();
        PowerLaw fit = r.fit();
        int shown = Math.min(1000, ev.length); // Fig. 5b: the top 1,000 components
        try (Csv c = Csv.create(dir.resolve("pca_spectrum.csv"), "rank", "eigenvalue", "singular_value",
                "powerlaw_fit", "in_fit_range")) {
            for (int k = 1; k <= ev.length; k++) {
                c.row(k, ev[k - 1], Math.sqrt(Math.max(0, ev[k - 1]) * (r.patchesUsed() - 1)), fit.at(k),
                        k >= fit.from() && k <= fit.to());
            }
        }
        double[] x = new double[shown];
        double[] y = new double[shown];
        int m = 0;
        for (int k = 1; k <= shown; k++) {
            if (ev[k - 1] > 0) {
                x[m] = k;
                y[m] = ev[k - 1];
                m++;
            }
        }
        if (m == 0) {
            return; // nothing positive to draw on log axes (blank images): the CSV holds the spectrum, result.json the reason
        }
        XYChart ch = Plots.lineChart("PCA spectrum of " + r.config().patchSize() + "×" + r.config().patchSize()
                + " patches (" + r.patchesUsed() + ")", "PC rank", "variance (eigenvalue)");
        ch.getStyler().setXAxisLogarithmic(true);
        ch.getStyler().setYAxisLogarithmic(true);
        Plots.line(ch, "eigenvalues", Arrays.copyOf(x, m), Arrays.copyOf(y, m), Color.BLACK);
        if (fit.fitted() && fit.at(fit.from()) > 0 && fit.at(fit.to()) > 0) {
            double[] fx = {fit.from(), fit.to()};
            double[] fy = {fit.at(fit.from()), fit.at(fit.to())};
            Plots.dashed(ch, String.format("k^%.2f (R²=%.3f)", fit.exponent(), fit.r2()), fx, fy,
                    new Color(200, 40, 40));
        }
        Plots.save(ch, dir.resolve("pca_spectrum.png"));
    }

    static void writeComponents(ImageStatistics.Result r, Path dir) throws IOException {
        double[][] pcs = r.components();
        int k = pcs.length;
        if (k == 0) {
            return;
        }
        int d = pcs[0].length;
        double[] flat = new double[k * d];
        for (int i = 0; i < k; i++) {
            System.arraycopy(pcs[i], 0, flat, i * d, d);
        }
        Npy.write(dir.resolve("pca_components.npy"), new long[] {k, d}, flat);
        Npy.write(dir.resolve("patch_mean.npy"), new long[] {d}, r.patchMean());
        int side = r.config().patchSize();
        int cols = (int) Math.ceil(Math.sqrt(k));
        int rows = (k + cols - 1) / cols;
        int scale = Math.max(1, 96 / side);
        int cell = side * scale + 4;
        BufferedImage img = new BufferedImage(cols * cell + 4, rows * cell + 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int i = 0; i < k; i++) {
            double max = 1e-12;
            for (double v : pcs[i]) {
                max = Math.max(max, Math.abs(v));
            }
            int ox = 4 + (i % cols) * cell;
            int oy = 4 + (i / cols) * cell;
            for (int p = 0; p < d; p++) {
                int grey = (int) Math.round(127.5 + 127.5 * pcs[i][p] / max);
                g.setColor(new Color(grey, grey, grey));
                g.fillRect(ox + (p % side) * scale, oy + (p / side) * scale, scale, scale);
            }
        }
        g.dispose();
        ImageIO.write(img, "png", dir.resolve("pca_components.png").toFile());
    }

    static void writeOrientation(ImageStatistics.Result r, Path dir) throws IOException {
        double[] e = r.orientationEnergy();
        double total = Arrays.stream(e).sum();
        double[] x = new double[e.length];
        double[] y = new double[e.length];
        try (Csv c = Csv.create(dir.resolve("orientation.csv"), "orientation_deg", "energy", "share")) {
            for (int b = 0; b < e.length; b++) {
                x[b] = b + 0.5;
                y[b] = total > 0 ? e[b] / total : 0;
                c.row(x[b], e[b], y[b]);
            }
        }
        XYChart ch = Plots.lineChart(String.format("Edge orientation energy (cardinal/oblique = %.3f)",
                r.cardinalObliqueRatio()), "edge orientation (deg, 0 = horizontal)", "share of gradient energy per 1°");
        Plots.line(ch, "energy", x, y, new Color(30, 30, 30));
        Plots.save(ch, dir.resolve("orientation.png"));
    }

    static void writeHue(ImageStatistics.Result r, Path dir) throws IOException {
        double[] h = r.hueCounts();
        double total = Arrays.stream(h).sum();
        try (Csv c = Csv.create(dir.resolve("hue_histogram.csv"), "hue_deg", "count", "density")) {
            for (int b = 0; b < h.length; b++) {
                c.row(b + 0.5, h[b], total > 0 ? h[b] / total : 0);
            }
        }
        // bars drawn in their own hue (S = V = 1)
        int w = 900;
        int ht = 420;
        int left = 70;
        int bottom = 60;
        int top = 40;
        BufferedImage img = new BufferedImage(w, ht, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, ht);
        double max = Arrays.stream(h).max().orElse(0);
        double plotW = w - left - 20;
        double plotH = ht - top - bottom;
        double[] rgb = new double[3];
        for (int b = 0; b < h.length; b++) {
            ColorSpace.hsvToRgb(b + 0.5, 1, 1, rgb);
            g.setColor(new Color((float) rgb[0], (float) rgb[1], (float) rgb[2]));
            int bh = max > 0 ? (int) Math.round(plotH * h[b] / max) : 0;
            int x0 = left + (int) Math.floor(plotW * b / 360);
            int x1 = left + (int) Math.floor(plotW * (b + 1) / 360);
            g.fillRect(x0, (int) (top + plotH - bh), Math.max(1, x1 - x0), bh);
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawLine(left, (int) (top + plotH), (int) (left + plotW), (int) (top + plotH));
        g.drawLine(left, top, left, (int) (top + plotH));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int deg = 0; deg <= 360; deg += 60) {
            int x = left + (int) Math.round(plotW * deg / 360);
            g.drawLine(x, (int) (top + plotH), x, (int) (top + plotH + 5));
            g.drawString(Integer.toString(deg), x - 8, (int) (top + plotH + 20));
        }
        g.drawString("hue (deg), pixels with S, V in [0.5, 1]", left + (int) plotW / 2 - 110, ht - 15);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(String.format("Hue histogram (%,.0f pixels, peak %.1f°)", total, r.huePeakDeg()), left, 25);
        g.dispose();
        ImageIO.write(img, "png", dir.resolve("hue_histogram.png").toFile());
    }

    static void writeCielab(ImageStatistics.Result r, Path dir) throws IOException {
        double[] d = r.cielabHueDistance();
        double[] x = new double[d.length];
        try (Csv c = Csv.create(dir.resolve("cielab_hue_distance.csv"), "hue_from_deg", "hue_to_deg", "delta_e_ab")) {
            for (int i = 0; i < d.length; i++) {
                x[i] = i + 0.5;
                c.row((double) i, (double) (i + 1), d[i]);
            }
        }
        XYChart ch = Plots.lineChart("CIELAB distance between hues 1° apart (S = V = 1, D65) — Fig. 3b",
                "hue (deg)", "ΔE*ab per degree");
        Plots.line(ch, "ΔE*ab", x, d, new Color(30, 30, 30));
        Plots.save(ch, dir.resolve("cielab_hue_distance.png"));
    }
}
