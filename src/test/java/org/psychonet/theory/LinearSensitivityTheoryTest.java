package org.psychonet.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;
import org.psychonet.learning.linear.LinearArchitecture;
import org.psychonet.learning.linear.LinearBasis;
import org.psychonet.learning.linear.LinearCovariance;
import org.psychonet.learning.linear.LinearEigenTrainer;
import org.psychonet.learning.linear.LinearFrequencySensitivity;
import org.psychonet.learning.linear.LinearInit;
import org.psychonet.learning.linear.LinearObjective;
import org.psychonet.learning.linear.LinearPatchData;
import org.psychonet.learning.linear.LinearSyntheticData;
import org.psychonet.learning.linear.AcuityGrowth;
import org.psychonet.stimulus.PlaneWave;

/** Eq. 8, the supervised depth-2 form and the theory's acuity, each against an independent computation. */
class LinearSensitivityTheoryTest {

    @Test
    void equationEightHoldsForTheClosedFormSensitivity() {
        LinearModeTheory one = new LinearModeTheory(LinearArchitecture.depth(1), 0.25, RateStatistic.VARIANCE);
        double lambda = 3;
        double kappa = 2 * 0.25 * lambda;
        LinearModeInit init = new LinearModeInit(new double[] {1e-3}, new double[] {4e-6}, new double[] {0});
        double h = 1e-5;
        for (double t : new double[] {0.1, 0.5, 1, 3}) {
            double[] d = one.sensitivity(new double[] {lambda}, init, new double[] {t - h, t, t + h})[0];
            double dot = (d[2] - d[0]) / (2 * h);
            double rhs = 2 * kappa * Math.sqrt(d[1]) * (1 - Math.sqrt(d[1])); // eq. 8 with κ for its λ
            assertEquals(rhs, dot, 1e-6 * Math.max(1, Math.abs(rhs)), "t = " + t);
        }
        assertEquals(4e-6, one.sensitivity(new double[] {lambda}, init, new double[] {0})[0][0], 1e-18);
    }

    @Test
    void supervisedDepthTwoIsTheLogisticWhenBalancedAndAligned() {
        LinearModeTheory two = new LinearModeTheory(LinearArchitecture.depth(2), 0.5, RateStatistic.VARIANCE);
        double lambda = 2;
        double target = 0.6;
        double s0 = 1e-3;
        double[] times = {0, 1, 3, 6, 12, 40};
        // K = 0 (q0 = 2 s0): ṡ = 2c·s(t − λs), a logistic of rate 2c·t towards t/λ
        double[] s = two.supervisedDepthTwo(lambda, target, s0, 2 * s0, times);
        double c = 2 * 0.5;
        double cap = target / lambda;
        for (int i = 0; i < times.length; i++) {
            double expected = cap / (1 + (cap / s0 - 1) * Math.exp(-2 * c * target * times[i]));
            assertEquals(expected, s[i], 1e-7, "t = " + times[i]);
        }
        // and it agrees with eq. 10 at N = 2 from the same balanced start
        double[] eq10 = two.supervised(lambda, target, s0, times);
        for (int i = 0; i < times.length; i++) {
            assertEquals(eq10[i], s[i], 1e-7);
        }
    }

    /**
     * From an axis-aligned start the eigen trainer is exactly the discretised eq. 7, so the theory's thresholds
     * must match the simulated ones and so must the acuity exponent.
     */
    @Test
    void theorysAcuityMatchesAnAlignedSimulation() {
        int size = 8;
        int d = size * size;
        LinearPatchData data = LinearSyntheticData.powerLaw(size, 0, 0.01 * d, 1.0, 0);
        LinearObjective obj = LinearObjective.mse(d);
        LinearArchitecture arch = LinearArchitecture.depth(1);
        double lr = 0.02 / (2 * obj.scale() * data.eigenvalues()[0]); // small steps: discrete ≈ continuous
        PlaneWave wave = new PlaneWave(new PlaneWave.Config(size, 1.0, 8, 0.5, size));
        double[] freqs = wave.axis().grid(60);
        LinearFrequencySensitivity probe = new LinearFrequencySensitivity(wave, freqs);
        double cutoff = 0.1 * 32.0 / size;
        double g = LinearInit.alignedGain(arch, d);
        int snaps = 40;
        int every = 100;
        double[] times = new double[snaps];
        double[] simAcuity = new double[snaps];
        try (LinearBasis basis = data.basis();
             LinearEigenTrainer tr = new LinearEigenTrainer(arch, LinearEigenTrainer.balanced(arch, d, g),
                     data.eigenvalues(), obj, basis, lr)) {
            for (int s = 0; s < snaps; s++) {
                times[s] = lr * s * every;
                simAcuity[s] = LinearFrequencySensitivity.acuity(freqs, probe.thresholds(tr.productPixel()), cutoff);
                for (int k = 0; k < every; k++) {
                    tr.step();
                }
            }
            LinearModeTheory th = new LinearModeTheory(arch, obj.scale(), RateStatistic.VARIANCE);
            double[][] thr = AcuityTheory.thresholds(th, data.eigenvalues(), LinearModeInit.aligned(g, d), times, basis,
                    probe);
            double[] theoryAcuity = AcuityTheory.acuity(freqs, thr, cutoff);
            AcuityGrowth[] fits = AcuityGrowth.fitTogether(times, simAcuity, theoryAcuity, freqs[freqs.length - 1]);
            assertTrue(fits[0].points() >= AcuityGrowth.MIN_POINTS, "points " + fits[0].points());
            assertEquals(fits[1].exponent(), fits[0].exponent(), 0.02,
                    "simulated γ " + fits[0].exponent() + " vs theory " + fits[1].exponent());
        }
    }
}
