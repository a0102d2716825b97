package org.psychonet.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void twoByTwoClosedForm() {
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertArrayEquals(new double[] {3, 1}, e.values(), 1e-12);
        double s = Math.sqrt(0.5);
        assertArrayEquals(new double[] {s, s}, e.vectors()[0], 1e-12);
    }

    @Test
    void randomSymmetricMatrixIsDecomposed() {
        int n = 150;
        Random r = new Random(7);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = r.nextGaussian();
            }
        }
        a[3][3] += 40; // a well separated top eigenvalue
        SymmetricEigen e = SymmetricEigen.of(a);
        double[] vals = e.values();
        double[][] v = e.vectors();
        double trace = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            trace += a[i][i];
            sum += vals[i];
            if (i > 0) {
                assertTrue(vals[i] <= vals[i - 1], "descending");
            }
        }
        assertEquals(trace, sum, 1e-9);
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i][j] * v[k][j];
                }
                assertEquals(vals[k] * v[k][i], s, 1e-9, "A v = λ v");
            }
            for (int m = k; m < n; m += 17) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += v[k][j] * v[m][j];
                }
                assertEquals(m == k ? 1 : 0, dot, 1e-10, "orthonormal");
            }
        }
        assertTrue(Math.abs(v[0][3]) > 0.9, "top eigenvector sits on the boosted coordinate");
    }

    @Test
    void degenerateAndDiagonalMatrices() {
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{1, 0, 0}, {0, 5, 0}, {0, 0, 1}});
        assertArrayEquals(new double[] {5, 1, 1}, e.values(), 1e-12);
        SymmetricEigen z = SymmetricEigen.of(new double[4][4]);
        assertArrayEquals(new double[4], z.values(), 0);
    }
}
