package org.psychonet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A linear map over the last axis, y = x·Wᵀ + b (PyTorch's nn.Linear on tokens); tangent dy = dx·Wᵀ. */
public final class TDense extends AbstractBlock implements TangentBlock {
    private final Linear linear;

    public TDense(long units) {
        super((byte) 1);
        linear = addChildBlock("linear", Linear.builder().setUnits(units).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return linear.forward(ps, inputs, training, params);
    }

    @Override
    public NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx) {
        return Layers.pair(apply(ps, x), dx.matMul(weight(ps, x).transpose()));
    }

    NDArray weight(ParameterStore ps, NDArray like) {
        return Layers.param(ps, linear, "weight", like);
    }

    NDArray bias(ParameterStore ps, NDArray like) {
        return Layers.param(ps, linear, "bias", like);
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        linear.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return linear.getOutputShapes(inputShapes);
    }
}
