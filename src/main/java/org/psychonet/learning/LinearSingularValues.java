package org.psychonet.learning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Singular values of a square matrix: the square roots of the eigenvalues of WᵀW, found by Householder
 * reduction to tridiagonal form and Sturm-sequence bisection (eigenvalues only, O(d³) once, no iteration
 * to converge eigenvectors).
 */
public final class LinearSingularValues {
    private LinearSingularValues() {
    }

    /** Singular values of the row-major d×d matrix w, descending. */
    public static double[] of(double[] w, int d) {
        double[] gram;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(w, new Shape(d, d));
            gram = a.transpose().matMul(a).toDoubleArray();
        }
        double[] ev = symmetricEigenvalues(gram, d);
        double[] s = new double[d];
        for (int i = 0; i < d; i++) {
            s[i] = Math.sqrt(Math.max(0, ev[d - 1 - i]));
        }
        return s;
    }

    /** Eigenvalues of a symmetric row-major n×n matrix, ascending. The input is overwritten. */
    public static double[] symmetricEigenvalues(double[] a, int n) {
        double[] diag = new double[n];
        double[] off = new double[n]; // off[k] couples k and k+1
        double[] v = new double[n];
        double[] p = new double[n];
        for (int k = 0; k < n - 2; k++) {
            // Householder vector for column k below the diagonal
            double norm = 0;
            for (int i = k + 1; i < n; i++) {
                norm += a[i * n + k] * a[i * n + k];
            }
            norm = Math.sqrt(norm);
            double x0 = a[(k + 1) * n + k];
            double alpha = x0 > 0 ? -norm : norm;
            diag[k] = a[k * n + k];
            off[k] = alpha;
            if (norm == 0) {
                off[k] = 0;
                continue;
            }
            double vnorm = 0;
            for (int i = k + 1; i < n; i++) {
                v[i] = a[i * n + k];
            }
            v[k + 1] -= alpha;
            for (int i = k + 1; i < n; i++) {
                vnorm += v[i] * v[i];
            }
            vnorm = Math.sqrt(vnorm);
            if (vnorm == 0) {
                continue;
            }
            for (int i = k + 1; i < n; i++) {
                v[i] /= vnorm;
            }
            // A ← HAH with H = I − 2vvᵀ on the trailing block: A − 2vwᵀ − 2wvᵀ, w = p − (vᵀp)v, p = Av
            double vp = 0;
            for (int i = k + 1; i < n; i++) {
                double s = 0;
                int row = i * n;
                for (int j = k + 1; j < n; j++) {
                    s += a[row + j] * v[j];
                }
                p[i] = s;
                vp += v[i] * s;
            }
            for (int i = k + 1; i < n; i++) {
                p[i] -= vp * v[i];
            }
            for (int i = k + 1; i < n; i++) {
                int row = i * n;
                double vi = 2 * v[i];
                double pi = 2 * p[i];
                for (int j = k + 1; j < n; j++) {
                    a[row + j] -= vi * p[j] + pi * v[j];
                }
            }
        }
        if (n >= 2) {
            diag[n - 2] = a[(n - 2) * n + n - 2];
            off[n - 2] = a[(n - 1) * n + n - 2];
        }
        diag[n - 1] = a[(n - 1) * n + n - 1];
        return tridiagonalEigenvalues(diag, off, n);
    }

    /** Eigenvalues of the symmetric tridiagonal matrix (diag, off) by bisection on Sturm counts, ascending. */
    static double[] tridiagonalEigenvalues(double[] diag, double[] off, int n) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double r = (i > 0 ? Math.abs(off[i - 1]) : 0) + (i < n - 1 ? Math.abs(off[i]) : 0);
            lo = Math.min(lo, diag[i] - r);
            hi = Math.max(hi, diag[i] + r);
        }
        double scale = Math.max(Math.abs(lo), Math.abs(hi));
        double tiny = Math.max(scale, 1e-300) * 1e-300;
        double[] ev = new double[n];
        for (int k = 0; k < n; k++) {
            double a = lo;
            double b = hi;
            for (int it = 0; it < 200 && b - a > 2 * Math.ulp(Math.max(Math.abs(a), Math.abs(b))); it++) {
                double mid = 0.5 * (a + b);
                if (countBelow(diag, off, n, mid, tiny) > k) {
                    b = mid;
                } else {
                    a = mid;
                }
            }
            ev[k] = 0.5 * (a + b);
        }
        Arrays.sort(ev);
        return ev;
    }

    /** Number of eigenvalues below x (Sturm sequence of the LDLᵀ pivots). */
    private static int countBelow(double[] diag, double[] off, int n, double x, double tiny) {
        int count = 0;
        double q = diag[0] - x;
        if (q < 0) {
            count++;
        }
        for (int i = 1; i < n; i++) {
            if (Math.abs(q) < tiny) {
                q = q < 0 ? -tiny : tiny;
            }
            q = diag[i] - x - off[i - 1] * off[i - 1] / q;
            if (q < 0) {
                count++;
            }
        }
        return count;
    }
}
