package org.psychonet.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StencilTest {
    @Test
    void centredEighthOrderWeightsAreTheClassicalOnes() {
        double[] expected = {1.0 / 280, -4.0 / 105, 1.0 / 5, -4.0 / 5, 0, 4.0 / 5, -1.0 / 5, 4.0 / 105, -1.0 / 280};
        assertArrayEquals(expected, Stencil.weights(4), 1e-12);
    }

    @Test
    void shiftedStencilsDifferentiatePolynomialsExactly() {
        // f(x) = x^8 − 3x^3 + x at x0 = 0.3, h = 0.1: exact for degree ≤ 2r = 8
        double x0 = 0.3;
        double h = 0.1;
        double exact = 8 * Math.pow(x0, 7) - 9 * x0 * x0 + 1;
        for (int s = -4; s <= 4; s++) {
            double[] w = Stencil.weights(4, s);
            double sum = 0;
            for (int j = 0; j < w.length; j++) {
                double x = x0 + (s - 4 + j) * h;
                sum += w[j] * (Math.pow(x, 8) - 3 * x * x * x + x);
            }
            assertEquals(exact, sum / h, 1e-8, "shift " + s);
        }
    }
}
