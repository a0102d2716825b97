package org.psychonet.learning.supervised;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.psychonet.model.TapNetwork;
import org.psychonet.stimulus.Grating64;

class SupervisedSensitivityTest {

    /** The exact first-layer D(θ) against central finite differences of the first layer's output. */
    @Test
    void exactFirstLayerSensitivityMatchesFiniteDifferences() {
        Grating64 g = new Grating64();
        int nt = 6;
        int phases = 4;
        try (NDManager m = NDManager.newBaseManager();
             OrientationGratings og = new OrientationGratings(m, g);
             SupervisedSensitivity probe = new SupervisedSensitivity(m, og, nt, phases);
             TapNetwork net = SupervisedNetwork.build(64, new int[] {64, 16}, 6, 1.0, 11)) {
            double[] exact = probe.measure(net);
            double[] th = probe.thetas();
            double h = 1e-3;
            for (int t = 0; t < nt; t++) {
                double d = 0;
                for (int k = 0; k < phases; k++) {
                    double ph = 2 * Math.PI * k / phases;
                    float[] up = firstLayer(m, og, net, th[t] + h, ph);
                    float[] dn = firstLayer(m, og, net, th[t] - h, ph);
                    for (int i = 0; i < up.length; i++) {
                        double s = (up[i] - dn[i]) / (2 * h);
                        d += s * s / phases;
                    }
                }
                assertEquals(d, exact[t], 0.03 * d, "θ = " + th[t]);
            }
            assertTrue(exact[0] > 0);
        }
    }

    private static float[] firstLayer(NDManager m, OrientationGratings og, TapNetwork net, double th, double ph) {
        try (NDManager s = m.newSubManager()) {
            NDArray x = og.render(s, new double[] {th}, new double[] {ph}).reshape(new Shape(1, 1, 64, 64));
            return net.forward(x).get(0).toFloatArray();
        }
    }

    /** A dropped label carries no information: with every label dropped, nothing is learned. */
    @Test
    void droppedLabelsTeachNothing() {
        SupervisedTraining t = new SupervisedTraining(6, new int[] {32, 8}, 32, 3, 0.5, 0.1, 1, 6, 2, 2);
        double[] none = new double[6];
        SupervisedTrace dropped = new SupervisedTrainer(t, GratingPrior.UNIFORM, new LabelNoise(none, Double.NaN), 5)
                .run(null);
        SupervisedTrace kept = new SupervisedTrainer(t, GratingPrior.UNIFORM, LabelNoise.none(6), 5).run(null);
        assertEquals(0.0, dropped.keptFraction(), 0);
        assertEquals(1.0, kept.keptFraction(), 0);
        for (int s = 0; s < dropped.steps().length; s++) {
            assertEquals(0.0, dropped.loss()[Math.max(0, s - 1)], 0);
            for (int i = 0; i < 6; i++) {
                assertEquals(dropped.sensitivity()[0][i], dropped.sensitivity()[s][i], 0, "weights moved");
            }
        }
        double change = 0;
        for (int i = 0; i < 6; i++) {
            change += Math.abs(kept.finalSensitivity()[i] - kept.sensitivity()[0][i]);
        }
        assertTrue(change > 0, "with labels, the first layer must change");
        assertTrue(kept.loss()[0] > 1.7 && kept.loss()[0] < 1.9, "initial loss ≈ ln 6, got " + kept.loss()[0]);
    }
}
