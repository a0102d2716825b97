package org.psychonet.theory;

import java.util.Arrays;

/** The statistics the linear experiment reports: R², Spearman's ρ, least-squares lines. */
public final class Fits {
    private Fits() {
    }

    /** A least-squares line y = intercept + slope·x and its R². */
    public record Line(double slope, double intercept, double r2) {
    }

    /** R² of a prediction: 1 − Σ(y − ŷ)² / Σ(y − ȳ)². */
    public static double r2(double[] y, double[] predicted) {
        double mean = Arrays.stream(y).average().orElse(Double.NaN);
        double res = 0;
        double tot = 0;
        for (int i = 0; i < y.length; i++) {
            res += (y[i] - predicted[i]) * (y[i] - predicted[i]);
            tot += (y[i] - mean) * (y[i] - mean);
        }
        return 1 - res / tot;
    }

    /** R² pooled over several curves (one grand mean): the overall agreement of a family of curves. */
    public static double pooledR2(double[][] y, double[][] predicted) {
        double sum = 0;
        int n = 0;
        for (double[] row : y) {
            for (double v : row) {
                sum += v;
                n++;
            }
        }
        double mean = sum / n;
        double res = 0;
        double tot = 0;
        for (int i = 0; i < y.length; i++) {
            for (int t = 0; t < y[i].length; t++) {
                res += (y[i][t] - predicted[i][t]) * (y[i][t] - predicted[i][t]);
                tot += (y[i][t] - mean) * (y[i][t] - mean);
            }
        }
        return 1 - res / tot;
    }

    public static Line line(double[] x, double[] y) {
        int n = x.length;
        double mx = Arrays.stream(x).average().orElse(Double.NaN);
        double my = Arrays.stream(y).average().orElse(Double.NaN);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double[] fit = new double[n];
        for (int i = 0; i < n; i++) {
            fit[i] = intercept + slope * x[i];
        }
        return new Line(slope, intercept, r2(y, fit));
    }

    /** Spearman's rank correlation (average ranks for ties). */
    public static double spearman(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = Arrays.stream(rx).average().orElse(0);
        double my = Arrays.stream(ry).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && v[idx[j + 1]] == v[idx[i]]) {
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
}
