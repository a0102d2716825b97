package org.psychonet.learning.linear;

import org.psychonet.util.Statistics;

/**
 * What issue 13 measures on one trained linear network (one seed), from its recorded trajectory: the PC order
 * (Fig. 5c), the theory's agreement for the proportion learned (eq. 7) and for the sensitivity (eq. 8), the
 * sharpness of the learning curves (SI Fig. 2), the acuity exponent against the theory's (Fig. 5h) and the
 * thresholds' elbows (Fig. 5f).
 *
 * @param order          PC order at p = ½ over the PCs that reach it
 * @param theoryR2       pooled R² of the proportion learned against the theory (variance as rate)
 * @param theoryR2Std    the same with the PCs' standard deviation as rate (the paper's wording)
 * @param eq8R2          pooled R² of D(Ŷ; PC_i) = ‖Wu_i‖² against the theory's (eq. 8 at depth 1)
 * @param sharpness      mean over PCs of dp/d(ln t) at p = ½ (NaN when no PC gives a reading)
 * @param sharpCurves    PCs that give a sharpness reading
 * @param acuity         the simulation's acuity exponent (its own valid snapshots)
 * @param acuityPaired   {simulation, theory} fitted over the snapshots valid in both (theory absent: length 1)
 * @param elbows         two-segment fits of the thresholds over the paper's frequency window
 */
public record NetworkMeasures(LearningCurves.Order order, double theoryR2, double theoryR2Std, double eq8R2,
                              double sharpness, int sharpCurves, AcuityGrowth acuity, AcuityGrowth[] acuityPaired,
                              ThresholdElbows elbows) {

    /** Fewest PCs that must reach p = ½ for an order statistic. */
    public static final int MIN_ORDERED_PCS = 5;

    /**
     * @param times        t = lr × step of the tracked points
     * @param proportion   [pc][point], u_iᵀWu_i
     * @param theory       [pc][point], the theory's proportion (variance rate)
     * @param theoryStd    [pc][point], the same with the standard deviation as rate
     * @param sensitivity  [pc][point], ‖Wu_i‖²
     * @param theoryD      [pc][point], the theory's sensitivity
     * @param freqs        frequency grid of the thresholds
     * @param snapshots    snapshot steps
     * @param snapTimes    their times t = lr × step
     * @param thresholds   [snapshot][frequency]
     * @param acuity       [snapshot]
     * @param theoryAcuity [snapshot] the theory's acuity, or null
     * @param cutoff       the acuity cutoff
     */
    public static NetworkMeasures of(double[] times, double[][] proportion, double[][] theory, double[][] theoryStd,
                                     double[][] sensitivity, double[][] theoryD, double[] freqs, long[] snapshots,
                                     double[] snapTimes, double[][] thresholds, double[] acuity,
                                     double[] theoryAcuity, double cutoff) {
        double top = freqs[freqs.length - 1];
        double[] sharp = LearningCurves.sharpness(times, proportion);
        AcuityGrowth sim = AcuityGrowth.fit(snapTimes, acuity, top);
        AcuityGrowth[] paired = theoryAcuity == null ? new AcuityGrowth[] {sim}
                : AcuityGrowth.fitTogether(snapTimes, acuity, theoryAcuity, top);
        return new NetworkMeasures(LearningCurves.order(times, proportion, 0.5, MIN_ORDERED_PCS),
                Statistics.pooledR2(proportion, theory), Statistics.pooledR2(proportion, theoryStd),
                Statistics.pooledR2(sensitivity, theoryD), LearningCurves.finiteMean(sharp),
                LearningCurves.finiteCount(sharp), sim, paired,
                ThresholdElbows.of(freqs, snapshots, thresholds, cutoff, ThresholdElbows.PAPER_LOW,
                        ThresholdElbows.PAPER_HIGH));
    }

    /** The simulation's exponent over the snapshots valid in both it and the theory. */
    public AcuityGrowth acuityVersusTheory() {
        return acuityPaired[0];
    }

    /** The theory's exponent over the same snapshots (null without theory). */
    public AcuityGrowth theoryAcuity() {
        return acuityPaired.length > 1 ? acuityPaired[1] : null;
    }
}
