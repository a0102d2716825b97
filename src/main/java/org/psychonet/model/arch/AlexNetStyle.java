package org.psychonet.model.arch;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.psychonet.model.StagedBlock;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.nn.TConv2d;
import org.psychonet.model.nn.TLinear;
import org.psychonet.model.nn.TMaxPool;
import org.psychonet.model.nn.TRelu;
import org.psychonet.model.nn.TSequential;

/**
 * torchvision's AlexNet layout, with its overlapping max-pools (3×3, stride 2) or, for SI Fig. 1c, a
 * variant with non-overlapping pools (2×2, stride 2) that gives the same map sizes at 224 px (55 → 27 →
 * 13 → 6). The paper traces part of the untrained cardinal preference to overlapping pooling
 * oversampling the rectangular grid. Taps: conv1 … conv5 (after ReLU), pool1, pool2, pool5, fc6, fc7,
 * fc8. Dropout and the adaptive pool (identity at 224 px) are left out.
 */
public final class AlexNetStyle {
    private AlexNetStyle() {
    }

    public static TapNetwork build(Shape inputShape, boolean overlappingPools, int widthDivisor, int classes,
                                   DataType type, long seed) {
        int k = overlappingPools ? 3 : 2;
        StagedBlock b = new StagedBlock();
        b.stage("conv1", convRelu(64 / widthDivisor, 11, 4, 2));
        b.stage("pool1", new TMaxPool(k, 2, 0));
        b.stage("conv2", convRelu(192 / widthDivisor, 5, 1, 2));
        b.stage("pool2", new TMaxPool(k, 2, 0));
        b.stage("conv3", convRelu(384 / widthDivisor, 3, 1, 1));
        b.stage("conv4", convRelu(256 / widthDivisor, 3, 1, 1));
        b.stage("conv5", convRelu(256 / widthDivisor, 3, 1, 1));
        b.stage("pool5", new TMaxPool(k, 2, 0));
        b.stage("fc6", new TSequential().add(new TLinear(4096 / widthDivisor, true)).add(new TRelu()));
        b.stage("fc7", new TSequential().add(new TLinear(4096 / widthDivisor, true)).add(new TRelu()));
        b.stage("fc8", new TLinear(classes, true));
        String name = overlappingPools ? "alexnet" : "alexnet-nonoverlap";
        return new TapNetwork(name, Arch.pytorchDefault(b), inputShape, type, seed,
                Map.of("arch", name, "pool_kernel", k, "pool_stride", 2, "width_divisor", widthDivisor,
                        "classes", classes));
    }

    private static TSequential convRelu(int filters, int kernel, int stride, int padding) {
        return new TSequential().add(new TConv2d(filters, kernel, stride, padding, true)).add(new TRelu());
    }
}
