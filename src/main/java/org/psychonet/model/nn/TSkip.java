package org.psychonet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A pre-norm transformer's residual connection: y = x + f(x), dy = dx + J_f·dx. */
public final class TSkip extends AbstractBlock implements TangentBlock {
    private final TangentBlock inner;

    public TSkip(TangentBlock inner) {
        super((byte) 1);
        this.inner = addChildBlock("inner", inner);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(inputs.singletonOrThrow().add(inner.forward(ps, inputs, training, params).singletonOrThrow()));
    }

    @Override
    public NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx) {
        NDList r = inner.forwardTangent(ps, x, dx);
        return Layers.pair(x.add(r.get(0)), dx.add(r.get(1)));
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        inner.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
