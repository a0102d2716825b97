package org.psychonet.images;

import java.util.SplittableRandom;

/**
 * Prior over the orientation of the world's shapes, in degrees over [0°, 180°) (0° = horizontal,
 * counter-clockwise with y up). A mixture: with probability {@code cardinalWeight} the shape is aligned
 * near a cardinal axis (horizontal with probability {@code horizontalShare}, else vertical) with Gaussian
 * jitter of {@code jitterDeg}; otherwise its orientation is uniform. {@code offsetDeg} rotates the whole
 * prior (offset 45° gives an oblique-heavy world without resampling pixels).
 *
 * <p>Natural scenes carry more edge energy at cardinal orientations, horizontal most (Coppola et al.
 * 1998, PNAS; Girshick et al. 2011): that is the prior Fig. 2 relates to cardinal sensitivity.
 */
public record OrientationPrior(double cardinalWeight, double horizontalShare, double jitterDeg, double offsetDeg) {

    public OrientationPrior {
        if (!(cardinalWeight >= 0 && cardinalWeight <= 1) || !(horizontalShare >= 0 && horizontalShare <= 1)
                || !(jitterDeg >= 0) || !Double.isFinite(offsetDeg)) {
            throw new IllegalArgumentException("orientation prior needs cardinalWeight and horizontalShare in [0,1], "
                    + "jitter ≥ 0 and a finite offset");
        }
    }

    /** The default, cardinal-heavy prior (see README: chosen so the world's measured cardinal/oblique ratio
     *  is of the order measured on photographs). */
    public static OrientationPrior natural() {
        return new OrientationPrior(0.35, 0.6, 4, 0);
    }

    /**
     * A stronger cardinal prior than {@link #natural()} (80 % of shapes near a cardinal axis instead of 35 %):
     * the amplified positive control of the deep-network experiment (issue 12.1), not a claim about nature.
     */
    public static OrientationPrior amplified() {
        return new OrientationPrior(0.8, 0.6, 4, 0);
    }

    /** Every orientation equally likely. */
    public static OrientationPrior uniform() {
        return new OrientationPrior(0, 0.5, 0, 0);
    }

    /** The same prior turned by {@code deg} (e.g. 45° for an oblique-heavy world). */
    public OrientationPrior rotated(double deg) {
        return new OrientationPrior(cardinalWeight, horizontalShare, jitterDeg, offsetDeg + deg);
    }

    /** Short description for result files, e.g. "cardinal 0.35 (horizontal 0.6, jitter 4°), offset 45°". */
    public String describe() {
        if (cardinalWeight == 0) {
            return "uniform";
        }
        return "cardinal " + cardinalWeight + " (horizontal " + horizontalShare + ", jitter " + jitterDeg + "°)"
                + (offsetDeg != 0 ? ", offset " + offsetDeg + "°" : "");
    }

    /** Draws an orientation in radians. */
    public double sample(SplittableRandom rng) {
        double deg;
        if (rng.nextDouble() < cardinalWeight) {
            deg = (rng.nextDouble() < horizontalShare ? 0 : 90) + jitterDeg * gaussian(rng);
        } else {
            deg = 180 * rng.nextDouble();
        }
        return Math.toRadians(deg + offsetDeg);
    }

    static double gaussian(SplittableRandom rng) {
        // Box–Muller: SplittableRandom has no nextGaussian in Java 17
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
