package org.psychonet.model.arch;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.psychonet.model.TapNetwork;
import org.psychonet.util.InvalidInputException;

/**
 * Which architecture, how wide and how many outputs.
 *
 * @param arch    resnet18, vgg16bn, alexnet, alexnet-nonoverlap or small
 * @param width   resnet18/small: channels of the first stage; vgg16bn/alexnet: divisor of torchvision's widths
 * @param classes outputs of the last layer
 */
public record ArchSpec(String arch, int width, int classes) {
    public static final List<String> NAMES = List.of("resnet18", "vgg16bn", "alexnet", "alexnet-nonoverlap", "small");

    /** torchvision's full-size network with ImageNet's 1000 outputs (small: width 16, 10 outputs). */
    public static ArchSpec standard(String arch) {
        return switch (arch) {
            case "resnet18" -> new ArchSpec(arch, 64, 1000);
            case "vgg16bn", "alexnet", "alexnet-nonoverlap" -> new ArchSpec(arch, 1, 1000);
            case "small" -> new ArchSpec(arch, 16, 10);
            default -> throw new InvalidInputException("unknown architecture '" + arch + "'; choose one of "
                    + String.join(", ", NAMES));
        };
    }

    public ArchSpec withClasses(int n) {
        return new ArchSpec(arch, width, n);
    }

    public ArchSpec withWidth(int w) {
        return new ArchSpec(arch, w, classes);
    }

    /** Builds and initializes the network (the same seed gives the same weights). */
    public TapNetwork build(Shape inputShape, DataType type, long seed) {
        InvalidInputException.require(width >= 1 && classes >= 1, "architecture width and classes must be positive");
        return switch (arch) {
            case "resnet18" -> ResNet18.build(inputShape, width, classes, type, seed);
            case "vgg16bn" -> Vgg16Bn.build(inputShape, width, classes, type, seed);
            case "alexnet" -> AlexNetStyle.build(inputShape, true, width, classes, type, seed);
            case "alexnet-nonoverlap" -> AlexNetStyle.build(inputShape, false, width, classes, type, seed);
            case "small" -> SmallCnn.build(inputShape, width, classes, type, seed);
            default -> throw new InvalidInputException("unknown architecture '" + arch + "'; choose one of "
                    + String.join(", ", NAMES));
        };
    }
}
