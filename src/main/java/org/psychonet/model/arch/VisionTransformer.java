package org.psychonet.model.arch;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.NormalInitializer;
import java.util.Map;
import org.psychonet.model.StagedBlock;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.nn.TClassToken;
import org.psychonet.model.nn.TDense;
import org.psychonet.model.nn.TGelu;
import org.psychonet.model.nn.TLayerNorm;
import org.psychonet.model.nn.TLinear;
import org.psychonet.model.nn.TPatchEmbed;
import org.psychonet.model.nn.TSelfAttention;
import org.psychonet.model.nn.TSequential;
import org.psychonet.model.nn.TSkip;
import org.psychonet.util.InvalidInputException;

/**
 * A small vision transformer (Dosovitskiy et al. 2021; the paper's Fig. 2c ViT at CPU scale) from tangent layers:
 * patch embedding with a class token and learned positions, pre-norm transformer blocks (LayerNorm → multi-head
 * self-attention → residual; LayerNorm → MLP with GELU → residual), and a head (LayerNorm of the class token →
 * linear). Taps (Methods: "layers within the vision transformer are transformer blocks"): embed, block1 … blockL,
 * head. Weights N(0, 0.02²), biases 0, LayerNorm γ = 1, β = 0 (timm's ViT initialization).
 */
public final class VisionTransformer {
    /**
     * @param patch     patch side in pixels (the input side must be a multiple of it)
     * @param depth     transformer blocks
     * @param heads     attention heads (the width must be a multiple of it)
     * @param mlpRatio  hidden width of the MLP over the token width
     */
    public record Config(int patch, int depth, int heads, int mlpRatio) {
        /** 4-px patches, 4 blocks of 4 heads, MLP ×2: trains on two CPU cores at 32 px (64 tokens + class). */
        public static Config small() {
            return new Config(4, 4, 4, 2);
        }

        /** The small configuration with patches of 1/8 of the input side (8×8 tokens at any size). */
        public static Config forInput(Shape inputShape) {
            Config s = small();
            return new Config((int) Math.max(1, inputShape.get(1) / 8), s.depth(), s.heads(), s.mlpRatio());
        }
    }

    private VisionTransformer() {
    }

    /** @param width token dimension D */
    public static TapNetwork build(Shape inputShape, int width, int classes, DataType type, long seed) {
        return build(inputShape, width, classes, Config.small(), type, seed);
    }

    public static TapNetwork build(Shape inputShape, int width, int classes, Config c, DataType type, long seed) {
        InvalidInputException.requireParameter(inputShape.get(1) % c.patch() == 0
                && inputShape.get(2) % c.patch() == 0, "size", "must be a multiple of the ViT's patch side "
                + c.patch() + ", not " + inputShape.get(1) + "×" + inputShape.get(2));
        InvalidInputException.requireParameter(width % c.heads() == 0, "width", "must be a multiple of the ViT's "
                + c.heads() + " attention heads, not " + width);
        StagedBlock b = new StagedBlock();
        b.stage("embed", new TPatchEmbed(width, c.patch()));
        for (int i = 1; i <= c.depth(); i++) {
            TSequential attention = new TSequential().add(new TLayerNorm()).add(new TSelfAttention(width, c.heads()));
            TSequential mlp = new TSequential().add(new TLayerNorm()).add(new TDense((long) c.mlpRatio() * width))
                    .add(new TGelu()).add(new TDense(width));
            b.stage("block" + i, new TSequential().add(new TSkip(attention)).add(new TSkip(mlp)));
        }
        b.stage("head", new TSequential().add(new TClassToken()).add(new TLayerNorm()).add(new TLinear(classes, true)));
        b.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        return new TapNetwork("vit", b, inputShape, type, seed, Map.of("arch", "vit", "width", width, "classes",
                classes, "patch", c.patch(), "depth", c.depth(), "heads", c.heads(), "mlp_ratio", c.mlpRatio()));
    }
}
