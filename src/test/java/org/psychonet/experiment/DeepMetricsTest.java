package org.psychonet.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeepMetricsTest {

    @Test
    void cardinalObliqueRatioOfKnownCurves() {
        double[] deg = new double[180];
        double[] flat = new double[180];
        double[] cardinal = new double[180];
        for (int i = 0; i < 180; i++) {
            deg[i] = i;
            flat[i] = 1.0 / 180;
            cardinal[i] = 2 + Math.cos(Math.toRadians(4 * i)); // peaks at 0, 90; troughs at 45, 135
        }
        assertEquals(1, DeepMetrics.cardinalObliqueRatio(deg, flat, 10), 1e-12);
        double r = DeepMetrics.cardinalObliqueRatio(deg, cardinal, 10);
        // window means of 2 ± cos over ±10°: (2 + s)/(2 − s) with s = mean cos(4Δ) for Δ = −10..10
        double s = 0;
        for (int d = -10; d <= 10; d++) {
            s += Math.cos(Math.toRadians(4 * d));
        }
        s /= 21;
        assertEquals((2 + s) / (2 - s), r, 1e-12);
        assertTrue(r > 2.5);
    }

    @Test
    void lagRecoversAShiftAndCorrelationIsOneForIdenticalCurves() {
        double[] h = new double[360];
        for (int i = 0; i < 360; i++) {
            h[i] = Math.exp(-0.5 * Math.pow((i - 30) / 15.0, 2)) + 0.3 * Math.exp(-0.5 * Math.pow((i - 200) / 25.0, 2));
        }
        double[] shifted = new double[360];
        for (int i = 0; i < 360; i++) {
            shifted[(i + 90) % 360] = h[i];
        }
        assertEquals(90, DeepMetrics.lagDeg(h, shifted), 1e-12);
        assertEquals(-90, DeepMetrics.lagDeg(shifted, h), 1e-12);
        assertEquals(1, org.psychonet.util.Statistics.pearson(h, h), 1e-12);
        double[] sm = DeepMetrics.smoothCircular(h, 5);
        double sum = 0;
        double smSum = 0;
        for (int i = 0; i < 360; i++) {
            sum += h[i];
            smSum += sm[i];
        }
        assertEquals(sum, smSum, 1e-9, "smoothing keeps the mass");
    }
}
