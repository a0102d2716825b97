package org.psychonet.experiment;

import static org.psychonet.experiment.Claim.Comparator.ABOVE_2SE;
import static org.psychonet.experiment.Claim.Comparator.AT_LEAST;
import static org.psychonet.experiment.Claim.Comparator.AT_MOST;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.psychonet.learning.linear.AcuityGrowth;
import org.psychonet.learning.linear.NetworkMeasures;
import org.psychonet.learning.linear.SupervisedLinear;
import org.psychonet.util.Estimate;

/**
 * The claims of Figs 4–5, SI Fig. 2 and eqs 7–11, written before any run: every bound is a constant here (or, for
 * the acuity exponent, a rule against the theory's prediction), with the figure it comes from. Values are means
 * over seeds with their standard errors; differences are paired by seed and judged against 2 s.e., never one run
 * against 0.
 */
public final class LinearDynamicsClaims {
    private LinearDynamicsClaims() {
    }

    public static final ClaimSpec PC_ORDER = ClaimSpec.paper("linear.pc_order", "Fig. 5c",
            "PCs are learned in order of their variance: Spearman ρ between PC rank and the time the PC's proportion "
                    + "learned reaches ½, over the PCs that reach it (≥ 5), mean over seeds", AT_LEAST, 0.95);
    public static final ClaimSpec THEORY_SHALLOW = ClaimSpec.paper("linear.theory", "Fig. 5c / eq. 7",
            "the theory, started from the initial weights with nothing fitted, predicts every PC's learning curve: "
                    + "pooled R², mean over seeds", AT_LEAST, 0.95);
    public static final ClaimSpec THEORY_DEEP = ClaimSpec.paper("linear.theory_deep", "Fig. 5c / eq. 7",
            "the theory predicts a deep network's learning curves from a small random start (\"approximately true "
                    + "for small initializations\"; depth 2: the conserved-quantity form, depth ≥ 3: eq. 7 from "
                    + "σ(0) = ‖W(0)u_i‖): pooled R², mean over seeds",
            AT_LEAST, 0.85);
    public static final ClaimSpec EQ8 = ClaimSpec.paper("linear.eq8", "eq. 8",
            "the sensitivity to each PC, D(Ŷ; PC_i) = ‖Wu_i‖², follows eq. 8 over training: pooled R² over the "
                    + "tracked PCs, mean over seeds", AT_LEAST, 0.95);
    public static final ClaimSpec ACUITY_EXPONENT = ClaimSpec.paperAgainstPrediction("linear.acuity_exponent",
            "Fig. 5h / eqs 7–8",
            "acuity grows as t^γ with the exponent the theory predicts for the measured spectrum: the simulated γ "
                    + "(mean over seeds) lies within the theory's γ ± the half-width of its 95% confidence interval "
                    + "(both fitted on the same snapshots)");
    public static final ClaimSpec ACUITY_GROWS = ClaimSpec.paper("linear.acuity_grows", "Fig. 5h",
            "acuity grows with training: the exponent γ of acuity ∝ t^γ is positive beyond seed noise",
            ABOVE_2SE, 0);
    public static final ClaimSpec ACUITY_LINEAR_TEXT = ClaimSpec.paperWithin("linear.acuity_linear_text",
            "Fig. 5h (text)", "the paper's text: acuity grows \"nearly linearly\" with training — γ in [0.75, 1.25]",
            0.75, 1.25);
    public static final ClaimSpec ACUITY_SQUARED_CODE = ClaimSpec.paperWithin("linear.acuity_squared_code",
            "Fig. 5h (authors' plot)", "the authors' Fig. 5h plots acuity² against steps as a line — acuity ∝ √t, "
                    + "γ in [0.375, 0.625]", 0.375, 0.625);
    public static final ClaimSpec THRESHOLD_SHAPE = ClaimSpec.paper("linear.threshold_shape", "Fig. 5f",
            "thresholds are flat below an elbow frequency and rise linearly above it: R² of a two-segment fit over "
                    + "f ∈ [1, 10], averaged over the snapshots whose acuity lies in that window, mean over seeds",
            AT_LEAST, 0.95);
    public static final ClaimSpec ELBOW_MOVES = ClaimSpec.paper("linear.elbow_moves", "Fig. 5f",
            "the elbow moves to higher frequencies with training: Spearman ρ between step and elbow over the "
                    + "fitted snapshots, mean over seeds", AT_LEAST, 0.8);
    public static final ClaimSpec SHARPER_WITH_DEPTH = ClaimSpec.paper("linear.sharper_with_depth",
            "Fig. 5c / SI Fig. 2",
            "learning curves are sigmoidal and sharper with depth: mean sharpness dp/d(ln t) at p = ½ of the deeper "
                    + "network minus the shallower one, paired by seed, positive beyond 2 s.e.", ABOVE_2SE, 0);
    public static final ClaimSpec SUPERVISED_ORDER = ClaimSpec.paper("linear.supervised_order", "eqs 10–11",
            "with equal input–output correlation, the higher-variance input feature is learned first: Spearman ρ "
                    + "between feature variance and the time σ_i reaches half its asymptote t_i/λ_i, mean over "
                    + "seeds", AT_MOST, -0.9);
    public static final ClaimSpec SUPERVISED_THEORY = ClaimSpec.paper("linear.supervised_theory", "eqs 10–11",
            "eq. 10 (from the initial weights, λ_i and t_i from the sample, nothing fitted) predicts each feature's "
                    + "σ_i(t)/σ_i*: pooled R², mean over seeds", AT_LEAST, 0.95);
    public static final ClaimSpec SUPERVISED_ORTHOGONAL = ClaimSpec.paper("linear.supervised_orthogonal",
            "Results (eqs 10–11)",
            "a feature orthogonal to the task is not learned, even with the largest variance: its largest |σ| over "
                    + "training relative to the smallest informative asymptote, mean over seeds", AT_MOST, 0.1);

