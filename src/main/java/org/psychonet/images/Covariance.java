package org.psychonet.images;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Streaming covariance of d-dimensional rows: rows are buffered in blocks of {@code BLOCK} and each full
 * block is folded into Σ(x−k)(x−k)ᵀ with one float64 matrix product on PyTorch (DJL), so only one block
 * is ever held besides the d×d sums. k is the mean of the first block (a shift that keeps the float64
 * sums well conditioned); C = (S₂ − s₁s₁ᵀ/n)/(n − 1), the unbiased estimate scikit-learn's PCA uses.
 */
public final class Covariance {
    static final int BLOCK = 4096;
    private final int dim;
    private final float[] buffer;
    private int buffered;
    private long count;
    private double[] shift;
    private final double[] sum;
    private final double[] sumSq;

    public Covariance(int dim) {
        this.dim = dim;
        this.buffer = new float[BLOCK * dim];
        this.sum = new double[dim];
        this.sumSq = new double[dim * dim];
    }

    public int dim() {
        return dim;
    }

    public long count() {
        return count + buffered;
    }

    /** Adds {@code rows} rows starting at {@code offset} of a row-major array. */
    public void add(float[] data, int offset, int rows) {
        int r = 0;
        while (r < rows) {
            int take = Math.min(rows - r, BLOCK - buffered);
            System.arraycopy(data, offset + r * dim, buffer, buffered * dim, take * dim);
            buffered += take;
            r += take;
            if (buffered == BLOCK) {
                flush();
            }
        }
    }

    private void flush() {
        if (buffered == 0) {
            return;
        }
        if (shift == null) {
            shift = new double[dim];
            for (int i = 0; i < buffered; i++) {
                for (int j = 0; j < dim; j++) {
                    shift[j] += buffer[i * dim + j];
                }
            }
            for (int j = 0; j < dim; j++) {
                shift[j] /= buffered;
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            float[] block = buffered == BLOCK ? buffer : java.util.Arrays.copyOf(buffer, buffered * dim);
            NDArray x = m.create(block, new Shape(buffered, dim)).toType(DataType.FLOAT64, false)
                    .sub(m.create(shift));
            double[] s1 = x.sum(new int[] {0}).toDoubleArray();
            double[] s2 = x.transpose().dot(x).toDoubleArray();
            for (int j = 0; j < dim; j++) {
                sum[j] += s1[j];
            }
            for (int j = 0; j < s2.length; j++) {
                sumSq[j] += s2[j];
            }
        }
        count += buffered;
        buffered = 0;
    }

    /** Mean of the rows added. */
    public double[] mean() {
        flush();
        double[] m = new double[dim];
        for (int j = 0; j < dim; j++) {
            m[j] = shift[j] + sum[j] / count;
        }
        return m;
    }

    /** Unbiased covariance (n − 1), as a dense symmetric d×d matrix. */
    public double[][] covariance() {
        flush();
        if (count < 2) {
            throw new IllegalStateException("covariance needs at least 2 rows, got " + count);
        }
        double[][] c = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                c[i][j] = (sumSq[i * dim + j] - sum[i] * sum[j] / count) / (count - 1);
            }
        }
        // symmetrise away float64 rounding in the product
        for (int i = 0; i < dim; i++) {
            for (int j = i + 1; j < dim; j++) {
                double v = 0.5 * (c[i][j] + c[j][i]);
                c[i][j] = v;
                c[j][i] = v;
            }
        }
        return c;
    }
}
