package org.psychonet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Max pooling (square window, optional padding, floor mode). The tangent picks dx at each window's
 * arg-max: the k² strided views of the (padded) input are stacked, the arg-max taken across them,
 * and the same view of dx selected — exact, and right for overlapping windows too.
 */
public final class TMaxPool extends AbstractBlock implements TangentBlock {
    private final int kernel;
    private final int stride;
    private final int padding;

    public TMaxPool(int kernel, int stride, int padding) {
        super((byte) 1);
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(Pool.maxPool2d(inputs.singletonOrThrow(), new Shape(kernel, kernel),
                new Shape(stride, stride), new Shape(padding, padding), false));
    }

    @Override
    public NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx) {
        Shape s = x.getShape();
        long h = s.get(2) + 2L * padding;
        long w = s.get(3) + 2L * padding;
        long ho = (h - kernel) / stride + 1;
        long wo = (w - kernel) / stride + 1;
        NDArray xp = padding > 0 ? x.pad(new Shape(padding, padding, padding, padding), Double.NEGATIVE_INFINITY) : x;
        NDArray dp = padding > 0 ? dx.pad(new Shape(padding, padding, padding, padding), 0) : dx;
        NDList xs = new NDList();
        NDList ds = new NDList();
        for (int di = 0; di < kernel; di++) {
            for (int dj = 0; dj < kernel; dj++) {
                NDIndex idx = new NDIndex(":, :, {}:{}:{}, {}:{}:{}", di, di + stride * (ho - 1) + 1, stride,
                        dj, dj + stride * (wo - 1) + 1, stride);
                xs.add(xp.get(idx));
                ds.add(dp.get(idx));
            }
        }
        NDArray stackX = NDArrays.stack(xs);
        NDArray stackD = NDArrays.stack(ds);
        NDArray arg = stackX.argMax(0);
        NDArray pick = arg.oneHot(kernel * kernel, dx.getDataType()).transpose(4, 0, 1, 2, 3);
        NDArray y = stackX.max(new int[] {0});
        NDArray dy = stackD.mul(pick).sum(new int[] {0});
        return Layers.pair(y, dy);
    }

    /** y and dy from the arg-max indices of the forward pass on x (a libtorch kernel): no stacked views. */
    @Override
    public NDArray forwardPair(ParameterStore ps, NDArray z) {
        return org.psychonet.model.TorchKernels.maxPoolPair(z, kernel, stride, padding);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        long ho = (s.get(2) + 2L * padding - kernel) / stride + 1;
        long wo = (s.get(3) + 2L * padding - kernel) / stride + 1;
        return Layers.one(new Shape(s.get(0), s.get(1), ho, wo));
    }
}
