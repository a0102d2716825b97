package org.psychonet.learning.linear;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.function.Function;

/**
 * The weight matrices of a {@link LinearArchitecture} as native tensors, and one gradient-descent step on
 * them given the gradient of the loss with respect to the product matrix W (chain rule through the layers:
 * ∂ℓ/∂W_j = (W_N⋯W_{j+1})ᵀ ∇_Wℓ (W_{j−1}⋯W_1)ᵀ; for W = wᵀw, ∂ℓ/∂w = w(∇_Wℓ + ∇_Wℓᵀ)).
 * Each step works in its own scope, so long runs do not leak native memory.
 */
public final class LinearWeights implements AutoCloseable {
    private final LinearArchitecture arch;
    private final int d;
    private final DataType type;
    private final NDManager manager = NDManager.newBaseManager();
    private NDArray[] layers;

    /**
     * @param matrices row-major d×d matrices W_1 … W_N (or the single w of the symmetric form)
     */
    public LinearWeights(LinearArchitecture arch, int d, double[][] matrices, DataType type) {
        if (matrices.length != arch.matrices()) {
            throw new IllegalArgumentException(arch.label() + " needs " + arch.matrices() + " matrices");
        }
        this.arch = arch;
        this.d = d;
        this.type = type;
        layers = new NDArray[matrices.length];
        for (int j = 0; j < matrices.length; j++) {
            layers[j] = manager.create(matrices[j], new Shape(d, d)).toType(type, false);
        }
    }

    public LinearArchitecture architecture() {
        return arch;
    }

    public int dim() {
        return d;
    }

    public DataType dataType() {
        return type;
    }

    /** The product matrix W (row-major, float64 values). */
    public double[] product() {
        try (NDManager s = manager.newSubManager()) {
            for (NDArray l : layers) {
                l.tempAttach(s);
            }
            return productOf(layers).toType(DataType.FLOAT64, false).toDoubleArray();
        }
    }

    /** The weight matrices, row-major. */
    public double[][] matrices() {
        double[][] r = new double[layers.length][];
        try (NDManager s = manager.newSubManager()) {
            for (int j = 0; j < layers.length; j++) {
                layers[j].tempAttach(s);
                r[j] = layers[j].toType(DataType.FLOAT64, true).toDoubleArray();
            }
        }
        return r;
    }

    private NDArray productOf(NDArray[] ls) {
        if (arch.symmetric()) {
            return ls[0].transpose().matMul(ls[0]);
        }
        NDArray p = ls[0];
        for (int j = 1; j < ls.length; j++) {
            p = ls[j].matMul(p);
        }
        return p;
    }

    /**
     * One step W_j ← W_j − lr·∂ℓ/∂W_j on all layers at once.
     *
     * @param productGradient maps the current product W to ∇_Wℓ (in the same scope)
     */
    public void descend(Function<NDArray, NDArray> productGradient, double lr) {
        NDArray[] next = new NDArray[layers.length];
        try (NDManager s = manager.newSubManager()) {
            for (NDArray l : layers) {
                l.tempAttach(s);
            }
            NDArray[] grads = layerGradients(productGradient);
            for (int j = 0; j < layers.length; j++) {
                next[j] = layers[j].sub(grads[j].mul(lr));
                next[j].attach(manager);
            }
        }
        for (NDArray l : layers) {
            l.close();
        }
        layers = next;
    }

    /** ∂ℓ/∂W_j for every layer, in the layers' current scope. */
    NDArray[] layerGradients(Function<NDArray, NDArray> productGradient) {
        int n = layers.length;
        NDArray[] grads = new NDArray[n];
        if (arch.symmetric()) {
            NDArray g = productGradient.apply(productOf(layers));
            grads[0] = layers[0].matMul(g.add(g.transpose()));
            return grads;
        }
        // prefix[j] = W_j ⋯ W_1 (prefix[0] = I); suffix[j] = W_N ⋯ W_{j+1} (suffix[N] = I)
        NDArray[] prefix = new NDArray[n + 1];
        prefix[1] = layers[0];
        for (int j = 2; j <= n; j++) {
            prefix[j] = layers[j - 1].matMul(prefix[j - 1]);
        }
        NDArray[] suffix = new NDArray[n + 1];
        if (n >= 2) {
            suffix[n - 1] = layers[n - 1];
            for (int j = n - 2; j >= 1; j--) {
                suffix[j] = suffix[j + 1].matMul(layers[j]);
            }
        }
        NDArray g = productGradient.apply(prefix[n]);
        for (int j = 1; j <= n; j++) {
            NDArray r = g;
            if (suffix[j] != null) {
                r = suffix[j].transpose().matMul(r);
            }
            if (j >= 2) {
                r = r.matMul(prefix[j - 1].transpose());
            }
            grads[j - 1] = r;
        }
        return grads;
    }

    /** ∂ℓ/∂W_j as row-major arrays (for tests). */
    public double[][] gradients(Function<NDArray, NDArray> productGradient) {
        try (NDManager s = manager.newSubManager()) {
            for (NDArray l : layers) {
                l.tempAttach(s);
            }
            NDArray[] g = layerGradients(productGradient);
            double[][] r = new double[g.length][];
            for (int j = 0; j < g.length; j++) {
                r[j] = g[j].toType(DataType.FLOAT64, false).toDoubleArray();
            }
            return r;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
