package org.psychonet.model.arch;

import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import org.psychonet.model.StagedBlock;
import org.psychonet.model.nn.TBatchNorm;
import org.psychonet.model.nn.TConv2d;
import org.psychonet.model.nn.TRelu;
import org.psychonet.model.nn.TSequential;

/** Building blocks and initializations shared by the architectures. */
final class Arch {
    private Arch() {
    }

    /** conv → batch norm → ReLU, the unit of VGG16bn and of the small CNN. */
    static TSequential convBnRelu(int filters, int kernel, int stride, int padding) {
        return new TSequential().add(new TConv2d(filters, kernel, stride, padding, false)).add(new TBatchNorm())
                .add(new TRelu());
    }

    /**
     * torchvision's initialization of ResNet and VGG weights: kaiming normal, fan_out, ReLU gain, i.e.
     * N(0, 2/fan_out) — the "PyTorch default initialization" of the paper's untrained control.
     */
    static StagedBlock kaimingFanOut(StagedBlock b) {
        b.setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                XavierInitializer.FactorType.OUT, 2), Parameter.Type.WEIGHT);
        return b;
    }

    /**
     * PyTorch's layer default (kaiming uniform with a = √5): U(−1/√fan_in, 1/√fan_in), as torchvision's
     * AlexNet keeps it.
     */
    static StagedBlock pytorchDefault(StagedBlock b) {
        b.setInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                XavierInitializer.FactorType.IN, 1), Parameter.Type.WEIGHT);
        return b;
    }
}