    /** Every spec, for the test that holds each emitted claim to its written bound. */
    public static final List<ClaimSpec> SPECS = List.of(PC_ORDER, THEORY_SHALLOW, THEORY_DEEP, EQ8, ACUITY_EXPONENT,
            ACUITY_GROWS, ACUITY_LINEAR_TEXT, ACUITY_SQUARED_CODE, THRESHOLD_SHAPE, ELBOW_MOVES, SHARPER_WITH_DEPTH,
            SUPERVISED_ORDER, SUPERVISED_THEORY, SUPERVISED_ORTHOGONAL);

    /** Values of one measure over seeds (NaN entries kept: an undefined value makes the mean NaN, which fails). */
    static Estimate over(List<NetworkMeasures> seeds, ToDoubleFunction<NetworkMeasures> f) {
        return Estimate.of(seeds.stream().mapToDouble(f).toArray());
    }

    /**
     * The claims of one trained network over seeds.
     *
     * @param net       label, e.g. "depth1", "depth1-sgd", "symmetric"
     * @param deep      whether eq. 7 is the aligned approximation (depth ≥ 3) rather than exact/conserved form
     * @param eq8       whether to claim eq. 8 (the single matrix)
     * @param readings  whether to add the two "linear" readings and the Fig. 5f shape (the paper's one-matrix
     *                  networks)
     */
    public static List<Claim> network(String net, boolean deep, boolean eq8, boolean readings,
                                      List<NetworkMeasures> seeds, String settings) {
        List<Claim> r = new ArrayList<>();
        r.add(PC_ORDER.suffixed(net).measured("pc_order_spearman", over(seeds, m -> m.order().spearman()), settings));
        r.add((deep ? THEORY_DEEP : THEORY_SHALLOW).suffixed(net).measured("theory_r2",
                over(seeds, NetworkMeasures::theoryR2), settings));
        if (eq8) {
            r.add(EQ8.suffixed(net).measured("eq8_r2", over(seeds, NetworkMeasures::eq8R2), settings));
        }
        Estimate gamma = over(seeds, m -> m.acuityVersusTheory().exponent());
        AcuityGrowth first = seeds.get(0).theoryAcuity();
        if (first != null) {
            double center = over(seeds, m -> m.theoryAcuity().exponent()).mean();
            double half = over(seeds, m -> m.theoryAcuity().halfWidth()).mean();
            r.add(ACUITY_EXPONENT.suffixed(net).measuredAgainst("acuity_exponent", gamma, center - half,
                    center + half, settings));
        }
        Estimate own = over(seeds, m -> m.acuity().exponent());
        r.add(ACUITY_GROWS.suffixed(net).measured("acuity_exponent", own, settings));
        if (readings) {
            r.add(ACUITY_LINEAR_TEXT.suffixed(net).measured("acuity_exponent", own, settings));
            r.add(ACUITY_SQUARED_CODE.suffixed(net).measured("acuity_exponent", own, settings));
            r.add(THRESHOLD_SHAPE.suffixed(net).measured("two_segment_r2", over(seeds, m -> m.elbows().meanR2()),
                    settings));
            r.add(ELBOW_MOVES.suffixed(net).measured("elbow_step_spearman",
                    over(seeds, m -> m.elbows().elbowTrend()), settings));
        }
        return r;
    }

    /** Sharpness of the deeper network minus the shallower, paired by seed. */
    public static Claim sharper(String shallow, List<NetworkMeasures> a, String deeper, List<NetworkMeasures> b,
                                String settings) {
        double[] x = b.stream().mapToDouble(NetworkMeasures::sharpness).toArray();
        double[] y = a.stream().mapToDouble(NetworkMeasures::sharpness).toArray();
        return SHARPER_WITH_DEPTH.suffixed(deeper + "_vs_" + shallow).measured("sharpness_difference",
                Estimate.paired(x, y), settings);
    }

    /** The supervised-linear claims of one depth over seeds. */
    public static List<Claim> supervised(int depth, List<SupervisedLinear.Run> runs, double[] theoryR2,
                                         String settings) {
        String net = "depth" + depth;
        List<Claim> r = new ArrayList<>();
        r.add(SUPERVISED_ORDER.suffixed(net).measured("variance_halftime_spearman",
                Estimate.of(runs.stream().mapToDouble(SupervisedLinear.Run::order).toArray()), settings));
        r.add(SUPERVISED_THEORY.suffixed(net).measured("theory_r2",
                Estimate.of(theoryR2), settings));
        r.add(SUPERVISED_ORTHOGONAL.suffixed(net).measured("orthogonal_peak_ratio",
                Estimate.of(runs.stream().mapToDouble(SupervisedLinear.Run::orthogonalPeak).toArray()), settings));
        return r;
    }
}
