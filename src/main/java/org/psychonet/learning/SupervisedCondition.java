package org.psychonet.learning;

import java.util.Locale;

/**
 * The four conditions of Fig. 6: which orientations are common (p(θ)) and which labels are
 * informative (σ(θ)) are varied independently.
 */
public enum SupervisedCondition {
    /** Uniform p(θ), no label noise: nothing should be favoured. */
    CONTROL,
    /** Fig. 6b: uniform p(θ), labels noisiest at 0° and most reliable at 90°. */
    NOISE,
    /** Fig. 6c: non-uniform p(θ), no label noise. */
    FREQUENCY,
    /** Fig. 6d: non-uniform p(θ), noise balanced so that p(θ)·I(θ) is constant. */
    BALANCED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SupervisedCondition parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** p(θ) of this condition, given the non-uniform prior of the experiment. */
    public OrientationPrior prior(OrientationPrior nonUniform) {
        return this == FREQUENCY || this == BALANCED ? nonUniform : OrientationPrior.UNIFORM;
    }

    /** σ per bin of this condition. */
    public LabelNoise noise(OrientationPrior nonUniform, int bins, double noiseSigmaMin, double balanceFraction) {
        return switch (this) {
            case CONTROL, FREQUENCY -> LabelNoise.none(bins);
            case NOISE -> LabelNoise.informativeAt90(bins, noiseSigmaMin);
            case BALANCED -> LabelNoise.balanced(nonUniform, bins, balanceFraction);
        };
    }
}
