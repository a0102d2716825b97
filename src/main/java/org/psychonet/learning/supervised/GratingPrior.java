package org.psychonet.learning.supervised;

import java.util.Locale;
import java.util.Random;

/**
 * The distribution p(θ) of grating orientations over [0, π) (Methods, Fig. 6): uniform, or
 * (2 − cos 2θ)/(2π), most common at 90°, or its mirror (2 + cos 2θ)/(2π), most common at 0°.
 */
public enum GratingPrior {
    UNIFORM("uniform", 0),
    PEAK90("peak90", -1),
    PEAK0("peak0", 1);

    private final String label;
    private final double sign;

    GratingPrior(String label, double sign) {
        this.label = label;
        this.sign = sign;
    }

    public String label() {
        return label;
    }

    public static GratingPrior parse(String s) {
        for (GratingPrior p : values()) {
            if (p.label.equals(s.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown orientation prior '" + s + "'; use uniform, peak90 or peak0");
    }

    /** p(θ), a density on [0, π). */
    public double density(double theta) {
        return (2 + sign * Math.cos(2 * theta)) / (2 * Math.PI);
    }

    public double max() {
        return (2 + Math.abs(sign)) / (2 * Math.PI);
    }

    public double min() {
        return (2 - Math.abs(sign)) / (2 * Math.PI);
    }

    /** The most common orientation in [0, π): 90° for peak90, 0 for peak0 (and 0 for uniform). */
    public double mostCommon() {
        return sign < 0 ? Math.PI / 2 : 0;
    }

    public boolean isUniform() {
        return sign == 0;
    }

    /** n orientations drawn from p(θ) by rejection from the uniform (accepts with p/max). */
    public double[] sample(Random rng, int n) {
        double[] out = new double[n];
        double top = max();
        for (int i = 0; i < n; i++) {
            double t;
            do {
                t = rng.nextDouble() * Math.PI;
            } while (rng.nextDouble() * top > density(t));
            out[i] = t;
        }
        return out;
    }

    /** p at each θ. */
    public double[] densities(double[] thetas) {
        double[] d = new double[thetas.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = density(thetas[i]);
        }
        return d;
    }
}
