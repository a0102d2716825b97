package org.psychonet.learning.linear;

import org.psychonet.util.InvalidInputException;

/**
 * A deep linear network Ŷ = W_N ⋯ W_1 X with every hidden width equal to the input (no bottleneck;
 * Methods, "Linear network experiments"), or the symmetric one-matrix form Ŷ = wᵀw X that the
 * authors' notebook used for its one-layer curves.
 *
 * @param depth     N, the number of weight matrices (1 for the symmetric form, which has one matrix w)
 * @param symmetric whether the product is W = wᵀw
 */
public record LinearArchitecture(int depth, boolean symmetric) {

    public LinearArchitecture {
        if (depth < 1) {
            throw new InvalidInputException("--depth " + depth + " is not a depth; give N ≥ 1 (e.g. --depth 1,2,3)");
        }
        if (symmetric && depth != 1) {
            throw new IllegalArgumentException("the symmetric form has one matrix w");
        }
    }

    public static LinearArchitecture depth(int n) {
        return new LinearArchitecture(n, false);
    }

    public static LinearArchitecture symmetricForm() {
        return new LinearArchitecture(1, true);
    }

    /** Number of weight matrices the trainer updates. */
    public int matrices() {
        return depth;
    }

    /** "depth1", "depth2", … or "symmetric": used in file names and result.json. */
    public String label() {
        return symmetric ? "symmetric" : "depth" + depth;
    }

    /**
     * Width s of the uniform initialisation [−s/2, s/2] at d = 1,024 in the authors' code: 0.01 for depths 1–2 and
     * 0.02 for depth 3 (the paper's text describes PyTorch's default ÷ 100 instead: see {@link LinearInit.Rule}).
     */
    public double authorsInitWidth() {
        return depth >= 3 ? 0.02 : 0.01;
    }
}
