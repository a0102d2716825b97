package org.psychonet.experiment;

import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psychonet.learning.LinearArchitecture;
import org.psychonet.learning.LinearBasis;
import org.psychonet.learning.LinearCovariance;
import org.psychonet.learning.LinearEigenTrainer;
import org.psychonet.learning.LinearFrequencySensitivity;
import org.psychonet.learning.LinearFullBatchTrainer;
import org.psychonet.learning.LinearInit;
import org.psychonet.learning.LinearMethod;
import org.psychonet.learning.LinearObjective;
import org.psychonet.learning.LinearPatchData;
import org.psychonet.learning.LinearPatchSources;
import org.psychonet.learning.LinearSgdTrainer;
import org.psychonet.learning.LinearSingularValues;
import org.psychonet.learning.LinearTrainer;
import org.psychonet.learning.LinearWeights;
import org.psychonet.stimulus.PlaneWave;
import org.psychonet.util.Statistics;
import org.psychonet.theory.LinearModeInit;
import org.psychonet.theory.LinearModeTheory;
import org.psychonet.theory.RateStatistic;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.NonFiniteLossException;
import org.psychonet.util.Npy;
import org.psychonet.util.Progress;

/**
 * Figs 4–5 and SI Fig. 2: linear networks trained to reconstruct image patches learn the PCs in order of
 * their variance, along the sigmoids the theory predicts (overlaid, initial condition from the simulation's
 * initial weights, nothing fitted), and their spatial-frequency acuity grows linearly with training.
 */
