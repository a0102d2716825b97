package org.psychonet.learning.supervised;

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
    public static LabelNoise balanced(GratingPrior prior, int bins, double fraction) {
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

    /**
     * Fig. 6d, equal labelled counts: σ(θ) = min p / p(θ), so every orientation gets the same expected number of
     * kept labels (p·σ constant). A dropped label gives no gradient, so under the Methods rule
     * ({@link #balanced}) common orientations still get more labelled examples than rare ones (≈ 2.5× at
     * (2 − cos 2θ)/(2π)); this variant removes that difference, leaving p(θ) to act only through unlabelled images.
     */
    public static LabelNoise equalLabelledCount(GratingPrior prior, int bins) {
        double pmin = Double.POSITIVE_INFINITY;
        for (int b = 0; b < bins; b++) {
            pmin = Math.min(pmin, prior.density(center(b, bins)));
        }
        double[] k = new double[bins];
        for (int b = 0; b < bins; b++) {
            k[b] = pmin / prior.density(center(b, bins));
        }
        return new LabelNoise(k, pmin);
    }

    /** The constants of the authors' Fig. 6 notebook: H = b·(1 − a/p(θ)) with b = 1.3, a = 0.15. */
    public static final double NOTEBOOK_B = 1.3;
    public static final double NOTEBOOK_A = 0.15;
    /** The notebook's inverse-entropy table: σ on linspace(0.5, 1 − 1e-6, 10000), nearest entry. */
    public static final int NOTEBOOK_TABLE = 10_000;

    /**
     * Fig. 6d as the authors' notebook computed it: H(θ) = 1.3·(1 − 0.15/p(θ)), σ = the entry of a 10,000-point
     * table of H_b over σ ∈ [0.5, 1 − 10⁻⁶] nearest to H, with p evaluated at θ_b = bπ/(B − 1)
     * (torch.linspace(0, π, B)) for bin b. Unlike the Methods rule, p(θ)·I(θ) is not constant: at
     * (2 − cos 2θ)/(2π) it is ≈ 2.8× lower at the most common orientation than at the least common one.
     */
    public static LabelNoise authorsNotebook(GratingPrior prior, int bins) {
        double[] table = new double[NOTEBOOK_TABLE];
        double[] h = new double[NOTEBOOK_TABLE];
        for (int i = 0; i < NOTEBOOK_TABLE; i++) {
            table[i] = 0.5 + (0.5 - 1e-6) * i / (NOTEBOOK_TABLE - 1);
            h[i] = BinaryEntropy.of(table[i]);
        }
        double[] k = new double[bins];
        for (int b = 0; b < bins; b++) {
            double theta = bins == 1 ? 0 : b * Math.PI / (bins - 1);
            double target = NOTEBOOK_B * (1 - NOTEBOOK_A / prior.density(theta));
            int arg = 0;
            for (int i = 1; i < NOTEBOOK_TABLE; i++) {
                if (Math.abs(h[i] - target) < Math.abs(h[arg] - target)) {
                    arg = i;
                }
            }
            k[b] = table[arg];
        }
        return new LabelNoise(k, Double.NaN);
    }

    /**
     * Fig. 6 (Results: "if a feature has no information about labels, it is not learned even if it is frequent"):
     * every label is dropped (σ = 0) in the bins whose centre lies within {@code halfWidth} of {@code centre}
     * (circular on [0, π)), and kept (σ = 1) elsewhere.
     */
    public static LabelNoise silentBand(int bins, double centre, double halfWidth) {
        double[] k = new double[bins];
        for (int b = 0; b < bins; b++) {
            double diff = Math.abs(center(b, bins) - centre) % Math.PI;
            diff = Math.min(diff, Math.PI - diff);
            k[b] = diff <= halfWidth + 1e-12 ? 0 : 1;
        }
        return new LabelNoise(k, Double.NaN);
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
