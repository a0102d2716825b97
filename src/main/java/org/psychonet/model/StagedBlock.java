package org.psychonet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.psychonet.model.nn.TangentBlock;

/**
 * A network as a chain of named stages whose outputs are the taps: forward returns every stage's
 * output (the last being the network's output, e.g. logits for training).
 */
public final class StagedBlock extends AbstractBlock {
    private final List<String> names = new ArrayList<>();
    private final List<TangentBlock> stages = new ArrayList<>();

    public StagedBlock() {
        super((byte) 1);
    }

    public StagedBlock stage(String name, TangentBlock block) {
        names.add(name);
        stages.add(addChildBlock(name, block));
        return this;
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    public List<TangentBlock> stages() {
        return List.copyOf(stages);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return forwardStages(ps, inputs, training, params, stages.size());
    }

    /** The outputs of the first {@code count} stages only (inference mode): no work is spent on later ones. */
    public NDList forward(ParameterStore ps, NDArray x, int count) {
        return forwardStages(ps, new NDList(x), false, null, count);
    }

    private NDList forwardStages(ParameterStore ps, NDList inputs, boolean training,
                                 PairList<String, Object> params, int count) {
        NDList out = new NDList();
        NDList x = inputs;
        for (int i = 0; i < count; i++) {
            x = stages.get(i).forward(ps, x, training, params);
            out.add(x.singletonOrThrow());
        }
        return out;
    }

    /** Every stage's tangent, from one pass. */
    public NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx) {
        return forwardTangent(ps, x, dx, stages.size());
    }

    /**
     * The tangents of the first {@code count} stages, from one pass over the stacked pair [x; dx] (see
     * {@link TangentBlock#forwardPair}): each returned tangent is the second half of its stage's output.
     */
    public NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx, int count) {
        long n = x.getShape().get(0);
        NDArray z = NDArrays.concat(new NDList(x, dx));
        NDList out = new NDList();
        for (int i = 0; i < count; i++) {
            z = stages.get(i).forwardPair(ps, z);
            out.add(z.get(n + ":"));
        }
        return out;
    }

    /**
     * The squared norm of each stage's tangent per row, [stage][row], for the first {@code count} stages, from one
     * pass over [x; dx]; each stage's output is freed once the next stage has used it, so at most two stages'
     * outputs are alive at a time.
     */
    public double[][] tangentSquaredNorms(ParameterStore ps, NDArray x, NDArray dx, int count) {
        long n = x.getShape().get(0);
        NDArray z = NDArrays.concat(new NDList(x, dx));
        double[][] out = new double[count][];
        for (int i = 0; i < count; i++) {
            NDArray next = stages.get(i).forwardPair(ps, z);
            z.close();
            z = next;
            try (NDArray dy = z.get(n + ":")) {
                out[i] = org.psychonet.model.Network.squaredNorms(dy);
            }
        }
        z.close();
        return out;
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (TangentBlock s : stages) {
            s.initialize(manager, dataType, shapes);
            shapes = s.getOutputShapes(shapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] out = new Shape[stages.size()];
        Shape[] shapes = inputShapes;
        for (int i = 0; i < stages.size(); i++) {
            shapes = stages.get(i).getOutputShapes(shapes);
            out[i] = shapes[0];
        }
        return out;
    }
}
