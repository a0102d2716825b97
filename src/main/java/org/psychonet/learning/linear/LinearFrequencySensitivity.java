package org.psychonet.learning.linear;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.psychonet.model.LinearNetwork;
import org.psychonet.sensitivity.DerivativeMethod;
import org.psychonet.sensitivity.SensitivityConfig;
import org.psychonet.sensitivity.SensitivityEngine;
import org.psychonet.sensitivity.SensitivityProfile;
import org.psychonet.stimulus.StimulusFamily;

/**
 * Sensitivity of a linear map Ŷ = WX to a stimulus parameter (Fig. 5e–f: the plane wave's frequency),
 * D(θ) = mean over nuisance values of ‖W ∂x/∂θ‖² — the same quantity the sensitivity engine measures for
 * {@code LinearNetwork.of(W)}, and measured by it: a probe over the plane waves, which for a linear map
 * propagates only a basis of the derivative images' span (r = 31 for 32×32 plane waves), so a snapshot
 * costs one d×r product.
 */
public final class LinearFrequencySensitivity implements AutoCloseable {
    private final StimulusFamily family;
    private final SensitivityEngine.Probe probe;
    private final int rank;

    public LinearFrequencySensitivity(StimulusFamily family, double[] thetas) {
        this.family = family;
        this.probe = new SensitivityEngine(SensitivityConfig.defaults(DerivativeMethod.EXACT)
                .withDataType(DataType.FLOAT64)).probe(family, thetas);
        this.rank = probe.subspaceRank();
    }

    public double[] thetas() {
        return probe.thetas();
    }

    /** Dimension of the span of the derivative images. */
    public int rank() {
        return rank;
    }

    /** D(θ) on the grid for the row-major d×d product matrix W (pixel coordinates). */
    public double[] sensitivity(double[] w) {
        int d = family.size();
        try (LinearNetwork net = LinearNetwork.of(w, d, d, new Shape(family.channels(), family.height(),
                family.width()), DataType.FLOAT64, "W")) {
            return probe.measure(net).sensitivity()[0];
        }
    }

    /** Thresholds D^(−1/2) (Fig. 5f). */
    public double[] thresholds(double[] w) {
        return SensitivityProfile.threshold(sensitivity(w));
    }

    /**
     * Acuity (Fig. 5h): the highest θ whose threshold is below the cutoff, refined by linear interpolation to
     * the crossing with the next grid point; NaN when no θ is below.
     */
    public static double acuity(double[] thetas, double[] thresholds, double cutoff) {
        int last = -1;
        for (int i = 0; i < thresholds.length; i++) {
            if (thresholds[i] < cutoff) {
                last = i;
            }
        }
        if (last < 0) {
            return Double.NaN;
        }
        if (last == thresholds.length - 1) {
            return thetas[last];
        }
        double t0 = thresholds[last];
        double t1 = thresholds[last + 1];
        double f = Double.isFinite(t1) ? (cutoff - t0) / (t1 - t0) : 0;
        return thetas[last] + f * (thetas[last + 1] - thetas[last]);
    }

    @Override
    public void close() {
        probe.close();
    }
}
