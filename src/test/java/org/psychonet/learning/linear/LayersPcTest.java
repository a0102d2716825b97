package org.psychonet.learning.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

/** The layers in the PCA basis multiply to UᵀWU, whichever coordinates the trainer works in. */
class LayersPcTest {

    private static double[] product(double[][] layers, int d) {
        double[] p = layers[0].clone();
        for (int j = 1; j < layers.length; j++) {
            double[] q = new double[d * d];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    double s = 0;
                    for (int c = 0; c < d; c++) {
                        s += layers[j][a * d + c] * p[c * d + b];
                    }
                    q[a * d + b] = s;
                }
            }
            p = q;
        }
        return p;
    }

    @Test
    void layersInThePcBasisMultiplyToTheRotatedProduct() {
        int size = 4;
        int d = size * size;
        LinearPatchData data = LinearSyntheticData.powerLaw(size, 500, 0.16, 1.0, 2);
        LinearObjective obj = LinearObjective.mse(d);
        LinearArchitecture arch = LinearArchitecture.depth(3);
        double[][] w0 = LinearInit.uniform(arch, d, 9);
        try (LinearBasis basis = data.basis();
             LinearCovariance dense = LinearCovariance.dense(basis.covariance(), d);
             LinearFullBatchTrainer full = new LinearFullBatchTrainer(new LinearWeights(arch, d, w0, DataType.FLOAT64),
                     dense, obj, basis, 2.0);
             LinearSgdTrainer sgd = new LinearSgdTrainer(new LinearWeights(arch, d, w0, DataType.FLOAT64),
                     data.patches(), data.count(), obj, basis, 64, 2.0, 1)) {
            for (int s = 0; s < 20; s++) {
                full.step();
                sgd.step();
            }
            for (LinearTrainer t : new LinearTrainer[] {full, sgd}) {
                double[] want = t.productPc();
                double[] got = product(t.layersPc(), d);
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], got[i], 1e-12 + 1e-9 * Math.abs(want[i]), t.method() + " entry " + i);
                }
            }
        }
    }
}
