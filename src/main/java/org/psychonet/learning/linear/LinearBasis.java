package org.psychonet.learning.linear;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The principal components of the patches: U with column i the unit eigenvector u_i of Σ, and the
 * eigenvalues λ_i (the PC variances) in descending order. Rotating a product matrix into this basis,
 * W' = UᵀWU, puts the proportion learned u_iᵀWu_i on the diagonal and the sensitivity to PC_i,
 * D(Ŷ; PC_i) = ‖Wu_i‖², in the squared norm of column i.
 */
public final class LinearBasis implements AutoCloseable {
    private final int d;
    private final double[] eigenvalues;
    private final NDManager manager = NDManager.newBaseManager();
    private final NDArray u;  // (d, d), column i = u_i
    private final NDArray ut; // Uᵀ: row i = u_i

    /**
     * @param components  row-major d×d, row i = u_i
     * @param eigenvalues λ_i, descending
     */
    public LinearBasis(double[] components, double[] eigenvalues) {
        this.d = eigenvalues.length;
        if (components.length != d * d) {
            throw new IllegalArgumentException("components must be " + d + "×" + d);
        }
        this.eigenvalues = eigenvalues.clone();
        this.ut = manager.create(components, new Shape(d, d));
        this.u = ut.transpose().duplicate();
    }

    public int dim() {
        return d;
    }

    /** λ_i, the variance of PC_i. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** U (column i = u_i) in the caller's scope. */
    public NDArray u(NDManager scope, DataType type) {
        NDArray r = u.toType(type, true);
        r.attach(scope);
        return r;
    }

    /** UᵀWU for a row-major product matrix W in pixel coordinates. */
    public double[] toPc(double[] w) {
        try (NDManager s = manager.newSubManager()) {
            NDArray wu = s.create(w, new Shape(d, d)).matMul(u);
            return wu.transpose().matMul(u).transpose().toDoubleArray();
        }
    }

    /** UW'Uᵀ: a PC-basis matrix back in pixel coordinates. */
    public double[] toPixel(double[] wPc) {
        try (NDManager s = manager.newSubManager()) {
            NDArray a = s.create(wPc, new Shape(d, d)).matMul(ut); // W'Uᵀ
            return a.transpose().matMul(ut).transpose().toDoubleArray(); // (W'Uᵀ)ᵀUᵀ)ᵀ = UW'Uᵀ
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    /** Σ = UΛUᵀ in pixel coordinates (row-major). */
    public double[] covariance() {
        double[] lam = new double[d * d];
        for (int i = 0; i < d; i++) {
            lam[i * d + i] = eigenvalues[i];
        }
        return toPixel(lam);
    }

    /**
     * The same network in PCA coordinates: the first layer's input and the last layer's output rotated,
     * W_1' = W_1U, W_N' = UᵀW_N (W' = UᵀWU for one layer; w' = wU for W = wᵀw), so that W' = UᵀWU.
     */
    public double[][] layersToPc(LinearArchitecture arch, double[][] layers) {
        double[][] r = new double[layers.length][];
        try (NDManager s = manager.newSubManager()) {
            for (int j = 0; j < layers.length; j++) {
                NDArray l = s.create(layers[j], new Shape(d, d));
                boolean first = j == 0;
                boolean lastLayer = j == layers.length - 1 && !arch.symmetric();
                if (first) {
                    l = l.matMul(u);
                }
                if (lastLayer) {
                    l = l.transpose().matMul(u).transpose(); // UᵀW
                }
                r[j] = l.toDoubleArray();
            }
        }
        return r;
    }
}
