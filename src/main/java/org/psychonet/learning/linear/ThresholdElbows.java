package org.psychonet.learning.linear;

import java.util.ArrayList;
import java.util.List;
import org.psychonet.util.Statistics;

/**
 * Fig. 5f over training: at each snapshot the thresholds D^(−1/2) against frequency are fitted with a flat
 * segment and a rising line ({@link TwoSegmentFit}), over the paper's frequency window; the elbow should move to
 * higher frequencies as training goes on.
 *
 * <p>Which snapshots are fitted is fixed before the run: those whose acuity lies inside the window — the
 * threshold at the window's lowest frequency below the acuity cutoff and at its highest above it. Before that,
 * nothing in the window is learned (the curve is flat and high: no elbow); after it, everything is (flat and
 * low).
 *
 * @param fLow      the window's lowest frequency (rad per π-span)
 * @param fHigh     its highest
 * @param steps     step of each fitted snapshot
 * @param fits      the fit at each of them
 * @param meanR2    mean two-segment R² over the fitted snapshots
 * @param meanLineR2 mean one-line R² over them
 * @param elbowTrend Spearman ρ between step and elbow over them (NaN with fewer than 3)
 */
public record ThresholdElbows(double fLow, double fHigh, long[] steps, List<TwoSegmentFit> fits, double meanR2,
                              double meanLineR2, double elbowTrend) {

    /** The frequency window of the authors' Fig. 5f (get_sensitivity(low=1, high=10) in rad per π-span). */
    public static final double PAPER_LOW = 1;
    public static final double PAPER_HIGH = 10;

    /**
     * @param freqs      the frequency grid, ascending
     * @param snapshots  snapshot steps
     * @param thresholds [snapshot][frequency]
     * @param cutoff     the acuity cutoff (Fig. 5h: 0.1 at 32 px)
     */
    public static ThresholdElbows of(double[] freqs, long[] snapshots, double[][] thresholds, double cutoff,
                                     double fLow, double fHigh) {
        int lo = -1;
        int hi = -1;
        for (int i = 0; i < freqs.length; i++) {
            if (freqs[i] >= fLow && lo < 0) {
                lo = i;
            }
            if (freqs[i] <= fHigh) {
                hi = i;
            }
        }
        List<Long> st = new ArrayList<>();
        List<TwoSegmentFit> fits = new ArrayList<>();
        if (lo >= 0 && hi > lo) {
            double[] f = java.util.Arrays.copyOfRange(freqs, lo, hi + 1);
            for (int s = 0; s < snapshots.length; s++) {
                double[] t = java.util.Arrays.copyOfRange(thresholds[s], lo, hi + 1);
                boolean finite = java.util.Arrays.stream(t).allMatch(Double::isFinite);
                if (finite && t[0] < cutoff && t[t.length - 1] > cutoff) {
                    st.add(snapshots[s]);
                    fits.add(TwoSegmentFit.fit(f, t));
                }
            }
        }
        long[] steps = st.stream().mapToLong(Long::longValue).toArray();
        double[] r2 = fits.stream().mapToDouble(TwoSegmentFit::r2).toArray();
        double[] l2 = fits.stream().mapToDouble(TwoSegmentFit::lineR2).toArray();
        double[] elbow = fits.stream().mapToDouble(TwoSegmentFit::elbow).toArray();
        double[] x = new double[steps.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = steps[i];
        }
        return new ThresholdElbows(fLow, fHigh, steps, fits, r2.length == 0 ? Double.NaN : Statistics.mean(r2),
                l2.length == 0 ? Double.NaN : Statistics.mean(l2),
                x.length >= 3 ? Statistics.spearman(x, elbow) : Double.NaN);
    }
}
