package org.psychonet.util;

import java.util.Arrays;

/**
 * A measured value with its uncertainty over independent repeats (seeds): the mean, its standard error
 * (s.d./√n; NaN for a single run) and n. A paired estimate is the mean of per-seed differences between two
 * conditions that share the seed (same initial network, same sample order), which removes the seed-to-seed
 * spread the two conditions have in common.
 *
 * @param mean   the mean over repeats
 * @param se     its standard error, NaN when n = 1
 * @param n      number of repeats
 * @param values the individual repeats, in seed order (kept so a reader can redo the statistics)
 */
public record Estimate(double mean, double se, int n, double[] values) {

    /** One run: no uncertainty known. */
    public static Estimate single(double value) {
        return new Estimate(value, Double.NaN, 1, new double[] {value});
    }

    /** Independent repeats (one per seed). */
    public static Estimate of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("an estimate needs at least one value");
        }
        return new Estimate(Statistics.mean(values), values.length > 1 ? Statistics.se(values) : Double.NaN,
                values.length, values.clone());
    }

    /** Paired differences a[i] − b[i] (seed i in both). */
    public static Estimate paired(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired estimates need one value per seed in both conditions");
        }
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return of(d);
    }

    /** Sample standard deviation over the repeats (NaN when n = 1). */
    public double sd() {
        return se * Math.sqrt(n);
    }

    /** mean − k·se: the lower end of a ±k s.e. band (NaN when n = 1). */
    public double lower(double k) {
        return mean - k * se;
    }

    /** mean + k·se. */
    public double upper(double k) {
        return mean + k * se;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Estimate e && Double.compare(mean, e.mean) == 0 && Double.compare(se, e.se) == 0
                && n == e.n && Arrays.equals(values, e.values);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(mean) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return n > 1 ? String.format("%.4g ± %.2g (s.e., n = %d)", mean, se, n) : String.format("%.4g (n = 1)", mean);
    }
}
