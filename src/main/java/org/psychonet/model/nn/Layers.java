package org.psychonet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/** Small helpers shared by the tangent layers. */
final class Layers {
    private Layers() {
    }

    static NDList pair(NDArray y, NDArray dy) {
        return new NDList(y, dy);
    }

    /** The value of a block's parameter as the parameter store serves it for inference. */
    static NDArray param(ParameterStore ps, Block block, String name, NDArray like) {
        Parameter p = block.getParameters().get(name);
        return ps.getValue(p, like.getDevice(), false);
    }

    static Shape[] one(Shape s) {
        return new Shape[] {s};
    }

    /** Rows of z's first half (the primal x of a stacked pair [x; dx]). */
    static long half(NDArray z) {
        return z.getShape().get(0) / 2;
    }

    /**
     * Adds a per-channel (axis 1) offset to the primal half of a stacked pair, in place: biases and shifts apply to
     * y, never to its tangent.
     */
    static NDArray addToPrimal(NDArray z, NDArray perChannel) {
        long[] shape = new long[z.getShape().dimension()];
        java.util.Arrays.fill(shape, 1);
        shape[1] = perChannel.size();
        z.get("0:" + half(z)).addi(perChannel.reshape(new Shape(shape)));
        return z;
    }

    /**
     * ReLU on a stacked pair: y = x where x > 0 and dy = dx there (0 elsewhere, as autograd takes it at 0), by one
     * comparison on x and one select over both halves.
     */
    static NDArray reluPair(NDArray z) {
        return org.psychonet.model.TorchKernels.reluPair(z);
    }
}
