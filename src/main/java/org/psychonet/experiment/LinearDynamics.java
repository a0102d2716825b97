package org.psychonet.experiment;

import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.psychonet.learning.cnn.CnnThreads;
import org.psychonet.learning.linear.LinearArchitecture;
import org.psychonet.learning.linear.LinearBasis;
import org.psychonet.learning.linear.LinearCovariance;
import org.psychonet.learning.linear.LinearEigenTrainer;
import org.psychonet.learning.linear.LinearFrequencySensitivity;
import org.psychonet.learning.linear.LinearFullBatchTrainer;
import org.psychonet.learning.linear.LinearInit;
import org.psychonet.learning.linear.LinearMethod;
import org.psychonet.learning.linear.LinearObjective;
import org.psychonet.learning.linear.LinearPatchData;
import org.psychonet.learning.linear.LinearPatchSources;
import org.psychonet.learning.linear.LinearSgdTrainer;
import org.psychonet.learning.linear.LinearSingularValues;
import org.psychonet.learning.linear.LinearTrainer;
import org.psychonet.learning.linear.LinearWeights;
import org.psychonet.learning.linear.LayerAlignment;
import org.psychonet.learning.linear.NetworkMeasures;
import org.psychonet.learning.linear.SupervisedLinear;
import org.psychonet.theory.AcuityTheory;
import org.psychonet.theory.SupervisedLinearTheory;
import org.psychonet.util.Estimate;
import org.psychonet.stimulus.PlaneWave;
import org.psychonet.util.Statistics;
import org.psychonet.theory.LinearModeInit;
import org.psychonet.theory.LinearModeTheory;
import org.psychonet.theory.RateStatistic;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.MemoryBudget;
import org.psychonet.util.NonFiniteLossException;
import org.psychonet.util.Npy;
import org.psychonet.util.Progress;

/**
 * Figs 4–5, SI Fig. 2 and eqs 7–11: linear networks trained to reconstruct image patches learn the PCs in order of
 * their variance, along the sigmoids the theory predicts (overlaid, initial condition from the simulation's initial
 * weights, nothing fitted); their sensitivity follows eq. 8; their frequency thresholds have an elbow that moves up
 * with training; their acuity grows as a power of training time whose exponent the theory predicts from the
 * spectrum; deeper networks learn along sharper sigmoids, after an alignment transient the plain theory leaves out
 * (shown with a second, corrected curve); and in a supervised linear task the higher-variance feature is learned
 * first. Every network is trained from several seeds; the claims are judged over them.
 */
public final class LinearDynamics implements Experiment<LinearDynamics.Config, LinearDynamics.Result> {

    /**
     * What is repeated and added around the main training runs.
     *
     * @param seeds            independent repeats (seed, seed + 1, …): each its own patch sample and initial
     *                         weights, so claims are means over seeds with standard errors
     * @param sgdDepths        depths also trained by minibatch SGD beside the main method (order and theory on
     *                         sampled minibatches, not only the exact gradient)
     * @param sgdBatch         their minibatch
     * @param patchesPerImage  patches taken from each image (0: spread over as many images as possible)
     * @param supervisedDepths depths of the supervised linear task of eqs 10–11 (empty: not run)
     */
    public record Study(int seeds, List<Integer> sgdDepths, int sgdBatch, int patchesPerImage,
                        List<Integer> supervisedDepths) {

        void validate(int patches) {
            InvalidInputException.requireParameter(seeds >= 1 && seeds <= 100, "seeds", "must be 1 to 100 (claims "
                    + "about differences need ≥ 2)");
            InvalidInputException.requireParameter(sgdDepths != null, "sgdDepths", "is missing (empty: none)");
            for (int n : sgdDepths) {
                InvalidInputException.requireParameter(n >= 1 && n <= 8, "sgdDepths", n + " is out of range; give "
                        + "1 to 8");
            }
            InvalidInputException.requireParameter(sgdBatch >= 1, "sgdBatch", "must be at least 1");
            InvalidInputException.requireParameter(sgdDepths.isEmpty() || patches >= 1, "patches",
                    "must be at least 1 for the minibatch runs");
            InvalidInputException.requireParameter(patchesPerImage >= 0, "patchesPerImage", "must be 0 (spread) or "
                    + "more");
            InvalidInputException.requireParameter(supervisedDepths != null, "supervisedDepths", "is missing (empty: "
                    + "none)");
            for (int n : supervisedDepths) {
                InvalidInputException.requireParameter(n >= 1 && n <= 8, "supervisedDepths", n + " is out of range; "
                        + "give 1 to 8");
            }
        }
    }

