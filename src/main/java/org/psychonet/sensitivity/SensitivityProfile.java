package org.psychonet.sensitivity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psychonet.stimulus.ThetaAxis;

/**
 * D(θ) per layer (eq. 1, averaged over nuisance values), with the paper's plotted form
 * √D / Σ_θ √D (Figs 2c, 3c) and the discrimination threshold D^(−1/2) (Fig. 5f).
 *
 * @param family      stimulus family name
 * @param axis        the θ axis
 * @param thetas      θ grid, in the axis unit
 * @param layers      layer names, shallow to deep
 * @param sensitivity D[layer][θ]
 * @param method      derivative method used
 * @param error       for fd and grid, an estimate of D's error at every layer and θ: |D − D'| with D' from half
 *                    the step (fd) or a stencil of two orders less (grid); null for exact
 */
public record SensitivityProfile(String family, ThetaAxis axis, double[] thetas, List<String> layers,
                                 double[][] sensitivity, DerivativeMethod method, double[][] error) {

    /** An exact profile (no error estimate). */
    public SensitivityProfile(String family, ThetaAxis axis, double[] thetas, List<String> layers,
                              double[][] sensitivity, DerivativeMethod method) {
        this(family, axis, thetas, layers, sensitivity, method, null);
    }

    /**
     * The layer's error estimate relative to its sensitivity, max_θ |D − D'| / mean_θ D (NaN for exact).
     */
    public double relativeError(int layer) {
        if (error == null) {
            return Double.NaN;
        }
        double worst = 0;
        double mean = 0;
        for (int i = 0; i < thetas.length; i++) {
            worst = Math.max(worst, error[layer][i]);
            mean += Math.abs(sensitivity[layer][i]) / thetas.length;
        }
        return mean > 0 ? worst / mean : (worst > 0 ? Double.POSITIVE_INFINITY : 0);
    }

    /** One line per layer whose relative error estimate exceeds {@code limit} (e.g. 0.01), saying what to do. */
    public List<String> warnings(double limit) {
        List<String> w = new java.util.ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            double e = relativeError(l);
            if (e > limit) {
                w.add(String.format(java.util.Locale.ROOT, "layer %s: the %s estimate of D may be off by %.1f %% "
                        + "(%s); the exact method has no such error", layers.get(l), method.label(), 100 * e,
                        method == DerivativeMethod.FD ? "step δ and δ/2 disagree"
                                : "the stencil and one of two orders less disagree: y(θ) is not smooth at this spacing"));
            }
        }
        return w;
    }

    public int layerIndex(String layer) {
        int i = layers.indexOf(layer);
        if (i < 0) {
            throw new IllegalArgumentException("no layer " + layer + " in " + layers);
        }
        return i;
    }

    public double[] sensitivity(String layer) {
        return sensitivity[layerIndex(layer)].clone();
    }

    /** √D(θ) / Σ_θ √D: the curves of Figs 2c and 3c. */
    public double[] normalized(int layer) {
        return normalized(sensitivity[layer]);
    }

    /**
     * √D(θ) / Σ_θ √D (Figs 2c, 3c, 6) — the one home of this normalization. Negative values (rounding of a
     * zero D) count as 0; a curve whose D is 0 everywhere has no shape and comes back as all zeros.
     */
    public static double[] normalized(double[] d) {
        double[] r = new double[d.length];
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            r[i] = Math.sqrt(Math.max(d[i], 0));
            sum += r[i];
        }
        for (int i = 0; i < r.length; i++) {
            r[i] = sum > 0 ? r[i] / sum : 0;
        }
        return r;
    }

    /** Threshold D^(−1/2) at every θ (Fig. 5f); +∞ where D is 0. */
    public static double[] threshold(double[] d) {
        double[] r = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = d[i] > 0 ? 1 / Math.sqrt(d[i]) : Double.POSITIVE_INFINITY;
        }
        return r;
    }

    public double[] normalized(String layer) {
        return normalized(layerIndex(layer));
    }

    /** Threshold D^(−1/2): the discrimination threshold under unit Gaussian noise (Fig. 5f). */
    public double[] threshold(int layer) {
        return threshold(sensitivity[layer]);
    }

    public double[] threshold(String layer) {
        return threshold(layerIndex(layer));
    }

    /** Per-layer summary for result.json: extremes of the normalized curve and the θ of its peak. */
    public Map<String, Object> summary(int layer) {
        double[] n = normalized(layer);
        int peak = 0;
        int low = 0;
        for (int i = 1; i < n.length; i++) {
            if (n[i] > n[peak]) {
                peak = i;
            }
            if (n[i] < n[low]) {
                low = i;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("normalized_max", n[peak]);
        m.put("normalized_min", n[low]);
        m.put("max_over_min", n[low] > 0 ? n[peak] / n[low] : Double.POSITIVE_INFINITY);
        m.put("peak_theta", thetas[peak]);
        m.put("peak_theta_" + axis.displayUnit().replace('/', '_'), axis.toDisplay(thetas[peak]));
        double mean = 0;
        for (double v : sensitivity[layer]) {
            mean += v;
        }
        m.put("mean_D", mean / n.length);
        if (error != null) {
            m.put("relative_error_estimate", relativeError(layer));
        }
        return m;
    }
}
