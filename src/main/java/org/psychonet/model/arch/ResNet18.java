package org.psychonet.model.arch;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.psychonet.model.StagedBlock;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.nn.TAvgPool;
import org.psychonet.model.nn.TBatchNorm;
import org.psychonet.model.nn.TConv2d;
import org.psychonet.model.nn.TLinear;
import org.psychonet.model.nn.TMaxPool;
import org.psychonet.model.nn.TRelu;
import org.psychonet.model.nn.TResidual;
import org.psychonet.model.nn.TSequential;

/**
 * torchvision's ResNet18 (He et al. 2016) from tangent layers. Taps (Methods: "for ResNet, layers are
 * residual blocks"): the stem (conv 7×7/2, BN, ReLU, max-pool 3/2), the eight basic blocks
 * layer1.0 … layer4.1, and fc (global average pool + linear) — 10 taps.
 */
public final class ResNet18 {
    private ResNet18() {
    }

    /**
     * @param width   channels of the first stage (64 in torchvision; smaller for CPU training)
     * @param classes outputs of fc (1000 for ImageNet)
     */
    public static TapNetwork build(Shape inputShape, int width, int classes, DataType type, long seed) {
        StagedBlock b = new StagedBlock();
        b.stage("stem", new TSequential().add(new TConv2d(width, 7, 2, 3, false)).add(new TBatchNorm())
                .add(new TRelu()).add(new TMaxPool(3, 2, 1)));
        int in = width;
        for (int layer = 1; layer <= 4; layer++) {
            int out = width << (layer - 1);
            for (int blk = 0; blk < 2; blk++) {
                int stride = layer > 1 && blk == 0 ? 2 : 1;
                b.stage("layer" + layer + "." + blk, basic(in, out, stride));
                in = out;
            }
        }
        b.stage("fc", new TSequential().add(TAvgPool.global()).add(new TLinear(classes, true)));
        return new TapNetwork("resnet18", Arch.kaimingFanOut(b), inputShape, type, seed,
                Map.of("arch", "resnet18", "width", width, "classes", classes));
    }

    /** The basic block: relu(bn(conv3(relu(bn(conv3(x))))) + shortcut(x)); 1×1 conv + BN shortcut when shapes change. */
    private static TResidual basic(int in, int out, int stride) {
        TSequential main = new TSequential().add(new TConv2d(out, 3, stride, 1, false)).add(new TBatchNorm())
                .add(new TRelu()).add(new TConv2d(out, 3, 1, 1, false)).add(new TBatchNorm());
        TSequential shortcut = stride != 1 || in != out
                ? new TSequential().add(new TConv2d(out, 1, stride, 0, false)).add(new TBatchNorm())
                : null;
        return new TResidual(main, shortcut);
    }
}
