package org.psychonet.learning.linear;

import java.util.Arrays;
import org.psychonet.util.Statistics;

/**
 * Measures of a family of learning curves p_i(t) (one per PC or feature, sampled at common times): when each
 * curve crosses a level, the order in which the curves are learned, and how sharp each sigmoid is.
 *
 * <p>Levels are absolute (e.g. p = 0.5 of the reconstruction's asymptote 1), never "half of the last value":
 * a curve that has not been learned by the end of the run has no crossing time (NaN) and is left out of the
 * order statistic instead of contributing noise (issue 13).
 */
public final class LearningCurves {
    private LearningCurves() {
    }

    /**
     * The first time each curve reaches {@code level}, linearly interpolated between samples; NaN when it never
     * does; times[0] when it starts at or above it.
     *
     * @param times  ascending sample times
     * @param curves [curve][sample]
     */
    public static double[] crossingTimes(double[] times, double[][] curves, double level) {
        double[] r = new double[curves.length];
        for (int i = 0; i < curves.length; i++) {
            r[i] = crossing(times, curves[i], level);
        }
        return r;
    }

    /** The first time one curve reaches {@code level} (NaN when it never does). */
    public static double crossing(double[] times, double[] p, double level) {
        for (int t = 0; t < p.length; t++) {
            if (p[t] >= level) {
                if (t == 0) {
                    return times[0];
                }
                double f = (level - p[t - 1]) / (p[t] - p[t - 1]);
                return times[t - 1] + f * (times[t] - times[t - 1]);
            }
        }
        return Double.NaN;
    }

    /**
     * The order statistic of Fig. 5c: Spearman's ρ between the curve index (1, 2, …: PCs by decreasing
     * variance) and the time each curve reaches {@code level}, over the curves that reach it.
     *
     * @param minCurves fewer crossing curves than this give NaN (no order to speak of)
     */
    public static Order order(double[] times, double[][] curves, double level, int minCurves) {
        double[] cross = crossingTimes(times, curves, level);
        int m = 0;
        for (double c : cross) {
            if (!Double.isNaN(c)) {
                m++;
            }
        }
        double[] idx = new double[m];
        double[] at = new double[m];
        int k = 0;
        for (int i = 0; i < cross.length; i++) {
            if (!Double.isNaN(cross[i])) {
                idx[k] = i + 1;
                at[k] = cross[i];
                k++;
            }
        }
        double rho = m >= Math.max(2, minCurves) ? Statistics.spearman(idx, at) : Double.NaN;
        return new Order(level, cross, m, rho);
    }

    /**
     * @param level    the level whose crossing times are ranked
     * @param crossing crossing time per curve (NaN: never reached)
     * @param reached  number of curves that reach the level
     * @param spearman ρ(index, crossing time) over those curves; NaN when too few
     */
    public record Order(double level, double[] crossing, int reached, double spearman) {
    }

    /**
     * Sharpness of each sigmoid at its midpoint: dp/d(ln t) where the curve crosses p = 0.5, a dimensionless
     * number that does not depend on the curve's rate. An exponential approach 1 − e^(−κt) (depth 1, eq. 7 with
     * N = 1) gives ln 2 / 2 ≈ 0.35 for every κ; a logistic of rate r from p0 gives ln(1/p0 − 1)/4, larger the
     * smaller the start: deeper networks, whose curves start flatter, are sharper (SI Fig. 2). The slope is the
     * chord in ln t between the two samples that bracket the crossing; NaN for curves that never reach 0.5,
     * cross before the first sample after 0, or whose bracketing samples are more than {@link #MAX_LOG_STEP}
     * apart in ln t (too coarse to read a local slope).
     */
    public static double[] sharpness(double[] times, double[][] curves) {
        double[] r = new double[curves.length];
        for (int i = 0; i < curves.length; i++) {
            double[] p = curves[i];
            r[i] = Double.NaN;
            for (int t = 1; t < p.length; t++) {
                if (p[t] >= 0.5) {
                    if (p[t - 1] < 0.5 && times[t - 1] > 0) {
                        double dl = Math.log(times[t] / times[t - 1]);
                        if (dl <= MAX_LOG_STEP) {
                            r[i] = (p[t] - p[t - 1]) / dl;
                        }
                    }
                    break;
                }
            }
        }
        return r;
    }

    /** Widest sampling step in ln t at which {@link #sharpness} reads a chord as the local slope. */
    public static final double MAX_LOG_STEP = 0.2;

    /** Mean of the finite entries (NaN when there is none). */
    public static double finiteMean(double[] v) {
        double[] f = Arrays.stream(v).filter(Double::isFinite).toArray();
        return f.length == 0 ? Double.NaN : Statistics.mean(f);
    }

    /** Number of finite entries. */
    public static int finiteCount(double[] v) {
        return (int) Arrays.stream(v).filter(Double::isFinite).count();
    }
}
