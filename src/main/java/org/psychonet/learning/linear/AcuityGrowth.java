package org.psychonet.learning.linear;

import java.util.ArrayList;
import java.util.List;
import org.psychonet.util.Statistics;

/**
 * How acuity grows with training (Fig. 5h): the exponent γ of acuity ∝ t^γ, fitted as a line in log-log
 * coordinates with its 95% confidence interval, and beside it the two "linear" readings: the paper's text
 * ("acuity grows nearly linearly", γ = 1) and the authors' Fig. 5h notebook, which plots acuity² against
 * training steps (linear there means γ = ½).
 *
 * <p>Snapshots whose acuity is undefined (no frequency below the cutoff yet), at t = 0, or censored at the top
 * of the frequency grid are left out: a censored acuity says nothing about growth.
 *
 * @param exponent   γ, the log-log slope
 * @param se         its standard error (from the fit's residuals)
 * @param low        lower end of its 95% CI
 * @param high       upper end of its 95% CI
 * @param r2         log-log R²
 * @param linearR2   R² of acuity against t (the text's reading)
 * @param squaredR2  R² of acuity² against t (the authors' plot)
 * @param points     snapshots in the fit
 * @param censored   snapshots left out because their acuity is at the grid's top
 * @param times      the fitted snapshots' times
 * @param acuity     the fitted snapshots' acuities
 */
public record AcuityGrowth(double exponent, double se, double low, double high, double r2, double linearR2,
                           double squaredR2, int points, int censored, double[] times, double[] acuity) {

    /** Fewest snapshots for a fit with a confidence interval. */
    public static final int MIN_POINTS = 4;

    /**
     * @param times   snapshot times (t = lr × step, or steps: γ does not depend on the unit)
     * @param acuity  acuity per snapshot (NaN where undefined)
     * @param gridTop highest frequency of the grid: acuities at or above it are censored
     */
    public static AcuityGrowth fit(double[] times, double[] acuity, double gridTop) {
        List<double[]> pts = new ArrayList<>();
        int censored = 0;
        for (int i = 0; i < times.length; i++) {
            double a = acuity[i];
            if (!(times[i] > 0) || !Double.isFinite(a) || a <= 0) {
                continue;
            }
            if (a >= gridTop) {
                censored++;
                continue;
            }
            pts.add(new double[] {times[i], a});
        }
        int n = pts.size();
        double[] t = new double[n];
        double[] a = new double[n];
        double[] a2 = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = pts.get(i)[0];
            a[i] = pts.get(i)[1];
            a2[i] = a[i] * a[i];
        }
        if (n < MIN_POINTS) {
            return new AcuityGrowth(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, n, censored, t, a);
        }
        Statistics.Line pl = Statistics.powerLaw(t, a);
        return new AcuityGrowth(pl.slope(), pl.slopeSe(), pl.slopeLow(), pl.slopeHigh(), pl.r2(),
                Statistics.line(t, a).r2(), Statistics.line(t, a2).r2(), n, censored, t, a);
    }

    /**
     * Fits two acuity series over the same snapshots — those valid (finite, positive, uncensored, t > 0) in
     * both — so a simulation and its theory are compared on equal terms. Returns {first, second}.
     */
    public static AcuityGrowth[] fitTogether(double[] times, double[] a, double[] b, double gridTop) {
        double[] ma = a.clone();
        double[] mb = b.clone();
        for (int i = 0; i < times.length; i++) {
            boolean ok = valid(a[i], gridTop) && valid(b[i], gridTop);
            if (!ok) {
                ma[i] = Double.NaN;
                mb[i] = Double.NaN;
            }
        }
        return new AcuityGrowth[] {fit(times, ma, gridTop), fit(times, mb, gridTop)};
    }

    private static boolean valid(double a, double gridTop) {
        return Double.isFinite(a) && a > 0 && a < gridTop;
    }

    /** Half-width of the 95% confidence interval of γ. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /**
     * The scaling argument for the exponent: if PC variances fall as λ ∝ rank^(−α) and the PCs of a 2-D patch
     * at spatial frequency f number ∝ f² (rank ∝ f²), then λ(f) ∝ f^(−2α); a PC's learning time scales as 1/λ
     * at every depth (eq. 7), so the highest learned frequency grows as t^(1/(2α)). For a 1/f² power spectrum
     * (α = 1) acuity ∝ √t, which is what the authors' plot of acuity² against t shows as a line.
     */
    public static double scalingExponent(double alpha) {
        return 1 / (2 * alpha);
    }
}
