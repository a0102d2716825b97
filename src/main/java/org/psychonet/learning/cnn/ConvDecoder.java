package org.psychonet.learning.cnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import org.psychonet.model.nn.TConv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoder of the denoising autoencoder: from an encoder feature map of C channels at side s back to an
 * RGB image of side s·2ᵏ — k times a nearest-neighbour 2× upsampling and a 3×3 convolution (each halving the
 * channels, at least {@code minChannels}) with ReLU, then a 3×3 convolution to 3 channels. (DJL's PyTorch engine
 * has no transposed convolution.) It is trained with the encoder and never measured: sensitivity is read from the
 * encoder's taps, as from a classifier's.
 */
public final class ConvDecoder extends AbstractBlock {
    private final List<Block> layers = new ArrayList<>();
    private final String description;

    /**
     * @param inChannels  channels of the encoder map it decodes
     * @param upsamplings k, the number of 2× upsamplings to the image size
     * @param minChannels narrowest upsampling layer
     */
    public ConvDecoder(int inChannels, int upsamplings, int minChannels) {
        super((byte) 1);
        this.description = "decoder: " + upsamplings + " × (2× nearest upsampling, 3×3 convolution, ReLU) from "
                + inChannels + " channels, then 3×3 convolution to RGB";
        int c = inChannels;
        for (int k = 0; k < upsamplings; k++) {
            c = Math.max(minChannels, c / 2);
            layers.add(addChildBlock("up" + k, new TConv2d(c, 3, 1, 1, true)));
        }
        // TConv2d: its training path computes the right input gradients for 3 output channels (see there)
        layers.add(addChildBlock("rgb", new TConv2d(3, 3, 1, 1, true)));
    }

    /** What it is, for checkpoint keys and result files. */
    public String describe() {
        return description;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList x = inputs;
        for (int i = 0; i < layers.size(); i++) {
            if (i < layers.size() - 1) {
                x = new NDList(upsample(x.singletonOrThrow()));
            }
            x = layers.get(i).forward(ps, x, training, params);
            if (i < layers.size() - 1) {
                x = new NDList(Activation.relu(x.singletonOrThrow())); // torch relu: see TRelu
            }
        }
        return x;
    }

    /** Nearest-neighbour 2× upsampling of an (N, C, H, W) map (repeat_interleave along H and W). */
    private static NDArray upsample(NDArray x) {
        return x.repeat(2, 2).repeat(3, 2);
    }

    private static Shape[] upsampled(Shape[] s) {
        Shape a = s[0];
        return new Shape[] {new Shape(a.get(0), a.get(1), 2 * a.get(2), 2 * a.get(3))};
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] s = inputShapes;
        for (int i = 0; i < layers.size(); i++) {
            if (i < layers.size() - 1) {
                s = upsampled(s);
            }
            layers.get(i).initialize(manager, dataType, s);
            s = layers.get(i).getOutputShapes(s);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] s = inputShapes;
        for (int i = 0; i < layers.size(); i++) {
            if (i < layers.size() - 1) {
                s = upsampled(s);
            }
            s = layers.get(i).getOutputShapes(s);
        }
        return s;
    }
}
