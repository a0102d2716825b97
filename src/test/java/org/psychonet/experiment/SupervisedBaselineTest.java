package org.psychonet.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.psychonet.stimulus.Grating64;

/** The benchmark's baseline must draw the same stimulus, or the timing comparison means nothing. */
class SupervisedBaselineTest {

    @Test
    void resampledGratingMatchesTheAnalyticGrating() {
        Grating64 g = new Grating64();
        SupervisedBaseline base = new SupervisedBaseline(g);
        float[] x = new float[g.size()];
        double[] ref = new double[g.size()];
        for (double theta : new double[] {0, 0.4, Math.PI / 2, 2.5}) {
            base.render(theta, 0.9, x, 0);
            g.renderAt(theta, 0.9, ref, 0);
            double worst = 0;
            for (int p = 0; p < ref.length; p++) {
                worst = Math.max(worst, Math.abs(x[p] - ref[p]));
            }
            // bilinear interpolation of a cosine of wavenumber k errs by at most k²/8 ≈ 0.03
            assertTrue(worst < 0.04, "θ = " + theta + ": max |resampled − analytic| = " + worst);
        }
    }
}
