package org.psychonet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** The class token of a token sequence, (B, N, D) → (B, D): linear, so the tangent is the same selection. */
public final class TClassToken extends AbstractBlock implements TangentBlock {
    public TClassToken() {
        super((byte) 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(inputs.singletonOrThrow().get(":, 0, :"));
    }

    @Override
    public NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx) {
        return Layers.pair(x.get(":, 0, :"), dx.get(":, 0, :"));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return Layers.one(new Shape(s.get(0), s.get(2)));
    }
}
