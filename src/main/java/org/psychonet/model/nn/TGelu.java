package org.psychonet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** GELU, x·Φ(x) with the exact normal CDF (PyTorch's default); tangent dy = (Φ(x) + x·φ(x))·dx. */
public final class TGelu extends AbstractBlock implements TangentBlock {
    public TGelu() {
        super((byte) 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(Activation.gelu(inputs.singletonOrThrow()));
    }

    @Override
    public NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx) {
        NDArray cdf = x.div(Math.sqrt(2)).erf().add(1).mul(0.5);
        NDArray pdf = x.square().mul(-0.5).exp().mul(1 / Math.sqrt(2 * Math.PI));
        return Layers.pair(Activation.gelu(x), dx.mul(cdf.add(x.mul(pdf))));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
