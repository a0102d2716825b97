package org.psychonet.images;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Prior over the hue of the world's surfaces, degrees on the circle: a mixture of wrapped Gaussians
 * plus a uniform floor.
 *
 * @param meanDeg      component centres
 * @param sdDeg        component widths
 * @param weight       component weights (normalised together with uniformWeight)
 * @param uniformWeight weight of the uniform component
 */
public record HuePrior(double[] meanDeg, double[] sdDeg, double[] weight, double uniformWeight) {

    public HuePrior {
        if (meanDeg.length != sdDeg.length || meanDeg.length != weight.length || uniformWeight < 0
                || Arrays.stream(weight).anyMatch(w -> !(w >= 0)) || Arrays.stream(sdDeg).anyMatch(s -> !(s >= 0))
                || Arrays.stream(weight).sum() + uniformWeight <= 0) {
            throw new IllegalArgumentException("hue prior needs matching arrays, non-negative weights and widths");
        }
    }

    /**
     * The default: a natural-looking hue histogram in the spirit of ImageNet's (Fig. 3c) — a dominant
     * orange/brown mode (skin, wood, soil, 25°), yellow (55°), foliage green (100°), sky and water
     * blue (215°), with few purples and magentas.
     */
    public static HuePrior natural() {
        return new HuePrior(new double[] {25, 55, 100, 215}, new double[] {14, 10, 20, 14},
                new double[] {0.40, 0.12, 0.20, 0.20}, 0.08);
    }

    /** Every hue equally likely. */
    public static HuePrior uniform() {
        return new HuePrior(new double[0], new double[0], new double[0], 1);
    }

    /** The same prior with every component's centre moved by {@code deg} (a hue-shifted world, Fig. 3d). */
    public HuePrior shifted(double deg) {
        double[] m = meanDeg.clone();
        for (int i = 0; i < m.length; i++) {
            m[i] = wrap(m[i] + deg);
        }
        return new HuePrior(m, sdDeg.clone(), weight.clone(), uniformWeight);
    }

    /** Short description for result files. */
    public String describe() {
        if (weight.length == 0) {
            return "uniform";
        }
        StringBuilder b = new StringBuilder("modes");
        for (int i = 0; i < weight.length; i++) {
            b.append(i == 0 ? " " : ", ").append(meanDeg[i]).append("°±").append(sdDeg[i]).append(" (")
                    .append(weight[i]).append(')');
        }
        return b.append(", uniform ").append(uniformWeight).toString();
    }

    /** Draws a hue in degrees in [0, 360). */
    public double sample(SplittableRandom rng) {
        double total = uniformWeight;
        for (double w : weight) {
            total += w;
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < weight.length; i++) {
            if (u < weight[i]) {
                return wrap(meanDeg[i] + sdDeg[i] * OrientationPrior.gaussian(rng));
            }
            u -= weight[i];
        }
        return 360 * rng.nextDouble();
    }

    /** The prior's density on 1° bins (for plots). */
    public double[] density() {
        double total = uniformWeight + Arrays.stream(weight).sum();
        double[] d = new double[360];
        for (int b = 0; b < 360; b++) {
            double h = b + 0.5;
            double p = uniformWeight / 360;
            for (int i = 0; i < weight.length; i++) {
                for (int k = -2; k <= 2; k++) {
                    double z = (h - meanDeg[i] + 360 * k) / Math.max(sdDeg[i], 1e-9);
                    p += weight[i] * Math.exp(-0.5 * z * z) / (Math.sqrt(2 * Math.PI) * Math.max(sdDeg[i], 1e-9));
                }
            }
            d[b] = p / total;
        }
        return d;
    }

    private static double wrap(double h) {
        double r = h % 360;
        return r < 0 ? r + 360 : r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HuePrior p && Arrays.equals(p.meanDeg, meanDeg) && Arrays.equals(p.sdDeg, sdDeg)
                && Arrays.equals(p.weight, weight) && p.uniformWeight == uniformWeight;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(meanDeg) ^ Arrays.hashCode(weight);
    }
}
