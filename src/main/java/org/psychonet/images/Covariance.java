package org.psychonet.images;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigInteger;

/**
 * Streaming covariance of d-dimensional rows, kept as <b>exact</b> integer moments so that partial sums merge
 * to the same bits in any order. Each value is quantized to the grid {@code bound}·2⁻²⁰ ({@code bound}, a power
 * of two, bounds |x|: 1 for luma in [0, 1], a step of 9.5·10⁻⁷ — over 4,000 times finer than 8-bit pixel
 * values, adding a variance of step²/12 ≈ 8·10⁻¹⁴ per pixel). Rows are buffered in blocks of {@value #BLOCK} and
 * folded into Σq and Σqqᵀ with one float64 matrix product on PyTorch (DJL): with |q| ≤ 2²¹ every product and
 * every partial sum of a block is an integer below 2⁵³, so the product is exact whatever the BLAS kernel, thread
 * count or summation order; block results are added into 128-bit integers. Then
 * C = (n·Σqqᵀ − Σq Σqᵀ) / (n(n − 1)) · step², the unbiased estimate scikit-learn's PCA uses, is computed
 * exactly and rounded once. Merging the partial sums of any partitioning of the rows — threads, Spark
 * partitions, retried tasks — gives bitwise the same covariance as one pass.
 */
