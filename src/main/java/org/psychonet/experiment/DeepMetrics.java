package org.psychonet.experiment;

import org.psychonet.util.Statistics;


/** The per-layer numbers of the deep-network experiment (issue 6 definitions). */
public final class DeepMetrics {
    private DeepMetrics() {
    }

    /**
     * Mean normalized √D within ±{@code halfWidth}° of 0° and 90° over the mean within ±halfWidth° of 45°
     * and 135° (orientation is periodic in 180°): above 1 means more sensitive at cardinals (Fig. 2c).
     *
     * @param thetaDeg orientations in degrees in [0, 180)
     */
    public static double cardinalObliqueRatio(double[] thetaDeg, double[] normalized, double halfWidth) {
        double card = 0;
        int nc = 0;
        double obl = 0;
        int no = 0;
        for (int i = 0; i < thetaDeg.length; i++) {
            double t = ((thetaDeg[i] % 180) + 180) % 180;
            double dCard = Math.min(Math.min(t, Math.abs(t - 90)), 180 - t);
            double dObl = Math.min(Math.abs(t - 45), Math.abs(t - 135));
            if (dCard <= halfWidth + 1e-9) {
                card += normalized[i];
                nc++;
            }
            if (dObl <= halfWidth + 1e-9) {
                obl += normalized[i];
                no++;
            }
        }
        return (card / nc) / (obl / no);
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
     * Lag in degrees, in (−180, 180], at which the circular cross-correlation of the histogram and the
     * normalized √D (both on 1° bins) peaks: the sensitivity curve ≈ the histogram shifted by it.
     */
    public static double lagDeg(double[] histogram, double[] normalized) {
        return Statistics.circularLag(histogram, normalized);
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
