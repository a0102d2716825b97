package org.psychonet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psychonet.model.arch.SmallCnn;

class WeightControlsTest {

    private static Map<String, float[]> values(TapNetwork net) {
        Map<String, float[]> m = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : net.model().getBlock().getParameters()) {
            m.put(p.getKey(), p.getValue().getArray().toType(DataType.FLOAT32, false).toFloatArray());
        }
        return m;
    }

    @Test
    void shufflePermutesWithinEachTensorAndKeepsRunningStatistics() {
        try (TapNetwork net = SmallCnn.build(new Shape(3, 16, 16), 4, 5, DataType.FLOAT32, 1)) {
            CnnTangentTest.randomizeBatchNorm(net, 3);
            Map<String, float[]> before = values(net);
            WeightControls.shuffleWithinTensors(net, 11);
            Map<String, float[]> after = values(net);
            for (String k : before.keySet()) {
                float[] a = before.get(k).clone();
                float[] b = after.get(k).clone();
                if (k.endsWith("runningMean") || k.endsWith("runningVar")) {
                    assertArrayEquals(a, b, 0f, k + " is a buffer and must not move");
                    continue;
                }
                if (a.length > 8) {
                    assertFalse(Arrays.equals(a, b), k + " was not shuffled");
                }
                Arrays.sort(a);
                Arrays.sort(b);
                assertArrayEquals(a, b, 0f, k + " must keep its values (a permutation)");
            }
        }
    }

    @Test
    void scalingMultipliesWeightsOnlyAndScalesAnUnbiasedNetworksOutputByThePowerOfItsDepth() {
        try (TapNetwork net = SmallCnn.build(new Shape(3, 16, 16), 16, 5, DataType.FLOAT32, 1, false);
             ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            Map<String, float[]> before = values(net);
            ai.djl.ndarray.NDArray x = m.randomNormal(new Shape(2, 3, 16, 16));
            float[] y0 = net.forward(x).get(net.layers().size() - 1).toFloatArray();
            WeightControls.scaleWeights(net.model().getBlock(), 0.5);
            Map<String, float[]> after = values(net);
            for (String k : before.keySet()) {
                float f = k.endsWith("weight") ? 0.5f : 1f;
                for (int i = 0; i < before.get(k).length; i++) {
                    org.junit.jupiter.api.Assertions.assertEquals(f * before.get(k)[i], after.get(k)[i], 1e-7, k);
                }
            }
            // biases start at 0 and ReLU is positively homogeneous: 5 weight layers scale the output by 0.5⁵
            float[] y1 = net.forward(x).get(net.layers().size() - 1).toFloatArray();
            for (int i = 0; i < y0.length; i++) {
                org.junit.jupiter.api.Assertions.assertEquals(y0[i] / 32, y1[i], 1e-6 * (1 + Math.abs(y0[i])));
            }
        }
    }
}
