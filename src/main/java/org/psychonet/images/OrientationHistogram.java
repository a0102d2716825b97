package org.psychonet.images;

/**
 * Energy-weighted histogram of local edge orientation over [0°, 180°) in 1° bins (0° = horizontal edge,
 * counter-clockwise with y up). Gradients come from Farid &amp; Simoncelli's 5-tap matched derivative and
 * prefilter pair (IEEE TIP 2004), designed so the gradient direction is accurate at every orientation —
 * plain finite differences would bias the histogram towards the diagonals or the axes. Each pixel adds its
 * gradient energy |∇I|² to the bin of its edge orientation (gradient direction + 90°): the pixel-scale
 * structure tensor's orientation, energy-weighted. Luma (BT.601) of the image is used; a 2-pixel border
 * is left out.
 */
public final class OrientationHistogram {
    public static final int BINS = 180;
    private static final double[] PRE = {0.035697, 0.248874, 0.430855, 0.248874, 0.035697};
    private static final double[] DER = {0.107663, 0.282671, 0, -0.282671, -0.107663};

    private OrientationHistogram() {
    }

    /** Adds one image's orientation energy to {@code bins} (length 180) and returns it. */
    public static double[] accumulate(RgbImage img, double[] bins) {
        int h = img.height();
        int w = img.width();
        if (h < 5 || w < 5) {
            return bins;
        }
        float[] y = img.luma();
        // separable filtering: rows first (derivative and prefilter along x), then columns
        float[] dxRow = new float[h * w];
        float[] pxRow = new float[h * w];
        for (int r = 0; r < h; r++) {
            int o = r * w;
            for (int x = 2; x < w - 2; x++) {
                double sd = 0;
                double sp = 0;
                for (int t = -2; t <= 2; t++) {
                    // correlation with DER reversed = convolution giving +∂/∂x
                    double v = y[o + x + t];
                    sd += DER[2 - t] * v;
                    sp += PRE[t + 2] * v;
                }
                dxRow[o + x] = (float) sd;
                pxRow[o + x] = (float) sp;
            }
        }
        for (int r = 2; r < h - 2; r++) {
            for (int x = 2; x < w - 2; x++) {
                double gx = 0;
                double gyDown = 0;
                for (int t = -2; t <= 2; t++) {
                    int q = (r + t) * w + x;
                    gx += PRE[t + 2] * dxRow[q];
                    gyDown += DER[2 - t] * pxRow[q];
                }
                double e = gx * gx + gyDown * gyDown;
                if (e <= 0) {
                    continue;
                }
                // y up: ∂I/∂y_up = −∂I/∂row; the edge runs perpendicular to the gradient
                double deg = Math.toDegrees(Math.atan2(-gyDown, gx)) + 90;
                deg %= 180;
                if (deg < 0) {
                    deg += 180;
                }
                int b = (int) deg;
                bins[b >= BINS ? BINS - 1 : b] += e;
            }
        }
        return bins;
    }

    /**
     * Energy within ±10° of 0° and 90° over energy within ±10° of 45° and 135° (Fig. 2 / issue: the
     * cardinal/oblique ratio). Bins are 1° wide with centres b + 0.5; a bin counts when its centre is within
     * the window.
     */
    public static double cardinalObliqueRatio(double[] bins) {
        double card = 0;
        double obl = 0;
        for (int b = 0; b < BINS; b++) {
            double c = b + 0.5;
            if (dist(c, 0) <= 10 || dist(c, 90) <= 10) {
                card += bins[b];
            }
            if (dist(c, 45) <= 10 || dist(c, 135) <= 10) {
                obl += bins[b];
            }
        }
        return card / obl;
    }

    /** Distance between orientations on the 180° circle. */
    static double dist(double a, double b) {
        double d = Math.abs(a - b) % 180;
        return Math.min(d, 180 - d);
    }
}
