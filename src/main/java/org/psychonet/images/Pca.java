package org.psychonet.images;

/**
 * PCA of zero-centred patches (Fig. 5b): covariance streamed block by block ({@link Covariance}, float64
 * products on PyTorch through DJL) and eigendecomposed in Java ({@link SymmetricEigen}). Eigenvalues are
 * the variances of the PCs (scikit-learn's explained_variance_); the singular values Fig. 5b plots are
 * their square roots times √(n − 1).
 */
public final class Pca {
    private final double[] mean;
    private final double[][] covariance;
    private final double[] eigenvalues;
    private final double[][] components;
    private final long count;

    private Pca(double[] mean, double[][] covariance, SymmetricEigen eig, long count) {
        this.mean = mean;
        this.covariance = covariance;
        this.eigenvalues = numericalZeros(eig.values());
        this.components = eig.vectors();
        this.count = count;
    }

    /**
     * Eigenvalues within the solver's accuracy of 0 — |λ| ≤ d·ε·λ₁ — set to exactly 0. They are rounding noise of a
     * rank-deficient covariance (periodic or blank images), not variance, and a power law fitted through them would
     * describe the noise. Photographs' spectra stay many orders of magnitude above this floor.
     */
    static double[] numericalZeros(double[] values) {
        double[] v = values.clone();
        double top = v.length == 0 ? 0 : Math.max(Math.abs(v[0]), Math.abs(v[v.length - 1]));
        double floor = v.length * Math.ulp(1.0) * top;
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(v[i]) <= floor) {
                v[i] = 0;
            }
        }
        return v;
    }

    public static Pca fit(Patches patches) {
        Covariance c = Covariance.covering(patches.dim(), patches.data());
        c.add(patches.data(), 0, patches.count());
        return fit(c);
    }

    /** PCA from a covariance accumulated elsewhere (e.g. while streaming images). */
    public static Pca fit(Covariance acc) {
        double[][] cov = acc.covariance();
        return new Pca(acc.mean(), cov, SymmetricEigen.of(cov), acc.count());
    }

    /** PC variances, descending. */
    public double[] eigenvalues() {
        return eigenvalues;
    }

    /** Row i: the i-th unit eigenvector. */
    public double[][] components() {
        return components;
    }

    public double[][] covariance() {
        return covariance;
    }

    public double[] mean() {
        return mean;
    }

    /** Patches the covariance was estimated from. */
    public long count() {
        return count;
    }

    /** Singular values of the centred data matrix, √((n−1)·λ) (the y-axis of Fig. 5b). */
    public double[] singularValues() {
        double[] s = new double[eigenvalues.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(Math.max(0, eigenvalues[i]) * (count - 1));
        }
        return s;
    }
}
