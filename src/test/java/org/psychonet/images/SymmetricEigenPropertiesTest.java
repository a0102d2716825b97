package org.psychonet.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A = QΛQᵀ with a known spectrum — repeated values, many zeros, scales from 1e-250 to 1e250 — is decomposed
 * back into Λ (to ε·n·‖A‖) with orthonormal eigenvectors that rebuild A. This is the class of input behind
 * "QL did not converge" (issue 10, item 6): rank-deficient, degenerate, tiny.
 */
class SymmetricEigenPropertiesTest {

    @Property(tries = 60)
    void knownSpectraAreRecovered(@ForAll @IntRange(min = 1, max = 40) int n,
                                  @ForAll @IntRange(min = 0, max = 40) int rank,
                                  @ForAll @IntRange(min = 1, max = 4) int distinct,
                                  @ForAll @IntRange(min = -250, max = 250) int log10Scale,
                                  @ForAll long seed) {
        Random r = new Random(seed);
        double scale = Math.pow(10, log10Scale);
        double[] lambda = new double[n];
        double[] levels = new double[distinct];
        for (int i = 0; i < distinct; i++) {
            levels[i] = scale * (r.nextBoolean() ? 1 : -1) * (0.1 + r.nextDouble());
        }
        for (int i = 0; i < Math.min(rank, n); i++) {
            lambda[i] = levels[r.nextInt(distinct)];
        }
        double[][] q = randomOrthogonal(n, r);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[i][k] * lambda[k] * q[j][k];
                }
                a[i][j] = a[j][i] = s;
            }
        }
        double norm = Arrays.stream(lambda).map(Math::abs).max().orElse(0);
        double tol = 50 * n * Math.ulp(1.0) * Math.max(norm, Double.MIN_NORMAL);
        SymmetricEigen e = SymmetricEigen.of(a);
        double[] want = lambda.clone();
        Arrays.sort(want);
        for (int i = 0; i < n; i++) {
            assertEquals(want[n - 1 - i], e.values()[i], tol, "eigenvalue " + i);
        }
        double[] only = SymmetricEigen.eigenvalues(a);
        for (int i = 0; i < n; i++) {
            assertEquals(e.values()[i], only[i], tol, "eigenvalues without vectors");
        }
        double[][] v = e.vectors();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                double rebuilt = 0;
                for (int k = 0; k < n; k++) {
                    dot += v[i][k] * v[j][k];
                    rebuilt += e.values()[k] * v[k][i] * v[k][j];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-10, "orthonormal");
                assertEquals(a[i][j], rebuilt, tol, "A = VᵀΛV");
            }
        }
    }

    /** Product of a few Householder reflections: orthogonal, dense. */
    static double[][] randomOrthogonal(int n, Random r) {
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            q[i][i] = 1;
        }
        for (int rep = 0; rep < 3; rep++) {
            double[][] h = SymmetricEigenTest.householder(n, r);
            double[][] p = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    for (int j = 0; j < n; j++) {
                        p[i][j] += q[i][k] * h[k][j];
                    }
                }
            }
            q = p;
        }
        return q;
    }
}