public final class LinearDynamics implements Experiment<LinearDynamics.Config, LinearDynamics.Result> {

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
     */
    public record Config(List<Integer> depths, boolean symmetric, LinearMethod method, long steps,
                         double learningRate, int batch, int patches, int size, String images, int topPcs,
                         int trackEvery, int snapshotEvery, int frequencies, int phases, double acuityCutoff,
                         int saveWeightsEvery, boolean pcBasis) {

        /** Patches of the paper's runs (Methods, "Linear network experiments": over 100,000). */
        public static final int PAPER_PATCHES = 100_000;
        /** Patches the quick profile estimates Σ from when it learns from images rather than synthetic data. */
        public static final int QUICK_IMAGE_PATCHES = 20_000;

        /** The paper's settings (Methods, "Linear network experiments"; Fig. 5). */
        public static Config paper() {
            return new Config(List.of(1, 2, 3), true, LinearMethod.SGD, 3000, 1.0, 16_384, PAPER_PATCHES, 32,
                    "world", 50, 10, 50, frequencyGrid(32), 64, 0.1, 0, true);
        }

        /** Points of the fine frequency grid at a patch size: step 0.1 rad per π-span over [0.5, size − 0.5]. */
        public static int frequencyGrid(int size) {
            return (int) Math.round((size - 0.5) / 0.1) + 1;
        }

        /**
         * Fast profile for tests and {@code reproduce --quick}: exact full-batch GD on 16×16 synthetic patches with
         * a 1/rank spectrum (the built-in world's spectrum is far steeper — λ_1/λ_50 ≈ 500 at 16×16 — and would need
         * ~10× more steps), automatic learning rate, 2,000 steps.
         */
        public static Config quick() {
            return new Config(List.of(1, 2, 3), true, LinearMethod.FULLBATCH, 2000, 0, 16_384, 0, 16,
                    "synthetic", 50, 10, 50, frequencyGrid(16), 64, 0.1, 0, true);
        }

        /** The patch source; a source of images without a patch count gets {@link #QUICK_IMAGE_PATCHES}. */
        public Config withImages(String source) {
            int n = patches == 0 && !"synthetic".equals(source) ? QUICK_IMAGE_PATCHES : patches;
            return new Config(depths, symmetric, method, steps, learningRate, batch, n, size, source, topPcs,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis);
        }

        /** The trainer; sgd without a patch count gets the paper's {@link #PAPER_PATCHES}. */
        public Config withMethod(LinearMethod m) {
            int n = patches == 0 && m == LinearMethod.SGD ? PAPER_PATCHES : patches;
            return new Config(depths, symmetric, m, steps, learningRate, batch, n, size, images, topPcs,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis);
        }

        /** The patch side; the frequency grid follows it ({@link #frequencyGrid}). */
        public Config withSize(int side) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, patches, side, images, topPcs,
                    trackEvery, snapshotEvery, frequencyGrid(side), phases, acuityCutoff, saveWeightsEvery, pcBasis);
        }

        public Config withPatches(int n) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, n, size, images, topPcs,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis);
        }

        public Config withSteps(long s) {
            return withTraining(method, s, learningRate);
        }

        public Config withLearningRate(double lr) {
            return withTraining(method, steps, lr);
        }

        public Config withBatch(int b) {
            return new Config(depths, symmetric, method, steps, learningRate, b, patches, size, images, topPcs,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis);
        }

        public Config withTopPcs(int k) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, patches, size, images, k,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis);
        }

        public Config withFrequencies(int n) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, patches, size, images, topPcs,
                    trackEvery, snapshotEvery, n, phases, acuityCutoff, saveWeightsEvery, pcBasis);
        }

        public Config withTracking(int track, int snapshot) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, patches, size, images, topPcs,
                    track, snapshot, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis);
        }

        public Config withSaveWeightsEvery(int every) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, patches, size, images, topPcs,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, every, pcBasis);
        }

        public Config withPcBasis(boolean pc) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, patches, size, images, topPcs,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pc);
        }

        public Config withDepths(List<Integer> d, boolean sym) {
            return new Config(d, sym, method, steps, learningRate, batch, patches, size, images, topPcs, trackEvery,
                    snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis);
        }

        public Config withTraining(LinearMethod m, long s, double lr) {
            return new Config(depths, symmetric, m, s, lr, batch, patches, size, images, topPcs, trackEvery,
                    snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis);
        }

        public Config withData(String source, int n, int side) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, n, side, source, topPcs,
                    trackEvery, snapshotEvery, frequencies, phases, acuityCutoff, saveWeightsEvery, pcBasis);
        }

        public Config withSampling(int track, int snapshot, int freqs, int save) {
            return new Config(depths, symmetric, method, steps, learningRate, batch, patches, size, images, topPcs,
                    track, snapshot, freqs, phases, acuityCutoff, save, pcBasis);
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
        }
    }

    /**
     * Everything the run measured; {@code org.psychonet.report.LinearReport} draws it.
     *
     * @param config      the settings, with the learning rate resolved (never 0: the automatic rate is filled in)
     * @param data        the patch source's name
     * @param eigenvalues the PC variances of the patches, descending (Fig. 5b)
     * @param frequencies the plane wave's frequency grid of the thresholds (Fig. 5f)
     * @param runs        one per architecture, in {@link Config#architectures()} order
     */
    public record Result(Config config, String data, double[] eigenvalues, double[] frequencies, List<Run> runs,
                         List<Claim> claims) implements ExperimentResult {

        /** The patch dimension d. */
        public int dim() {
            return eigenvalues.length;
        }

        @Override
        public Summary summary() {
            Map<String, NetworkMetrics> per = new LinkedHashMap<>();
            runs.forEach(r -> per.put(r.trajectory().architecture().label(), r.metrics()));
            NetworkMetrics first = runs.get(0).metrics();
            return new Summary(first.pcOrderSpearman(), first.theoryR2(), first.acuitySlope(), first.acuityR2(),
                    first.finalLoss(), runs.get(0).trajectory().architecture().label(), data, dim(),
                    config.learningRate(), per);
        }
    }

    /** One architecture: what training recorded, and the metrics computed from it. */
    public record Run(LinearTrajectory trajectory, NetworkMetrics metrics) {
    }

    /**
     * result.json's summary: the first network's headline metrics, then every network's under {@code runs}.
     *
     * @param primary the first network's label, whose metrics are repeated at the top
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(double pcOrderSpearman, double theoryR2, double acuitySlope, double acuityR2,
                          double finalLoss, String primary, String data, int dim, double learningRate,
                          Map<String, NetworkMetrics> runs) {
    }

    /**
     * The metrics of one trained network.
     *
     * @param pcOrderSpearman            Spearman ρ between PC index and the step at which it reaches half its final
     *                                   proportion learned (top PCs)
     * @param theoryR2                   pooled R² of the theory's proportion learned against the simulation's
     * @param theoryR2IfRateWereStd      the same with the PC's standard deviation as rate (the paper's wording)
     * @param acuitySlope                slope of acuity against steps over the uncensored snapshots (NaN: < 3 points)
     * @param acuityIntercept            its intercept (absent with < 3 points)
     * @param acuityCensoredAtGridTop    snapshots whose acuity sits at the top of the frequency grid
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NetworkMetrics(double pcOrderSpearman, double theoryR2, double theoryR2IfRateWereStd,
                                 double[] theoryR2PerPc, String theoryForm, double acuitySlope, Double acuityIntercept,
                                 double acuityR2, int acuityPoints, double acuityAllSnapshotsSlope,
                                 Double acuityAllSnapshotsIntercept, double acuityAllSnapshotsR2,
                                 int acuityAllSnapshotsPoints, int acuityCensoredAtGridTop, double acuityFirst,
                                 double acuityLast, double acuityCutoff, double finalLoss, double initialLoss,
                                 long steps, double learningRate) {
    }

    /** The plane wave probed for thresholds and acuity (Fig. 5e–h) at the config's patch size. */
    public static PlaneWave wave(Config config) {
        return new PlaneWave(new PlaneWave.Config(config.size(), 1.0, config.phases(), 0.5, config.size()));
    }

    @Override
    public String id() {
        return "linear";
    }

    /** Trains every architecture; with {@code saveWeightsEvery} > 0, W is written to {@code artifacts/weights/}. */
    @Override
    public Result run(Config config, long seed, Path artifacts) throws Exception {
        config.validate();
        LinearPatchData data = LinearPatchSources.load(config.images(), config.size(),
                config.method() == LinearMethod.SGD || !config.images().equals("synthetic") ? config.patches() : 0,
                seed);
        PlaneWave wave = wave(config);
        double[] freqs = wave.axis().grid(config.frequencies());
        LinearFrequencySensitivity frequency = new LinearFrequencySensitivity(wave, freqs);
        LinearObjective objective = LinearObjective.mse(data.dim());
        if (config.learningRate() <= 0) {
            config = config.withTraining(config.method(), config.steps(),
                    0.12 / (2 * objective.scale() * data.eigenvalues()[0]));
        }
        List<Run> runs = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        try (LinearBasis basis = data.basis()) {
            for (LinearArchitecture arch : config.architectures()) {
                LinearTrajectory t = train(config, arch, data, basis, objective, frequency, artifacts, seed);
                NetworkMetrics m = metrics(t, config, freqs);
                runs.add(new Run(t, m));
                claims.addAll(claims(arch, m, config));
            }
        }
        return new Result(config, data.name(), data.eigenvalues(), freqs, runs, claims);
    }

    /** Trains one architecture, tracking the PCs, the loss, the thresholds and the singular values. */
    static LinearTrajectory train(Config config, LinearArchitecture arch, LinearPatchData data, LinearBasis basis,
                                  LinearObjective objective, LinearFrequencySensitivity frequency,
                                  Path artifacts, long seed) throws Exception {
        int d = data.dim();
        int k = config.topPcs();
        double[] lambda = data.eigenvalues();
        long t0 = System.nanoTime();
        LinearModeInit init;
        LinearTrainer trainer;
        long initSeed = seed * 1_000_003L + arch.label().hashCode();
        switch (config.method()) {
            case EIGEN -> {
                double g = LinearInit.alignedGain(arch, d);
                double[][] gains = LinearEigenTrainer.balanced(arch, d, g);
                double sigma0 = arch.symmetric() ? g * g : Math.pow(g, arch.depth());
                init = LinearModeInit.aligned(sigma0, k);
                trainer = new LinearEigenTrainer(arch, gains, lambda, objective, basis, config.learningRate());
            }
            case FULLBATCH -> {
                double[][] w0 = LinearInit.uniform(arch, d, initSeed);
                init = LinearModeInit.fromWeights(arch, w0, basis, k);
                LinearCovariance sigma;
                double[][] start = w0;
                if (config.pcBasis()) {
                    sigma = LinearCovariance.diagonal(lambda);
                    start = basis.layersToPc(arch, w0);
                } else {
                    sigma = LinearCovariance.dense(basis.covariance(), d);
                }
                trainer = new LinearFullBatchTrainer(new LinearWeights(arch, d, start, DataType.FLOAT64), sigma,
                        objective, basis, config.learningRate());
            }
            default -> {
                double[][] w0 = LinearInit.uniform(arch, d, initSeed);
                init = LinearModeInit.fromWeights(arch, w0, basis, k);
                trainer = new LinearSgdTrainer(new LinearWeights(arch, d, w0, DataType.FLOAT32), data.patches(),
                        data.count(), objective, basis, config.batch(), config.learningRate(), seed + 1);
            }
        }
        List<Long> steps = new ArrayList<>();
        List<Double> loss = new ArrayList<>();
        List<double[]> prop = new ArrayList<>();
        List<double[]> sens = new ArrayList<>();
        List<Long> snaps = new ArrayList<>();
        List<double[]> thr = new ArrayList<>();
        List<Double> acuity = new ArrayList<>();
        List<double[]> singular = new ArrayList<>();
        List<Long> svSteps = new ArrayList<>();
        Path weightsDir = artifacts.resolve("weights");
        // singular values cost an O(d³) eigen-solve: at most 11 snapshots get them
        long svEvery = config.snapshotEvery() * Math.max(1, config.steps() / config.snapshotEvery() / 10);
        try (LinearTrainer tr = trainer; Progress bar = Progress.start("linear " + arch.label(), config.steps())) {
            for (long s = 0; ; s++) {
                boolean last = s == config.steps();
                if (s % config.trackEvery() == 0 || last) {
                    double[] w = tr.productPc();
                    steps.add(s);
                    double l = loss(w, lambda, objective.scale(), d);
                    NonFiniteLossException.check("linear " + arch.label(), s, l);
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
                }
                boolean snap = s % config.snapshotEvery() == 0 || last;
                boolean save = config.saveWeightsEvery() > 0 && (s % config.saveWeightsEvery() == 0 || last);
                if (snap || save) {
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
                    if (save) {
                        Files.createDirectories(weightsDir);
                        Npy.write(weightsDir.resolve(arch.label() + "_step" + s + ".npy"), new long[] {d, d}, w);
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
        double[] times = new double[st.length];
        for (int i = 0; i < st.length; i++) {
            times[i] = config.learningRate() * st[i];
        }
        LinearModeTheory theory = new LinearModeTheory(arch, objective.scale(), RateStatistic.VARIANCE);
        LinearModeTheory theoryStd = new LinearModeTheory(arch, objective.scale(), RateStatistic.STANDARD_DEVIATION);
        return new LinearTrajectory(arch, theory.form(), config.learningRate(), st,
                loss.stream().mapToDouble(Double::doubleValue).toArray(), transpose(prop, k),
                theory.proportion(lambda, init, times), theoryStd.proportion(lambda, init, times),
                transpose(sens, k), snaps.stream().mapToLong(Long::longValue).toArray(), thr.toArray(new double[0][]),
                acuity.stream().mapToDouble(Double::doubleValue).toArray(),
                svSteps.stream().mapToLong(Long::longValue).toArray(), singular, seconds);
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

    /**
     * Step at which each PC first reaches half of its final proportion learned (linear interpolation between
     * tracked steps); NaN when it never does.
     */
    public static double[] halfSteps(long[] steps, double[][] proportion) {
        double[] r = new double[proportion.length];
        for (int i = 0; i < proportion.length; i++) {
            double[] p = proportion[i];
            double half = p[p.length - 1] / 2;
            r[i] = Double.NaN;
            for (int t = 0; t < p.length; t++) {
                if (p[t] >= half) {
                    if (t == 0) {
                        r[i] = steps[0];
                    } else {
                        double f = (half - p[t - 1]) / (p[t] - p[t - 1]);
                        r[i] = steps[t - 1] + f * (steps[t] - steps[t - 1]);
                    }
                    break;
                }
            }
        }
        return r;
    }

    static NetworkMetrics metrics(LinearTrajectory t, Config config, double[] freqs) {
        int k = t.proportion().length;
        double[] half = halfSteps(t.steps(), t.proportion());
        double[] index = new double[k];
        for (int i = 0; i < k; i++) {
            index[i] = i + 1;
        }
        double[] perPc = new double[k];
        for (int i = 0; i < k; i++) {
            perPc[i] = Statistics.r2(t.proportion()[i], t.theory()[i]);
        }
        // Acuity at the top of the frequency grid is censored (the grid ends at the Nyquist-range limit), so it
        // says nothing about growth: the line is fitted to the snapshots whose acuity is finite and below it.
        double top = freqs[freqs.length - 1];
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> xa = new ArrayList<>();
        List<Double> ya = new ArrayList<>();
        int censored = 0;
        for (int i = 0; i < t.snapshots().length; i++) {
            double a = t.acuity()[i];
            if (!Double.isFinite(a)) {
                continue;
            }
            xa.add((double) t.snapshots()[i]);
            ya.add(a);
            if (a >= top) {
                censored++;
                continue;
            }
            xs.add((double) t.snapshots()[i]);
            ys.add(a);
        }
        Statistics.Line line = line(xs, ys);
        Statistics.Line all = line(xa, ya);
        return new NetworkMetrics(Statistics.spearman(index, half), Statistics.pooledR2(t.proportion(), t.theory()),
                Statistics.pooledR2(t.proportion(), t.theoryStd()), perPc, t.theoryForm(),
                line == null ? Double.NaN : line.slope(), line == null ? null : line.intercept(),
                line == null ? Double.NaN : line.r2(), xs.size(), all == null ? Double.NaN : all.slope(),
                all == null ? null : all.intercept(), all == null ? Double.NaN : all.r2(), xa.size(), censored,
                ya.isEmpty() ? Double.NaN : ya.get(0), ya.isEmpty() ? Double.NaN : ya.get(ya.size() - 1),
                config.cutoff(), t.loss()[t.loss().length - 1], t.loss()[0], config.steps(), t.learningRate());
    }

    /** The least-squares line through the points, or null with fewer than 3. */
    private static Statistics.Line line(List<Double> xs, List<Double> ys) {
        return xs.size() < 3 ? null : Statistics.line(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static List<Claim> claims(LinearArchitecture arch, NetworkMetrics m, Config c) {
        String settings = arch.label() + ", " + c.method().label() + ", " + c.steps() + " steps, lr " + c.learningRate()
                + ", " + c.size() + "×" + c.size() + " " + c.images() + " patches, top " + c.topPcs() + " PCs";
        String l = arch.label();
        List<Claim> r = new ArrayList<>();
        r.add(Claim.paper("linear.pc_order." + l, "Fig. 5c", "PCs are learned in order of their variance (" + l + ")")
                .measured("pc_order_spearman", m.pcOrderSpearman()).settings(settings).atLeast(0.95));
        double bound = arch.symmetric() || arch.depth() == 1 ? 0.95 : 0.85;
        r.add(Claim.paper("linear.theory." + l, "Fig. 5c / eq. 7", "theory matches simulation (" + l
                + "), initial condition from the initial weights, nothing fitted")
                .measured("theory_r2", m.theoryR2()).settings(settings).atLeast(bound));
        double a0 = m.acuityFirst();
        double a1 = m.acuityLast();
        r.add(Claim.paper("linear.acuity_grows." + l, "Fig. 5h", "acuity grows with training (" + l + ")")
                .measured("acuity_last - acuity_first", a1 - a0).settings(settings).above(0));
        r.add(Claim.paper("linear.acuity_linear." + l, "Fig. 5h", "acuity grows linearly with training (" + l + ")")
                .measured("acuity_r2", m.acuityR2()).settings(settings).atLeast(0.9));
        return r;
    }
}