    /**
     * @param depths          depths N to train (SI Fig. 2: 1, 2, 3)
     * @param symmetric       also train the symmetric one-matrix form W = wᵀw (the authors' one-layer curves)
     * @param method          sgd (the paper), fullbatch (exact GD through Σ) or eigen (axis-aligned, eq. 7)
     * @param steps           gradient steps
     * @param learningRate    η (Methods: 1.0 with PyTorch's MSELoss); 0 or less: automatic, η = 0.12/(2·scale·λ_1),
     *                        so that the first PC's error shrinks by 12% per step at depth 1
     * @param batch           sgd minibatch (Methods: 16,384)
     * @param patches         number of patches (Methods: over 100,000)
     * @param size            patch side (Methods: 32)
     * @param images          "synthetic" (power-law Gaussian patches), "world" or an image folder
     * @param topPcs          PCs tracked and scored (issue: 50)
     * @param trackEvery      steps between tracked points
     * @param snapshotEvery   steps between frequency snapshots (Fig. 5f: 50)
     * @param frequencies     points of the fine frequency grid over the plane wave's range (step 0.1 at 32 px)
     * @param phases          plane-wave phases averaged (Methods: 64)
     * @param acuityCutoff    threshold defining acuity at 32×32 (Fig. 5h: 0.1); scaled by 32/size otherwise,
     *                        since D grows as size² for the same wave
     * @param saveWeightsEvery write W as .npy every this many steps (0: never)
     * @param pcBasis         fullbatch in the PCA basis (exact change of variables; Σ diagonal)
     * @param study           seeds, the minibatch runs beside exact descent, patches per image, the supervised
     *                        task's depths
     * @param initRule        the initial width: the authors' code (default) or the paper's text (PyTorch ÷ 100)
     * @param outputNoise     s.d. of noise added to the output inside the sgd loss (the authors' code: 0.1; the
     *                        paper's text: 0, the default)
     */
    public record Config(List<Integer> depths, boolean symmetric, LinearMethod method, long steps,
                         double learningRate, int batch, int patches, int size, String images, int topPcs,
                         int trackEvery, int snapshotEvery, int frequencies, int phases, double acuityCutoff,
                         int saveWeightsEvery, boolean pcBasis, Study study, LinearInit.Rule initRule,
                         double outputNoise) {

        /** Patches of the paper's runs (Methods, "Linear network experiments": over 100,000). */
        public static final int PAPER_PATCHES = 100_000;
        /** Patches the quick profile estimates Σ from when it learns from images rather than synthetic data. */
        public static final int QUICK_IMAGE_PATCHES = 10_000;

        /** A {@code learningRate} of 0 asks for the automatic rate, η = 0.12/(2·scale·λ_1). */
        public static final double AUTOMATIC_RATE = 0;

        /**
         * The learning rate a user wrote: a positive number, or {@code auto} for {@link #AUTOMATIC_RATE} (a typed 0
         * or negative rate is refused rather than silently becoming the automatic one).
         */
        public static double learningRate(String text) {
            String t = text == null ? "" : text.strip();
            if (t.equalsIgnoreCase("auto")) {
                return AUTOMATIC_RATE;
            }
            double v;
            try {
                v = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            InvalidInputException.requireParameter(Double.isFinite(v) && v > 0, "learningRate", "'" + t
                    + "' is not a learning rate; give a positive number (Methods: 1.0) or auto (0.12/(2·scale·λ1))");
            return v;
        }

        /** The paper's settings (Methods, "Linear network experiments"; Fig. 5). */
        public static Config paper() {
            return new Config(List.of(1, 2, 3), true, LinearMethod.SGD, 3000, 1.0, 16_384, PAPER_PATCHES, 32,
                    "world", 50, 10, 50, frequencyGrid(32), 64, 0.1, 0, true,
                    new Study(3, List.of(), 16_384, 0, List.of(1, 2)), LinearInit.Rule.AUTHORS_CODE, 0);
        }

        /** Points of the fine frequency grid at a patch size: step 0.1 rad per π-span over [0.5, size − 0.5]. */
        public static int frequencyGrid(int size) {
            return (int) Math.round((size - 0.5) / 0.1) + 1;
        }

        /**
         * Fast profile for {@code reproduce --quick} (settings chosen for the time budget before any claim was run
         * at them): 12×12 patches of the built-in world (10,000, twenty per image), exact full-batch gradient
         * descent for depths 1–3 and wᵀw with minibatch SGD (batch 1,024) beside it at depth 1, automatic learning
         * rate, 2,000 steps, 3 seeds (each its own patch sample and initial weights), and the supervised linear task
         * at depths 1 and 2. 12×12 rather than 16×16 for the budget (12:25: 16×16 took ≈ 4× the CPU time). The
         * world's spectrum is steep: deeper networks learn only the leading PCs in 2,000 steps, which the order
         * statistic allows for (it ranks the PCs that reach p = ½).
         */
        public static Config quick() {
            return new Config(List.of(1, 2, 3), true, LinearMethod.FULLBATCH, 2000, 0, 16_384, QUICK_IMAGE_PATCHES,
                    12, "world", 50, 10, 50, frequencyGrid(12), 64, 0.1, 0, true,
                    new Study(3, List.of(1), 1024, 20, List.of(1, 2)), LinearInit.Rule.AUTHORS_CODE, 0);
        }

        /** The patch source; a source of images without a patch count gets {@link #QUICK_IMAGE_PATCHES}. */
        public Config withImages(String source) {
            int n = patches == 0 && !"synthetic".equals(source) ? QUICK_IMAGE_PATCHES : patches;
            return new Config(depths, symmetric, method, steps, learningRate, batch, n, size, source, topPcs,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis, study, initRule, outputNoise);
        }

        /** The trainer; sgd without a patch count gets the paper's {@link #PAPER_PATCHES}. */
        public Config withMethod(LinearMethod m) {
            int n = patches == 0 && m == LinearMethod.SGD ? PAPER_PATCHES : patches;
            return new Config(depths, symmetric, m, steps, learningRate, batch, n, size, images, topPcs,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis, study, initRule, outputNoise);
        }

        /** The patch side; the frequency grid follows it ({@link #frequencyGrid}). */
        public Config withSize(int side) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, patches, side, images, topPcs,
                    trackEvery, snapshotEvery, frequencyGrid(side), phases, acuityCutoff, saveWeightsEvery, pcBasis, study, initRule, outputNoise);
        }

