package org.psychonet.learning.linear;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The patch covariance Σ = E[xxᵀ] of zero-centred patches in the coordinates a trainer works in: dense in
 * pixel coordinates, or diagonal (the eigenvalues) in the PCA basis, where multiplying by Σ is a column
 * scaling instead of a d×d product.
 */
public final class LinearCovariance implements AutoCloseable {
    private final int d;
    private final double[] dense;    // row-major d×d, or null
    private final double[] diagonal; // λ, or null
    private final NDManager manager = NDManager.newBaseManager();
    private final NDArray array;     // (d, d) or (1, d), float64
    private NDArray single;          // the same in float32, made on first use

    private LinearCovariance(int d, double[] dense, double[] diagonal) {
        this.d = d;
        this.dense = dense;
        this.diagonal = diagonal;
        this.array = dense != null ? manager.create(dense, new Shape(d, d)) : manager.create(diagonal, new Shape(1, d));
    }

    /** Σ in pixel coordinates (row-major d×d). */
    public static LinearCovariance dense(double[] sigma, int d) {
        return new LinearCovariance(d, sigma.clone(), null);
    }

    /** Σ = diag(λ): the covariance in its own eigenbasis. */
    public static LinearCovariance diagonal(double[] lambda) {
        return new LinearCovariance(lambda.length, null, lambda.clone());
    }

    /**
     * Σ = XᵀX/n of n patches (row-major n×d), which must already be zero-centred: exactly the matrix that a
     * full pass of minibatch gradients averages to.
     */
    public static LinearCovariance ofPatches(float[] x, int n, int d) {
        double[] s = new double[d * d];
        int chunk = Math.max(1, (1 << 22) / d);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray acc = m.zeros(new Shape(d, d), DataType.FLOAT64);
            for (int start = 0; start < n; start += chunk) {
                int rows = Math.min(chunk, n - start);
                float[] part = new float[rows * d];
                System.arraycopy(x, start * d, part, 0, part.length);
                try (NDManager t = m.newSubManager()) {
                    NDArray b = t.create(part, new Shape(rows, d)).toType(DataType.FLOAT64, false);
                    NDArray g = b.transpose().matMul(b);
                    acc.addi(g);
                }
            }
            double[] v = acc.div(n).toDoubleArray();
            System.arraycopy(v, 0, s, 0, s.length);
        }
        return new LinearCovariance(d, s, null);
    }

    public int dim() {
        return d;
    }

    public boolean isDiagonal() {
        return diagonal != null;
    }

    /** A·Σ, in A's manager. */
    public NDArray rightTimes(NDArray a) {
        NDArray s = array;
        if (a.getDataType() != DataType.FLOAT64) {
            synchronized (this) {
                if (single == null) {
                    single = array.toType(DataType.FLOAT32, true);
                }
            }
            s = single;
        }
        return diagonal != null ? a.mul(s) : a.matMul(s);
    }

    /** Σ row-major (dense form; the diagonal form is expanded). */
    public double[] toDense() {
        if (dense != null) {
            return dense.clone();
        }
        double[] r = new double[d * d];
        for (int i = 0; i < d; i++) {
            r[i * d + i] = diagonal[i];
        }
        return r;
    }

    @Override
    public void close() {
        manager.close();
    }
}
