package org.psychonet.learning.supervised;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinaryEntropyTest {

    @Test
    void entropyHasItsClosedFormValues() {
        assertEquals(1.0, BinaryEntropy.of(0.5), 1e-15);
        assertEquals(0.0, BinaryEntropy.of(1.0), 0);
        // H_b(1/4) = 2 − (3/4)·log₂3
        assertEquals(2 - 0.75 * Math.log(3) / Math.log(2), BinaryEntropy.of(0.75), 1e-14);
        assertEquals(BinaryEntropy.of(0.2), BinaryEntropy.of(0.8), 1e-15);
    }

    @Test
    void tabulatedInverseMatchesEntropyTo1em4() {
        double worst = 0;
        for (int i = 0; i <= 20_000; i++) {
            double h = i / 20_000.0;
            double s = BinaryEntropy.inverse(h);
            assertTrue(s >= 0.5 && s <= 1, "σ ≥ 0.5 branch, got " + s);
            worst = Math.max(worst, Math.abs(BinaryEntropy.of(s) - h));
        }
        assertTrue(worst < 1e-4, "max |H_b(H_b⁻¹(h)) − h| = " + worst);
        assertEquals(0.5, BinaryEntropy.inverse(1), 1e-12);
        assertEquals(1.0, BinaryEntropy.inverse(0), 1e-12);
        assertEquals(0.75, BinaryEntropy.inverse(BinaryEntropy.of(0.75)), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> BinaryEntropy.inverse(1.2));
    }

    @Test
    void balancedNoiseEqualizesTotalInformationPerOrientation() {
        for (GratingPrior prior : new GratingPrior[] {GratingPrior.PEAK90, GratingPrior.PEAK0}) {
            LabelNoise n = LabelNoise.balanced(prior, 60, 1.0);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < 60; b++) {
                double p = prior.density(LabelNoise.center(b, 60));
                double h = 1 - n.a() / p;
                assertTrue(h >= 0 && h <= 1, "1 − a/p(θ) must stay in [0, 1], got " + h);
                assertTrue(n.keep()[b] >= 0.5 && n.keep()[b] <= 1);
                double v = p * BinaryEntropy.information(n.keep()[b]);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            assertTrue(hi - lo < 1e-3, "p·I spread " + (hi - lo));
            // common orientations get noisier labels: σ is lowest where p is highest
            int peak = prior == GratingPrior.PEAK90 ? 30 : 0;
            for (int b = 0; b < 60; b++) {
                assertTrue(n.keep()[peak] <= n.keep()[b] + 1e-12);
            }
        }
    }

    @Test
    void noiseConditionIsMostReliableAt90AndNoisiestAt0() {
        LabelNoise n = LabelNoise.informativeAt90(60, 0.5);
        double[] info = n.information(new double[] {0, Math.PI / 4, Math.PI / 2 - 0.01});
        assertTrue(info[0] < info[1] && info[1] < info[2], java.util.Arrays.toString(info));
        assertEquals(0.5, n.keepAt(0.001), 0.01);
        assertEquals(1.0, n.keepAt(Math.PI / 2), 0.01);
    }
}
