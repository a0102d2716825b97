package org.psychonet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A residual block: relu(main(x) + shortcut(x)), shortcut being the identity when null.
 * Tangents add along both paths before the ReLU mask.
 */
public final class TResidual extends AbstractBlock implements TangentBlock {
    private final TangentBlock main;
    private final TangentBlock shortcut;
    private final TRelu relu = new TRelu();

    public TResidual(TangentBlock main, TangentBlock shortcut) {
        super((byte) 1);
        this.main = addChildBlock("main", main);
        this.shortcut = shortcut == null ? null : addChildBlock("shortcut", shortcut);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray a = main.forward(ps, inputs, training, params).singletonOrThrow();
        NDArray b = shortcut == null ? x : shortcut.forward(ps, inputs, training, params).singletonOrThrow();
        return new NDList(Activation.relu(a.add(b))); // not maximum(…, 0): see TRelu
    }

    @Override
    public NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx) {
        NDList a = main.forwardTangent(ps, x, dx);
        NDList b = shortcut == null ? new NDList(x, dx) : shortcut.forwardTangent(ps, x, dx);
        return relu.forwardTangent(ps, a.get(0).add(b.get(0)), a.get(1).add(b.get(1)));
    }

    @Override
    public NDArray forwardPair(ParameterStore ps, NDArray z) {
        NDArray a = main.forwardPair(ps, z);
        NDArray b = shortcut == null ? z : shortcut.forwardPair(ps, z);
        NDArray sum = a.addi(b); // a is main's own result
        if (b != z) {
            b.close();
        }
        NDArray out = Layers.reluPair(sum);
        sum.close();
        return out;
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        main.initialize(manager, dataType, inputShapes);
        if (shortcut != null) {
            shortcut.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return main.getOutputShapes(inputShapes);
    }
}
