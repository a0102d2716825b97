package org.psychonet.learning.linear;

import java.util.SplittableRandom;

/**
 * Initial weights: small and uniform in [−s/2, s/2], so that learning is in the rich regime. Two rules for s,
 * because the paper's text and the authors' code differ ({@link Rule}); {@link #alignedGain} is the per-direction
 * gain of an initialisation, used for axis-aligned starts.
 */
public final class LinearInit {
    private LinearInit() {
    }

    /** Where the width s comes from. */
    public enum Rule {
        /**
         * The authors' Fig. 4 notebook (the default): torch.rand·s − s/2 with s = 0.01 for depths 1–2 and 0.02 for
         * depth 3 at d = 1,024, scaled by √(1024/d) at other sizes so the per-direction gain √(d·s²/12) is the same.
         */
        AUTHORS_CODE,
        /**
         * The paper's Methods: "scaled down by a factor of 100 from the default PyTorch initialization" —
         * nn.Linear's default is U(±1/√fan_in), so s = 2/(100·√d): 6.25·10⁻⁴ at d = 1,024, 16× narrower than the
         * code's (32× at depth 3).
         */
        PAPER_TEXT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** "authors-code" or "paper-text". */
        public static Rule parse(String s) {
            for (Rule r : values()) {
                if (r.label().equals(s)) {
                    return r;
                }
            }
            throw org.psychonet.util.InvalidInputException.parameter("initRule", "'" + s + "' is unknown; give "
                    + "authors-code or paper-text");
        }
    }

    /** Width s for dimension d under the authors' code (the default rule). */
    public static double width(LinearArchitecture arch, int d) {
        return width(arch, d, Rule.AUTHORS_CODE);
    }

    /** Width s for dimension d under {@code rule}. */
    public static double width(LinearArchitecture arch, int d, Rule rule) {
        return switch (rule) {
            case AUTHORS_CODE -> arch.authorsInitWidth() * Math.sqrt(1024.0 / d);
            case PAPER_TEXT -> 2 / (100 * Math.sqrt(d));
        };
    }

    /** RMS gain √(d·s²/12) of a d×d matrix with entries uniform in [−s/2, s/2] (the authors' width). */
    public static double alignedGain(LinearArchitecture arch, int d) {
        return alignedGain(arch, d, Rule.AUTHORS_CODE);
    }

    /** RMS gain √(d·s²/12) under {@code rule}. */
    public static double alignedGain(LinearArchitecture arch, int d, Rule rule) {
        double s = width(arch, d, rule);
        return Math.sqrt(d * s * s / 12.0);
    }

    /** {@code arch.matrices()} row-major d×d matrices with entries uniform in [−s/2, s/2], from one seed. */
    public static double[][] uniform(LinearArchitecture arch, int d, long seed) {
        return uniform(arch, d, seed, Rule.AUTHORS_CODE);
    }

    /** {@code arch.matrices()} row-major d×d matrices with entries uniform in [−s/2, s/2] under {@code rule}. */
    public static double[][] uniform(LinearArchitecture arch, int d, long seed, Rule rule) {
        double s = width(arch, d, rule);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] w = new double[arch.matrices()][d * d];
        for (double[] m : w) {
            for (int i = 0; i < m.length; i++) {
                m[i] = (rng.nextDouble() - 0.5) * s;
            }
        }
        return w;
    }
}
