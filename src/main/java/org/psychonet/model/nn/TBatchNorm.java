package org.psychonet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Batch normalization over channels (axis 1), PyTorch's defaults (ε = 1e-5, running-average
 * momentum 0.1). In eval mode it is affine, y = γ(x − μ)/√(v + ε) + β, so dy = γ·dx/√(v + ε).
 */
public final class TBatchNorm extends AbstractBlock implements TangentBlock {
    private static final float EPS = 1e-5f;
    private final BatchNorm bn;

    public TBatchNorm() {
        super((byte) 1);
        bn = addChildBlock("bn", BatchNorm.builder().optEpsilon(EPS).optMomentum(0.9f).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return bn.forward(ps, inputs, training, params);
    }

    @Override
    public NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx) {
        NDArray gamma = Layers.param(ps, bn, "gamma", x);
        NDArray var = Layers.param(ps, bn, "runningVar", x);
        NDArray scale = gamma.div(var.add(EPS).sqrt());
        long[] shape = new long[x.getShape().dimension()];
        java.util.Arrays.fill(shape, 1);
        shape[1] = scale.size();
        NDArray y = bn.forward(ps, new NDList(x), false).singletonOrThrow();
        return Layers.pair(y, dx.mul(scale.reshape(new Shape(shape))));
    }

    /** The eval-mode affine map y = a·x + c per channel: [a, c] with a = γ/√(v + ε), c = β − a·μ. */
    NDArray[] affine(ParameterStore ps, NDArray like) {
        NDArray gamma = Layers.param(ps, bn, "gamma", like);
        NDArray beta = Layers.param(ps, bn, "beta", like);
        NDArray mean = Layers.param(ps, bn, "runningMean", like);
        NDArray var = Layers.param(ps, bn, "runningVar", like);
        NDArray a = gamma.div(var.add(EPS).sqrt());
        return new NDArray[] {a, beta.sub(a.mul(mean))};
    }

    @Override
    public NDArray forwardPair(ParameterStore ps, NDArray z) {
        NDArray[] affine = affine(ps, z);
        long[] shape = new long[z.getShape().dimension()];
        java.util.Arrays.fill(shape, 1);
        shape[1] = affine[0].size();
        return Layers.addToPrimal(z.mul(affine[0].reshape(new Shape(shape))), affine[1]);
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        bn.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
