package org.psychonet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * 2-D convolution; its tangent is the same convolution without bias applied to dx.
 *
 * <p>Training pads the filters with zero filters up to a multiple of 16 and drops the extra output channels
 * again: the same function, but PyTorch's CPU convolution (oneDNN 3.7, AVX2/AVX-512 kernels) computes a wrong
 * gradient with respect to the input — garbage from uninitialised padding of its 16-channel blocks — when the
 * number of output channels is not a multiple of 16 (measured against a plain-Java convolution: {@code
 * ConvGradientTest}). Forward passes and weight gradients are right, so inference and tangents are untouched.
 */
public final class TConv2d extends AbstractBlock implements TangentBlock {
    private final Conv2d conv;
    private final Shape stride;
    private final Shape padding;

    public TConv2d(int filters, int kernel, int stride, int padding, boolean bias) {
        super((byte) 1);
        this.stride = new Shape(stride, stride);
        this.padding = new Shape(padding, padding);
        conv = addChildBlock("conv", Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optStride(this.stride).optPadding(this.padding).optBias(bias).build());
    }

    public Conv2d conv() {
        return conv;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (!training) {
            return conv.forward(ps, inputs, false, params);
        }
        NDArray x = inputs.singletonOrThrow();
        NDArray w = Layers.param(ps, conv, "weight", x);
        ai.djl.nn.Parameter bias = conv.getParameters().get("bias");
        NDArray b = bias == null ? null : ps.getValue(bias, x.getDevice(), true);
        return new NDList(trainingConv(x, w, b, stride, padding));
    }

    /** Output channels are computed in blocks of 16 (see the class comment). */
    static final int BLOCK = 16;

    /**
     * conv2d(x, w, b) for training: with zero filters added up to a multiple of {@link #BLOCK} output channels and
     * the extra outputs dropped, so that backward through PyTorch's CPU kernels gives the right input gradient.
     * The zero filters live in x's manager (one training step).
     */
    public static NDArray trainingConv(NDArray x, NDArray w, NDArray b, Shape stride, Shape padding) {
        long oc = w.getShape().get(0);
        long padded = (oc + BLOCK - 1) / BLOCK * BLOCK;
        if (padded == oc) {
            return Conv2d.conv2d(x, w, b, stride, padding).singletonOrThrow();
        }
        NDManager m = x.getManager();
        Shape extra = new Shape(padded - oc).addAll(w.getShape().slice(1));
        NDArray wp = NDArrays.concat(new NDList(w, m.zeros(extra, w.getDataType())), 0);
        NDArray bp = b == null ? null : NDArrays.concat(new NDList(b, m.zeros(new Shape(padded - oc),
                b.getDataType())), 0);
        return Conv2d.conv2d(x, wp, bp, stride, padding).singletonOrThrow().get(new NDIndex(":, 0:" + oc));
    }

    @Override
    public NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx) {
        NDArray w = Layers.param(ps, conv, "weight", x);
        NDArray y = conv.forward(ps, new NDList(x), false).singletonOrThrow();
        NDArray dy = Conv2d.conv2d(dx, w, null, stride, padding).singletonOrThrow();
        return Layers.pair(y, dy);
    }

    @Override
    public NDArray forwardPair(ParameterStore ps, NDArray z) {
        NDArray w = Layers.param(ps, conv, "weight", z);
        NDArray out = Conv2d.conv2d(z, w, null, stride, padding).singletonOrThrow();
        return hasBias() ? Layers.addToPrimal(out, Layers.param(ps, conv, "bias", z)) : out;
    }

    /**
     * This convolution followed by an eval-mode batch norm, as one convolution: the norm's scale a = γ/√(v + ε)
     * folded into the weights and its shift into the bias (applied to the primal half only).
     */
    public NDArray forwardPairWith(ParameterStore ps, NDArray z, TBatchNorm bn) {
        NDArray[] affine = bn.affine(ps, z);
        NDArray w = Layers.param(ps, conv, "weight", z);
        NDArray folded = w.mul(affine[0].reshape(affine[0].size(), 1, 1, 1));
        NDArray out = Conv2d.conv2d(z, folded, null, stride, padding).singletonOrThrow();
        NDArray shift = hasBias() ? Layers.param(ps, conv, "bias", z).mul(affine[0]).add(affine[1]) : affine[1];
        return Layers.addToPrimal(out, shift);
    }

    private boolean hasBias() {
        return conv.getParameters().contains("bias");
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(inputShapes);
    }
}
