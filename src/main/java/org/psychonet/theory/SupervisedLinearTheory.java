package org.psychonet.theory;

import org.psychonet.learning.linear.LinearArchitecture;
import org.psychonet.learning.linear.SupervisedLinear;
import org.psychonet.util.Statistics;

/**
 * Eqs 10–11 overlaid on a supervised linear run: each feature's singular value σ_i(t) from its own initial state,
 * with λ_i and t_i from the run's sample; depth 2 in its conserved-quantity form (covers the rotation into
 * alignment from a random start), other depths eq. 10 (depth ≥ 3 from σ(0) = ‖W(0)e_i‖).
 */
public final class SupervisedLinearTheory {
    private SupervisedLinearTheory() {
    }

    /** The theory's σ_i(t) for every feature, [feature][point]. */
    public static double[][] curves(SupervisedLinear.Run run) {
        LinearModeTheory th = new LinearModeTheory(LinearArchitecture.depth(run.depth()), run.scale(),
                RateStatistic.VARIANCE);
        int k = run.lambda().length;
        double[][] c = new double[k][];
        for (int i = 0; i < k; i++) {
            c[i] = switch (run.depth()) {
                case 1 -> th.supervised(run.lambda()[i], run.target()[i], run.start()[i], run.times());
                case 2 -> th.supervisedDepthTwo(run.lambda()[i], run.target()[i], run.start()[i],
                        run.startInOut()[i], run.times());
                default -> th.supervised(run.lambda()[i], run.target()[i], run.startNorm()[i], run.times());
            };
        }
        return c;
    }

    /** Pooled R² of σ_i/σ_i* of the informative features against the theory's. */
    public static double r2(SupervisedLinear.Run run, double[][] curves) {
        return Statistics.pooledR2(run.fractions(run.sigma()), run.fractions(curves));
    }
}
