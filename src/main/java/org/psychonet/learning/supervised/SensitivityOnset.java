package org.psychonet.learning.supervised;

import org.psychonet.util.Statistics;

/**
 * Fig. 6's time course: where sensitivity appears first. For each probe orientation θ the growth
 * Δ(θ, t) = D(θ, t) − D(θ, 0) is followed over the snapshots; the onset of θ is the first time its growth reaches
 * half of the largest final growth over all θ (linearly interpolated between snapshots). Orientations that never
 * reach it have no onset and rank after every one that does. "Appears first at common orientations" is a negative
 * rank correlation between p(θ) and onset.
 *
 * @param level    the growth level that defines onset (½ · max_θ Δ(θ, T))
 * @param onset    onset step per θ (NaN: never — ranked after every θ that has one)
 * @param reached  number of θ with an onset
 * @param spearman Spearman ρ between the given weights (e.g. p(θ)) and onset; NaN when no θ or every θ reaches
 *                 the level at the same time
 */
public record SensitivityOnset(double level, double[] onset, int reached, double spearman) {

    /**
     * @param steps       snapshot steps (steps[0] is the reference, usually 0)
     * @param sensitivity D[snapshot][θ]
     * @param weights     the per-θ quantity onset is ranked against (p(θ), or I(θ))
     */
    public static SensitivityOnset of(int[] steps, double[][] sensitivity, double[] weights) {
        int n = sensitivity[0].length;
        int last = sensitivity.length - 1;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, sensitivity[last][i] - sensitivity[0][i]);
        }
        double level = max / 2;
        double[] onset = new double[n];
        int reached = 0;
        for (int i = 0; i < n; i++) {
            onset[i] = Double.NaN;
            if (!(level > 0)) {
                continue;
            }
            for (int s = 1; s <= last; s++) {
                double g = sensitivity[s][i] - sensitivity[0][i];
                if (g >= level) {
                    double gp = sensitivity[s - 1][i] - sensitivity[0][i];
                    double f = (level - gp) / (g - gp);
                    onset[i] = steps[s - 1] + f * (steps[s] - steps[s - 1]);
                    reached++;
                    break;
                }
            }
        }
        double[] ranked = onset.clone();
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(ranked[i])) {
                ranked[i] = Double.POSITIVE_INFINITY;
            }
        }
        double rho = reached == 0 ? Double.NaN : Statistics.spearman(weights, ranked);
        return new SensitivityOnset(level, onset, reached, rho);
    }
}
