package org.psychonet.learning.supervised;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GratingPriorTest {

    @Test
    void densitiesIntegrateToOneAndPeakWhereStated() {
        for (GratingPrior p : GratingPrior.values()) {
            double sum = 0;
            int n = 100_000;
            for (int i = 0; i < n; i++) {
                sum += p.density((i + 0.5) * Math.PI / n) * Math.PI / n;
            }
            assertEquals(1.0, sum, 1e-9, p.label());
        }
        assertEquals(3 / (2 * Math.PI), GratingPrior.PEAK90.density(Math.PI / 2), 1e-12);
        assertEquals(1 / (2 * Math.PI), GratingPrior.PEAK90.density(0), 1e-12);
        assertEquals(3 / (2 * Math.PI), GratingPrior.PEAK0.density(0), 1e-12);
    }

    @Test
    void samplesFollowTheDensity() {
        Random rng = new Random(3);
        int n = 200_000;
        int bins = 12;
        double[] th = GratingPrior.PEAK90.sample(rng, n);
        int[] count = new int[bins];
        for (double t : th) {
            assertTrue(t >= 0 && t < Math.PI);
            count[LabelNoise.bin(t, bins)]++;
        }
        for (int b = 0; b < bins; b++) {
            // expected mass of the bin, from the CDF (2θ − sin 2θ)/(2π)·… of (2 − cos 2θ)/(2π)
            double a = b * Math.PI / bins;
            double c = (b + 1) * Math.PI / bins;
            double mass = (2 * (c - a) - (Math.sin(2 * c) - Math.sin(2 * a)) / 2) / (2 * Math.PI);
            double sd = Math.sqrt(n * mass * (1 - mass));
            assertEquals(n * mass, count[b], 5 * sd, "bin " + b);
        }
    }
}
