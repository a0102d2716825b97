package org.psychonet.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.psychonet.model.LinearNetwork;
import org.psychonet.model.Mlp;
import org.psychonet.model.Network;
import org.psychonet.model.TapNetwork;
import org.psychonet.stimulus.Gabor;
import org.psychonet.stimulus.PlaneWave;
import org.psychonet.stimulus.StimulusFamily;

/** The probe (stimuli kept, subspace for linear maps) and the network cut after a layer give the engine's numbers. */
class ProbeTest {
    private static final SensitivityEngine EXACT64 =
            new SensitivityEngine(SensitivityConfig.defaults(DerivativeMethod.EXACT).withDataType(DataType.FLOAT64));

    @Test
    void probeRepeatsTheEnginesMeasurementAndACutNetworkItsFirstTaps() {
        StimulusFamily gabor = new Gabor(Gabor.Config.paper().scaledTo(20));
        double[] thetas = gabor.axis().grid(12);
        try (TapNetwork net = Mlp.build(new Shape(3, 20, 20), new int[] {16, 8}, 4, DataType.FLOAT64, 3);
             SensitivityEngine.Probe probe = EXACT64.probe(gabor, thetas)) {
            SensitivityProfile full = EXACT64.measure(net, gabor, thetas);
            SensitivityProfile once = probe.measure(net);
            SensitivityProfile twice = probe.measure(net);
            for (int l = 0; l < net.layers().size(); l++) {
                assertArrayEquals(full.sensitivity()[l], once.sensitivity()[l], 1e-12 * full.sensitivity()[l][0]);
                assertArrayEquals(once.sensitivity()[l], twice.sensitivity()[l], 0);
            }
            Network cut = net.upTo("fc1");
            assertEquals(List.of("fc1"), cut.layers());
            assertArrayEquals(full.sensitivity("fc1"), probe.measure(cut).sensitivity("fc1"), 0);
        }
    }

    @Test
    void linearMapThroughTheDerivativeSubspaceEqualsPropagatingEveryImage() {
        PlaneWave wave = new PlaneWave(new PlaneWave.Config(12, 1.0, 8, 0.5, 12));
        double[] f = wave.axis().grid(20);
        Random r = new Random(5);
        int d = wave.size();
        double[] w = new double[7 * d];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextGaussian();
        }
        try (LinearNetwork net = LinearNetwork.of(w, 7, d, new Shape(1, 12, 12), DataType.FLOAT64, "W");
             SensitivityEngine.Probe probe = EXACT64.probe(wave, f)) {
            // constant along one axis and vanishing at t = 0: 11 directions at 12 px
            assertEquals(11, probe.subspaceRank());
            double[] viaSubspace = probe.measure(net).sensitivity()[0];
            double[] direct = EXACT64.measure(net, wave, f).sensitivity()[0];
            for (int i = 0; i < f.length; i++) {
                assertEquals(direct[i], viaSubspace[i], 1e-10 * direct[i], "f = " + f[i]);
            }
        }
    }

    @Test
    void normalizationHasOneHomeAndGuardsAZeroCurve() {
        double[] n = SensitivityProfile.normalized(new double[] {4, 1, 0, -1e-20});
        assertArrayEquals(new double[] {2 / 3.0, 1 / 3.0, 0, 0}, n, 1e-15);
        assertArrayEquals(new double[] {0, 0, 0}, SensitivityProfile.normalized(new double[3]), 0);
        double[] t = SensitivityProfile.threshold(new double[] {4, 0});
        assertEquals(0.5, t[0], 0);
        assertTrue(Double.isInfinite(t[1]));
    }
}
