package org.psychonet.stimulus;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.stream.IntStream;

/**
 * Renders a whole batch — every θ of a list times every nuisance value — as one tensor of shape
 * (T·K, C, H, W), θ-major (row t·K + k holds x(θ_t, k)). Rendering is spread over the cores.
 */
public final class StimulusBatch {
    private StimulusBatch() {
    }

    /** x(θ, k) for every θ in {@code thetas} and every k. */
    public static NDArray render(NDManager manager, StimulusFamily family, double[] thetas, DataType type) {
        return build(manager, family, thetas, type, false);
    }

    /** The exact ∂x/∂θ for the same batch. */
    public static NDArray derivative(NDManager manager, StimulusFamily family, double[] thetas, DataType type) {
        return build(manager, family, thetas, type, true);
    }

    /** The raw values, θ-major, as doubles. */
    public static double[] values(StimulusFamily family, double[] thetas, boolean derivative) {
        int k = family.nuisanceCount();
        int size = family.size();
        double[] out = new double[thetas.length * k * size];
        IntStream.range(0, thetas.length).parallel()
                .forEach(t -> family.renderAll(thetas[t], derivative, out, t * k * size));
        return out;
    }

    private static NDArray build(NDManager manager, StimulusFamily family, double[] thetas, DataType type,
                                 boolean derivative) {
        double[] v = values(family, thetas, derivative);
        Shape shape = new Shape((long) thetas.length * family.nuisanceCount(), family.channels(),
                family.height(), family.width());
        if (type == DataType.FLOAT64) {
            return manager.create(v, shape);
        }
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return manager.create(f, shape);
    }
}
