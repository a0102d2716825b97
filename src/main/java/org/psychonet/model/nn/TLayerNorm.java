package org.psychonet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Layer normalization over the last axis (PyTorch's nn.LayerNorm(dim), ε = 1e-5): y = γ·x̂ + β with
 * x̂ = (x − μ)/σ, σ = √(var + ε). Tangent: dy = γ·(dx − mean(dx) − x̂·mean(x̂·dx))/σ.
 */
public final class TLayerNorm extends AbstractBlock implements TangentBlock {
    private static final float EPS = 1e-5f;
    private final Parameter gamma;
    private final Parameter beta;

    public TLayerNorm() {
        super((byte) 1);
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optInitializer(Initializer.ONES).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optInitializer(Initializer.ZEROS).build());
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        gamma.setShape(new Shape(s.get(s.dimension() - 1)));
        beta.setShape(new Shape(s.get(s.dimension() - 1)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray g = ps.getValue(gamma, x.getDevice(), training);
        NDArray b = ps.getValue(beta, x.getDevice(), training);
        return LayerNorm.layerNorm(x, new Shape(x.getShape().get(x.getShape().dimension() - 1)), g, b, EPS);
    }

    @Override
    public NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx) {
        NDArray g = ps.getValue(gamma, x.getDevice(), false);
        int last = x.getShape().dimension() - 1;
        NDArray mu = x.mean(new int[] {last}, true);
        NDArray centered = x.sub(mu);
        NDArray sigma = centered.square().mean(new int[] {last}, true).add(EPS).sqrt();
        NDArray hat = centered.div(sigma);
        NDArray dhat = dx.sub(dx.mean(new int[] {last}, true))
                .sub(hat.mul(hat.mul(dx).mean(new int[] {last}, true))).div(sigma);
        NDArray y = apply(ps, x);
        return Layers.pair(y, dhat.mul(g));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
