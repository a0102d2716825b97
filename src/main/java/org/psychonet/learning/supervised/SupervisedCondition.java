package org.psychonet.learning.supervised;

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
    /** Fig. 6d: non-uniform p(θ), noise balanced so that p(θ)·I(θ) is constant (the Methods rule). */
    BALANCED,
    /** Fig. 6d variant: non-uniform p(θ), σ = min p/p(θ) so every θ gets the same number of labelled examples. */
    BALANCED_COUNT,
    /** Fig. 6d as the authors' notebook: σ = H_b⁻¹(1.3·(1 − 0.15/p(θ))) (p·I lower at common θ). */
    BALANCED_NOTEBOOK,
    /** Fig. 6 text: non-uniform p(θ), no label at all (σ = 0) within ±15° of the most common orientation. */
    SILENT_COMMON;

    /** Half-width of SILENT_COMMON's band without labels (±15°, a quarter of the peak's half-period). */
    public static final double SILENT_HALF_WIDTH = Math.toRadians(15);

    /** The conditions Fig. 6 shows (b, c, d) and the control; the variants are added with {@link #all()}. */
    public static java.util.List<SupervisedCondition> paperFour() {
        return java.util.List.of(CONTROL, NOISE, FREQUENCY, BALANCED);
    }

    public static java.util.List<SupervisedCondition> all() {
        return java.util.List.of(values());
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SupervisedCondition parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** p(θ) of this condition, given the non-uniform prior of the experiment. */
    public GratingPrior prior(GratingPrior nonUniform) {
        return this == CONTROL || this == NOISE ? GratingPrior.UNIFORM : nonUniform;
    }

    /** σ per bin of this condition. */
    public LabelNoise noise(GratingPrior nonUniform, int bins, double noiseSigmaMin, double balanceFraction) {
        return switch (this) {
            case CONTROL, FREQUENCY -> LabelNoise.none(bins);
            case NOISE -> LabelNoise.informativeAt90(bins, noiseSigmaMin);
            case BALANCED -> LabelNoise.balanced(nonUniform, bins, balanceFraction);
            case BALANCED_COUNT -> LabelNoise.equalLabelledCount(nonUniform, bins);
            case BALANCED_NOTEBOOK -> LabelNoise.authorsNotebook(nonUniform, bins);
            case SILENT_COMMON -> LabelNoise.silentBand(bins, nonUniform.mostCommon(), SILENT_HALF_WIDTH);
        };
    }
}
