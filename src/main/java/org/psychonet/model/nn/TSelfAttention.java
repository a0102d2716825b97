package org.psychonet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head self-attention on tokens (B, N, D): q, k, v from one projection (PyTorch's in_proj), per head
 * A = softmax(q·kᵀ/√d), o = A·v, heads joined and projected. Tangent: dq, dk, dv from dx by the same projection
 * without bias, dS = (dq·kᵀ + q·dkᵀ)/√d, dA = A ⊙ (dS − Σ_j A·dS), do = dA·v + A·dv, then the output projection.
 */
public final class TSelfAttention extends AbstractBlock implements TangentBlock {
    private final int heads;
    private final TDense qkv;
    private final TDense proj;

    public TSelfAttention(int dim, int heads) {
        super((byte) 1);
        if (dim % heads != 0) {
            throw new IllegalArgumentException("dimension " + dim + " is not a multiple of " + heads + " heads");
        }
        this.heads = heads;
        this.qkv = addChildBlock("qkv", new TDense(3L * dim));
        this.proj = addChildBlock("proj", new TDense(dim));
    }

    /** (B, N, 3D) → q, k, v each (B, H, N, d). */
    private NDArray[] split(NDArray t) {
        Shape s = t.getShape();
        long b = s.get(0);
        long n = s.get(1);
        long d = s.get(2) / 3 / heads;
        NDArray r = t.reshape(b, n, 3, heads, d).transpose(2, 0, 3, 1, 4);
        return new NDArray[] {r.get(0), r.get(1), r.get(2)};
    }

    /** (B, H, N, d) → (B, N, H·d). */
    private static NDArray join(NDArray o) {
        Shape s = o.getShape();
        return o.transpose(0, 2, 1, 3).reshape(s.get(0), s.get(2), s.get(1) * s.get(3));
    }

    /**
     * 1/√d as an array in q's manager. Not {@code mul(double)}: DJL makes such a number a tensor over a Java buffer
     * and frees it right after the call while autograd keeps it for backward (mul saves its other factor), so a
     * garbage collection before backward would feed freed memory into the gradients. An array in q's manager
     * lives until the training step's manager closes, after backward.
     */
    private static NDArray scale(NDArray q) {
        return q.getManager().create(1 / Math.sqrt(q.getShape().get(3))).toType(q.getDataType(), false);
    }

    private NDArray attend(NDArray[] qkvHeads, NDArray[] keep) {
        NDArray scale = scale(qkvHeads[0]);
        NDArray a = qkvHeads[0].matMul(qkvHeads[1].transpose(0, 1, 3, 2)).mul(scale).softmax(3);
        if (keep != null) {
            keep[0] = a;
        }
        return a.matMul(qkvHeads[2]);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray t = qkv.forward(ps, inputs, training, params).singletonOrThrow();
        return proj.forward(ps, new NDList(join(attend(split(t), null))), training, params);
    }

    @Override
    public NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx) {
        NDList t = qkv.forwardTangent(ps, x, dx);
        NDArray[] h = split(t.get(0));
        NDArray[] dh = split(t.get(1));
        NDArray[] keep = new NDArray[1];
        NDArray o = attend(h, keep);
        NDArray a = keep[0];
        NDArray scale = scale(h[0]);
        NDArray ds = dh[0].matMul(h[1].transpose(0, 1, 3, 2)).add(h[0].matMul(dh[1].transpose(0, 1, 3, 2)))
                .mul(scale);
        NDArray da = a.mul(ds.sub(a.mul(ds).sum(new int[] {3}, true)));
        NDArray dout = da.matMul(h[2]).add(a.matMul(dh[2]));
        return proj.forwardTangent(ps, join(o), join(dout));
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        qkv.initialize(manager, dataType, inputShapes);
        proj.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
