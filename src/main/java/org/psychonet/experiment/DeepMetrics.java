package org.psychonet.experiment;

import java.util.List;
import org.psychonet.util.Statistics;

/** The per-layer numbers of the deep-network experiment. */
public final class DeepMetrics {
    private DeepMetrics() {
    }

    /** Whether orientation t (degrees) lies within ±halfWidth° of a cardinal (0°, 90°); period 180°. */
    static boolean nearCardinal(double t, double halfWidth) {
        double u = ((t % 180) + 180) % 180;
        return Math.min(Math.min(u, Math.abs(u - 90)), 180 - u) <= halfWidth + 1e-9;
    }

    /** Whether orientation t (degrees) lies within ±halfWidth° of an oblique (45°, 135°). */
    static boolean nearOblique(double t, double halfWidth) {
        double u = ((t % 180) + 180) % 180;
        return Math.min(Math.abs(u - 45), Math.abs(u - 135)) <= halfWidth + 1e-9;
    }

    /** Mean of a curve over the cardinal windows ({@code cardinal}) or the oblique ones. */
    public static double windowMean(double[] thetaDeg, double[] curve, double halfWidth, boolean cardinal) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < thetaDeg.length; i++) {
            if (cardinal ? nearCardinal(thetaDeg[i], halfWidth) : nearOblique(thetaDeg[i], halfWidth)) {
                s += curve[i];
                n++;
            }
        }
        return s / n;
    }

    /**
     * Mean normalized √D within ±{@code halfWidth}° of 0° and 90° over the mean within ±halfWidth° of 45°
     * and 135° (orientation is periodic in 180°): above 1 means more sensitive at cardinals (Fig. 2c).
     *
     * @param thetaDeg orientations in degrees in [0, 180)
     */
    public static double cardinalObliqueRatio(double[] thetaDeg, double[] normalized, double halfWidth) {
        return windowMean(thetaDeg, normalized, halfWidth, true) / windowMean(thetaDeg, normalized, halfWidth, false);
    }

    /** Mean of the cardinal/oblique ratio over the deep layers, from per-layer normalized profiles. */
    static double deepMeanRatio(double[] thetaDeg, double[][] profiles, List<String> layers, List<String> deep,
                                double halfWidth) {
        double s = 0;
        for (String l : deep) {
            s += cardinalObliqueRatio(thetaDeg, profiles[layers.indexOf(l)], halfWidth);
        }
        return s / deep.size();
    }

    /** Mean over the deep layers of per-layer profiles [layer][θ]. */
    static double[] deepMeanProfile(double[][] profiles, List<String> layers, List<String> deep) {
        double[] m = new double[profiles[0].length];
        for (String l : deep) {
            double[] p = profiles[layers.indexOf(l)];
            for (int i = 0; i < m.length; i++) {
                m[i] += p[i] / deep.size();
            }
        }
        return m;
    }

    /** Circular Gaussian smoothing of a periodic histogram with 1° bins, σ in bins. */
    public static double[] smoothCircular(double[] h, double sigma) {
        int n = h.length;
        double[] out = new double[n];
        if (sigma <= 0) {
            return h.clone();
        }
        int r = (int) Math.ceil(4 * sigma);
        double[] w = new double[2 * r + 1];
        double sw = 0;
        for (int k = -r; k <= r; k++) {
            w[k + r] = Math.exp(-0.5 * k * k / (sigma * sigma));
            sw += w[k + r];
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = -r; k <= r; k++) {
                s += w[k + r] * h[Math.floorMod(i + k, n)];
            }
            out[i] = s / sw;
        }
        return out;
    }

    /**
     * Lag in degrees, in (−180, 180], at which the circular cross-correlation of two curves on 1° bins peaks:
     * {@code b} ≈ {@code a} shifted by the lag.
     */
    public static double lagDeg(double[] a, double[] b) {
        return Statistics.circularLag(a, b);
    }

    /** Normalizes to unit sum (the scale of √D / Σ√D), for plotting a histogram beside the curves. */
    public static double[] unitSum(double[] h) {
        double s = 0;
        for (double v : h) {
            s += v;
        }
        double[] r = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            r[i] = s > 0 ? h[i] / s : 0;
        }
        return r;
    }
}
