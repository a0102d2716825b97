package org.psychonet.theory;

import org.psychonet.learning.linear.LinearBasis;
import org.psychonet.learning.linear.LinearFrequencySensitivity;

/**
 * What the theory predicts for Fig. 5f–h: the product matrix as the modes' theory has it,
 * W(t) = Σ_i p_i(t)·u_iu_iᵀ over every PC of the measured spectrum (aligned reading; p_i from
 * {@link LinearModeTheory#proportion}, started from the simulation's initial weights, nothing fitted), probed
 * with the same plane waves as the simulation. Its acuity over training gives the exponent γ the theory predicts
 * for this spectrum, to hold the simulation's measured γ against.
 */
public final class AcuityTheory {
    private AcuityTheory() {
    }

    /**
     * @param theory  the architecture's mode theory
     * @param lambda  all d PC variances
     * @param init    initial condition of all d PCs
     * @param times   snapshot times (t = lr × step)
     * @param basis   the PCs
     * @param probe   the frequency probe of the simulation
     * @return thresholds[snapshot][frequency]
     */
    public static double[][] thresholds(LinearModeTheory theory, double[] lambda, LinearModeInit init, double[] times,
                                        LinearBasis basis, LinearFrequencySensitivity probe) {
        int d = basis.dim();
        if (init.count() != d) {
            throw new IllegalArgumentException("the theory's W needs all " + d + " PCs, got " + init.count());
        }
        double[][] p = theory.proportion(lambda, init, times);
        double[][] out = new double[times.length][];
        double[] diag = new double[d * d];
        for (int t = 0; t < times.length; t++) {
            for (int i = 0; i < d; i++) {
                diag[i * d + i] = p[i][t];
            }
            out[t] = probe.thresholds(basis.toPixel(diag));
        }
        return out;
    }

    /** Acuity at each snapshot from thresholds (the simulation's definition). */
    public static double[] acuity(double[] freqs, double[][] thresholds, double cutoff) {
        double[] a = new double[thresholds.length];
        for (int t = 0; t < a.length; t++) {
            a[t] = LinearFrequencySensitivity.acuity(freqs, thresholds[t], cutoff);
        }
        return a;
    }
}
