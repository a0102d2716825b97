package org.psychonet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Random;

/** The paper's weight controls (Methods, "Deep nonlinear network experiments"). */
public final class WeightControls {
    private WeightControls() {
    }

    /**
     * Shuffles the values of every learnable tensor (conv and linear weights and biases, BN γ and β)
     * within that tensor, in place: "we wanted to preserve weight sizes in a layer-specific manner, and so
     * shuffled the weights only within each tensor". BN running statistics are buffers, not weights, and
     * are left as they are. Fisher–Yates with a seeded generator, in each tensor's own order.
     */
    public static void shuffleWithinTensors(TapNetwork net, long seed) {
        Random rng = new Random(seed);
        for (Pair<String, Parameter> p : net.model().getBlock().getParameters()) {
            Parameter param = p.getValue();
            if (!param.requiresGradient()) {
                continue;
            }
            NDArray a = param.getArray();
            float[] v = a.toType(DataType.FLOAT32, false).toFloatArray();
            for (int i = v.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                float t = v[i];
                v[i] = v[j];
                v[j] = t;
            }
            NDArray shuffled = a.getManager().create(v, a.getShape()).toType(a.getDataType(), true);
            a.intern(shuffled.duplicate()); // tensor-owned memory, see NetworkStore.ownMemory
            shuffled.close();
        }
    }

    /**
     * Multiplies every weight tensor (conv and linear weights, not biases or batch-norm parameters) of a block by
     * {@code factor}, in place: a small initialization (the rich regime, issue 12.3).
     */
    public static void scaleWeights(ai.djl.nn.Block block, double factor) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter param = p.getValue();
            if (param.getType() == Parameter.Type.WEIGHT) {
                NDArray a = param.getArray();
                a.intern(a.mul(factor));
            }
        }
    }
}
