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

    private NDArray attend(NDArray[] qkvHeads, NDArray[] keep) {
        double scale = 1 / Math.sqrt(qkvHeads[0].getShape().get(3));
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
        double scale = 1 / Math.sqrt(h[0].getShape().get(3));
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
