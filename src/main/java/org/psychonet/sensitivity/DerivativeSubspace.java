package org.psychonet.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.psychonet.stimulus.StimulusFamily;

/**
 * The span of a probe's derivative images g_{θ,k} = ∂x(θ, k)/∂θ: an orthonormal basis B (r×d) and the
 * coefficients c with g = Bᵀc. For a network whose Jacobian J does not depend on x (a linear map),
 * ‖J g‖² = cᵀ (J Bᵀ)ᵀ (J Bᵀ) c exactly, so D costs r tangent images instead of one per stimulus (r = 31
 * for the paper's 32×32 plane waves, whose derivative is constant along one axis and vanishes at t = 0,
 * against 64 phases × hundreds of frequencies).
 */
final class DerivativeSubspace {
    private final int d;
    private final int rows;
    private final int rank;
    private final double[] basis; // r×d, orthonormal rows
    private final double[] coeff; // rows×r

    private DerivativeSubspace(int d, int rows, List<double[]> basis, double[][] coeff) {
        this.d = d;
        this.rows = rows;
        this.rank = basis.size();
        this.basis = new double[rank * d];
        for (int r = 0; r < rank; r++) {
            System.arraycopy(basis.get(r), 0, this.basis, r * d, d);
        }
        this.coeff = new double[rows * rank];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(coeff[i], 0, this.coeff, i * rank, coeff[i].length);
        }
    }

    /**
     * The subspace of every θ's derivative images (θ-major, then nuisance index), or null as soon as its
     * dimension exceeds {@code maxRank} — then propagating the images themselves is cheaper.
     */
    static DerivativeSubspace of(StimulusFamily family, double[] thetas, int maxRank) {
        int d = family.size();
        int k = family.nuisanceCount();
        int rows = thetas.length * k;
        double[] g = new double[k * d];
        List<double[]> b = new ArrayList<>();
        double[][] c = new double[rows][];
        for (int t = 0; t < thetas.length; t++) {
            family.renderAll(thetas[t], true, g, 0);
            for (int q = 0; q < k; q++) {
                c[t * k + q] = project(Arrays.copyOfRange(g, q * d, (q + 1) * d), b);
                if (b.size() > maxRank) {
                    return null;
                }
            }
        }
        return new DerivativeSubspace(d, rows, b, c);
    }

    /**
     * Coefficients of g on the basis, extending the basis (Gram–Schmidt, twice for stability) when g is not
     * yet in its span. Later rows simply have more coefficients; missing ones are zero.
     */
    private static double[] project(double[] g, List<double[]> b) {
        int d = g.length;
        double norm = 0;
        for (double v : g) {
            norm += v * v;
        }
        double[] res = g;
        double[] coef = new double[b.size() + 1];
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < b.size(); r++) {
                double[] e = b.get(r);
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += e[j] * res[j];
                }
                coef[r] += dot;
                for (int j = 0; j < d; j++) {
                    res[j] -= dot * e[j];
                }
            }
        }
        double rn = 0;
        for (double v : res) {
            rn += v * v;
        }
        if (rn > 1e-22 * Math.max(norm, 1e-300)) {
            double s = Math.sqrt(rn);
            for (int j = 0; j < d; j++) {
                res[j] /= s;
            }
            b.add(res);
            coef[b.size() - 1] = s;
            return coef;
        }
        return Arrays.copyOf(coef, b.size());
    }

    int rank() {
        return rank;
    }

    /** The basis, row-major r×d. */
    double[] basis() {
        return basis;
    }

    /**
     * Σ over the rows of θ index t of cᵀQc, divided by k: the nuisance-averaged D at every θ, given
     * Q = (J Bᵀ)ᵀ(J Bᵀ) (r×r, row-major) of one tap.
     */
    double[] sensitivity(double[] q, int k) {
        double[] out = new double[rows / k];
        for (int t = 0; t < out.length; t++) {
            double sum = 0;
            for (int n = 0; n < k; n++) {
                int off = (t * k + n) * rank;
                double s = 0;
                for (int a = 0; a < rank; a++) {
                    double ca = coeff[off + a];
                    if (ca == 0) {
                        continue;
                    }
                    double row = 0;
                    for (int bb = 0; bb < rank; bb++) {
                        row += q[a * rank + bb] * coeff[off + bb];
                    }
                    s += ca * row;
                }
                sum += s;
            }
            out[t] = sum / k;
        }
        return out;
    }

    int dimension() {
        return d;
    }
}
