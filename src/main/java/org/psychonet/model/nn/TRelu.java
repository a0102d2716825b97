package org.psychonet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** ReLU; its tangent is dx masked where x > 0 (the derivative at exactly 0 is taken as 0, as autograd does). */
public final class TRelu extends AbstractBlock implements TangentBlock {
    public TRelu() {
        super((byte) 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        // torch's relu, not maximum(x, 0): DJL makes the 0 a tensor over a Java buffer that it frees right after
        // the call, while autograd keeps it for backward; a garbage collection in between made the backward
        // read freed memory (NaN weights, and runs with one seed that differed — issue 14.5)
        return new NDList(Activation.relu(inputs.singletonOrThrow()));
    }

    @Override
    public NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx) {
        NDArray mask = x.gt(0).toType(dx.getDataType(), false);
        return Layers.pair(Activation.relu(x), dx.mul(mask));
    }

    @Override
    public NDArray forwardPair(ParameterStore ps, NDArray z) {
        return Layers.reluPair(z);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
