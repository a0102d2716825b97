package org.psychonet.learning.linear;

/** Gradient descent on a linear network's reconstruction loss, one step at a time. */
public interface LinearTrainer extends AutoCloseable {

    LinearMethod method();

    LinearArchitecture architecture();

    /** Step size η; training time in the theory is t = η × steps. */
    double learningRate();

    /** One gradient step (for sgd: one minibatch). */
    void step();

    /** Steps taken so far. */
    long steps();

    /** The product matrix W in the PCA basis, W' = UᵀWU (row-major d×d). */
    double[] productPc();

    /** The product matrix W in pixel coordinates (row-major d×d). */
    double[] productPixel();

    /**
     * The weight matrices in the PCA basis — the first layer's input and the last layer's output rotated by U, so
     * that their product is UᵀWU — for measuring the layers' alignment; null when the trainer has no separate
     * layers to align (the axis-aligned eigen trainer, aligned by construction).
     */
    double[][] layersPc();

    @Override
    void close();
}
