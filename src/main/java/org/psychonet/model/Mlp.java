package org.psychonet.model;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Map;
import org.psychonet.model.nn.TLinear;
import org.psychonet.model.nn.TRelu;
import org.psychonet.model.nn.TSequential;

/** Fully connected ReLU networks: taps fc1 … fc(n) after each ReLU and "out" for the last linear layer. */
public final class Mlp {
    private Mlp() {
    }

    /**
     * @param inputShape (C, H, W) of the stimulus
     * @param hidden     widths of the hidden layers, each followed by a ReLU
     * @param outputs    width of the final linear layer
     */
    public static TapNetwork build(Shape inputShape, int[] hidden, int outputs, DataType type, long seed) {
        StagedBlock b = new StagedBlock();
        for (int i = 0; i < hidden.length; i++) {
            b.stage("fc" + (i + 1), new TSequential().add(new TLinear(hidden[i], true)).add(new TRelu()));
        }
        b.stage("out", new TLinear(outputs, true));
        return new TapNetwork("mlp", b, inputShape, type, seed,
                Map.of("hidden", Arrays.toString(hidden), "outputs", outputs));
    }
}
