package org.psychonet.model.arch;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.psychonet.model.TapNetwork;
import org.psychonet.util.InvalidInputException;

/**
 * Which architecture, how wide and how many outputs.
 *
 * @param arch    the architecture
 * @param width   resnet18/small: channels of the first stage; vgg16bn/alexnet: divisor of torchvision's widths
 * @param classes outputs of the last layer
 */
public record ArchSpec(Architecture arch, int width, int classes) {
    /** The architecture names, as users type them. */
    public static final List<String> NAMES = Architecture.labels();

    /** By name; an unknown name is bad input for parameter {@code arch}. */
    public ArchSpec(String arch, int width, int classes) {
        this(Architecture.parse(arch), width, classes);
    }

    /** torchvision's full-size network with ImageNet's 1000 outputs (small: width 16, 10 outputs). */
    public static ArchSpec standard(Architecture arch) {
        return new ArchSpec(arch, arch.standardWidth(), arch.standardClasses());
    }

    public static ArchSpec standard(String arch) {
        return standard(Architecture.parse(arch));
    }

    public ArchSpec withClasses(int n) {
        return new ArchSpec(arch, width, n);
    }

    public ArchSpec withWidth(int w) {
        return new ArchSpec(arch, w, classes);
    }

    /** Builds and initializes the network (the same seed gives the same weights). */
    public TapNetwork build(Shape inputShape, DataType type, long seed) {
        InvalidInputException.requireParameter(width >= 1, "width", "must be positive, not " + width);
        InvalidInputException.requireParameter(classes >= 1, "classes", "must be positive, not " + classes);
        return switch (arch) {
            case RESNET18 -> ResNet18.build(inputShape, width, classes, type, seed);
            case VGG16BN -> Vgg16Bn.build(inputShape, width, classes, type, seed);
            case ALEXNET -> AlexNetStyle.build(inputShape, true, width, classes, type, seed);
            case ALEXNET_NONOVERLAP -> AlexNetStyle.build(inputShape, false, width, classes, type, seed);
            case SMALL -> SmallCnn.build(inputShape, width, classes, type, seed);
            case SMALL_NOBN -> SmallCnn.build(inputShape, width, classes, type, seed, false);
            case VIT -> VisionTransformer.build(inputShape, width, classes,
                    VisionTransformer.Config.forInput(inputShape), type, seed);
        };
    }
}
