package org.psychonet.model;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.psychonet.util.InvalidInputException;

/**
 * Builds a network from its command-line spec:
 * {@code identity}, {@code linear:PATH.npy}, {@code mlp} (a small random ReLU network, 2 hidden layers of 64).
 */
public final class Models {
    public static final String SPECS = "identity, linear:PATH.npy, mlp, " + DeepModels.SPECS;

    private Models() {
    }

    /**
     * @param spec       the spec
     * @param inputShape (C, H, W) of the stimuli the network will see
     */
    public static Network fromSpec(String spec, Shape inputShape, DataType type, long seed) {
        if (spec.equals("identity")) {
            return LinearNetwork.identity(inputShape);
        }
        if (spec.equals("mlp")) {
            return Mlp.build(inputShape, new int[] {64, 64}, 10, type, seed);
        }
        if (spec.startsWith("linear:")) {
            // fromNpy names a missing file, a folder, a FIFO or a device for what it is
            return LinearNetwork.fromNpy(Path.of(spec.substring("linear:".length())), inputShape, type);
        }
        Network deep = DeepModels.fromSpec(spec, inputShape, type, seed);
        if (deep != null) {
            return deep;
        }
        throw new InvalidInputException("unknown model '" + spec + "'; choose one of " + SPECS);
    }
}
