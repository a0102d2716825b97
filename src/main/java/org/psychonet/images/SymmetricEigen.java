package org.psychonet.images;

/**
 * Eigendecomposition of a real symmetric matrix in plain Java: Householder reduction to tridiagonal form,
 * then the implicit QL algorithm with Wilkinson-type shifts (the classic EISPACK tred2/tql2 pair, written
 * here with eigenvectors stored as rows so every inner loop runs over contiguous memory). O(n³); a
 * 1024×1024 covariance takes a few seconds. psychonet's one symmetric eigensolver: PCA of patches (Fig. 5b)
 * and the singular values of linear networks ({@link #singularValues}) both use it.
 *
 * <p>Rank-deficient matrices are the common case here (a periodic image gives a patch covariance of rank 8
 * in 1024 dimensions), and two details make them safe. Each Householder column is scaled by its largest entry
 * before its norm is taken: the trailing block of such a matrix shrinks geometrically with every reflection,
 * into the subnormal range, where an unscaled sum of squares underflows to 0 and the reflector's 2/vᵀv becomes
 * infinite (NaN everywhere after, and "QL did not converge"). And QL deflates an off-diagonal entry that is
 * negligible either beside its neighbours on the diagonal or beside the norm of the matrix seen so far (tql2's
 * test): the first alone never deflates a block of rounding noise whose diagonal is itself ~0.
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
        double[][] a = copy(matrix);
        double[] d = new double[n];
        double[] e = new double[n];
        double[][] qt = tridiagonalize(a, d, e, true);
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

    /** Eigenvalues only (no eigenvectors: a third of the work), descending; {@code matrix} is not modified. */
    public static double[] eigenvalues(double[][] matrix) {
        int n = matrix.length;
        double[][] a = copy(matrix);
        double[] d = new double[n];
        double[] e = new double[n];
        tridiagonalize(a, d, e, false);
        ql(d, e, null);
        java.util.Arrays.sort(d);
        for (int i = 0; i < n / 2; i++) {
            double t = d[i];
            d[i] = d[n - 1 - i];
            d[n - 1 - i] = t;
        }
        return d;
    }

    /** Eigenvalues, descending, of the symmetric row-major n×n matrix {@code a} (not modified). */
    public static double[] eigenvalues(double[] a, int n) {
        if (a.length != (long) n * n) {
            throw new IllegalArgumentException(a.length + " entries for a " + n + "×" + n + " matrix");
        }
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOfRange(a, i * n, (i + 1) * n);
        }
        return eigenvalues(m);
    }

    /**
     * Singular values, descending, of the row-major rows×cols matrix {@code w}: the square roots of the
     * eigenvalues of the Gram matrix WᵀW (or WWᵀ, whichever is smaller). Through the Gram matrix a singular value
     * below √ε·σ₁ is not resolved (it reads as ~√ε·σ₁ or 0); that is far below what the learning curves of
     * Figs 4–5 look at. Returns min(rows, cols) values.
     */
    public static double[] singularValues(double[] w, int rows, int cols) {
        if (w.length != (long) rows * cols) {
            throw new IllegalArgumentException(w.length + " entries for a " + rows + "×" + cols + " matrix");
        }
        boolean tall = rows >= cols;
        int k = tall ? cols : rows;
        double[][] g = new double[k][k];
        // G = WᵀW (tall) or WWᵀ (wide), accumulated row by row of W so the inner loop runs over contiguous memory
        if (tall) {
            for (int r = 0; r < rows; r++) {
                int off = r * cols;
                for (int i = 0; i < cols; i++) {
                    double wi = w[off + i];
                    if (wi == 0) {
                        continue;
                    }
                    double[] gi = g[i];
                    for (int j = 0; j <= i; j++) {
                        gi[j] += wi * w[off + j];
                    }
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = 0;
                    for (int c = 0; c < cols; c++) {
                        s += w[i * cols + c] * w[j * cols + c];
                    }
                    g[i][j] = s;
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                g[j][i] = g[i][j];
            }
        }
        double[] ev = eigenvalues(g);
        for (int i = 0; i < k; i++) {
            ev[i] = Math.sqrt(Math.max(0, ev[i]));
        }
        return ev;
    }

    private static double[][] copy(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("matrix is not square");
            }
            for (double v : matrix[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("matrix has a NaN or infinite entry");
                }
            }
            a[i] = matrix[i].clone();
        }
        return a;
    }

    /**
     * Reduces a (overwritten) to tridiagonal T = QᵀAQ by Householder reflections H_k that zero column k below
     * the subdiagonal. Returns Qᵀ (rows; null unless {@code vectors}); d gets the diagonal, e[i] the coupling of
     * i and i+1.
     */
    static double[][] tridiagonalize(double[][] a, double[] d, double[] e, boolean vectors) {
        int n = a.length;
        double[][] vs = new double[n][];
        double[] betas = new double[n];
        double[] p = new double[n];
        for (int k = 0; k < n - 2; k++) {
            int m = n - k - 1; // length of x = a[k+1..n-1][k]
            d[k] = a[k][k];
            double x0 = a[k + 1][k];
            // scaled by the largest entry, so the sum of squares neither underflows nor overflows
            double scale = 0;
            for (int i = k + 1; i < n; i++) {
                scale = Math.max(scale, Math.abs(a[i][k]));
            }
            if (scale == 0) {
                e[k] = 0;
                continue;
            }
            double[] v = new double[m];
            double norm = 0;
            for (int i = 0; i < m; i++) {
                v[i] = a[k + 1 + i][k] / scale;
                norm += v[i] * v[i];
            }
            norm = Math.sqrt(norm);
            double u0 = v[0];
            double alpha = u0 > 0 ? -norm : norm;
            v[0] -= alpha;
            double vtv = 2 * (norm * norm - alpha * u0);
            if (vtv == 0) {
                e[k] = x0;
                continue;
            }
            e[k] = alpha * scale;
            double beta = 2 / vtv; // H = I − β v vᵀ does not depend on the scale of v
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
            if (vectors) {
                vs[k] = v;
                betas[k] = beta;
            }
        }
        if (n >= 2) {
            d[n - 2] = a[n - 2][n - 2];
            e[n - 2] = a[n - 1][n - 2];
        }
        if (n >= 1) {
            d[n - 1] = a[n - 1][n - 1];
            e[n - 1] = 0;
        }
        if (!vectors) {
            return null;
        }
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
     * which end up as the eigenvectors of the original matrix (null: eigenvalues only). d gets the eigenvalues
     * (unsorted).
     */
    static void ql(double[] d, double[] e, double[][] zt) {
        int n = d.length;
        double eps = Math.ulp(1.0);
        double seen = 0; // tql2's tst1: the largest |d| + |e| of the rows already reached
        for (int l = 0; l < n; l++) {
            int iter = 0;
            seen = Math.max(seen, Math.abs(d[l]) + Math.abs(e[l]));
            while (true) {
                int m = l;
                while (m < n - 1) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= eps * Math.max(dd, seen)) {
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
                    if (zt == null) {
                        continue;
                    }
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
