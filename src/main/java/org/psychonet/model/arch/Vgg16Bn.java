package org.psychonet.model.arch;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.psychonet.model.StagedBlock;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.nn.TLinear;
import org.psychonet.model.nn.TMaxPool;
import org.psychonet.model.nn.TRelu;
import org.psychonet.model.nn.TSequential;

/**
 * torchvision's VGG16 with batch normalization. Taps (Methods: "the activations following each linear
 * or pooling layer"): each conv (after its BN and ReLU), each max-pool, and fc6, fc7 (after ReLU) and
 * fc8 — 21 taps. Dropout is the identity at inference and is left out; the adaptive average pool is
 * the identity at 224 px and is left out (at other sizes the classifier takes the flattened map).
 */
public final class Vgg16Bn {
    /** Channels per conv, 0 for a max-pool (torchvision's configuration "D"). */
    private static final int[] CFG = {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0};

    private Vgg16Bn() {
    }

    /**
     * @param widthDivisor divides every channel count and the fc width (1 = torchvision's VGG16bn)
     */
    public static TapNetwork build(Shape inputShape, int widthDivisor, int classes, DataType type, long seed) {
        StagedBlock b = new StagedBlock();
        int block = 1;
        int conv = 1;
        for (int c : CFG) {
            if (c == 0) {
                b.stage("pool" + block, new TMaxPool(2, 2, 0));
                block++;
                conv = 1;
            } else {
                b.stage("conv" + block + "_" + conv, Arch.convBnRelu(c / widthDivisor, 3, 1, 1));
                conv++;
            }
        }
        int fc = 4096 / widthDivisor;
        b.stage("fc6", new TSequential().add(new TLinear(fc, true)).add(new TRelu()));
        b.stage("fc7", new TSequential().add(new TLinear(fc, true)).add(new TRelu()));
        b.stage("fc8", new TLinear(classes, true));
        return new TapNetwork("vgg16bn", Arch.kaimingFanOut(b), inputShape, type, seed,
                Map.of("arch", "vgg16bn", "width_divisor", widthDivisor, "classes", classes));
    }
}
