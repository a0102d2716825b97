package org.psychonet.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psychonet.learning.supervised.BinaryEntropy;
import org.psychonet.learning.supervised.LabelNoise;
import org.psychonet.learning.supervised.SensitivityOnset;
import org.psychonet.learning.supervised.GratingPrior;
import org.psychonet.learning.supervised.SupervisedCondition;
import org.psychonet.learning.supervised.SupervisedTrace;
import org.psychonet.learning.supervised.SupervisedTrainer;
import org.psychonet.learning.supervised.SupervisedTraining;
import org.psychonet.sensitivity.SensitivityProfile;
import org.psychonet.util.Estimate;
import org.psychonet.util.Statistics;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.NonFiniteLossException;
import org.psychonet.util.Progress;

/**
 * Fig. 6: frequency versus information in a supervised task. A 3-layer ReLU network learns to bin
 * the orientation of gratings while p(θ) (input frequency) and σ(θ) (label reliability) are varied
 * independently; the first layer's sensitivity to orientation is tracked over training. The paper's
 * claim: common orientations are learned first even when label noise makes every orientation carry
 * the same total information (`balanced`).
 *
 * <p>{@link #run} computes and returns a {@link Result}; its figures and CSVs are written afterwards by
 * {@code org.psychonet.report.SupervisedReport}.
 */
