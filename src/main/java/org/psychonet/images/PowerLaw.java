package org.psychonet.images;

/**
 * Least-squares line through (log k, log y_k) for ranks k in [from, to] (1-based, inclusive):
 * y_k ≈ A·k^exponent. R² is that of the log-log fit.
 */
public record PowerLaw(double exponent, double logAmplitude, double r2, int from, int to) {

    public static PowerLaw fit(double[] y, int from, int to) {
        if (from < 1 || to > y.length || to - from < 2) {
            throw new IllegalArgumentException("power-law fit needs 1 ≤ from < to ≤ " + y.length + ", got [" + from
                    + ", " + to + "]");
        }
        int n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int k = from; k <= to; k++) {
            double v = y[k - 1];
            if (!(v > 0)) {
                continue;
            }
            double lx = Math.log(k);
            double ly = Math.log(v);
            n++;
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
            syy += ly * ly;
        }
        if (n < 3) {
            return new PowerLaw(Double.NaN, Double.NaN, Double.NaN, from, to);
        }
        double cxx = sxx - sx * sx / n;
        double cxy = sxy - sx * sy / n;
        double cyy = syy - sy * sy / n;
        double slope = cxy / cxx;
        double icpt = (sy - slope * sx) / n;
        double r2 = cyy <= 0 ? 1 : (cxy * cxy) / (cxx * cyy);
        return new PowerLaw(slope, icpt, r2, from, to);
    }

    /** The fitted value at rank k. */
    public double at(int k) {
        return Math.exp(logAmplitude + exponent * Math.log(k));
    }
}
