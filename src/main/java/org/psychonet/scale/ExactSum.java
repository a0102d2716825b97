package org.psychonet.scale;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A vector of sums of doubles kept exactly (Shewchuk's non-overlapping expansions, as in Python's
 * {@code math.fsum}) and read out correctly rounded. The value read is the double nearest the exact sum of
 * everything added, so it does not depend on the order of additions or on how partial sums were grouped and
 * merged: histograms accumulated per partition on a cluster equal, bit for bit, the single-process ones.
 * Non-finite inputs are not summed exactly (a NaN or infinity poisons the bin, as plain addition would).
 */
public final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;
    /** partials[b][0..size[b]): non-overlapping, increasing in magnitude; their exact sum is bin b's sum. */
    private final double[][] partials;
    private final int[] size;
    /** Sum of non-finite inputs per bin (NaN/±Inf propagate as in ordinary addition). */
    private final double[] special;

    public ExactSum(int bins) {
        partials = new double[bins][4];
        size = new int[bins];
        special = new double[bins];
    }

    public int bins() {
        return size.length;
    }

    /** Adds {@code x} to bin {@code b} exactly. */
    public void add(int b, double x) {
        if (!Double.isFinite(x)) {
            special[b] += x;
            return;
        }
        double[] p = partials[b];
        int n = size[b];
        int i = 0;
        for (int k = 0; k < n; k++) {
            double y = p[k];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            if (!Double.isFinite(hi)) { // beyond the double range: ±Inf, as plain addition gives
                special[b] += hi;
                size[b] = 0;
                return;
            }
            double lo = y - (hi - x);
            if (lo != 0) {
                p[i++] = lo;
            }
            x = hi;
        }
        if (i == p.length) {
            p = Arrays.copyOf(p, 2 * p.length);
            partials[b] = p;
        }
        p[i++] = x;
        size[b] = i;
    }

    /** Adds every element of {@code xs} to the bin of the same index. */
    public void addAll(double[] xs) {
        if (xs.length != bins()) {
            throw new IllegalArgumentException(xs.length + " values for " + bins() + " bins");
        }
        for (int b = 0; b < xs.length; b++) {
            if (xs[b] != 0) {
                add(b, xs[b]);
            }
        }
    }

    /** Adds another sum into this one, exactly. */
    public void merge(ExactSum other) {
        if (other.bins() != bins()) {
            throw new IllegalArgumentException(other.bins() + " bins merged into " + bins());
        }
        for (int b = 0; b < bins(); b++) {
            for (int k = 0; k < other.size[b]; k++) {
                add(b, other.partials[b][k]);
            }
            special[b] += other.special[b];
        }
    }

    /** Bin b's exact sum, correctly rounded to the nearest double (ties to even). */
    public double value(int b) {
        if (special[b] != 0) { // also true for NaN
            return special[b];
        }
        double[] p = partials[b];
        int n = size[b];
        if (n == 0) {
            return 0;
        }
        // CPython's msum read-out: add from the top until the sum becomes inexact, then fix a half-way case
        double hi = p[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi;
            double y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0) {
                break;
            }
        }
        if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
            double y = lo * 2;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) {
                hi = x;
            }
        }
        return hi;
    }

    /** Every bin's correctly rounded sum. */
    public double[] values() {
        double[] v = new double[bins()];
        for (int b = 0; b < v.length; b++) {
            v[b] = value(b);
        }
        return v;
    }
}
