package org.psychonet.sensitivity;

/**
 * Central finite-difference weights for a first derivative on a uniform grid, of order 2r:
 * f'(x) ≈ (1/h) Σ_{m=−r..r} w_m f(x + m h). At r = 4 (8th order) and a 1° grid, the truncation
 * error for a Gabor of 2 cycles per 100 px is ~1e-7 relative, far below float32 rounding.
 */
public final class Stencil {
    private static final double[][] WEIGHTS = {
        {},
        {-1.0 / 2, 0, 1.0 / 2},
        {1.0 / 12, -2.0 / 3, 0, 2.0 / 3, -1.0 / 12},
        {-1.0 / 60, 3.0 / 20, -3.0 / 4, 0, 3.0 / 4, -3.0 / 20, 1.0 / 60},
        {1.0 / 280, -4.0 / 105, 1.0 / 5, -4.0 / 5, 0, 4.0 / 5, -1.0 / 5, 4.0 / 105, -1.0 / 280},
    };

    private Stencil() {
    }

    /** Weights for offsets −r … r. */
    public static double[] weights(int r) {
        if (r < 1 || r >= WEIGHTS.length) {
            throw new IllegalArgumentException("stencil half-width must be 1 to " + (WEIGHTS.length - 1));
        }
        return WEIGHTS[r].clone();
    }
}
