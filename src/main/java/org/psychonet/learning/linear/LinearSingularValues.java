package org.psychonet.learning.linear;

import org.psychonet.images.SymmetricEigen;

/**
 * Singular values of a linear network's product matrix W, descending (SI Fig. 2's spectra): one call into the
 * project's one symmetric eigensolver, {@link SymmetricEigen#singularValues}, through the Gram matrix WᵀW.
 */
public final class LinearSingularValues {
    private LinearSingularValues() {
    }

    /** Singular values of the row-major d×d matrix w, descending. */
    public static double[] of(double[] w, int d) {
        return SymmetricEigen.singularValues(w, d, d);
    }
}
