package org.psychonet.theory;

import org.psychonet.util.Statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psychonet.learning.linear.LinearArchitecture;
import org.psychonet.learning.linear.LinearBasis;
import org.psychonet.learning.linear.LinearCovariance;
import org.psychonet.learning.linear.LinearFullBatchTrainer;
import org.psychonet.learning.linear.LinearInit;
import org.psychonet.learning.linear.LinearObjective;
import org.psychonet.learning.linear.LinearPatchData;
import org.psychonet.learning.linear.LinearSyntheticData;
import org.psychonet.learning.linear.LinearWeights;

/** Theory against exact gradient descent, and the question the paper's wording raises: variance or s.d.? */
class LinearModeTheoryTest {

    /**
     * Exact GD (pixel coordinates, dense Σ) from the paper's small random start on a known spectrum. The PC's
     * variance as rate fits (R² ≥ 0.99); its standard deviation, the paper's wording, does not.
     */
    @Test
    void theRateIsSetByThePcVarianceNotItsStandardDeviation() {
        int size = 8;
        int d = size * size;
        int k = 20;
        LinearPatchData data = LinearSyntheticData.powerLaw(size, 0, 0.5 * d, 1.0, 1);
        LinearObjective obj = LinearObjective.mse(d);
        double lr = 0.1 / (2 * obj.scale() * data.eigenvalues()[0]);
        int steps = 1500;
        try (LinearBasis basis = data.basis();
             LinearCovariance sigma = LinearCovariance.dense(basis.covariance(), d)) {
            for (LinearArchitecture arch : List.of(LinearArchitecture.depth(1), LinearArchitecture.depth(2),
                    LinearArchitecture.symmetricForm())) {
                double[][] w0 = LinearInit.uniform(arch, d, 5);
                LinearModeInit init = LinearModeInit.fromWeights(arch, w0, basis, k);
                double[][] sim = new double[k][steps / 10 + 1];
                double[] times = new double[steps / 10 + 1];
                try (LinearFullBatchTrainer t = new LinearFullBatchTrainer(
                        new LinearWeights(arch, d, w0, DataType.FLOAT64), sigma, obj, basis, lr)) {
                    for (int s = 0; s <= steps; s++) {
                        if (s % 10 == 0) {
                            double[] w = t.productPc();
                            for (int i = 0; i < k; i++) {
                                sim[i][s / 10] = w[i * d + i];
                            }
                            times[s / 10] = lr * s;
                        }
                        if (s < steps) {
                            t.step();
                        }
                    }
                }
                double var = Statistics.pooledR2(sim, new LinearModeTheory(arch, obj.scale(), RateStatistic.VARIANCE)
                        .proportion(data.eigenvalues(), init, times));
                double sd = Statistics.pooledR2(sim, new LinearModeTheory(arch, obj.scale(),
                        RateStatistic.STANDARD_DEVIATION).proportion(data.eigenvalues(), init, times));
                assertTrue(var >= 0.99, arch.label() + ": variance-rate theory R² = " + var);
                assertTrue(sd < var - 0.1, arch.label() + ": s.d.-rate theory R² = " + sd + " vs variance " + var);
            }
        }
    }

    @Test
    void adaptiveSolverReproducesTheLogisticOfTwoLayers() {
        LinearModeTheory two = new LinearModeTheory(LinearArchitecture.depth(2), 0.5, RateStatistic.VARIANCE);
        double[] times = {0, 1, 2, 5, 10, 20, 40};
        // balanced aligned start (K = 0): closed-form logistic 2κ; a tiny K: the adaptive solver
        double[] closed = two.proportion(new double[] {1.0}, LinearModeInit.aligned(0.01, 1), times)[0];
        LinearModeInit nearly = new LinearModeInit(new double[] {0.01}, new double[] {1e-4},
                new double[] {0.02 * (1 + 1e-9)});
        double[] ode = two.proportion(new double[] {1.0}, nearly, times)[0];
        for (int i = 0; i < times.length; i++) {
            assertEquals(LinearModeTheory.logistic(0.01, 2.0, times[i]), closed[i], 1e-12);
            assertEquals(closed[i], ode[i], 1e-6, "t = " + times[i]);
        }
    }

    @Test
    void deeperNetworksLearnLaterAndSharper() {
        double[] times = new double[401];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * 0.05;
        }
        double[] half = new double[3];
        for (int n = 1; n <= 3; n++) {
            LinearModeTheory th = new LinearModeTheory(LinearArchitecture.depth(n), 0.5, RateStatistic.VARIANCE);
            double[] p = th.proportion(new double[] {1.0}, LinearModeInit.aligned(Math.pow(0.1, n), 1), times)[0];
            for (int i = 0; i < p.length; i++) {
                if (p[i] >= 0.5) {
                    half[n - 1] = times[i];
                    break;
                }
            }
        }
        assertTrue(half[0] < half[1] && half[1] < half[2], java.util.Arrays.toString(half));
    }

    @Test
    void supervisedDynamicsApproachTargetOverVarianceAndReduceToReconstruction() {
        LinearModeTheory th = new LinearModeTheory(LinearArchitecture.depth(3), 0.5, RateStatistic.VARIANCE);
        double[] times = {0, 2, 5, 10, 50, 400};
        double[] rec = th.proportion(new double[] {2.0}, LinearModeInit.aligned(0.05, 1), times)[0];
        double[] sup = th.supervised(2.0, 2.0, 0.05, times); // t_i = λ_i: the reconstruction target
        for (int i = 0; i < times.length; i++) {
            assertEquals(rec[i], sup[i], 1e-7);
        }
        double[] other = th.supervised(4.0, 1.0, 0.05, new double[] {2000});
        assertEquals(0.25, other[0], 1e-6, "σ → t_i/λ_i (eq. 11)");
    }

    @Test
    void statistics() {
        assertEquals(1.0, Statistics.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 25, 100}), 1e-12);
        assertEquals(-1.0, Statistics.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
        Statistics.Line l = Statistics.line(new double[] {0, 1, 2}, new double[] {1, 3, 5});
        assertEquals(2, l.slope(), 1e-12);
        assertEquals(1, l.r2(), 1e-12);
    }
}