public final class Covariance implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Bits of the quantization grid below {@code bound}. */
    static final int BITS = 20;
    /** Rows per exact float64 block: 2¹¹ · (2²¹)² = 2⁵³. */
    static final int BLOCK = 2048;
    private static final double LIMIT = 1 << (BITS + 1);

    private final int dim;
    private final double bound;
    /** Quantization step, bound·2⁻²⁰ (a power of two: quantizing x/step is exact scaling, then rounding). */
    private final double step;
    /** Quantized rows (integers, exact in float32) waiting for the next block product. */
    private transient float[] buffer;
    private transient int buffered;
    private long count;
    private final long[] sum;
    /** Σqqᵀ over the upper triangle (i ≤ j, row-major), as 128-bit two's complement (high, low words). */
    private final long[] sumSqHigh;
    private final long[] sumSqLow;

    /** For luma and other values in [−1, 1]. */
    public Covariance(int dim) {
        this(dim, 1);
    }

    /**
     * @param bound a bound on |x| (rounded up to a power of two); values up to 2·bound are accepted, larger ones
     *              are refused (IllegalArgumentException)
     */
    public Covariance(int dim, double bound) {
        if (dim < 1 || !(bound > 0) || !Double.isFinite(bound)) {
            throw new IllegalArgumentException("covariance needs dim ≥ 1 and a finite bound > 0");
        }
        this.dim = dim;
        this.bound = Math.scalb(1.0, Math.getExponent(bound) + (bound == Math.scalb(1.0, Math.getExponent(bound))
                ? 0 : 1));
        this.step = Math.scalb(this.bound, -BITS);
        this.sum = new long[dim];
        int tri = Math.multiplyExact(dim, dim + 1) / 2;
        this.sumSqHigh = new long[tri];
        this.sumSqLow = new long[tri];
    }

    /** A covariance whose bound covers every value of {@code data} (for in-memory data of any scale). */
    public static Covariance covering(int dim, float[] data) {
        double max = 0;
        for (float v : data) {
            max = Math.max(max, Math.abs(v));
        }
        return new Covariance(dim, max > 0 ? max : 1);
    }

    public int dim() {
        return dim;
    }

    /** The power of two bounding |x| (values are quantized to bound·2⁻²⁰). */
    public double bound() {
        return bound;
    }

    /** The value {@code x} as this covariance sees it: rounded to the grid bound·2⁻²⁰. */
    public double quantized(double x) {
        return Math.rint(x / step) * step;
    }

    public long count() {
        return count + buffered;
    }

    /** Adds {@code rows} rows starting at {@code offset} of a row-major array. */
    public void add(float[] data, int offset, int rows) {
        if (buffer == null) {
            buffer = new float[BLOCK * dim];
        }
        int r = 0;
        while (r < rows) {
            int take = Math.min(rows - r, BLOCK - buffered);
            int from = offset + r * dim;
            int to = buffered * dim;
            for (int k = 0; k < take * dim; k++) {
                double q = Math.rint(data[from + k] / step);
                if (!(Math.abs(q) <= LIMIT)) {
                    throw new IllegalArgumentException("value " + data[from + k] + " is outside the covariance's "
                            + "range ±" + 2 * bound + " (or not a number)");
                }
                buffer[to + k] = (float) q;
            }
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
        try (NDManager m = NDManager.newBaseManager()) {
            float[] block = buffered == BLOCK ? buffer : java.util.Arrays.copyOf(buffer, buffered * dim);
            NDArray x = m.create(block, new Shape(buffered, dim)).toType(DataType.FLOAT64, false);
            double[] s1 = x.sum(new int[] {0}).toDoubleArray();
            double[] s2 = x.transpose().dot(x).toDoubleArray();
            for (int j = 0; j < dim; j++) {
                sum[j] += (long) s1[j];
            }
            int t = 0;
            for (int i = 0; i < dim; i++) {
                for (int j = i; j < dim; j++, t++) {
                    add128(t, (long) s2[i * dim + j]);
                }
            }
        }
        count += buffered;
        buffered = 0;
    }

    private void add128(int t, long v) {
        long lo = sumSqLow[t] + v;
        // carry out of the low word (unsigned), plus v's sign extension into the high word
        sumSqHigh[t] += (v >> 63) + (Long.compareUnsigned(lo, sumSqLow[t]) < 0 ? 1 : 0);
        sumSqLow[t] = lo;
    }

    /** Adds another covariance's rows into this one (exact: the result does not depend on the grouping). */
    public void merge(Covariance other) {
        if (other.dim != dim || other.bound != bound) {
            throw new IllegalArgumentException("cannot merge a " + other.dim + "-dim covariance (bound " + other.bound
                    + ") into a " + dim + "-dim one (bound " + bound + ")");
        }
        flush();
        other.flush();
        count += other.count;
        for (int j = 0; j < dim; j++) {
            sum[j] += other.sum[j];
        }
        for (int t = 0; t < sumSqLow.length; t++) {
            long lo = sumSqLow[t] + other.sumSqLow[t];
            sumSqHigh[t] += other.sumSqHigh[t] + (Long.compareUnsigned(lo, sumSqLow[t]) < 0 ? 1 : 0);
            sumSqLow[t] = lo;
        }
    }

    /** Mean of the rows added (of their quantized values). */
    public double[] mean() {
        flush();
        double[] m = new double[dim];
        for (int j = 0; j < dim; j++) {
            m[j] = (double) sum[j] / count * step;
        }
        return m;
    }

    /** Unbiased covariance (n − 1) of the quantized rows, as a dense symmetric d×d matrix; exact, rounded once. */
    public double[][] covariance() {
        flush();
        if (count < 2) {
            throw new IllegalStateException("covariance needs at least 2 rows, got " + count);
        }
        BigInteger n = BigInteger.valueOf(count);
        double denominator = (double) count * (count - 1);
        double scale = step * step;
        BigInteger[] s = new BigInteger[dim];
        for (int j = 0; j < dim; j++) {
            s[j] = BigInteger.valueOf(sum[j]);
        }
        double[][] c = new double[dim][dim];
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16); // big-endian 128-bit two's complement
        int t = 0;
        for (int i = 0; i < dim; i++) {
            for (int j = i; j < dim; j++, t++) {
                BigInteger sq = new BigInteger(bytes.putLong(0, sumSqHigh[t]).putLong(8, sumSqLow[t]).array());
                double v = sq.multiply(n).subtract(s[i].multiply(s[j])).doubleValue() / denominator * scale;
                c[i][j] = v;
                c[j][i] = v;
            }
        }
        return c;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        flush(); // only the exact sums travel
        out.defaultWriteObject();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        buffered = 0;
    }
}