        public Config withPatches(int n) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, n, size, images, topPcs,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis, study, initRule, outputNoise);
        }

        public Config withSteps(long s) {
            return withTraining(method, s, learningRate);
        }

        public Config withLearningRate(double lr) {
            return withTraining(method, steps, lr);
        }

        public Config withBatch(int b) {
            return new Config(depths, symmetric, method, steps, learningRate, b, patches, size, images, topPcs,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis, study, initRule, outputNoise);
        }

        public Config withTopPcs(int k) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, patches, size, images, k,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis, study, initRule, outputNoise);
        }

        public Config withFrequencies(int n) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, patches, size, images, topPcs,
                    trackEvery, snapshotEvery, n, phases, acuityCutoff, saveWeightsEvery, pcBasis, study, initRule, outputNoise);
        }

        public Config withTracking(int track, int snapshot) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, patches, size, images, topPcs,
                    track, snapshot, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis, study, initRule, outputNoise);
        }

        public Config withSaveWeightsEvery(int every) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, patches, size, images, topPcs,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, every, pcBasis, study, initRule, outputNoise);
        }

        public Config withPcBasis(boolean pc) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, patches, size, images, topPcs,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pc, study, initRule, outputNoise);
        }

        public Config withDepths(List<Integer> d, boolean sym) {
            return new Config(d, sym, method, steps, learningRate, batch, patches, size, images, topPcs, trackEvery,
                    snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis, study, initRule, outputNoise);
        }

        public Config withTraining(LinearMethod m, long s, double lr) {
            return new Config(depths, symmetric, m, s, lr, batch, patches, size, images, topPcs, trackEvery,
                    snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis, study, initRule, outputNoise);
        }

        public Config withData(String source, int n, int side) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, n, side, source, topPcs,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis, study, initRule, outputNoise);
        }

        public Config withSampling(int track, int snapshot, int freqs, int save) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, patches, size, images, topPcs,
                    track, snapshot, freqs, phases, acuityCutoff, save, pcBasis, study, initRule, outputNoise);
        }

        public Config withStudy(Study st) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, patches, size, images, topPcs,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis, st,
                    initRule, outputNoise);
        }

        public Config withInit(LinearInit.Rule rule) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, patches, size, images, topPcs,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis, study,
                    rule, outputNoise);
        }

        public Config withOutputNoise(double sd) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, patches, size, images, topPcs,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis, study,
                    initRule, sd);
        }

        /** The architectures, in order: depths, then the symmetric form. */
        public List<LinearArchitecture> architectures() {
            List<LinearArchitecture> r = new ArrayList<>();
            for (int n : depths) {
                r.add(LinearArchitecture.depth(n));
            }
            if (symmetric) {
                r.add(LinearArchitecture.symmetricForm());
            }
            return r;
        }

        /** Acuity cutoff at this patch size. */
        public double cutoff() {
            return acuityCutoff * 32.0 / size;
        }

        /** Checks the settings once; InvalidInputException (exit 2) names the parameter and the remedy. */
        public void validate() {
            InvalidInputException.requireParameter(!depths.isEmpty() || symmetric, "depths",
                    "is empty and `symmetric` is off: no network to train; give a depth (1 to 8) or `symmetric`");
            for (int n : depths) {
                InvalidInputException.requireParameter(n >= 1 && n <= 8, "depths", n + " is out of range; give 1 to 8");
            }
            InvalidInputException.requireParameter(method != null, "method", "is missing; give sgd, fullbatch or eigen");
            InvalidInputException.requireParameter(steps >= 1, "steps", "must be at least 1");
            InvalidInputException.requireParameter(Double.isFinite(learningRate) && learningRate >= 0, "learningRate",
                    learningRate + " must be a finite number ≥ 0 (0: automatic, 0.12/(2·scale·λ1))");
            InvalidInputException.requireParameter(size >= 4 && size <= 64, "size", size
                    + " is out of range; give 4 to 64 (the paper: 32)");
            InvalidInputException.requireParameter(topPcs >= 2 && topPcs <= size * size, "topPcs",
                    "must be in [2, " + size * size + "] at patch size " + size);
            InvalidInputException.requireParameter(batch >= 1, "batch", "must be at least 1");
            InvalidInputException.requireParameter(patches >= 0, "patches", patches + " must be a positive number (the paper: "
                    + PAPER_PATCHES + ")");
            InvalidInputException.requireParameter(method != LinearMethod.SGD || patches >= 1, "patches",
                    "must be at least 1 for sgd (the paper: " + PAPER_PATCHES + ")");
            InvalidInputException.requireParameter(images != null && !images.isBlank(), "images",
                    "is empty; give synthetic, world or a folder of images");
            InvalidInputException.requireParameter(images.equals("synthetic") || patches >= 2, "patches",
                    "must be at least 2 to estimate Σ from " + images + " (the paper: " + PAPER_PATCHES + ")");
            InvalidInputException.requireParameter(trackEvery >= 1, "trackEvery", "must be at least 1");
            InvalidInputException.requireParameter(snapshotEvery >= 1, "snapshotEvery", "must be at least 1");
            InvalidInputException.requireParameter(frequencies >= 3, "frequencies", "must be at least 3");
            InvalidInputException.requireParameter(phases >= 1, "phases", "must be at least 1 (Methods: 64)");
            InvalidInputException.requireParameter(Double.isFinite(acuityCutoff) && acuityCutoff > 0, "acuityCutoff",
                    "must be a positive number (Fig. 5h: 0.1)");
            InvalidInputException.requireParameter(saveWeightsEvery >= 0, "saveWeightsEvery",
                    "must be a positive number of steps (0: never)");
            InvalidInputException.requireParameter(study != null, "study", "is missing");
            study.validate(patches);
            InvalidInputException.requireParameter(initRule != null, "initRule", "is missing; give authors-code or "
                    + "paper-text");
            InvalidInputException.requireParameter(Double.isFinite(outputNoise) && outputNoise >= 0, "outputNoise",
                    "must be a finite number ≥ 0 (the authors' code: 0.1; the paper: 0)");
            requireMemory();
        }

        /**
         * Refuses a run whose recorded trajectories cannot fit in the heap (e.g. 2³¹ steps tracked every 10), before
         * any training: per network and seed ≈ 8 series of topPcs × tracked points (proportion, theories,
         * sensitivity, alignment, while training and in the result) and the thresholds at every snapshot.
         */
        private void requireMemory() {
            long tracked = MemoryBudget.sum(steps / trackEvery, 2);
            long snaps = MemoryBudget.sum(steps / snapshotEvery, 2);
            long runs = MemoryBudget.product(architectures().size() + study.sgdDepths().size(), study.seeds());
            long perRun = MemoryBudget.sum(MemoryBudget.product(8, topPcs, tracked, Double.BYTES),
                    MemoryBudget.product(snaps, frequencies + 3L, Double.BYTES));
            MemoryBudget.requireHeap("steps", steps, MemoryBudget.product(runs, perRun), Math.max(tracked, snaps),
                    "the trajectories of " + runs + " runs (" + topPcs + " PCs every " + trackEvery + " steps, "
                            + frequencies + " thresholds every " + snapshotEvery + ")");
        }
    }

    /**
     * One seed's patches.
     *
     * @param seed        the seed of the sample and of the initial weights
     * @param data        where the patches came from
     * @param eigenvalues their PC variances, descending (Fig. 5b)
     * @param learningRate the step size (the automatic rate depends on λ_1 of the sample)
     */
    public record Sample(long seed, String data, double[] eigenvalues, double learningRate) {
    }

    /**
     * Everything the run measured; {@code org.psychonet.report.LinearReport} draws it.
     *
     * @param config       the settings as given (learning rate 0 means automatic: see each sample)
     * @param samples      one per seed
     * @param frequencies  the plane wave's frequency grid of the thresholds (Fig. 5f)
     * @param runs         every network of every seed, networks in {@link #networks()} order within a seed
     * @param supervised   the supervised linear task (eqs 10–11), every depth and seed
     * @param claims       the claims, judged over seeds
     */
    public record Result(Config config, List<Sample> samples, double[] frequencies, List<Run> runs,
                         List<SupervisedRun> supervised, List<Claim> claims) implements ExperimentResult {

        /** The patch dimension d. */
        public int dim() {
            return samples.get(0).eigenvalues().length;
        }

        /** Network labels in training order. */
        public List<String> networks() {
            return runs.stream().map(Run::network).distinct().toList();
        }

        /** The runs of one network, in seed order. */
        public List<Run> of(String network) {
            return runs.stream().filter(r -> r.network().equals(network)).toList();
        }

        @Override
        public Summary summary() {
            Map<String, NetworkSummary> per = new LinkedHashMap<>();
            for (String n : networks()) {
                per.put(n, NetworkSummary.of(of(n)));
            }
            Map<String, SupervisedSummary> sup = new LinkedHashMap<>();
            for (int depth : supervised.stream().map(r -> r.run().depth()).distinct().toList()) {
                sup.put("depth" + depth, SupervisedSummary.of(supervised.stream()
                        .filter(r -> r.run().depth() == depth).toList()));
            }
            return new Summary(samples.get(0).data(), dim(), samples.size(), per, sup);
        }
    }

    /**
     * One network trained from one seed.
     *
     * @param network    label ("depth1", "depth1-sgd", "symmetric", …)
     * @param seed       its seed
     * @param trajectory what training recorded
     * @param measures   issue 13's measures of it
     * @param metrics    the few numbers result.json lists per run
     */
    public record Run(String network, long seed, LinearTrajectory trajectory, NetworkMeasures measures,
                      NetworkMetrics metrics) {
    }

    /** One supervised linear run with the theory's curves and R² (eqs 10–11). */
    public record SupervisedRun(SupervisedLinear.Run run, double[][] theory, double theoryR2) {
    }

    /**
     * result.json's summary.
     *
     * @param data       the first seed's patch source
     * @param dim        patch dimension d
     * @param seeds      seeds per network
     * @param networks   per network, every measure over seeds
     * @param supervised per depth of the supervised linear task
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(String data, int dim, int seeds, Map<String, NetworkSummary> networks,
                          Map<String, SupervisedSummary> supervised) {
    }

    /**
     * One network's measures over seeds (mean, s.e., n and the per-seed values).
     *
     * @param pcOrderSpearman   Spearman ρ between PC rank and the time it reaches p = ½, over the PCs that do
     * @param pcsReachingHalf   how many of the tracked PCs reach p = ½
     * @param theoryR2          pooled R² of the proportion learned against the theory (variance as rate)
     * @param theoryR2IfRateWereStd the same with the standard deviation as rate (the paper's wording)
     * @param eq8R2             pooled R² of ‖Wu_i‖² against the theory's sensitivity
     * @param sharpness         mean dp/d(ln t) at p = ½ over the PCs that give a reading
     * @param acuityExponent    γ in acuity ∝ t^γ over the simulation's own valid snapshots
     * @param acuityExponentHalfWidth half-width of its 95% CI
     * @param theoryExponent    the theory's γ over the snapshots valid in both
     * @param theoryExponentHalfWidth half-width of its 95% CI
     * @param acuityLinearR2    R² of acuity against t (the paper's text's reading)
     * @param acuitySquaredR2   R² of acuity² against t (the authors' plot)
     * @param twoSegmentR2      Fig. 5f: mean two-segment R² over the fitted snapshots
     * @param lineR2            the same with one straight line
     * @param elbowTrend        Spearman ρ between step and elbow
     * @param alignedTheoryR2   R² of eq. 7 restarted from the aligned state (depth ≥ 2), where it is defined
     * @param plainTheoryR2SamePoints the plain theory's R² on those same points
     * @param finalLoss         ℓ at the end
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NetworkSummary(Estimate pcOrderSpearman, Estimate pcsReachingHalf, Estimate theoryR2,
                                 Estimate theoryR2IfRateWereStd, Estimate eq8R2, Estimate sharpness,
                                 Estimate acuityExponent, Estimate acuityExponentHalfWidth, Estimate theoryExponent,
                                 Estimate theoryExponentHalfWidth, Estimate acuityLinearR2, Estimate acuitySquaredR2,
                                 Estimate twoSegmentR2, Estimate lineR2, Estimate elbowTrend,
                                 Estimate alignedTheoryR2, Estimate plainTheoryR2SamePoints, Estimate finalLoss) {

        static NetworkSummary of(List<Run> runs) {
            return new NetworkSummary(e(runs, r -> r.measures().order().spearman()),
                    e(runs, r -> r.measures().order().reached()), e(runs, r -> r.measures().theoryR2()),
                    e(runs, r -> r.measures().theoryR2Std()), e(runs, r -> r.measures().eq8R2()),
                    e(runs, r -> r.measures().sharpness()), e(runs, r -> r.measures().acuity().exponent()),
                    e(runs, r -> r.measures().acuity().halfWidth()),
                    e(runs, r -> r.measures().theoryAcuity() == null ? Double.NaN
                            : r.measures().theoryAcuity().exponent()),
                    e(runs, r -> r.measures().theoryAcuity() == null ? Double.NaN
                            : r.measures().theoryAcuity().halfWidth()),
                    e(runs, r -> r.measures().acuity().linearR2()), e(runs, r -> r.measures().acuity().squaredR2()),
                    e(runs, r -> r.measures().elbows().meanR2()), e(runs, r -> r.measures().elbows().meanLineR2()),
                    e(runs, r -> r.measures().elbows().elbowTrend()), e(runs, r -> r.metrics().alignedTheoryR2()),
                    e(runs, r -> r.metrics().plainTheoryR2SamePoints()), e(runs, r -> r.metrics().finalLoss()));
        }
    }

    /** The supervised linear task of one depth over seeds. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SupervisedSummary(Estimate varianceHalftimeSpearman, Estimate theoryR2,
                                    Estimate orthogonalPeakRatio) {

        static SupervisedSummary of(List<SupervisedRun> runs) {
            return new SupervisedSummary(Estimate.of(runs.stream().mapToDouble(r -> r.run().order()).toArray()),
                    Estimate.of(runs.stream().mapToDouble(SupervisedRun::theoryR2).toArray()),
                    Estimate.of(runs.stream().mapToDouble(r -> r.run().orthogonalPeak()).toArray()));
        }
    }

    private static <T> Estimate e(List<T> runs, java.util.function.ToDoubleFunction<T> f) {
        return Estimate.of(runs.stream().mapToDouble(f).toArray());
    }

    /**
     * The few per-run numbers that are not in {@link NetworkMeasures}.
     *
     * @param theoryForm            which form of the theory applies
     * @param theoryR2PerPc         R² per tracked PC
     * @param alignedTheoryR2       R² of the alignment-corrected theory where defined (NaN below depth 2)
     * @param plainTheoryR2SamePoints the plain theory's R² on the same points
     * @param finalLoss             ℓ at the end
     * @param initialLoss           ℓ at the start
     * @param learningRate          the step size used
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NetworkMetrics(String theoryForm, double[] theoryR2PerPc, double alignedTheoryR2,
                                 double plainTheoryR2SamePoints, double finalLoss, double initialLoss,
                                 double learningRate) {
    }

    /** The cosine at which a PC's layers count as aligned for the corrected theory (issue 13.5). */
    public static final double ALIGNMENT_LEVEL = 0.9;

    /** The plane wave probed for thresholds and acuity (Fig. 5e–h) at the config's patch size. */
    public static PlaneWave wave(Config config) {
        return new PlaneWave(new PlaneWave.Config(config.size(), 1.0, config.phases(), 0.5, config.size()));
    }

    @Override
    public String id() {
        return "linear";
    }

    /**
     * Trains every network from every seed, then the supervised linear task; with {@code saveWeightsEvery} > 0, W
     * is written to {@code artifacts/weights/} (first seed only).
     */
    @Override
    public Result run(Config config, long seed, Path artifacts) throws Exception {
        config.validate();
        // One PyTorch intra-op thread: the d×d products here are too small for its thread pool (measured at 12×12
        // patches, 1 seed, 600 steps, load 17: 29 CPU-s with one thread, 107 with two), so the seeds run side by
        // side instead, one per core. Each seed is computed alone on one thread, so the bytes do not depend on how
        // many run at once.
        return CnnThreads.single(() -> runSeeds(config, seed, artifacts));
    }

    /** One seed's sample and runs. */
    private record SeedRuns(Sample sample, List<Run> runs) {
    }

    private Result runSeeds(Config config, long seed, Path artifacts) throws Exception {
        PlaneWave wave = wave(config);
        double[] freqs = wave.axis().grid(config.frequencies());
        List<Sample> samples = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        int workers = Math.max(1, Math.min(config.study().seeds(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<SeedRuns>> futures = new ArrayList<>();
            for (int r = 0; r < config.study().seeds(); r++) {
                final int index = r;
                // on the worker too: grad mode is per thread
                futures.add(pool.submit(() -> CnnThreads.single(() -> seedRuns(config, seed + index, index == 0,
                        wave, freqs, artifacts))));
            }
            for (Future<SeedRuns> f : futures) {
                SeedRuns sr;
                try {
                    sr = f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception x) {
                        throw x;
                    }
                    throw e;
                }
                samples.add(sr.sample());
                runs.addAll(sr.runs());
            }
        } finally {
            pool.shutdownNow();
        }
        List<SupervisedRun> supervised = new ArrayList<>();
        for (int depth : config.study().supervisedDepths()) {
            for (int r = 0; r < config.study().seeds(); r++) {
                SupervisedLinear.Run run = SupervisedLinear.run(SupervisedLinear.Config.defaults(depth), seed + r);
                double[][] th = SupervisedLinearTheory.curves(run);
                supervised.add(new SupervisedRun(run, th, SupervisedLinearTheory.r2(run, th)));
            }
        }
        Result partial = new Result(config, samples, freqs, runs, supervised, List.of());
        return new Result(config, samples, freqs, runs, supervised, claims(partial));
    }

    /** Every network of one seed, on the calling thread. */
    private static SeedRuns seedRuns(Config config, long sd, boolean first, PlaneWave wave, double[] freqs,
                                     Path artifacts) throws Exception {
        boolean needPatches = config.method() == LinearMethod.SGD || !config.study().sgdDepths().isEmpty()
                || !config.images().equals("synthetic");
        List<Run> runs = new ArrayList<>();
        try (LinearFrequencySensitivity frequency = new LinearFrequencySensitivity(wave, freqs)) {
            LinearPatchData data = LinearPatchSources.load(config.images(), config.size(),
                    needPatches ? config.patches() : 0, sd, config.study().patchesPerImage());
            LinearObjective objective = LinearObjective.mse(data.dim());
            double lr = config.learningRate() > 0 ? config.learningRate()
                    : 0.12 / (2 * objective.scale() * data.eigenvalues()[0]);
            Sample sample = new Sample(sd, data.name(), data.eigenvalues(), lr);
            try (LinearBasis basis = data.basis()) {
                for (LinearArchitecture arch : config.architectures()) {
                    runs.add(measure(config, arch, arch.label(), config.method(), config.batch(), data, basis,
                            objective, lr, frequency, freqs, artifacts, sd, first));
                }
                if (config.method() != LinearMethod.SGD) {
                    for (int n : config.study().sgdDepths()) {
                        LinearArchitecture arch = LinearArchitecture.depth(n);
                        runs.add(measure(config, arch, arch.label() + "-sgd", LinearMethod.SGD,
                                config.study().sgdBatch(), data, basis, objective, lr, frequency, freqs,
                                artifacts, sd, false));
                    }
                }
            }
            return new SeedRuns(sample, runs);
        }
    }

    private static Run measure(Config config, LinearArchitecture arch, String network, LinearMethod method, int batch,
                               LinearPatchData data, LinearBasis basis, LinearObjective objective, double lr,
                               LinearFrequencySensitivity frequency, double[] freqs, Path artifacts, long seed,
                               boolean save) throws Exception {
        LinearTrajectory t = train(config, arch, network, method, batch, data, basis, objective, lr, frequency,
                artifacts, seed, save);
        NetworkMeasures m = NetworkMeasures.of(t.times(), t.proportion(), t.theory(), t.theoryStd(), t.sensitivity(),
                t.theoryD(), freqs, t.snapshots(), t.snapshotTimes(), t.thresholds(), t.acuity(), t.theoryAcuity(),
                config.cutoff());
        double[] perPc = new double[t.proportion().length];
        for (int i = 0; i < perPc.length; i++) {
            perPc[i] = Statistics.r2(t.proportion()[i], t.theory()[i]);
        }
        double alignedR2 = Double.NaN;
        double plainR2 = Double.NaN;
        if (t.aligned() != null) {
            double[] r2 = new LinearModeTheory.Aligned(ALIGNMENT_LEVEL, t.alignedAt(), t.aligned())
                    .r2(t.proportion(), t.theory());
            alignedR2 = r2[0];
            plainR2 = r2[1];
        }
        return new Run(network, seed, t, m, new NetworkMetrics(t.theoryForm(), perPc, alignedR2, plainR2,
                t.loss()[t.loss().length - 1], t.loss()[0], lr));
    }

    /** Trains one network, tracking the PCs, the loss, the layers' alignment, the thresholds and the spectrum. */
    static LinearTrajectory train(Config config, LinearArchitecture arch, String network, LinearMethod method,
                                  int batch, LinearPatchData data, LinearBasis basis, LinearObjective objective,
                                  double lr, LinearFrequencySensitivity frequency, Path artifacts, long seed,
                                  boolean save) throws Exception {
        int d = data.dim();
        int k = config.topPcs();
        double[] lambda = data.eigenvalues();
        long t0 = System.nanoTime();
        LinearModeInit init;
        LinearModeInit initAll;
        LinearTrainer trainer;
        long initSeed = seed * 1_000_003L + arch.label().hashCode();
        switch (method) {
            case EIGEN -> {
                double g = LinearInit.alignedGain(arch, d, config.initRule());
                double[][] gains = LinearEigenTrainer.balanced(arch, d, g);
                double sigma0 = arch.symmetric() ? g * g : Math.pow(g, arch.depth());
                init = LinearModeInit.aligned(sigma0, k);
                initAll = LinearModeInit.aligned(sigma0, d);
                trainer = new LinearEigenTrainer(arch, gains, lambda, objective, basis, lr);
            }
            case FULLBATCH -> {
                double[][] w0 = LinearInit.uniform(arch, d, initSeed, config.initRule());
                init = LinearModeInit.fromWeights(arch, w0, basis, k);
                initAll = LinearModeInit.fromWeights(arch, w0, basis, d);
                LinearCovariance sigma;
                double[][] start = w0;
                if (config.pcBasis()) {
                    sigma = LinearCovariance.diagonal(lambda);
                    start = basis.layersToPc(arch, w0);
                } else {
                    sigma = LinearCovariance.dense(basis.covariance(), d);
                }
                trainer = new LinearFullBatchTrainer(new LinearWeights(arch, d, start, DataType.FLOAT64), sigma,
                        objective, basis, lr);
            }
            default -> {
                double[][] w0 = LinearInit.uniform(arch, d, initSeed, config.initRule());
                init = LinearModeInit.fromWeights(arch, w0, basis, k);
                initAll = LinearModeInit.fromWeights(arch, w0, basis, d);
                trainer = new LinearSgdTrainer(new LinearWeights(arch, d, w0, DataType.FLOAT32), data.patches(),
                        data.count(), objective, basis, batch, lr, seed + 1, config.outputNoise());
            }
        }
        boolean align = !arch.symmetric() && arch.depth() >= 2 && method != LinearMethod.EIGEN;
        List<Long> steps = new ArrayList<>();
        List<Double> loss = new ArrayList<>();
        List<double[]> prop = new ArrayList<>();
        List<double[]> sens = new ArrayList<>();
        List<double[]> cos = new ArrayList<>();
        List<Long> snaps = new ArrayList<>();
        List<double[]> thr = new ArrayList<>();
        List<Double> acuity = new ArrayList<>();
        List<double[]> singular = new ArrayList<>();
        List<Long> svSteps = new ArrayList<>();
        Path weightsDir = artifacts.resolve("weights");
        // singular values cost an O(d³) eigen-solve: at most 11 snapshots get them
        long svEvery = config.snapshotEvery() * Math.max(1, config.steps() / config.snapshotEvery() / 10);
        try (LinearTrainer tr = trainer; Progress bar = Progress.start("linear " + network + " seed " + seed,
                config.steps())) {
            for (long s = 0; ; s++) {
                boolean last = s == config.steps();
                if (s % config.trackEvery() == 0 || last) {
                    double[] w = tr.productPc();
                    steps.add(s);
                    double l = loss(w, lambda, objective.scale(), d);
                    NonFiniteLossException.check("linear " + network, s, l);
                    loss.add(l);
                    double[] p = new double[k];
                    double[] dd = new double[k];
                    for (int i = 0; i < k; i++) {
                        p[i] = w[i * d + i];
                        double c = 0;
                        for (int r = 0; r < d; r++) {
                            c += w[r * d + i] * w[r * d + i];
                        }
                        dd[i] = c;
                    }
                    prop.add(p);
                    sens.add(dd);
                    if (align) {
                        cos.add(LayerAlignment.cosines(tr.layersPc(), d, k));
                    }
                }
                boolean snap = s % config.snapshotEvery() == 0 || last;
                boolean saveNow = save && config.saveWeightsEvery() > 0
                        && (s % config.saveWeightsEvery() == 0 || last);
                if (snap || saveNow) {
                    double[] w = tr.productPixel();
                    if (snap) {
                        double[] th = frequency.thresholds(w);
                        snaps.add(s);
                        thr.add(th);
                        acuity.add(LinearFrequencySensitivity.acuity(frequency.thetas(), th, config.cutoff()));
                        if (s % svEvery == 0 || last) {
                            singular.add(LinearSingularValues.of(w, d));
                            svSteps.add(s);
                        }
                    }
                    if (saveNow) {
                        Files.createDirectories(weightsDir);
                        Npy.write(weightsDir.resolve(network + "_step" + s + ".npy"), new long[] {d, d}, w);
                    }
                }
                if (last) {
                    break;
                }
                tr.step();
                bar.step();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] st = steps.stream().mapToLong(Long::longValue).toArray();
        long[] sn = snaps.stream().mapToLong(Long::longValue).toArray();
        double[] times = new double[st.length];
        for (int i = 0; i < st.length; i++) {
            times[i] = lr * st[i];
        }
        double[] snapTimes = new double[sn.length];
        for (int i = 0; i < sn.length; i++) {
            snapTimes[i] = lr * sn[i];
        }
        LinearModeTheory theory = new LinearModeTheory(arch, objective.scale(), RateStatistic.VARIANCE);
        LinearModeTheory theoryStd = new LinearModeTheory(arch, objective.scale(), RateStatistic.STANDARD_DEVIATION);
        double[][] proportion = transpose(prop, k);
        double[][] plain = theory.proportion(lambda, init, times);
        double[][] alignment = null;
        double[] alignedAt = null;
        double[][] aligned = null;
        if (align) {
            alignment = transpose(cos, k);
            LinearModeTheory.Aligned a = theory.fromAlignment(lambda, times, proportion, alignment, ALIGNMENT_LEVEL);
            alignedAt = a.alignedAt();
            aligned = a.curve();
        }
        double[] theoryAcuity = AcuityTheory.acuity(frequency.thetas(),
                AcuityTheory.thresholds(theory, lambda, initAll, snapTimes, basis, frequency), config.cutoff());
        return new LinearTrajectory(network, method.label(), arch, theory.form(), lr, st,
                loss.stream().mapToDouble(Double::doubleValue).toArray(), proportion, plain,
                theoryStd.proportion(lambda, init, times), transpose(sens, k),
                theory.sensitivity(lambda, init, times), alignment, alignedAt, aligned, sn,
                thr.toArray(new double[0][]), acuity.stream().mapToDouble(Double::doubleValue).toArray(),
                theoryAcuity, svSteps.stream().mapToLong(Long::longValue).toArray(), singular, seconds);
    }

    /** ℓ = scale·tr((I − W')Λ(I − W')ᵀ) in the PCA basis. */
    static double loss(double[] w, double[] lambda, double scale, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double e = (i == j ? 1 : 0) - w[i * d + j];
                s += e * e * lambda[j];
            }
        }
        return scale * s;
    }

    private static double[][] transpose(List<double[]> rows, int k) {
        double[][] r = new double[k][rows.size()];
        for (int t = 0; t < rows.size(); t++) {
            for (int i = 0; i < k; i++) {
                r[i][t] = rows.get(t)[i];
            }
        }
        return r;
    }

    /** The claims over seeds (LinearDynamicsClaims holds their written bounds). */
    static List<Claim> claims(Result r) {
        Config c = r.config();
        List<Claim> out = new ArrayList<>();
        for (String net : r.networks()) {
            List<Run> runs = r.of(net);
            LinearTrajectory t0 = runs.get(0).trajectory();
            LinearArchitecture arch = t0.architecture();
            boolean depthOne = !arch.symmetric() && arch.depth() == 1;
            boolean deep = !arch.symmetric() && arch.depth() >= 2;
            boolean sgd = net.endsWith("-sgd");
            String settings = String.format(java.util.Locale.ROOT, "%s, %s%s, %d steps, lr %s, %d×%d %s patches "
                            + "(%d), top %d PCs, %d seeds", net, t0.method(),
                    t0.method().equals("sgd") ? " batch " + (sgd ? c.study().sgdBatch() : c.batch()) : "",
                    c.steps(), c.learningRate() > 0 ? String.valueOf(c.learningRate()) : "auto", c.size(), c.size(),
                    c.images(), c.patches(), c.topPcs(), runs.size());
            out.addAll(LinearDynamicsClaims.network(net, deep, depthOne, !sgd && (depthOne || arch.symmetric()),
                    runs.stream().map(Run::measures).toList(), settings));
        }
        List<String> plainDepths = new ArrayList<>();
        for (int n : c.depths()) {
            plainDepths.add("depth" + n);
        }
        for (int i = 1; i < plainDepths.size(); i++) {
            String a = plainDepths.get(i - 1);
            String b = plainDepths.get(i);
            out.add(LinearDynamicsClaims.sharper(a, r.of(a).stream().map(Run::measures).toList(), b,
                    r.of(b).stream().map(Run::measures).toList(), a + " and " + b + ", " + c.method().label() + ", "
                            + c.steps() + " steps, " + c.images() + " patches, " + r.samples().size() + " seeds"));
        }
        for (int depth : c.study().supervisedDepths()) {
            List<SupervisedRun> runs = r.supervised().stream().filter(s -> s.run().depth() == depth).toList();
            SupervisedLinear.Config sc = SupervisedLinear.Config.defaults(depth);
            String settings = String.format(java.util.Locale.ROOT, "depth %d, variances %s, ρ = %s, orthogonal "
                            + "variance %s, %d examples, batch %d, %d steps, %d seeds", depth,
                    java.util.Arrays.toString(sc.variances()), sc.correlation(), sc.orthogonal(), sc.samples(),
                    sc.batch(), sc.steps(), runs.size());
            out.addAll(LinearDynamicsClaims.supervised(depth, runs.stream().map(SupervisedRun::run).toList(),
                    runs.stream().mapToDouble(SupervisedRun::theoryR2).toArray(), settings));
        }
        return out;
    }
}