public final class SupervisedLabelNoise
        implements Experiment<SupervisedLabelNoise.Config, SupervisedLabelNoise.Result> {

    /** Probe points on each side averaged for the most/least-common sensitivity ratio (±6° at 60 θ). */
    public static final int RATIO_HALF_WINDOW = 2;

    /**
     * @param conditions      which of control / noise / frequency / balanced to run (Fig. 6b–d)
     * @param seeds           training seeds per condition (issue: 3); seeds are seed, seed+1, …
     * @param prior           the non-uniform p(θ) of frequency and balanced (Methods: (2 − cos 2θ)/(2π), peak90)
     * @param noiseSigmaMin   σ at 0° in the noise condition (σ = 1 at 90°; 0.5 is the least informative σ ≥ 0.5)
     * @param balanceFraction a = fraction · min p in σ = H_b⁻¹(1 − a/p) (1: the rarest orientation is noiseless)
     * @param training        network and SGD settings (Methods; authors' notebook)
     */
    public record Config(List<SupervisedCondition> conditions, int seeds, GratingPrior prior,
                         double noiseSigmaMin, double balanceFraction, SupervisedTraining training) {

        /** Fig. 6 at the authors' settings: batch 2,048, 300 SGD steps at learning rate 0.5, init ×0.1. */
        public static Config paper() {
            return new Config(SupervisedCondition.all(), 3, GratingPrior.PEAK90, 0.5, 1.0,
                    SupervisedTraining.paper());
        }

        /**
         * The test profile (chosen for a ~2-minute budget on 2 shared cores, before any claim was checked
         * at it): same task, network, learning rate and initialization, 3 seeds, but batch 256, 60 steps,
         * a snapshot every 10 steps and 8 probe phases — about 1/40 of the paper's compute.
         */
        public static Config quick() {
            SupervisedTraining p = SupervisedTraining.paper();
            return new Config(SupervisedCondition.all(), 3, GratingPrior.PEAK90, 0.5, 1.0,
                    new SupervisedTraining(p.bins(), p.hidden(), 256, 60, p.learningRate(), p.initScale(), 10,
                            p.sensitivityThetas(), 8, 16));
        }

        public Config withConditions(List<SupervisedCondition> c) {
            return new Config(c, seeds, prior, noiseSigmaMin, balanceFraction, training);
        }

        public Config withSeeds(int s) {
            return new Config(conditions, s, prior, noiseSigmaMin, balanceFraction, training);
        }

        public Config withTraining(SupervisedTraining t) {
            return new Config(conditions, seeds, prior, noiseSigmaMin, balanceFraction, t);
        }

        /** Checks the settings once; InvalidInputException (exit 2) names the parameter and the remedy. */
        public void validate() {
            SupervisedTraining t = training;
            InvalidInputException.requireParameter(conditions != null && !conditions.isEmpty(), "conditions",
                    "is empty; give control, noise, frequency, balanced or all");
            InvalidInputException.requireParameter(seeds >= 1, "seeds", "must be at least 1 (the issue: 3)");
            InvalidInputException.requireParameter(t.steps() >= 1, "steps", "must be at least 1 (the paper: 300)");
            InvalidInputException.requireParameter(t.batch() >= 1, "batch", "must be at least 1 (the paper: 2048)");
            // before anything is allocated: a batch's labels (heap) and its 64² gratings with their activations
            // through the hidden layers, forward and backward (native, ≈ 3 copies); one loss per step (heap)
            long width = 64L * 64 + java.util.Arrays.stream(t.hidden()).asLongStream().sum() + t.bins();
            org.psychonet.util.MemoryBudget.requireHeap("batch", t.batch(), org.psychonet.util.MemoryBudget.product(
                    4, t.batch(), t.bins() + 4L), org.psychonet.util.MemoryBudget.product(t.batch(), t.bins()),
                    "a batch's labels and angles");
            org.psychonet.util.MemoryBudget.requireNative("batch", t.batch(), org.psychonet.util.MemoryBudget.product(
                    12, t.batch(), width), "a batch of gratings and its activations");
            org.psychonet.util.MemoryBudget.requireHeap("steps", t.steps(), org.psychonet.util.MemoryBudget.product(
                    8, t.steps(), Math.max(1, seeds)), t.steps(), "one loss per step");
            InvalidInputException.requireParameter(t.bins() >= 2, "bins", "must be at least 2 (the paper: 60)");
            InvalidInputException.requireParameter(t.learningRate() > 0 && Double.isFinite(t.learningRate()),
                    "learningRate", t.learningRate() + " must be a positive finite number (the authors: 0.5)");
            InvalidInputException.requireParameter(t.initScale() > 0 && Double.isFinite(t.initScale()), "initScale",
                    "must be a positive finite number (the authors: 0.1)");
            InvalidInputException.requireParameter(t.measureEvery() >= 1, "measureEvery", "must be at least 1");
            InvalidInputException.requireParameter(t.sensitivityThetas() >= 3, "sensitivityThetas",
                    "must be at least 3 (the issue: 60)");
            InvalidInputException.requireParameter(t.phases() >= 1, "phases", "must be at least 1");
            InvalidInputException.requireParameter(t.testPerBin() >= 1, "testPerBin", "must be at least 1");
            InvalidInputException.requireParameter(noiseSigmaMin >= 0.5 && noiseSigmaMin <= 1, "noiseSigmaMin",
                    "must be in [0.5, 1] (σ ≥ 0.5, Methods)");
            InvalidInputException.requireParameter(balanceFraction > 0 && balanceFraction <= 1, "balanceFraction",
                    "must be in (0, 1] so that 1 − a/p(θ) stays in [0, 1]");
            InvalidInputException.requireParameter(prior != null && !prior.isUniform(), "prior",
                    "must be non-uniform (peak90 or peak0) for the frequency and balanced conditions");
        }
    }

    /** Metrics of one trained network. */
    public record SeedResult(long seed, double corrWithPrior, double corrWithInformation,
                             double sensitivityRatio, double cv, double accuracy, double[] accuracyPerBin,
                             double finalLoss, double keptFraction, SensitivityOnset onset, SupervisedTrace trace) {

        public SeedSummary summary() {
            return new SeedSummary(seed, corrWithPrior, corrWithInformation, sensitivityRatio, cv, accuracy,
                    accuracyPerBin, finalLoss, keptFraction, onset.spearman(), onset.reached());
        }
    }

    /** result.json: the metrics of one seed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SeedSummary(long seed, double corrWithPrior, double corrWithInformation,
                              @JsonProperty("sensitivity_ratio_most_to_least_common") double sensitivityRatio,
                              @JsonProperty("cv_normalized_sensitivity") double cv, double accuracy,
                              double[] accuracyPerBin, double finalLoss,
                              @JsonProperty("kept_label_fraction") double keptFraction,
                              @JsonProperty("onset_spearman") double onsetSpearman,
                              @JsonProperty("onset_reached") int onsetReached) {
    }

    /** A metric over seeds. */
    public record Spread(double mean, double sd, double min, double max) {
        static Spread of(double[] v) {
            return new Spread(Statistics.mean(v), Statistics.sd(v), Statistics.min(v), Statistics.max(v));
        }
    }

    /**
     * result.json: one condition over seeds.
     *
     * @param balanceA the balanced condition's a = fraction · min p (absent in the other conditions)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConditionSummary(String prior, double mostCommonDeg, double leastCommonDeg, Double balanceA,
                                   double[] sigmaPerBin, Spread corrWithPrior, Spread corrWithInformation,
                                   Spread sensitivityRatioMostToLeastCommon, Spread cvNormalizedSensitivity,
                                   Spread accuracy, double[] accuracyPerBinMean, double[] accuracyPerBinSd,
                                   List<SeedSummary> seeds) {
    }

    /** result.json's summary. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(double inverseBinaryEntropyMaxError, double balancedPTimesInformationSpread,
                          Map<String, ConditionSummary> conditions) {
    }

    /** One condition over seeds, with its p(θ), σ(θ) and I(θ). */
    public record ConditionResult(SupervisedCondition condition, GratingPrior prior, LabelNoise noise,
                                  double[] thetas, double[] p, double[] information, int mostCommon,
                                  int leastCommon, List<SeedResult> seeds) {

        public double[] metric(java.util.function.ToDoubleFunction<SeedResult> f) {
            return seeds.stream().mapToDouble(f).toArray();
        }

        /** Per-bin accuracy averaged over seeds. */
        public double[] meanAccuracyPerBin() {
            double[] m = new double[noise.bins()];
            for (SeedResult s : seeds) {
                for (int b = 0; b < m.length; b++) {
                    m[b] += s.accuracyPerBin()[b] / seeds.size();
                }
            }
            return m;
        }

        /** Final D(θ) averaged over seeds. */
        public double[] meanFinalSensitivity() {
            double[] m = new double[thetas.length];
            for (SeedResult s : seeds) {
                double[] d = s.trace().finalSensitivity();
                for (int i = 0; i < m.length; i++) {
                    m[i] += d[i] / seeds.size();
                }
            }
            return m;
        }

        public ConditionSummary summary() {
            double[][] perBin = new double[noise.bins()][seeds.size()];
            for (int s = 0; s < seeds.size(); s++) {
                for (int b = 0; b < perBin.length; b++) {
                    perBin[b][s] = seeds.get(s).accuracyPerBin()[b];
                }
            }
            double[] binMean = new double[perBin.length];
            double[] binSd = new double[perBin.length];
            for (int b = 0; b < perBin.length; b++) {
                binMean[b] = Statistics.mean(perBin[b]);
                binSd[b] = Statistics.sd(perBin[b]);
            }
            return new ConditionSummary(prior.label(), Math.toDegrees(thetas[mostCommon]),
                    Math.toDegrees(thetas[leastCommon]), Double.isNaN(noise.a()) ? null : noise.a(), noise.keep(),
                    Spread.of(metric(SeedResult::corrWithPrior)), Spread.of(metric(SeedResult::corrWithInformation)),
                    Spread.of(metric(SeedResult::sensitivityRatio)), Spread.of(metric(SeedResult::cv)),
                    Spread.of(metric(SeedResult::accuracy)), binMean, binSd,
                    seeds.stream().map(SeedResult::summary).toList());
        }
    }

    /** Everything the run measured. */
    public record Result(Config config, long seed, List<ConditionResult> conditions, double entropyInverseError,
                         double balanceSpread, List<Claim> claims) implements ExperimentResult {

        @Override
        public Summary summary() {
            Map<String, ConditionSummary> c = new LinkedHashMap<>();
            for (ConditionResult r : conditions) {
                c.put(r.condition().label(), r.summary());
            }
            return new Summary(entropyInverseError, balanceSpread, c);
        }

        public ConditionResult condition(SupervisedCondition c) {
            return conditions.stream().filter(r -> r.condition() == c).findFirst().orElse(null);
        }
    }

    @Override
    public String id() {
        return "supervised";
    }

    /** Trains every condition and seed; writes no files ({@code artifacts} is unused). */
    @Override
    public Result run(Config config, long seed, Path artifacts) throws Exception {
        config.validate();
        SupervisedTraining t = config.training();
        List<ConditionResult> out = new ArrayList<>();
        long total = (long) config.conditions().size() * config.seeds() * t.steps();
        try (Progress bar = Progress.start("supervised", total)) {
            for (SupervisedCondition c : config.conditions()) {
                GratingPrior prior = c.prior(config.prior());
                LabelNoise noise = c.noise(config.prior(), t.bins(), config.noiseSigmaMin(), config.balanceFraction());
                List<SeedResult> seeds = new ArrayList<>();
                double[] thetas = null;
                for (int s = 0; s < config.seeds(); s++) {
                    long sd = seed + s;
                    bar.message(c.label() + " seed " + sd);
                    SupervisedTrace trace = new SupervisedTrainer(t, prior, noise, sd).run((step, loss) -> {
                        NonFiniteLossException.check("supervised " + c.label() + " seed " + sd, step, loss);
                        bar.step();
                    });
                    // the loss is checked before each update: the last update can still leave NaN weights
                    NonFiniteLossException.check("supervised " + c.label() + " seed " + sd, t.steps(), "sensitivity",
                            trace.finalSensitivity());
                    thetas = trace.thetas();
                    seeds.add(measure(trace, sd, prior, noise, c, config.prior()));
                }
                double[] p = prior.densities(thetas);
                int[] ends = referenceEnds(c, config.prior(), noise, thetas);
                out.add(new ConditionResult(c, prior, noise, thetas, p, noise.information(thetas), ends[0], ends[1],
                        seeds));
            }
        }
        double invErr = inverseEntropyError();
        double spread = balanceSpread(config);
        return new Result(config, seed, out, invErr, spread, claims(config, out, invErr, spread));
    }

    /** Metrics of one trained network (correlations use the normalized profile √D/Σ√D). */
    static SeedResult measure(SupervisedTrace trace, long seed, GratingPrior prior, LabelNoise noise,
                              SupervisedCondition c, GratingPrior reference) {
        double[] th = trace.thetas();
        double[] d = trace.finalSensitivity();
        double[] norm = SensitivityProfile.normalized(d);
        int[] ends = referenceEnds(c, reference, noise, th);
        double ratio = Stats.windowMean(d, ends[0], RATIO_HALF_WINDOW) / Stats.windowMean(d, ends[1], RATIO_HALF_WINDOW);
        double[] acc = trace.accuracyPerBin();
        // time course: where sensitivity appears first, ranked against I(θ) when only information varies (noise)
        // and against p(θ) otherwise
        double[] weights = c == SupervisedCondition.NOISE ? noise.information(th) : prior.densities(th);
        SensitivityOnset onset = SensitivityOnset.of(trace.steps(), trace.sensitivity(), weights);
        return new SeedResult(seed, Statistics.pearson(norm, prior.densities(th)),
                Statistics.pearson(norm, noise.information(th)), ratio, Statistics.cv(norm), Statistics.mean(acc), acc,
                trace.loss()[trace.loss().length - 1], trace.keptFraction(), onset, trace);
    }

    /**
     * The probe indices of the most and least common orientation: argmax/argmin of p(θ); for a uniform
     * p(θ), those of the experiment's non-uniform prior (90° and 0° for peak90), so the same ratio is
     * compared across conditions.
     */
    static int[] referenceEnds(SupervisedCondition c, GratingPrior reference, LabelNoise noise, double[] th) {
        GratingPrior p = c.prior(reference).isUniform() ? reference : c.prior(reference);
        int hi = 0;
        int lo = 0;
        for (int i = 1; i < th.length; i++) {
            if (p.density(th[i]) > p.density(th[hi])) {
                hi = i;
            }
            if (p.density(th[i]) < p.density(th[lo])) {
                lo = i;
            }
        }
        return new int[] {hi, lo};
    }

    /** max |H_b(H_b⁻¹(h)) − h| over 10,001 values of h in [0, 1]. */
    public static double inverseEntropyError() {
        double worst = 0;
        for (int i = 0; i <= 10_000; i++) {
            double h = i / 10_000.0;
            worst = Math.max(worst, Math.abs(BinaryEntropy.of(BinaryEntropy.inverse(h)) - h));
        }
        return worst;
    }

    /** max − min over bins of p(θ_b)·I(θ_b) in the balanced condition (0 when perfectly balanced). */
    public static double balanceSpread(Config config) {
        int bins = config.training().bins();
        LabelNoise n = LabelNoise.balanced(config.prior(), bins, config.balanceFraction());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < bins; b++) {
            double v = config.prior().density(LabelNoise.center(b, bins)) * BinaryEntropy.information(n.keep()[b]);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }

    static List<Claim> claims(Config config, List<ConditionResult> results, double invErr, double spread) {
        SupervisedTraining t = config.training();
        String settings = String.format(java.util.Locale.ROOT, "batch %d, %d steps, lr %s, init ×%s, %d bins, %d "
                        + "seeds, prior %s", t.batch(), t.steps(), t.learningRate(), t.initScale(), t.bins(),
                config.seeds(), config.prior().label());
        List<Claim> out = new ArrayList<>();
        out.add(SupervisedLabelNoiseClaims.INVERSE_ENTROPY.measured("inverse_binary_entropy_max_error",
                Estimate.single(invErr), BinaryEntropy.TABLE_SIZE + "-point table"));
        out.add(SupervisedLabelNoiseClaims.BALANCED_TABLE.measured("balanced_p_times_information_spread",
                Estimate.single(spread), t.bins() + " bins"));
        for (ConditionResult r : results) {
            out.addAll(SupervisedLabelNoiseClaims.condition(r.condition(), new SupervisedLabelNoiseClaims.Seeds(
                    r.metric(SeedResult::corrWithPrior), r.metric(SeedResult::corrWithInformation),
                    r.metric(SeedResult::cv), r.metric(SeedResult::sensitivityRatio),
                    r.metric(x -> x.onset().spearman())), r.condition().label() + ", " + settings));
        }
        return out;
    }

    /** Parses "all" or a condition name. */
    public static List<SupervisedCondition> parseConditions(String s) {
        if ("all".equalsIgnoreCase(s)) {
            return SupervisedCondition.all();
        }
        try {
            return List.of(SupervisedCondition.parse(s));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.parameter("conditions", s + " is unknown; use control, noise, frequency, "
                    + "balanced, balanced-count, balanced-notebook, silent-common or all");
        }
    }

    /** Small helpers used above (the statistics themselves live in {@link Statistics}). */
    static final class Stats {
        private Stats() {
        }

        /** Mean of v over i ± h, wrapping around (θ is periodic). */
        static double windowMean(double[] v, int i, int h) {
            double s = 0;
            for (int j = -h; j <= h; j++) {
                s += v[Math.floorMod(i + j, v.length)];
            }
            return s / (2 * h + 1);
        }
    }
}
