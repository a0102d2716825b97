package org.psychonet.learning.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.psychonet.model.LinearNetwork;
import org.psychonet.sensitivity.DerivativeMethod;
import org.psychonet.sensitivity.SensitivityConfig;
import org.psychonet.sensitivity.SensitivityEngine;
import org.psychonet.sensitivity.SensitivityProfile;
import org.psychonet.stimulus.PlaneWave;

/** The closed-form frequency sensitivity equals the sensitivity engine's exact D for LinearNetwork.of(W). */
class LinearFrequencySensitivityTest {

    @Test
    void closedFormMatchesTheSensitivityEngine() {
        PlaneWave wave = new PlaneWave(new PlaneWave.Config(16, 1.0, 16, 0.5, 16));
        int d = 256;
        double[] freqs = wave.axis().grid(25);
        SplittableRandom rng = new SplittableRandom(4);
        double[] w = new double[d * d];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextDouble() - 0.5;
        }
        LinearFrequencySensitivity fs = new LinearFrequencySensitivity(wave, freqs);
        // constant along one axis, and ∂x/∂f = ½t·cos(ft + φ) vanishes at t = 0: 15 directions at 16 px
        assertEquals(15, fs.rank());
        double[] mine = fs.sensitivity(w);
        SensitivityConfig cfg = SensitivityConfig.defaults(DerivativeMethod.EXACT).withDataType(DataType.FLOAT64);
        try (LinearNetwork net = LinearNetwork.of(w, d, d, new Shape(1, 16, 16), DataType.FLOAT64, "W")) {
            SensitivityProfile p = new SensitivityEngine(cfg).measure(net, wave, freqs);
            double[] engine = p.sensitivity("output");
            for (int i = 0; i < freqs.length; i++) {
                assertEquals(engine[i], mine[i], 1e-9 * engine[i], "D at f = " + freqs[i]);
            }
        }
    }

    @Test
    void identityThresholdsAreLowAndAcuityIsTheCrossing() {
        PlaneWave wave = new PlaneWave();
        double[] freqs = wave.axis().grid(64);
        LinearFrequencySensitivity fs = new LinearFrequencySensitivity(wave, freqs);
        double[] eye = new double[1024 * 1024];
        for (int i = 0; i < 1024; i++) {
            eye[i * 1024 + i] = 1;
        }
        double[] t = fs.thresholds(eye);
        for (double v : t) {
            assertTrue(v < 0.1, "W = I sees every frequency below the cutoff: " + v);
        }
        assertEquals(32.0, LinearFrequencySensitivity.acuity(freqs, t, 0.1), 1e-12);
        double[] th = {0.05, 0.08, 0.12, 0.2};
        double[] f = {1, 2, 3, 4};
        assertEquals(2.5, LinearFrequencySensitivity.acuity(f, th, 0.1), 1e-12);
        assertTrue(Double.isNaN(LinearFrequencySensitivity.acuity(f, th, 0.01)));
    }
}
