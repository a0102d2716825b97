package org.psychonet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Average pooling (kernel 0 means global average over H×W); linear, so dy is the same pooling of dx. */
public final class TAvgPool extends AbstractBlock implements TangentBlock {
    private final int kernel;
    private final int stride;

    public TAvgPool(int kernel, int stride) {
        super((byte) 1);
        this.kernel = kernel;
        this.stride = stride;
    }

    public static TAvgPool global() {
        return new TAvgPool(0, 0);
    }

    private NDArray pool(NDArray x) {
        if (kernel == 0) {
            return Pool.globalAvgPool2d(x);
        }
        return Pool.avgPool2d(x, new Shape(kernel, kernel), new Shape(stride, stride), new Shape(0, 0), false, true);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(pool(inputs.singletonOrThrow()));
    }

    @Override
    public NDArray forwardPair(ParameterStore ps, NDArray z) {
        return pool(z);
    }

    @Override
    public NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx) {
        return Layers.pair(pool(x), pool(dx));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        if (kernel == 0) {
            return Layers.one(new Shape(s.get(0), s.get(1)));
        }
        return Layers.one(new Shape(s.get(0), s.get(1), (s.get(2) - kernel) / stride + 1,
                (s.get(3) - kernel) / stride + 1));
    }
}
