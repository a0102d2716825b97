package org.psychonet.model;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.psychonet.model.arch.ArchSpec;
import org.psychonet.util.InvalidInputException;

/**
 * The deep-network specs of {@link Models#fromSpec}: resnet18, vgg16bn, alexnet, alexnet-nonoverlap,
 * small (random initialization, seeded), torchscript:FILE.pt (an exported module) and saved:DIR (a
 * network saved by {@code psychonet deepnets --out OUT} in OUT/networks/<condition>/).
 */
public final class DeepModels {
    public static final String SPECS = "resnet18, vgg16bn, alexnet, alexnet-nonoverlap, small, "
            + "torchscript:FILE.pt, saved:DIR";

    private DeepModels() {
    }

    /** The network for a deep spec, or null when the spec is not one of these. */
    public static Network fromSpec(String spec, Shape inputShape, DataType type, long seed) {
        if (ArchSpec.NAMES.contains(spec)) {
            return ArchSpec.standard(spec).build(inputShape, type, seed);
        }
        if (spec.startsWith("torchscript:")) {
            return TorchScriptNetwork.load(Path.of(spec.substring("torchscript:".length())), inputShape);
        }
        if (spec.startsWith("saved:")) {
            Path dir = Path.of(spec.substring("saved:".length()));
            Shape saved = NetworkStore.inputShape(dir);
            InvalidInputException.require(saved.equals(inputShape), "the network in " + dir + " takes inputs "
                    + saved + " but the stimuli are " + inputShape + "; choose the stimulus size it was trained at");
            return NetworkStore.load(dir, type);
        }
        return null;
    }
}
