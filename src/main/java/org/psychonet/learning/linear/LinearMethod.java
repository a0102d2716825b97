package org.psychonet.learning.linear;

import org.psychonet.util.InvalidInputException;

/** How a linear network is trained; the model and the loss are the same for all three. */
public enum LinearMethod {
    /** Minibatch SGD over the patches, as in the paper (learning rate 1.0, batch 16,384). */
    SGD("sgd"),
    /** Exact gradient descent through the covariance Σ: a few d×d products per step, whatever the patch count. */
    FULLBATCH("fullbatch"),
    /** Axis-aligned gradient descent on the singular values in the PCA basis (eq. 7): O(N·d) per step. */
    EIGEN("eigen");

    private final String label;

    LinearMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static LinearMethod parse(String s) {
        for (LinearMethod m : values()) {
            if (m.label.equals(s)) {
                return m;
            }
        }
        throw new InvalidInputException("--method " + s + " is unknown; use sgd, fullbatch or eigen");
    }
}
