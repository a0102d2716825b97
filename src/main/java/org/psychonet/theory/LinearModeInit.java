package org.psychonet.theory;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.psychonet.learning.linear.LinearArchitecture;
import org.psychonet.learning.linear.LinearBasis;
import org.psychonet.util.InvalidInputException;

/**
 * The theory's initial condition for each PC, read off the simulation's initial weights (nothing fitted):
 * the proportion learned p_i(0) = u_iᵀW(0)u_i, the sensitivity D_i(0) = ‖W(0)u_i‖², and for two layers the
 * norms of the mode's input and output vectors a_i = W_1u_i and b_i = W_2ᵀu_i (q_i = ‖a_i‖² + ‖b_i‖²).
 */
public record LinearModeInit(double[] proportion, double[] sensitivity, double[] inOutNorm) {

    /**
     * @param layers row-major d×d matrices in pixel coordinates (W_1 … W_N, or w)
     * @param k      number of leading PCs
     */
    public static LinearModeInit fromWeights(LinearArchitecture arch, double[][] layers, LinearBasis basis, int k) {
        int d = basis.dim();
        InvalidInputException.require(k <= d, "asked for " + k + " PCs of a " + d + "-dimensional basis");
        double[] p = new double[k];
        double[] s = new double[k];
        double[] q = new double[k];
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray u = basis.u(m, ai.djl.ndarray.types.DataType.FLOAT64).get(":, 0:" + k); // d×k
            NDArray prod = null;
            for (double[] layer : layers) {
                NDArray l = m.create(layer, new Shape(d, d));
                prod = arch.symmetric() ? l.transpose().matMul(l) : prod == null ? l : l.matMul(prod);
            }
            NDArray wu = prod.matMul(u); // column i = W u_i
            double[] pp = u.mul(wu).sum(new int[] {0}).toDoubleArray();
            double[] ss = wu.square().sum(new int[] {0}).toDoubleArray();
            System.arraycopy(pp, 0, p, 0, k);
            System.arraycopy(ss, 0, s, 0, k);
            if (!arch.symmetric() && arch.depth() == 2) {
                NDArray a = m.create(layers[0], new Shape(d, d)).matMul(u);
                NDArray b = m.create(layers[1], new Shape(d, d)).transpose().matMul(u);
                double[] qq = a.square().sum(new int[] {0}).add(b.square().sum(new int[] {0})).toDoubleArray();
                System.arraycopy(qq, 0, q, 0, k);
            }
        }
        return new LinearModeInit(p, s, q);
    }

    /** An axis-aligned, balanced start: every PC at singular value σ0 (then p = σ0, D = σ0², q = 2σ0). */
    public static LinearModeInit aligned(double sigma0, int k) {
        double[] p = new double[k];
        double[] s = new double[k];
        double[] q = new double[k];
        java.util.Arrays.fill(p, sigma0);
        java.util.Arrays.fill(s, sigma0 * sigma0);
        java.util.Arrays.fill(q, 2 * sigma0);
        return new LinearModeInit(p, s, q);
    }

    public int count() {
        return proportion.length;
    }
}
