package org.psychonet.model.arch;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.psychonet.model.StagedBlock;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.nn.TAvgPool;
import org.psychonet.model.nn.TConv2d;
import org.psychonet.model.nn.TLinear;
import org.psychonet.model.nn.TMaxPool;
import org.psychonet.model.nn.TRelu;
import org.psychonet.model.nn.TSequential;

/**
 * A small VGG-like CNN that trains on two CPU cores in minutes (the --quick profile): four
 * conv-BN-ReLU stages (5×5 then 3×3) with non-overlapping 2×2 max-pools between them, then global
 * average pooling and a linear read-out. Non-overlapping pools keep the architecture's own cardinal
 * bias small (SI Fig. 1c), so what training adds is visible. Taps: conv1, pool1, conv2, pool2, conv3,
 * pool3, conv4, fc.
 */
public final class SmallCnn {
    private SmallCnn() {
    }

    /** @param width channels of conv1 (doubling to conv3) */
    public static TapNetwork build(Shape inputShape, int width, int classes, DataType type, long seed) {
        return build(inputShape, width, classes, type, seed, true);
    }

    /**
     * @param batchNorm conv → batch norm → ReLU (the default), or conv with bias → ReLU (the rich-regime variant
     *                  "small-nobn")
     */
    public static TapNetwork build(Shape inputShape, int width, int classes, DataType type, long seed,
                                   boolean batchNorm) {
        StagedBlock b = new StagedBlock();
        b.stage("conv1", unit(batchNorm, width, 5, 2));
        b.stage("pool1", new TMaxPool(2, 2, 0));
        b.stage("conv2", unit(batchNorm, 2 * width, 3, 1));
        b.stage("pool2", new TMaxPool(2, 2, 0));
        b.stage("conv3", unit(batchNorm, 4 * width, 3, 1));
        b.stage("pool3", new TMaxPool(2, 2, 0));
        b.stage("conv4", unit(batchNorm, 4 * width, 3, 1));
        b.stage("fc", new TSequential().add(TAvgPool.global()).add(new TLinear(classes, true)));
        String name = batchNorm ? "small" : "small-nobn";
        return new TapNetwork(name, Arch.kaimingFanOut(b), inputShape, type, seed,
                Map.of("arch", name, "width", width, "classes", classes));
    }

    private static TSequential unit(boolean batchNorm, int filters, int kernel, int padding) {
        return batchNorm ? Arch.convBnRelu(filters, kernel, 1, padding)
                : new TSequential().add(new TConv2d(filters, kernel, 1, padding, true)).add(new TRelu());
    }
}
