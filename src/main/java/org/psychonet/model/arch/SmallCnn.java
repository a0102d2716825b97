package org.psychonet.model.arch;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.psychonet.model.StagedBlock;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.nn.TAvgPool;
import org.psychonet.model.nn.TLinear;
import org.psychonet.model.nn.TMaxPool;
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
        StagedBlock b = new StagedBlock();
        b.stage("conv1", Arch.convBnRelu(width, 5, 1, 2));
        b.stage("pool1", new TMaxPool(2, 2, 0));
        b.stage("conv2", Arch.convBnRelu(2 * width, 3, 1, 1));
        b.stage("pool2", new TMaxPool(2, 2, 0));
        b.stage("conv3", Arch.convBnRelu(4 * width, 3, 1, 1));
        b.stage("pool3", new TMaxPool(2, 2, 0));
        b.stage("conv4", Arch.convBnRelu(4 * width, 3, 1, 1));
        b.stage("fc", new TSequential().add(TAvgPool.global()).add(new TLinear(classes, true)));
        return new TapNetwork("small", Arch.kaimingFanOut(b), inputShape, type, seed,
                Map.of("arch", "small", "width", width, "classes", classes));
    }
}
