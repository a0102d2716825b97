package org.psychonet.experiment;

import java.util.List;
import org.psychonet.learning.linear.LinearArchitecture;

/**
 * What one linear-network run recorded: at tracked steps the loss and, for the leading PCs, the proportion
 * learned u_iᵀWu_i (with theory) and the sensitivity ‖Wu_i‖²; at snapshot steps the frequency thresholds,
 * the acuity and the singular values of W.
 *
 * @param steps       tracked steps
 * @param loss        ℓ at each tracked step (exact, through Σ)
 * @param proportion  [pc][tracked step]
 * @param theory      [pc][tracked step], theory with the PC variance as rate
 * @param theoryStd   [pc][tracked step], the same with the standard deviation as rate (the paper's wording)
 * @param sensitivity [pc][tracked step]
 * @param snapshots   snapshot steps
 * @param thresholds  [snapshot][frequency]
 * @param acuity      [snapshot]
 * @param svSteps     steps at which the singular values were computed (a subset of the snapshots)
 * @param singular    [sv step][rank], descending
 */
public record LinearTrajectory(LinearArchitecture architecture, String theoryForm, double learningRate,
                               long[] steps, double[] loss, double[][] proportion, double[][] theory,
                               double[][] theoryStd, double[][] sensitivity, long[] snapshots,
                               double[][] thresholds, double[] acuity, long[] svSteps, List<double[]> singular,
                               double seconds) {
}
