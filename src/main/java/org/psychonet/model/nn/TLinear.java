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

/** Fully connected layer y = Wx + b on flattened inputs; tangent dy = W·dx. */
public final class TLinear extends AbstractBlock implements TangentBlock {
    private final Linear linear;

    public TLinear(long units, boolean bias) {
        super((byte) 1);
        linear = addChildBlock("linear", Linear.builder().setUnits(units).optBias(bias).build());
    }

    public Linear linear() {
        return linear;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return linear.forward(ps, new NDList(flat(inputs.singletonOrThrow())), training, params);
    }

    @Override
    public NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx) {
        NDArray w = Layers.param(ps, linear, "weight", x);
        NDArray y = linear.forward(ps, new NDList(flat(x)), false).singletonOrThrow();
        NDArray dy = flat(dx).matMul(w.transpose());
        return Layers.pair(y, dy);
    }

    @Override
    public NDArray forwardPair(ParameterStore ps, NDArray z) {
        NDArray w = Layers.param(ps, linear, "weight", z);
        NDArray out = flat(z).matMul(w.transpose());
        return linear.getParameters().contains("bias") ? Layers.addToPrimal(out, Layers.param(ps, linear, "bias", z))
                : out;
    }

    private static NDArray flat(NDArray a) {
        return a.getShape().dimension() > 2 ? a.reshape(a.getShape().get(0), -1) : a;
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        linear.initialize(manager, dataType, new Shape(s.get(0), s.size() / s.get(0)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return linear.getOutputShapes(new Shape[] {new Shape(s.get(0), s.size() / s.get(0))});
    }
}
