package org.psychonet.learning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.psychonet.stimulus.StimulusFamily;

/**
 * Sensitivity of a linear map Ŷ = WX to a stimulus parameter (Fig. 5e–f: the plane wave's frequency),
 * D(θ) = mean over nuisance values of ‖W ∂x/∂θ‖² — the same quantity the sensitivity engine measures for
 * {@code LinearNetwork.of(W)}, computed in a closed form that costs one d×r product per snapshot: the
 * derivative images g_{θ,k} span a subspace with orthonormal basis B (r×d; r = 31 for 32×32 plane waves,
 * which are constant along one axis and whose derivative vanishes at t = 0), g = Bᵀc, so ‖Wg‖² = cᵀ(WBᵀ)ᵀ(WBᵀ)c exactly.
 */
public final class LinearFrequencySensitivity {
    private final StimulusFamily family;
    private final double[] thetas;
    private final int d;
    private final int k;
    private final double[] basis;  // r×d, orthonormal rows
    private final double[] coeff;  // (thetas·k)×r
    private final int rank;

    public LinearFrequencySensitivity(StimulusFamily family, double[] thetas) {
        this.family = family;
        this.thetas = thetas.clone();
        this.d = family.size();
        this.k = family.nuisanceCount();
        int rows = thetas.length * k;
        double[] g = new double[d];
        List<double[]> b = new ArrayList<>();
        double[][] c = new double[rows][];
        for (int t = 0; t < thetas.length; t++) {
            for (int q = 0; q < k; q++) {
                family.derivative(thetas[t], q, g, 0);
                c[t * k + q] = project(g, b);
            }
        }
        rank = b.size();
        basis = new double[rank * d];
        for (int r = 0; r < rank; r++) {
            System.arraycopy(b.get(r), 0, basis, r * d, d);
        }
        coeff = new double[rows * rank];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(c[i], 0, coeff, i * rank, c[i].length);
        }
    }

    /**
     * Coefficients of g on the basis, extending the basis (Gram–Schmidt, twice for stability) when g is not
     * yet in its span. Later rows simply have more coefficients; missing ones are zero.
     */
    private double[] project(double[] g, List<double[]> b) {
        double norm = 0;
        for (double v : g) {
            norm += v * v;
        }
        double[] res = g.clone();
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
        return java.util.Arrays.copyOf(coef, b.size());
    }

    public double[] thetas() {
        return thetas.clone();
    }

    /** Dimension of the span of the derivative images. */
    public int rank() {
        return rank;
    }

    /** D(θ) on the grid for the row-major d×d product matrix W (pixel coordinates). */
    public double[] sensitivity(double[] w) {
        double[] q;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray wb = m.create(w, new Shape(d, d)).matMul(m.create(basis, new Shape(rank, d)).transpose());
            q = wb.transpose().matMul(wb).toDoubleArray(); // r×r
        }
        double[] out = new double[thetas.length];
        for (int t = 0; t < thetas.length; t++) {
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

    /** Thresholds D^(−1/2) (Fig. 5f). */
    public double[] thresholds(double[] w) {
        double[] dd = sensitivity(w);
        double[] r = new double[dd.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = dd[i] > 0 ? 1 / Math.sqrt(dd[i]) : Double.POSITIVE_INFINITY;
        }
        return r;
    }

    /**
     * Acuity (Fig. 5h): the highest θ whose threshold is below the cutoff, refined by linear interpolation to
     * the crossing with the next grid point; NaN when no θ is below.
     */
    public static double acuity(double[] thetas, double[] thresholds, double cutoff) {
        int last = -1;
        for (int i = 0; i < thresholds.length; i++) {
            if (thresholds[i] < cutoff) {
                last = i;
            }
        }
        if (last < 0) {
            return Double.NaN;
        }
        if (last == thresholds.length - 1) {
            return thetas[last];
        }
        double t0 = thresholds[last];
        double t1 = thresholds[last + 1];
        double f = Double.isFinite(t1) ? (cutoff - t0) / (t1 - t0) : 0;
        return thetas[last] + f * (thetas[last + 1] - thetas[last]);
    }
}
