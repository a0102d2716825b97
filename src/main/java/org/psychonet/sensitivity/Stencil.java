package org.psychonet.sensitivity;

/**
 * Finite-difference weights for a first derivative on a uniform grid: f'(x₀) ≈ (1/h) Σ_m w_m f(x₀ + m h)
 * over 2r + 1 consecutive nodes m = s − r … s + r. The centred stencil (s = 0) has order 2r; at r = 4
 * and a 1° grid its truncation error for the paper's Gabor is ~1e-7 relative, far below float32
 * rounding. Shifted stencils (s ≠ 0) keep every node on one side of a known kink of ∂x/∂θ.
 */
public final class Stencil {
    private Stencil() {
    }

    /** Centred weights for offsets −r … r. */
    public static double[] weights(int r) {
        return weights(r, 0);
    }

    /**
     * Weights for offsets s − r … s + r: the unique solution of Σ_m w_m m^p = [p = 1] for p = 0 … 2r
     * (exact for polynomials of degree 2r).
     */
    public static double[] weights(int r, int s) {
        if (r < 1 || r > 6) {
            throw new IllegalArgumentException("stencil half-width must be 1 to 6");
        }
        int n = 2 * r + 1;
        double[][] a = new double[n][n + 1];
        for (int p = 0; p < n; p++) {
            for (int j = 0; j < n; j++) {
                a[p][j] = Math.pow(s - r + j, p);
            }
            a[p][n] = p == 1 ? 1 : 0;
        }
        // Gaussian elimination with partial pivoting on the small Vandermonde system.
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int i = c + 1; i < n; i++) {
                if (Math.abs(a[i][c]) > Math.abs(a[piv][c])) {
                    piv = i;
                }
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            for (int i = 0; i < n; i++) {
                if (i != c) {
                    double f = a[i][c] / a[c][c];
                    for (int j = c; j <= n; j++) {
                        a[i][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            w[j] = a[j][n] / a[j][j];
        }
        return w;
    }
}
