package org.psychonet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;

/**
 * A model whose named layers ("taps") are all read from ONE forward pass. Inputs are batches of
 * shape (B, C, H, W); every tap comes back with the batch as its first axis.
 *
 * <p>Arrays returned are attached to the manager of the input, so callers scope them by creating
 * inputs in a per-batch sub-manager.
 */
public interface Network extends AutoCloseable {

    String name();

    /** Tap names, shallow to deep. */
    List<String> layers();

    /** Input shape without the batch axis: (C, H, W). */
    Shape inputShape();

    /** Precision of the parameters; inputs must match it. */
    DataType dataType();

    /** Activations of every tap, in {@link #layers()} order, from one forward pass (inference mode). */
    NDList forward(NDArray x);

    /** Whether {@link #tangent} is available (true for psychonet's piecewise-linear networks). */
    boolean supportsTangent();

    /**
     * The Jacobian-vector product J(x)·dx for every tap, from one pass: ∂y/∂θ when dx = ∂x/∂θ.
     *
     * @throws UnsupportedOperationException when {@link #supportsTangent()} is false
     */
    NDList tangent(NDArray x, NDArray dx);

    /**
     * Σ over each requested tap's elements of (J·dx)², for every row of the batch: [tap][row] — what the
     * sensitivity engine needs from {@link #tangent}. Networks that pass layer by layer override it to sum each
     * tap as soon as it is computed and free it, so a batch never holds every tap at once.
     *
     * @param taps indices into {@link #layers()}
     */
    default double[][] tangentSquaredNorms(NDArray x, NDArray dx, int[] taps) {
        NDList dy = tangent(x, dx);
        double[][] r = new double[taps.length][];
        for (int i = 0; i < taps.length; i++) {
            r[i] = squaredNorms(dy.get(taps[i]));
        }
        return r;
    }

    /** Σ of squares over every axis but the first, per row, accumulated in the array's precision. */
    static double[] squaredNorms(NDArray a) {
        try (NDArray flat = a.reshape(a.getShape().get(0), -1); NDArray sq = flat.square();
             NDArray sum = sq.sum(new int[] {1}); NDArray wide = sum.toType(DataType.FLOAT64, false)) {
            return wide.toDoubleArray();
        }
    }

    /**
     * Whether y is affine in x, so that the Jacobian does not depend on the input (linear maps). The
     * sensitivity engine then propagates a basis of the span of ∂x/∂θ instead of every stimulus.
     */
    default boolean affine() {
        return false;
    }

    /** What this network is, for result.json. */
    Map<String, Object> describe();

    @Override
    void close();
}
