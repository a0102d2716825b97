package org.psychonet.experiment;

import ai.djl.ndarray.types.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.psychonet.stimulus.PlaneWave;
import org.psychonet.util.Statistics;
import org.psychonet.theory.LinearModeInit;
import org.psychonet.theory.LinearModeTheory;
import org.psychonet.theory.RateStatistic;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.Npy;
import org.psychonet.util.Progress;

/**
 * Figs 4–5 and SI Fig. 2: linear networks trained to reconstruct image patches learn the PCs in order of
 * their variance, along the sigmoids the theory predicts (overlaid, initial condition from the simulation's
 * initial weights, nothing fitted), and their spatial-frequency acuity grows linearly with training.
 */
public final class LinearDynamics implements Experiment<LinearDynamics.Config, LinearDynamics.Result> {

    /** Writes the experiment's CSVs and figures (the report layer's job; injected so experiment stays below it). */
    public interface Writer {
        void spectrum(LinearPatchData data, Path dir) throws java.io.IOException;

        void run(LinearTrajectory t, LinearPatchData data, double[] freqs, PlaneWave wave, double cutoff, Path dir)
                throws java.io.IOException;

        void depths(List<LinearTrajectory> runs, LinearPatchData data, Path dir) throws java.io.IOException;
    }

    private final Writer writer;

