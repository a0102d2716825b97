package org.psychonet.learning.linear;

/**
 * What a linear-network run learns from: zero-centred greyscale patches, their covariance Σ and its
 * principal components.
 *
 * @param name        where the patches came from, for result.json
 * @param size        patch side (d = size²)
 * @param count       number of patches n (0 when the run needs only Σ)
 * @param patches     row-major n×d, zero-centred (null when count is 0)
 * @param eigenvalues PC variances λ_i, descending
 * @param components  row-major d×d, row i = u_i
 */
public record LinearPatchData(String name, int size, int count, float[] patches, double[] eigenvalues,
                              double[] components) {

    public int dim() {
        return size * size;
    }

    public LinearBasis basis() {
        return new LinearBasis(components, eigenvalues);
    }
}
