package org.psychonet.learning.supervised;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Map;
import java.util.Random;
import org.psychonet.model.StagedBlock;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.nn.TLinear;
import org.psychonet.model.nn.TRelu;
import org.psychonet.model.nn.TSequential;

/**
 * The Fig. 6 network: fully connected 64² → 32² → 16² → bins, ReLU after the first two layers, built
 * from psychonet's tangent layers so that the first layer's ∂h/∂θ is exact. Weights and biases are
 * drawn like PyTorch's default nn.Linear initialization, U(±1/√fan_in), then scaled by
 * {@code initScale} (the authors' 0.1) — from a Java RNG seeded by {@code seed}, so runs repeat exactly.
 */
public final class SupervisedNetwork {
    /** Stage names: the first layer (after its ReLU) is the one whose sensitivity Fig. 6 shows. */
    public static final String FIRST = "fc1";

    private SupervisedNetwork() {
    }

    public static TapNetwork build(int inputSide, int[] hidden, int bins, double initScale, long seed) {
        StagedBlock b = new StagedBlock();
        for (int i = 0; i < hidden.length; i++) {
            b.stage("fc" + (i + 1), new TSequential().add(new TLinear(hidden[i], true)).add(new TRelu()));
        }
        b.stage("out", new TLinear(bins, true));
        TapNetwork net = new TapNetwork("supervised-mlp", b, new Shape(1, inputSide, inputSide), DataType.FLOAT32,
                seed, Map.of("hidden", java.util.Arrays.toString(hidden), "outputs", bins, "init_scale", initScale,
                        "init", "U(±1/√fan_in)·init_scale (PyTorch nn.Linear default, scaled)"));
        Random rng = new Random(seed);
        Map<String, Long> fanIn = new java.util.HashMap<>();
        Map<String, Parameter> params = parameters(net);
        params.forEach((name, p) -> {
            if (name.endsWith("weight")) {
                fanIn.put(prefix(name), p.getArray().getShape().get(1));
            }
        });
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            NDArray a = e.getValue().getArray();
            double bound = initScale / Math.sqrt(fanIn.get(prefix(e.getKey())));
            float[] v = new float[Math.toIntExact(a.size())];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
            // not a.set(v): DJL's set(Buffer) makes libtorch print a deprecation warning (AutoNonVariableTypeMode)
            try (NDArray values = a.getManager().create(v, a.getShape())) {
                a.set(new ai.djl.ndarray.index.NDIndex("..."), values);
            }
        }
        return net;
    }

    private static String prefix(String name) {
        return name.substring(0, name.length() - (name.endsWith("weight") ? 6 : 4));
    }

    /** Weight and bias of every linear layer, in order (weight before bias within a layer). */
    public static Map<String, Parameter> parameters(TapNetwork net) {
        Map<String, Parameter> out = new java.util.LinkedHashMap<>();
        for (Pair<String, Parameter> p : net.block().getParameters()) {
            out.put(p.getKey(), p.getValue());
        }
        return out;
    }
}
