package org.psychonet.learning.linear;

import org.psychonet.util.Statistics;

/**
 * Fig. 5f's shape: thresholds flat below an elbow frequency e and rising linearly above it,
 * T(f) = a + b·max(0, f − e), fitted by least squares (for each candidate elbow the fit is linear in a and b;
 * the elbow is searched over the grid points and then refined by golden-section search between the
 * neighbours of the best one).
 *
 * @param elbow     e
 * @param level     a, the flat level below the elbow
 * @param slope     b, the rise per unit frequency above it
 * @param r2        R² of the two-segment fit
 * @param lineR2    R² of one straight line over the same points (what the elbow adds)
 * @param points    points fitted
 */
public record TwoSegmentFit(double elbow, double level, double slope, double r2, double lineR2, int points) {

    /**
     * @param f ascending frequencies
     * @param t thresholds at f (finite)
     */
    public static TwoSegmentFit fit(double[] f, double[] t) {
        int n = f.length;
        if (n < 4) {
            return new TwoSegmentFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
        }
        // the elbow may sit anywhere from the first point (one rising line) to the second-to-last
        int best = 0;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n - 1; i++) {
            double sse = sse(f, t, f[i]);
            if (sse < bestSse) {
                bestSse = sse;
                best = i;
            }
        }
        double lo = f[Math.max(0, best - 1)];
        double hi = f[Math.min(n - 2, best + 1)];
        double g = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - g * (hi - lo);
        double x2 = lo + g * (hi - lo);
        double s1 = sse(f, t, x1);
        double s2 = sse(f, t, x2);
        for (int it = 0; it < 60 && hi - lo > 1e-9 * Math.max(1, Math.abs(hi)); it++) {
            if (s1 <= s2) {
                hi = x2;
                x2 = x1;
                s2 = s1;
                x1 = hi - g * (hi - lo);
                s1 = sse(f, t, x1);
            } else {
                lo = x1;
                x1 = x2;
                s1 = s2;
                x2 = lo + g * (hi - lo);
                s2 = sse(f, t, x2);
            }
        }
        double e = bestSse <= Math.min(s1, s2) ? f[best] : s1 <= s2 ? x1 : x2;
        double[] ab = coefficients(f, t, e);
        double[] pred = new double[n];
        for (int i = 0; i < n; i++) {
            pred[i] = ab[0] + ab[1] * Math.max(0, f[i] - e);
        }
        return new TwoSegmentFit(e, ab[0], ab[1], Statistics.r2(t, pred), Statistics.line(f, t).r2(), n);
    }

    private static double sse(double[] f, double[] t, double e) {
        double[] ab = coefficients(f, t, e);
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            double r = t[i] - ab[0] - ab[1] * Math.max(0, f[i] - e);
            s += r * r;
        }
        return s;
    }

    /** Least-squares (a, b) for T = a + b·max(0, f − e); with no point above e, b = 0. */
    private static double[] coefficients(double[] f, double[] t, double e) {
        int n = f.length;
        double sh = 0;
        double shh = 0;
        double st = 0;
        double sht = 0;
        for (int i = 0; i < n; i++) {
            double h = Math.max(0, f[i] - e);
            sh += h;
            shh += h * h;
            st += t[i];
            sht += h * t[i];
        }
        double det = n * shh - sh * sh;
        if (Math.abs(det) <= 1e-300) {
            return new double[] {st / n, 0};
        }
        double b = (n * sht - sh * st) / det;
        double a = (st - b * sh) / n;
        return new double[] {a, b};
    }
}
