package org.psychonet.images;

import java.util.Arrays;
import org.psychonet.util.Statistics;

/**
 * Least-squares line through (log k, log y_k) for ranks k in [from, to] (1-based, inclusive):
 * y_k ≈ A·k^exponent. R² is that of the log-log fit ({@link Statistics#powerLaw}, the one home of that fit).
 * When the spectrum cannot be fitted — fewer than 3 positive values in the range (blank or flat images, a
 * rank-deficient covariance) or a constant spectrum, whose R² is undefined — the numbers are NaN and
 * {@code reason} says why; a result, not an error.
 *
 * @param reason null when fitted; otherwise why there is no fit
 */
public record PowerLaw(double exponent, double logAmplitude, double r2, int from, int to, String reason) {

    public static PowerLaw fit(double[] y, int from, int to) {
        if (from < 1 || to > y.length || to - from < 2) {
            throw new IllegalArgumentException("power-law fit needs 1 ≤ from < to ≤ " + y.length + ", got [" + from
                    + ", " + to + "]");
        }
        double[] ranks = new double[to - from + 1];
        double[] values = Arrays.copyOfRange(y, from - 1, to);
        int positive = 0;
        for (int k = from; k <= to; k++) {
            ranks[k - from] = k;
            if (values[k - from] > 0 && Double.isFinite(values[k - from])) {
                positive++;
            }
        }
        if (positive < 3) {
            return unfitted(from, to, "only " + positive + " of the eigenvalues at ranks " + from + "–" + to
                    + " are positive (the patches have no variance there: blank, flat or periodic images); "
                    + "a power law needs at least 3");
        }
        Statistics.Line line = Statistics.powerLaw(ranks, values);
        if (!Double.isFinite(line.r2())) {
            return unfitted(from, to, "the eigenvalues at ranks " + from + "–" + to + " are all equal, so the "
                    + "log-log R² is undefined");
        }
        return new PowerLaw(line.slope(), line.intercept(), line.r2(), from, to, null);
    }

    private static PowerLaw unfitted(int from, int to, String reason) {
        return new PowerLaw(Double.NaN, Double.NaN, Double.NaN, from, to, reason);
    }

    /** Whether there is a fit (else see {@link #reason}). */
    public boolean fitted() {
        return reason == null;
    }

    /** The fitted value at rank k (NaN without a fit). */
    public double at(int k) {
        return Math.exp(logAmplitude + exponent * Math.log(k));
    }
}
