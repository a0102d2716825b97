package org.psychonet.learning.supervised;

import ai.djl.ndarray.NDManager;
import org.psychonet.model.TapNetwork;
import org.psychonet.sensitivity.DerivativeMethod;
import org.psychonet.sensitivity.SensitivityConfig;
import org.psychonet.sensitivity.SensitivityEngine;
import org.psychonet.stimulus.Grating64;

/**
 * First-layer sensitivity to orientation, D(θ) = Σᵢ (∂hᵢ/∂θ)² (eq. 1), averaged over the probe's
 * phases: the sensitivity engine's exact method on the network cut after its first layer
 * ({@link TapNetwork#upTo}), through a probe whose θ × phase gratings are rendered once and reused at
 * every measurement.
 */
public final class SupervisedSensitivity implements AutoCloseable {
    private final SensitivityEngine.Probe probe;

    /**
     * @param parent   unused beyond scoping compatibility: the probe owns its stimuli and frees them on close
     * @param gratings the task's gratings (their size, period and aperture)
     * @param nThetas  orientations π·t/nThetas, t = 0 … nThetas − 1
     * @param phases   phases 2π·k/phases averaged over
     */
    public SupervisedSensitivity(NDManager parent, OrientationGratings gratings, int nThetas, int phases) {
        Grating64.Config c = gratings.family().config();
        Grating64 family = new Grating64(new Grating64.Config(c.size(), c.period(), phases, c.innerRadius(),
                c.outerRadius()));
        probe = new SensitivityEngine(SensitivityConfig.defaults(DerivativeMethod.EXACT).withBatchSize(1 << 16))
                .probe(family, family.axis().grid(nThetas));
    }

    /** The probe orientations (radians, 0 … π − π/n). */
    public double[] thetas() {
        return probe.thetas();
    }

    /** D(θ) of the network's first layer at each probe orientation. */
    public double[] measure(TapNetwork net) {
        String first = net.layers().get(0);
        return probe.measure(net.upTo(first)).sensitivity(first);
    }

    @Override
    public void close() {
        probe.close();
    }
}
