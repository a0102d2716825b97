package org.psychonet.learning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.nn.TangentBlock;

/**
 * First-layer sensitivity to orientation, D(θ) = Σᵢ (∂hᵢ/∂θ)² (eq. 1), averaged over the probe's
 * phases. Exact: the first stage's tangent is the pre-activation derivative W·∂x/∂θ masked where the
 * ReLU is active. The probe batch (θ × phase images and their ∂x/∂θ) is rendered once and reused at
 * every measurement.
 */
public final class SupervisedSensitivity implements AutoCloseable {
    private final NDManager manager;
    private final NDArray x;
    private final NDArray dx;
    private final double[] thetas;
    private final int phases;

    public SupervisedSensitivity(NDManager parent, OrientationGratings gratings, int nThetas, int phases) {
        this.manager = parent.newSubManager();
        this.phases = phases;
        this.thetas = new double[nThetas];
        double[] th = new double[nThetas * phases];
        double[] ph = new double[nThetas * phases];
        for (int t = 0; t < nThetas; t++) {
            thetas[t] = Math.PI * t / nThetas;
            for (int k = 0; k < phases; k++) {
                th[t * phases + k] = thetas[t];
                ph[t * phases + k] = 2 * Math.PI * k / phases;
            }
        }
        x = gratings.render(manager, th, ph);
        dx = gratings.derivative(manager, th, ph);
    }

    /** The probe orientations (radians, 0 … π − π/n). */
    public double[] thetas() {
        return thetas.clone();
    }

    /** D(θ) of the network's first layer at each probe orientation. */
    public double[] measure(TapNetwork net) {
        TangentBlock first = net.block().stages().get(0);
        try (NDManager step = manager.newSubManager()) {
            // borrowed by the step scope, so every intermediate is freed with it
            x.tempAttach(step);
            dx.tempAttach(step);
            NDList r = first.forwardTangent(net.parameterStore(), x, dx);
            NDArray d = r.get(1).square().sum(new int[] {1}).reshape(thetas.length, phases).mean(new int[] {1});
            double[] out = new double[thetas.length];
            float[] f = d.toFloatArray();
            for (int i = 0; i < out.length; i++) {
                out[i] = f[i];
            }
            return out;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
