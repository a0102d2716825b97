package org.psychonet.experiment;

import java.util.List;
import org.psychonet.learning.linear.LinearArchitecture;

/**
 * What one linear-network run recorded: at tracked steps the loss and, for the leading PCs, the proportion
 * learned u_iᵀWu_i and the sensitivity ‖Wu_i‖² with their theories, and (depth ≥ 2) how aligned the layers are; at
 * snapshot steps the frequency thresholds, the acuity (simulated and as the theory predicts it) and the singular
 * values of W.
 *
 * @param network     label: the architecture's, with "-sgd" for the minibatch runs beside exact descent
 * @param method      the trainer ("sgd", "fullbatch", "eigen")
 * @param steps       tracked steps
 * @param loss        ℓ at each tracked step (exact, through Σ)
 * @param proportion  [pc][tracked step]
 * @param theory      [pc][tracked step], theory with the PC variance as rate
 * @param theoryStd   [pc][tracked step], the same with the standard deviation as rate (the paper's wording)
 * @param sensitivity [pc][tracked step], ‖Wu_i‖²
 * @param theoryD     [pc][tracked step], the theory's sensitivity (eq. 8 at depth 1)
 * @param alignment   [pc][tracked step], smallest cosine between forward and backward images over the layer
 *                    junctions (null below depth 2 and for the symmetric form)
 * @param alignedAt   time each PC's layers first reach the alignment level (null without alignment)
 * @param aligned     [pc][tracked step], eq. 7 restarted from the aligned state (NaN before; null without)
 * @param snapshots   snapshot steps
 * @param thresholds  [snapshot][frequency]
 * @param acuity      [snapshot]
 * @param theoryAcuity [snapshot], acuity of the theory's W(t) (null when not computed)
 * @param svSteps     steps at which the singular values were computed (a subset of the snapshots)
 * @param singular    [sv step][rank], descending
 * @param seconds     training wall time (a timing: reported apart from the results)
 */
public record LinearTrajectory(String network, String method, LinearArchitecture architecture, String theoryForm,
                               double learningRate, long[] steps, double[] loss, double[][] proportion,
                               double[][] theory, double[][] theoryStd, double[][] sensitivity, double[][] theoryD,
                               double[][] alignment, double[] alignedAt, double[][] aligned, long[] snapshots,
                               double[][] thresholds, double[] acuity, double[] theoryAcuity, long[] svSteps,
                               List<double[]> singular, double seconds) {

    /** t = lr × step at the tracked steps. */
    public double[] times() {
        return scaled(steps);
    }

    /** t = lr × step at the snapshots. */
    public double[] snapshotTimes() {
        return scaled(snapshots);
    }

    private double[] scaled(long[] s) {
        double[] t = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            t[i] = learningRate * s[i];
        }
        return t;
    }
}
