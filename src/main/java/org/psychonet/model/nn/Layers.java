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
}
