package org.psychonet.learning.supervised;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.psychonet.stimulus.Grating64;

class OrientationGratingsTest {

    @Test
    void batchedRenderingMatchesThePerImageGrating() {
        Grating64 g = new Grating64();
        double[] th = {0, 0.3, Math.PI / 2, 2.9, 1.234};
        double[] ph = {0, 1.0, 4.0, 6.0, 2.5};
        try (NDManager m = NDManager.newBaseManager(); OrientationGratings og = new OrientationGratings(m, g)) {
            float[] x = og.render(m, th, ph).toFloatArray();
            float[] dx = og.derivative(m, th, ph).toFloatArray();
            int n = og.pixels();
            assertEquals(th.length * n, x.length);
            double[] ref = new double[n];
            double[] dref = new double[n];
            for (int i = 0; i < th.length; i++) {
                g.renderAt(th[i], ph[i], ref, 0);
                g.derivativeAt(th[i], ph[i], dref, 0);
                for (int p = 0; p < n; p++) {
                    assertEquals(ref[p], x[i * n + p], 2e-4, "pixel " + p + " of image " + i);
                    assertEquals(dref[p], dx[i * n + p], 2e-3 * (1 + Math.abs(dref[p])), "∂x/∂θ pixel " + p);
                }
            }
        }
    }

    @Test
    void derivativeIsTheSlopeOfTheRendering() {
        Grating64 g = new Grating64();
        double h = 1e-5;
        double[] a = new double[g.size()];
        double[] b = new double[g.size()];
        double t = 0.7;
        g.renderAt(t + h, 0.4, a, 0);
        g.renderAt(t - h, 0.4, b, 0);
        try (NDManager m = NDManager.newBaseManager(); OrientationGratings og = new OrientationGratings(m, g)) {
            NDArray d = og.derivative(m, new double[] {t}, new double[] {0.4});
            float[] dx = d.toFloatArray();
            double worst = 0;
            for (int p = 0; p < dx.length; p++) {
                worst = Math.max(worst, Math.abs((a[p] - b[p]) / (2 * h) - dx[p]));
            }
            assertTrue(worst < 1e-3 * 20, "max |FD − exact| = " + worst); // |∂x/∂θ| reaches k·r ≈ 16
        }
    }
}
