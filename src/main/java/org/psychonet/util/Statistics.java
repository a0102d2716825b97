package org.psychonet.util;

import java.util.Arrays;

/**
 * The one home of psychonet's descriptive statistics: means and standard errors over seeds, Pearson and
 * Spearman correlation, R², least-squares lines with confidence intervals, and circular cross-correlation.
 * Every experiment and report calls these; none keeps a private copy.
 *
 * <p>Conventions: a correlation with a constant input is undefined and returns NaN (never 0, which would read
 * as "no relation"); the standard deviation is the sample one (n − 1).
 */
public final class Statistics {
    private Statistics() {
    }

    public static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample standard deviation (n − 1); NaN with fewer than two values. */
    public static double sd(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    /** Standard error of the mean, sd/√n; NaN with fewer than two values. */
    public static double se(double[] v) {
        return sd(v) / Math.sqrt(v.length);
    }

    public static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    public static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    /** Coefficient of variation: population s.d. over the mean. */
    public static double cv(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length) / m;
    }

    /** Pearson's r; NaN when either vector is constant (relative to its scale) or the lengths differ. */
    public static double pearson(double[] a, double[] b) {
        if (a.length != b.length || a.length < 2) {
            return Double.NaN;
        }
        double ma = mean(a);
        double mb = mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        double scaleA = 0;
        double scaleB = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
            scaleA += a[i] * a[i];
            scaleB += b[i] * b[i];
        }
        // a spread below ~1e-12 of the values' own size is rounding, not variation
        if (saa <= 1e-24 * scaleA || sbb <= 1e-24 * scaleB || saa == 0 || sbb == 0) {
            return Double.NaN;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** Spearman's ρ (Pearson's r of average ranks, so ties are handled); NaN when either input is constant. */
    public static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    /** 1-based ranks, ties given their average rank. */
    public static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && Double.compare(v[idx[j + 1]], v[idx[i]]) == 0) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = rank;
            }
            i = j + 1;
        }
        return r;
    }

    /** R² of a prediction: 1 − Σ(y − ŷ)² / Σ(y − ȳ)². */
    public static double r2(double[] y, double[] predicted) {
        double m = mean(y);
        double res = 0;
        double tot = 0;
        for (int i = 0; i < y.length; i++) {
            res += (y[i] - predicted[i]) * (y[i] - predicted[i]);
            tot += (y[i] - m) * (y[i] - m);
        }
        return 1 - res / tot;
    }

    /** R² pooled over several curves with one grand mean: the agreement of a family of curves. */
    public static double pooledR2(double[][] y, double[][] predicted) {
        double sum = 0;
        int n = 0;
        for (double[] row : y) {
            for (double v : row) {
                sum += v;
                n++;
            }
        }
        double m = sum / n;
        double res = 0;
        double tot = 0;
        for (int i = 0; i < y.length; i++) {
            for (int t = 0; t < y[i].length; t++) {
                res += (y[i][t] - predicted[i][t]) * (y[i][t] - predicted[i][t]);
                tot += (y[i][t] - m) * (y[i][t] - m);
            }
        }
        return 1 - res / tot;
    }

    /**
     * A least-squares line y = intercept + slope·x.
     *
     * @param slopeSe   standard error of the slope (NaN with fewer than 3 points)
     * @param slopeLow  lower end of the slope's 95% confidence interval (Student t, n − 2 degrees of freedom)
     * @param slopeHigh upper end of that interval
     * @param n         number of points
     */
    public record Line(double slope, double intercept, double r2, double slopeSe, double slopeLow, double slopeHigh,
                       int n) {
        public double at(double x) {
            return intercept + slope * x;
        }
    }

    public static Line line(double[] x, double[] y) {
        int n = x.length;
        if (n != y.length || n < 2) {
            throw new IllegalArgumentException("a line needs at least two (x, y) pairs of equal length");
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double res = 0;
        double[] fit = new double[n];
        for (int i = 0; i < n; i++) {
            fit[i] = intercept + slope * x[i];
            res += (y[i] - fit[i]) * (y[i] - fit[i]);
        }
        double se = n > 2 ? Math.sqrt(res / (n - 2) / sxx) : Double.NaN;
        double t = n > 2 ? tQuantile(0.975, n - 2) : Double.NaN;
        return new Line(slope, intercept, r2(y, fit), se, slope - t * se, slope + t * se, n);
    }

    /**
     * A power law y = c·x^exponent fitted as a line in log-log coordinates (points with x ≤ 0 or y ≤ 0 are
     * skipped); the line's slope is the exponent, its R² the log-log R².
     */
    public static Line powerLaw(double[] x, double[] y) {
        int m = 0;
        double[] lx = new double[x.length];
        double[] ly = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                lx[m] = Math.log(x[i]);
                ly[m] = Math.log(y[i]);
                m++;
            }
        }
        return line(Arrays.copyOf(lx, m), Arrays.copyOf(ly, m));
    }

    /**
     * Circular cross-correlation of mean-removed a and b: c[lag] = Σᵢ (a[i] − ā)(b[(i + lag) mod n] − b̄),
     * lag = 0..n−1. If b is a shifted by +s bins, c peaks at lag s.
     */
    public static double[] circularCrossCorrelation(double[] a, double[] b) {
        int n = a.length;
        if (b.length != n) {
            throw new IllegalArgumentException("circular series differ in length");
        }
        double ma = mean(a);
        double mb = mean(b);
        double[] c = new double[n];
        for (int lag = 0; lag < n; lag++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += (a[i] - ma) * (b[(i + lag) % n] - mb);
            }
            c[lag] = s;
        }
        return c;
    }

    /** The lag in bins, in (−n/2, n/2], at which {@link #circularCrossCorrelation} peaks: b ≈ a shifted by it. */
    public static int circularLag(double[] a, double[] b) {
        double[] c = circularCrossCorrelation(a, b);
        int arg = 0;
        for (int i = 1; i < c.length; i++) {
            if (c[i] > c[arg]) {
                arg = i;
            }
        }
        return arg > c.length / 2 ? arg - c.length : arg;
    }

    /** Wraps an angle difference in degrees into (−period/2, period/2]. */
    public static double wrap(double diff, double period) {
        return diff - period * Math.ceil((diff - period / 2) / period);
    }

    /** The p-quantile of Student's t with {@code dof} degrees of freedom (bisection on the exact CDF). */
    public static double tQuantile(double p, int dof) {
        if (!(p > 0 && p < 1) || dof < 1) {
            throw new IllegalArgumentException("tQuantile needs 0 < p < 1 and dof ≥ 1");
        }
        if (p < 0.5) {
            return -tQuantile(1 - p, dof);
        }
        double lo = 0;
        double hi = 1;
        while (tCdf(hi, dof) < p) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, hi); i++) {
            double mid = 0.5 * (lo + hi);
            if (tCdf(mid, dof) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Student t CDF via the regularized incomplete beta function. */
    public static double tCdf(double t, int dof) {
        double x = dof / (dof + t * t);
        double tail = 0.5 * incompleteBeta(0.5 * dof, 0.5, x);
        return t >= 0 ? 1 - tail : tail;
    }

    /** Regularized incomplete beta I_x(a, b) by its continued fraction (Lentz's method). */
    static double incompleteBeta(double a, double b, double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        if (x > (a + 1) / (a + b + 2)) {
            return 1 - incompleteBeta(b, a, 1 - x);
        }
        double tiny = 1e-300;
        double f = 1;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = Math.abs(d) < tiny ? tiny : d;
        d = 1 / d;
        f = d;
        for (int m = 1; m <= 500; m++) {
            double num = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 + num * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + num / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            f *= d * c;
            num = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 + num * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + num / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return Math.exp(lnFront) * f / a;
    }

    /** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; ~1e-15 relative). */
    static double logGamma(double x) {
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double a = g[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += g[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
