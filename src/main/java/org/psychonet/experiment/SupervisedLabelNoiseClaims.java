package org.psychonet.experiment;

import static org.psychonet.experiment.Claim.Comparator.ABOVE;
import static org.psychonet.experiment.Claim.Comparator.AT_MOST;
import static org.psychonet.experiment.Claim.Comparator.BELOW;
import static org.psychonet.experiment.Claim.Comparator.BELOW_2SE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.psychonet.learning.supervised.SupervisedCondition;
import org.psychonet.util.Estimate;

/**
 * The claims of Fig. 6, written before any run, with the figure each comes from and a sentence on what it tests.
 * Values are means over seeds with their standard errors.
 */
public final class SupervisedLabelNoiseClaims {
    private SupervisedLabelNoiseClaims() {
    }

    public static final ClaimSpec INVERSE_ENTROPY = ClaimSpec.check("supervised.inverse_entropy", "Methods (Fig. 6d)",
            "the tabulated inverse binary entropy matches H_b", BELOW, 1e-4);
    public static final ClaimSpec BALANCED_TABLE = ClaimSpec.check("supervised.balanced_information",
            "Methods (Fig. 6d)", "in balanced (the Methods rule), p(θ)·I(θ) is the same for every θ", BELOW, 1e-3);
    public static final ClaimSpec CONTROL_FLAT = ClaimSpec.check("supervised.control_flat", "Fig. 6 (control)",
            "with uniform p(θ) and no label noise the task and network favour no orientation: CV of the final "
                    + "normalized sensitivity across θ, mean over seeds", BELOW, 0.15);
    public static final ClaimSpec NOISE = ClaimSpec.paper("supervised.noise_information", "Fig. 6b",
            "with uniform p(θ), sensitivity follows label information I(θ): Pearson r of the final √D/Σ√D with "
                    + "I(θ), mean over seeds", ABOVE, 0.5);
    public static final ClaimSpec FREQUENCY = ClaimSpec.paper("supervised.frequency_prior", "Fig. 6c",
            "without label noise, sensitivity follows input frequency p(θ): Pearson r with p(θ), mean over seeds",
            ABOVE, 0.5);
    public static final ClaimSpec BALANCED = ClaimSpec.paper("supervised.balanced_prior", "Fig. 6d",
            "with label noise balancing total information, sensitivity still follows p(θ): Pearson r with p(θ), mean "
                    + "over seeds", ABOVE, 0.3);
    public static final ClaimSpec SILENT = ClaimSpec.paper("supervised.silent_common", "Fig. 6 (text)",
            "a frequent orientation without label information is not learned: ln of D at the most common θ (no "
                    + "labels within ±15°) over D at the least common θ (labelled), below 0 beyond 2 s.e.",
            BELOW_2SE, 0);
    public static final ClaimSpec ONSET = ClaimSpec.paper("supervised.onset", "Fig. 6b–d (time course)",
            "sensitivity appears first where it ends highest: Spearman ρ between p(θ) (or I(θ) in noise) and the "
                    + "step at which D(θ) grows by half the largest final growth, mean over seeds", AT_MOST, -0.5);

    /** Every spec, for the test that holds each emitted claim to its written bound. */
    public static final List<ClaimSpec> SPECS = List.of(INVERSE_ENTROPY, BALANCED_TABLE, CONTROL_FLAT, NOISE,
            FREQUENCY, BALANCED, SILENT, ONSET);

    /** What each balanced variant tests, in one sentence (README and the claims table). */
    public static final Map<SupervisedCondition, String> BALANCED_VARIANTS = Map.of(
            SupervisedCondition.BALANCED, "the Methods rule σ = H_b⁻¹(1 − a/p): total information p·I is equal for "
                    + "every θ, but a dropped label gives no gradient, so common θ still get ≈ 2.5× more labelled "
                    + "examples — tests information balance, not gradient counts",
            SupervisedCondition.BALANCED_COUNT, "σ = min p/p(θ): every θ gets the same number of labelled examples, "
                    + "so p(θ) acts only through unlabelled images, which carry no gradient here — tests whether any "
                    + "preference for common θ survives once labelled counts are equal",
            SupervisedCondition.BALANCED_NOTEBOOK, "the authors' notebook rule H = 1.3·(1 − 0.15/p): p·I is ≈ 2.8× "
                    + "lower at the most common θ than at the rarest, while labelled counts remain ≈ 2× higher — "
                    + "tests the figure as the authors computed it");

    /**
     * Per-seed measurements of one condition.
     *
     * @param corrWithPrior       Pearson r of the final √D/Σ√D with p(θ)
     * @param corrWithInformation the same with I(θ)
     * @param cv                  coefficient of variation of √D/Σ√D across θ
     * @param ratio               D at the most common θ over D at the least common (±6° windows)
     * @param onset               Spearman ρ between p(θ) (I(θ) in noise) and the onset of D(θ)
     */
    public record Seeds(double[] corrWithPrior, double[] corrWithInformation, double[] cv, double[] ratio,
                        double[] onset) {
    }

    /** The claims of one condition. */
    public static List<Claim> condition(SupervisedCondition c, Seeds v, String settings) {
        List<Claim> out = new ArrayList<>();
        String l = c.label();
        switch (c) {
            case CONTROL -> out.add(CONTROL_FLAT.measured("cv_normalized_sensitivity", Estimate.of(v.cv()), settings));
            case NOISE -> {
                out.add(NOISE.measured("corr_with_information", Estimate.of(v.corrWithInformation()), settings));
                out.add(ONSET.suffixed(l).measured("onset_spearman_with_information", Estimate.of(v.onset()),
                        settings));
            }
            case FREQUENCY -> {
                out.add(FREQUENCY.measured("corr_with_prior", Estimate.of(v.corrWithPrior()), settings));
                out.add(ONSET.suffixed(l).measured("onset_spearman_with_prior", Estimate.of(v.onset()), settings));
            }
            case BALANCED, BALANCED_COUNT, BALANCED_NOTEBOOK -> {
                ClaimSpec spec = new ClaimSpec(BALANCED.id() + "." + l, BALANCED.kind(), BALANCED.figure(),
                        BALANCED.statement() + " — " + BALANCED_VARIANTS.get(c), BALANCED.comparator(),
                        BALANCED.threshold(), BALANCED.upper(), BALANCED.bound());
                out.add(spec.measured("corr_with_prior", Estimate.of(v.corrWithPrior()), settings));
                if (c == SupervisedCondition.BALANCED) {
                    out.add(ONSET.suffixed(l).measured("onset_spearman_with_prior", Estimate.of(v.onset()),
                            settings));
                }
            }
            case SILENT_COMMON -> {
                double[] ln = new double[v.ratio().length];
                for (int i = 0; i < ln.length; i++) {
                    ln[i] = Math.log(v.ratio()[i]);
                }
                out.add(SILENT.measured("ln_sensitivity_ratio_most_to_least_common", Estimate.of(ln), settings));
            }
            default -> throw new IllegalStateException("no claims for " + c);
        }
        return out;
    }
}
