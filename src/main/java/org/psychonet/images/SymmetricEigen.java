package org.psychonet.images;

/**
 * Eigendecomposition of a real symmetric matrix in plain Java: Householder reduction to tridiagonal form,
 * then the implicit QL algorithm with Wilkinson-type shifts (the classic EISPACK tred2/tql2 pair, written
 * here with eigenvectors stored as rows so every inner loop runs over contiguous memory). O(n³); a
 * 1024×1024 covariance takes a few seconds.
 */
public final class SymmetricEigen {
    private final double[] values;
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Eigenvalues in descending order. */
    public double[] values() {
        return values;
    }

    /** Row i is the unit eigenvector of values()[i]. */
    public double[][] vectors() {
        return vectors;
    }

    /** Decomposes symmetric {@code matrix} (not modified). */
    public static SymmetricEigen of(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("matrix is not square");
            }
            a[i] = matrix[i].clone();
        }
        double[] d = new double[n];
        double[] e = new double[n];
        double[][] qt = tridiagonalize(a, d, e);
        ql(d, e, qt);
        // sort descending, carrying the eigenvector rows along
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(d[y], d[x]));
        double[] vals = new double[n];
        double[][] vecs = new double[n][];
        for (int i = 0; i < n; i++) {
            vals[i] = d[order[i]];
            double[] v = qt[order[i]];
            // sign convention: the largest-magnitude entry is positive (stable output across runs)
            int arg = 0;
            for (int j = 1; j < n; j++) {
                if (Math.abs(v[j]) > Math.abs(v[arg]) + 1e-12) {
                    arg = j;
                }
            }
            if (v[arg] < 0) {
                for (int j = 0; j < n; j++) {
                    v[j] = -v[j];
                }
            }
            vecs[i] = v;
        }
        return new SymmetricEigen(vals, vecs);
    }

    /**
     * Reduces a (overwritten) to tridiagonal T = QᵀAQ by Householder reflections H_k that zero column k below
     * the subdiagonal. Returns Qᵀ (rows); d gets the diagonal, e[i] the coupling of i and i+1.
     */
    static double[][] tridiagonalize(double[][] a, double[] d, double[] e) {
        int n = a.length;
        double[][] vs = new double[n][];
        double[] betas = new double[n];
        double[] p = new double[n];
        for (int k = 0; k < n - 2; k++) {
            int m = n - k - 1; // length of x = a[k+1..n-1][k]
            double norm = 0;
            for (int i = k + 1; i < n; i++) {
                norm += a[i][k] * a[i][k];
            }
            norm = Math.sqrt(norm);
            d[k] = a[k][k];
            double x0 = a[k + 1][k];
            if (norm == 0) {
                e[k] = 0;
                continue;
            }
            double alpha = x0 > 0 ? -norm : norm;
            double[] v = new double[m];
            for (int i = 0; i < m; i++) {
                v[i] = a[k + 1 + i][k];
            }
            v[0] -= alpha;
            double vtv = 2 * (norm * norm - alpha * x0);
            if (vtv == 0) {
                e[k] = x0;
                continue;
            }
            double beta = 2 / vtv;
            e[k] = alpha;
            // trailing block B = a[k+1.., k+1..]: B ← H B H with H = I − β v vᵀ
            // p = β B v ; K = β/2 · vᵀp ; w = p − K v ; B ← B − v wᵀ − w vᵀ
            double kk = 0;
            for (int i = 0; i < m; i++) {
                double[] row = a[k + 1 + i];
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s += row[k + 1 + j] * v[j];
                }
                p[i] = beta * s;
                kk += v[i] * p[i];
            }
            kk *= beta / 2;
            for (int i = 0; i < m; i++) {
                p[i] -= kk * v[i];
            }
            for (int i = 0; i < m; i++) {
                double[] row = a[k + 1 + i];
                double vi = v[i];
                double wi = p[i];
                for (int j = 0; j < m; j++) {
                    row[k + 1 + j] -= vi * p[j] + wi * v[j];
                }
            }
            vs[k] = v;
            betas[k] = beta;
        }
        if (n >= 2) {
            d[n - 2] = a[n - 2][n - 2];
            e[n - 2] = a[n - 1][n - 2];
        }
        d[n - 1] = a[n - 1][n - 1];
        e[n - 1] = 0;
        // Qᵀ = H_{n−3} ⋯ H_1 H_0: start from I and apply H_0, H_1, … from the left (each touches rows k+1..)
        double[][] qt = new double[n][n];
        for (int i = 0; i < n; i++) {
            qt[i][i] = 1;
        }
        double[] r = new double[n];
        for (int k = 0; k < n - 2; k++) {
            double[] v = vs[k];
            if (v == null) {
                continue;
            }
            int m = v.length;
            java.util.Arrays.fill(r, 0);
            for (int i = 0; i < m; i++) {
                double vi = v[i];
                if (vi == 0) {
                    continue;
                }
                double[] row = qt[k + 1 + i];
                for (int j = 0; j < n; j++) {
                    r[j] += vi * row[j];
                }
            }
            double beta = betas[k];
            for (int i = 0; i < m; i++) {
                double f = beta * v[i];
                if (f == 0) {
                    continue;
                }
                double[] row = qt[k + 1 + i];
                for (int j = 0; j < n; j++) {
                    row[j] -= f * r[j];
                }
            }
        }
        return qt;
    }

    /**
     * Implicit QL with shifts on the tridiagonal (d, e); plane rotations are applied to the rows of zt,
     * which end up as the eigenvectors of the original matrix. d gets the eigenvalues (unsorted).
     */
    static void ql(double[] d, double[] e, double[][] zt) {
        int n = d.length;
        double eps = Math.ulp(1.0);
        for (int l = 0; l < n; l++) {
            int iter = 0;
            while (true) {
                int m = l;
                while (m < n - 1) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= eps * dd) {
                        break;
                    }
                    m++;
                }
                if (m == l) {
                    break;
                }
                if (++iter > 60) {
                    throw new ArithmeticException("QL did not converge for eigenvalue " + l);
                }
                // shift from the leading 2×2 block
                double g = (d[l + 1] - d[l]) / (2 * e[l]);
                double r = Math.hypot(g, 1);
                g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                double s = 1;
                double c = 1;
                double p = 0;
                boolean underflow = false;
                for (int i = m - 1; i >= l; i--) {
                    double f = s * e[i];
                    double b = c * e[i];
                    r = Math.hypot(f, g);
                    e[i + 1] = r;
                    if (r == 0) {
                        d[i + 1] -= p;
                        e[m] = 0;
                        underflow = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                    double[] zi = zt[i];
                    double[] zj = zt[i + 1];
                    for (int k = 0; k < zi.length; k++) {
                        double fk = zj[k];
                        zj[k] = s * zi[k] + c * fk;
                        zi[k] = c * zi[k] - s * fk;
                    }
                }
                if (underflow) {
                    continue;
                }
                d[l] -= p;
                e[l] = g;
                e[m] = 0;
            }
        }
    }
}
