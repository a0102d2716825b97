package org.psychonet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/** A chain of tangent blocks; the tangent flows through the chain with the activations. */
public final class TSequential extends AbstractBlock implements TangentBlock {
    private final List<TangentBlock> blocks = new ArrayList<>();

    public TSequential() {
        super((byte) 1);
    }

    public TSequential add(TangentBlock block) {
        blocks.add(addChildBlock(block.getClass().getSimpleName().toLowerCase() + blocks.size(), block));
        return this;
    }

    public List<TangentBlock> blocks() {
        return List.copyOf(blocks);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList x = inputs;
        for (Block b : blocks) {
            x = b.forward(ps, x, training, params);
        }
        return x;
    }

    @Override
    public NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx) {
        NDArray y = x;
        NDArray dy = dx;
        for (TangentBlock b : blocks) {
            NDList r = b.forwardTangent(ps, y, dy);
            y = r.get(0);
            dy = r.get(1);
        }
        return new NDList(y, dy);
    }

    /**
     * The chain on a stacked pair; a convolution followed by a batch norm runs as one folded convolution, and
     * each intermediate result is freed as soon as the next layer has used it.
     */
    @Override
    public NDArray forwardPair(ParameterStore ps, NDArray z) {
        NDArray cur = z;
        for (int i = 0; i < blocks.size(); i++) {
            TangentBlock b = blocks.get(i);
            NDArray next;
            if (b instanceof TConv2d c && i + 1 < blocks.size() && blocks.get(i + 1) instanceof TBatchNorm bn) {
                next = c.forwardPairWith(ps, cur, bn);
                i++;
            } else {
                next = b.forwardPair(ps, cur);
            }
            if (cur != z && next != cur) {
                cur.close();
            }
            cur = next;
        }
        return cur;
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block b : blocks) {
            b.initialize(manager, dataType, shapes);
            shapes = b.getOutputShapes(shapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block b : blocks) {
            shapes = b.getOutputShapes(shapes);
        }
        return shapes;
    }
}
