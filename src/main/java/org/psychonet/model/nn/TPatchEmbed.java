package org.psychonet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A vision transformer's input: non-overlapping p×p patches linearly embedded (a convolution with kernel and
 * stride p), a class token in front, learned position embeddings added: (B, C, H, W) → (B, 1 + HW/p², D).
 * Tangent: the same convolution without bias on dx; the class token and positions are constants (0 tangent).
 */
public final class TPatchEmbed extends AbstractBlock implements TangentBlock {
    private final int dim;
    private final Shape stride;
    private final Conv2d conv;
    private final Parameter classToken;
    private final Parameter position;

    public TPatchEmbed(int dim, int patch) {
        super((byte) 1);
        this.dim = dim;
        this.stride = new Shape(patch, patch);
        conv = addChildBlock("conv", Conv2d.builder().setFilters(dim).setKernelShape(stride).optStride(stride)
                .build());
        classToken = addParameter(Parameter.builder().setName("classToken").setType(Parameter.Type.OTHER)
                .optInitializer(new NormalInitializer(0.02f)).build());
        position = addParameter(Parameter.builder().setName("position").setType(Parameter.Type.OTHER)
                .optInitializer(new NormalInitializer(0.02f)).build());
    }

    private long tokens(Shape in) {
        return (in.get(2) / stride.get(0)) * (in.get(3) / stride.get(1));
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        classToken.setShape(new Shape(1, 1, dim));
        position.setShape(new Shape(1, 1 + tokens(inputShapes[0]), dim));
    }

    /** (B, D, h, w) → (B, h·w, D). */
    private static NDArray tokens(NDArray feature) {
        Shape s = feature.getShape();
        return feature.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).transpose(0, 2, 1);
    }

    private NDArray embed(ParameterStore ps, NDArray x, boolean training) {
        NDArray t = tokens(conv.forward(ps, new NDList(x), training).singletonOrThrow());
        NDArray cls = ps.getValue(classToken, x.getDevice(), training).broadcast(t.getShape().get(0), 1, dim);
        return NDArrays.concat(new NDList(cls, t), 1).add(ps.getValue(position, x.getDevice(), training));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(embed(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx) {
        NDArray w = Layers.param(ps, conv, "weight", x);
        NDArray dt = tokens(Conv2d.conv2d(dx, w, null, stride, new Shape(0, 0)).singletonOrThrow());
        NDArray zero = dt.getManager().zeros(new Shape(dt.getShape().get(0), 1, dim), dt.getDataType());
        return Layers.pair(embed(ps, x, false), NDArrays.concat(new NDList(zero, dt), 1));
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return Layers.one(new Shape(in.get(0), 1 + tokens(in), dim));
    }
}
