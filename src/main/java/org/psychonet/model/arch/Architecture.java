package org.psychonet.model.arch;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import org.psychonet.util.InvalidInputException;

/**
 * The architectures psychonet builds from tangent layers, with torchvision's full-size widths and
 * ImageNet's 1,000 outputs as their standard form (the small CNN: width 16, 10 outputs).
 */
public enum Architecture {
    RESNET18("resnet18", 64, 1000),
    VGG16BN("vgg16bn", 1, 1000),
    ALEXNET("alexnet", 1, 1000),
    /** AlexNet with non-overlapping 2×2 pools (SI Fig. 1c). */
    ALEXNET_NONOVERLAP("alexnet-nonoverlap", 1, 1000),
    SMALL("small", 16, 10),
    /** The small CNN without batch norm (convolutions with bias): the rich-regime variant of issue 12.3. */
    SMALL_NOBN("small-nobn", 16, 10),
    /** A small vision transformer: token width 64, 8×8 patches of the input, 4 blocks (Fig. 2c's ViT at CPU scale). */
    VIT("vit", 64, 10);

    private final String label;
    private final int standardWidth;
    private final int standardClasses;

    Architecture(String label, int standardWidth, int standardClasses) {
        this.label = label;
        this.standardWidth = standardWidth;
        this.standardClasses = standardClasses;
    }

    /** The name users type (and result files record). */
    @JsonValue
    public String label() {
        return label;
    }

    /** resnet18/small: channels of the first stage; the others: divisor of torchvision's widths. */
    public int standardWidth() {
        return standardWidth;
    }

    public int standardClasses() {
        return standardClasses;
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Architecture::label).toList();
    }

    /** The architecture named {@code label}; an unknown name is bad input for parameter {@code arch}. */
    public static Architecture parse(String label) {
        for (Architecture a : values()) {
            if (a.label.equals(label)) {
                return a;
            }
        }
        throw InvalidInputException.parameter("arch", "'" + label + "' is unknown; choose one of "
                + String.join(", ", labels()));
    }

    /** Whether {@code label} names an architecture. */
    public static boolean isLabel(String label) {
        return labels().contains(label);
    }

    @Override
    public String toString() {
        return label;
    }
}
