package org.psychonet.learning.linear;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * How far the layers of a deep linear network are from the aligned state that eq. 7 assumes. For PC i (unit
 * input direction e_i in the PCA basis) and each junction j between layers j and j + 1, the forward image
 * f_j = L_j⋯L_1e_i and the backward image b_j = (L_N⋯L_{j+1})ᵀe_i are parallel when the layers are aligned
 * (W_j = R_j S_j R_{j−1}ᵀ with shared singular vectors), and the proportion learned is
 * p_i = e_iᵀL_N⋯L_1e_i = f_j·b_j = cos_j·‖f_j‖‖b_j‖ at every junction. The alignment of the mode is the smallest
 * cos_j over the junctions: ≈ 0 from a small random start (random directions in d dimensions), 1 once aligned.
 */
public final class LayerAlignment {
    private LayerAlignment() {
    }

    /**
     * @param layers row-major d×d matrices L_1 … L_N in the PCA basis (first layer's input and last layer's
     *               output rotated by U, so that L_N⋯L_1 = UᵀWU); N ≥ 2
     * @param k      leading PCs
     * @return min over junctions of cos(f_j, b_j), per PC
     */
    public static double[] cosines(double[][] layers, int d, int k) {
        int n = layers.length;
        if (n < 2) {
            throw new IllegalArgumentException("alignment needs at least two layers");
        }
        double[] out = new double[k];
        java.util.Arrays.fill(out, Double.POSITIVE_INFINITY);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray[] l = new NDArray[n];
            for (int j = 0; j < n; j++) {
                l[j] = m.create(layers[j], new Shape(d, d)).toType(DataType.FLOAT64, false);
            }
            NDArray e = m.eye(d, k, 0, DataType.FLOAT64); // columns e_1 … e_k
            // forward images f_j (d×k) for j = 1 … N−1
            NDArray[] f = new NDArray[n];
            NDArray cur = e;
            for (int j = 0; j < n - 1; j++) {
                cur = l[j].matMul(cur);
                f[j] = cur;
            }
            // backward images b_j = L_{j+1}ᵀ ⋯ L_Nᵀ e
            NDArray back = e;
            for (int j = n - 1; j >= 1; j--) {
                back = l[j].transpose().matMul(back);
                NDArray fj = f[j - 1];
                double[] dot = fj.mul(back).sum(new int[] {0}).toDoubleArray();
                double[] nf = fj.square().sum(new int[] {0}).toDoubleArray();
                double[] nb = back.square().sum(new int[] {0}).toDoubleArray();
                for (int i = 0; i < k; i++) {
                    double c = dot[i] / Math.sqrt(nf[i] * nb[i]);
                    out[i] = Math.min(out[i], Double.isFinite(c) ? c : 0);
                }
            }
        }
        return out;
    }
}