    public LinearDynamics(Writer writer) {
        this.writer = writer;
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
     */
    public record Config(List<Integer> depths, boolean symmetric, LinearMethod method, long steps,
                         double learningRate, int batch, int patches, int size, String images, int topPcs,
                         int trackEvery, int snapshotEvery, int frequencies, int phases, double acuityCutoff,
                         int saveWeightsEvery, boolean pcBasis) {

        /** The paper's settings (Methods, "Linear network experiments"; Fig. 5). */
        public static Config paper() {
            return new Config(List.of(1, 2, 3), true, LinearMethod.SGD, 3000, 1.0, 16_384, 100_000, 32,
                    "world", 50, 10, 50, 316, 64, 0.1, 0, true);
        }

        /**
         * Fast profile for tests and {@code reproduce --quick}: exact full-batch GD on 16×16 synthetic patches with
         * a 1/rank spectrum (the built-in world's spectrum is far steeper — λ_1/λ_50 ≈ 500 at 16×16 — and would need
         * ~10× more steps), automatic learning rate, 2,000 steps.
         */
        public static Config quick() {
            return new Config(List.of(1, 2, 3), true, LinearMethod.FULLBATCH, 2000, 0, 16_384, 0, 16,
                    "synthetic", 50, 10, 50, 156, 64, 0.1, 0, true);
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

        public void validate() {
            InvalidInputException.require(!depths.isEmpty() || symmetric, "no network to train; give --depth N "
                    + "or --symmetric");
            for (int n : depths) {
                InvalidInputException.require(n >= 1 && n <= 8, "--depth " + n + " is out of range; give 1 to 8");
            }
            InvalidInputException.require(steps >= 1, "--steps must be at least 1");
            InvalidInputException.require(Double.isFinite(learningRate),
                    "--lr must be a number (0: automatic)");
            InvalidInputException.require(size >= 4 && size <= 64, "--size " + size + " is out of range; give 4 to 64");
            InvalidInputException.require(topPcs >= 2 && topPcs <= size * size, "--top-pcs must be in [2, "
                    + size * size + "]");
            InvalidInputException.require(batch >= 1, "--batch must be at least 1");
            InvalidInputException.require(method != LinearMethod.SGD || patches >= 1,
                    "--method sgd needs patches; give --patches N");
            InvalidInputException.require(images != null && !images.isBlank(), "--images is empty; give synthetic, "
                    + "world or a folder of images");
            InvalidInputException.require(images.equals("synthetic") || patches >= 2, "--images " + images
                    + " needs patches to estimate Σ; give --patches N (the paper: 100000)");
            InvalidInputException.require(trackEvery >= 1 && snapshotEvery >= 1, "tracking intervals must be ≥ 1");
            InvalidInputException.require(frequencies >= 3, "--frequencies must be at least 3");
            InvalidInputException.require(saveWeightsEvery >= 0, "--save-weights must be ≥ 0 (0: never)");
        }
    }

    /** Per-architecture metrics and the claims they test. */
    public record Result(Map<String, Object> summary, List<Claim> claims, List<LinearTrajectory> runs)
            implements ExperimentResult {
    }

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public Result run(Config config, Path dir, long seed) throws Exception {
        config.validate();
        LinearPatchData data = LinearPatchSources.load(config.images(), config.size(),
                config.method() == LinearMethod.SGD || !config.images().equals("synthetic") ? config.patches() : 0,
                seed);
        int d = data.dim();
        PlaneWave wave = new PlaneWave(new PlaneWave.Config(config.size(), 1.0, config.phases(), 0.5, config.size()));
        double[] freqs = wave.axis().grid(config.frequencies());
        LinearFrequencySensitivity frequency = new LinearFrequencySensitivity(wave, freqs);
        LinearObjective objective = LinearObjective.mse(d);
        if (config.learningRate() <= 0) {
            config = config.withTraining(config.method(), config.steps(),
                    0.12 / (2 * objective.scale() * data.eigenvalues()[0]));
        }
        List<LinearTrajectory> runs = new ArrayList<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        List<Claim> claims = new ArrayList<>();
        try (LinearBasis basis = data.basis()) {
            writer.spectrum(data, dir);
            for (LinearArchitecture arch : config.architectures()) {
                LinearTrajectory t = train(config, arch, data, basis, objective, frequency, dir, seed);
                runs.add(t);
                writer.run(t, data, freqs, wave, config.cutoff(), dir);
                Map<String, Object> m = metrics(t, config, freqs);
                summary.put(arch.label(), m);
                claims.addAll(claims(arch, m, config));
            }
            writer.depths(runs, data, dir);
        }
        Map<String, Object> top = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) summary.get(runs.get(0).architecture().label());
        for (String key : List.of("pc_order_spearman", "theory_r2", "acuity_slope", "acuity_r2", "final_loss")) {
            top.put(key, first.get(key));
        }
        top.put("primary", runs.get(0).architecture().label());
        top.put("data", data.name());
        top.put("dim", d);
        top.put("learning_rate", config.learningRate());
        top.put("runs", summary);
        return new Result(top, claims, runs);
    }

    /** Trains one architecture, tracking the PCs, the loss, the thresholds and the singular values. */
    static LinearTrajectory train(Config config, LinearArchitecture arch, LinearPatchData data, LinearBasis basis,
                                  LinearObjective objective, LinearFrequencySensitivity frequency, Path dir,
                                  long seed) throws Exception {
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
        Path weightsDir = dir.resolve("weights");
        // singular values cost an O(d³) eigen-solve: at most 11 snapshots get them
        long svEvery = config.snapshotEvery() * Math.max(1, config.steps() / config.snapshotEvery() / 10);
        try (LinearTrainer tr = trainer; Progress bar = Progress.start("linear " + arch.label(), config.steps())) {
            for (long s = 0; ; s++) {
                boolean last = s == config.steps();
                if (s % config.trackEvery() == 0 || last) {
                    double[] w = tr.productPc();
                    steps.add(s);
                    loss.add(loss(w, lambda, objective.scale(), d));
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

    static Map<String, Object> metrics(LinearTrajectory t, Config config, double[] freqs) {
        Map<String, Object> m = new LinkedHashMap<>();
        int k = t.proportion().length;
        double[] half = halfSteps(t.steps(), t.proportion());
        double[] index = new double[k];
        for (int i = 0; i < k; i++) {
            index[i] = i + 1;
        }
        m.put("pc_order_spearman", Statistics.spearman(index, half));
        double[] perPc = new double[k];
        for (int i = 0; i < k; i++) {
            perPc[i] = Statistics.r2(t.proportion()[i], t.theory()[i]);
        }
        m.put("theory_r2", Statistics.pooledR2(t.proportion(), t.theory()));
        m.put("theory_r2_if_rate_were_std", Statistics.pooledR2(t.proportion(), t.theoryStd()));
        m.put("theory_r2_per_pc", perPc);
        m.put("theory_form", t.theoryForm());
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
        putLine(m, "acuity", xs, ys);
        putLine(m, "acuity_all_snapshots", xa, ya);
        m.put("acuity_censored_at_grid_top", censored);
        m.put("acuity_first", ya.isEmpty() ? Double.NaN : ya.get(0));
        m.put("acuity_last", ya.isEmpty() ? Double.NaN : ya.get(ya.size() - 1));
        m.put("acuity_cutoff", config.cutoff());
        m.put("final_loss", t.loss()[t.loss().length - 1]);
        m.put("initial_loss", t.loss()[0]);
        m.put("steps", config.steps());
        m.put("learning_rate", t.learningRate());
        m.put("train_s", t.seconds());
        return m;
    }

    private static void putLine(Map<String, Object> m, String prefix, List<Double> xs, List<Double> ys) {
        if (xs.size() >= 3) {
            Statistics.Line line = Statistics.line(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray());
            m.put(prefix + "_slope", line.slope());
            m.put(prefix + "_intercept", line.intercept());
            m.put(prefix + "_r2", line.r2());
        } else {
            m.put(prefix + "_slope", Double.NaN);
            m.put(prefix + "_r2", Double.NaN);
        }
        m.put(prefix + "_points", xs.size());
    }

    static List<Claim> claims(LinearArchitecture arch, Map<String, Object> m, Config c) {
        String settings = arch.label() + ", " + c.method().label() + ", " + c.steps() + " steps, lr " + c.learningRate()
                + ", " + c.size() + "×" + c.size() + " " + c.images() + " patches, top " + c.topPcs() + " PCs";
        String l = arch.label();
        List<Claim> r = new ArrayList<>();
        r.add(Claim.paper("linear.pc_order." + l, "Fig. 5c", "PCs are learned in order of their variance (" + l + ")")
                .measured("pc_order_spearman", (double) m.get("pc_order_spearman")).settings(settings).atLeast(0.95));
        double bound = arch.symmetric() || arch.depth() == 1 ? 0.95 : 0.85;
        r.add(Claim.paper("linear.theory." + l, "Fig. 5c / eq. 7", "theory matches simulation (" + l
                + "), initial condition from the initial weights, nothing fitted")
                .measured("theory_r2", (double) m.get("theory_r2")).settings(settings).atLeast(bound));
        double a0 = (double) m.get("acuity_first");
        double a1 = (double) m.get("acuity_last");
        r.add(Claim.paper("linear.acuity_grows." + l, "Fig. 5h", "acuity grows with training (" + l + ")")
                .measured("acuity_last - acuity_first", a1 - a0).settings(settings).above(0));
        r.add(Claim.paper("linear.acuity_linear." + l, "Fig. 5h", "acuity grows linearly with training (" + l + ")")
                .measured("acuity_r2", (double) m.get("acuity_r2")).settings(settings).atLeast(0.9));
        return r;
    }
}
