package org.psychonet.learning;

import java.util.Arrays;

/**
 * Orientation-dependent label noise (Methods, Fig. 6): the 1-hot label of bin b is kept with
 * probability σ_b and otherwise dropped, its mass going to a null outcome the network does not
 * predict — a dropped label carries no information about θ. Information per label I = 1 − H_b(σ).
 *
 * @param keep σ per orientation bin, bin b covering [bπ/B, (b+1)π/B)
 * @param a    the balance constant of σ = H_b⁻¹(1 − a/p) (NaN when not balanced)
 */
public record LabelNoise(double[] keep, double a) {

    /** Every label kept (σ = 1). */
    public static LabelNoise none(int bins) {
        double[] k = new double[bins];
        Arrays.fill(k, 1);
        return new LabelNoise(k, Double.NaN);
    }

    /**
     * The `noise` condition: σ(θ) = σ_min + (1 − σ_min)(1 − cos 2θ)/2, labels most reliable at 90°
     * (σ = 1) and noisiest at 0° (σ = σ_min), varying smoothly in between.
     */
    public static LabelNoise informativeAt90(int bins, double sigmaMin) {
        double[] k = new double[bins];
        for (int b = 0; b < bins; b++) {
            double t = center(b, bins);
            k[b] = sigmaMin + (1 - sigmaMin) * (1 - Math.cos(2 * t)) / 2;
        }
        return new LabelNoise(k, Double.NaN);
    }

    /**
     * The `balanced` condition: σ(θ) = H_b⁻¹(1 − a/p(θ)) so that p(θ)·I(θ) = a for every bin (Methods).
     * 1 − a/p stays in [0, 1] iff 0 ≤ a ≤ min p; a = fraction·min p (fraction 1: the rarest bin is
     * noiseless, and every other bin carries exactly as much total information).
     */
    public static LabelNoise balanced(OrientationPrior prior, int bins, double fraction) {
        double pmin = Double.POSITIVE_INFINITY;
        for (int b = 0; b < bins; b++) {
            pmin = Math.min(pmin, prior.density(center(b, bins)));
        }
        double a = fraction * pmin;
        double[] k = new double[bins];
        for (int b = 0; b < bins; b++) {
            double h = 1 - a / prior.density(center(b, bins));
            k[b] = BinaryEntropy.inverse(Math.max(0, Math.min(1, h)));
        }
        return new LabelNoise(k, a);
    }

    public int bins() {
        return keep.length;
    }

    /** Bin centre in radians. */
    public static double center(int b, int bins) {
        return (b + 0.5) * Math.PI / bins;
    }

    /** The bin of orientation θ ∈ [0, π). */
    public static int bin(double theta, int bins) {
        int b = (int) Math.floor(theta / Math.PI * bins + 1e-9); // probe θ = bπ/B lands in bin b
        return Math.max(0, Math.min(bins - 1, b));
    }

    /** σ at the bin containing θ. */
    public double keepAt(double theta) {
        return keep[bin(theta, keep.length)];
    }

    /** I(θ) = 1 − H_b(σ(θ)) at each θ. */
    public double[] information(double[] thetas) {
        double[] out = new double[thetas.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = BinaryEntropy.information(keepAt(thetas[i]));
        }
        return out;
    }

    /** σ at each θ. */
    public double[] keep(double[] thetas) {
        double[] out = new double[thetas.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = keepAt(thetas[i]);
        }
        return out;
    }
}
