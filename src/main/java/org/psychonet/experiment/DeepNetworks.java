package org.psychonet.experiment;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.psychonet.images.FolderSource;
import org.psychonet.images.HueHistogram;
import org.psychonet.images.ImageSource;
import org.psychonet.images.ImageStream;
import org.psychonet.images.RgbImage;
import org.psychonet.images.Transforms;
import org.psychonet.images.World;
import org.psychonet.learning.cnn.CnnThreads;
import org.psychonet.learning.cnn.CnnTrainer;
import org.psychonet.learning.cnn.CnnTrainingConfig;
import org.psychonet.learning.cnn.ImageClassTask;
import org.psychonet.model.ModelSpec;
import org.psychonet.model.Network;
import org.psychonet.model.NetworkStore;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.WeightControls;
import org.psychonet.model.arch.ArchSpec;
import org.psychonet.sensitivity.DerivativeMethod;
import org.psychonet.sensitivity.SensitivityConfig;
import org.psychonet.sensitivity.SensitivityEngine;
import org.psychonet.sensitivity.SensitivityProfile;
import org.psychonet.stimulus.Gabor;
import org.psychonet.stimulus.Hue;
import org.psychonet.stimulus.Normalized;
import org.psychonet.stimulus.StimulusFamily;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.Statistics;

/**
 * Figs 2c, 3c, 3d and SI Fig. 1: orientation and hue sensitivity of every layer of a deep network,
 * after training on naturalistic images and in the paper's controls — untrained (default
 * initialization), trained weights shuffled within each tensor, trained on images rotated by 45°, and
 * trained on images whose hue is shifted by 90°.
 *
 * <p>Stimuli: the paper's Gabor scaled to the input size (cycles per image and σ/size kept), pixels in
 * [−1, 1] read as z-scored units (Methods); uniform-hue images with S and V marginalized over [0.5, 1],
 * standardized with ImageNet's channel statistics like the training images.
 */
public final class DeepNetworks {
    public static final List<String> CONTROLS = List.of("init", "shuffle", "rotate45", "hueshift90");

    /**
     * @param arch             architecture (resnet18, vgg16bn, alexnet, alexnet-nonoverlap, small)
     * @param width            resnet18/small: first-stage channels; vgg16bn/alexnet: width divisor
     * @param inputSize        network input side (Fig. 2: 224)
     * @param train            "world" or a folder (one sub-folder per class = labelled; else which-image task)
     * @param sourceImages     training images used (the world: also the number of classes)
     * @param sourceSide       side of the square training images crops are taken from (2 × input by default)
     * @param rotateDeg        rotation of the main training images (0; SI Fig. 1b uses 45 as a control)
     * @param hueShiftDeg      hue shift of the main training images (0; Fig. 3d uses 90 as a control)
     * @param training         optimizer and schedule (Methods: SGD, momentum 0.9, weight decay 1e-4)
     * @param controls         subset of {@link #CONTROLS}
     * @param hueSteps         S and V grid points for the hue stimulus (Methods: marginalized over [0.5, 1])
     * @param histogramSigma   σ in degrees of the circular smoothing of the training hue histogram
     * @param windowDeg        half-width of the cardinal and oblique windows of cardinal_oblique_ratio (10°)
     * @param method           derivative method (exact for psychonet networks, grid for TorchScript)
     * @param model            null to train, or a model spec (torchscript:FILE.pt, saved:DIR) to measure only
     * @param checkpointDir    null, or a folder for training checkpoints (resumed when present)
     */
    public record Config(String arch, int width, int inputSize, String train, int sourceImages, int sourceSide,
                         double rotateDeg, double hueShiftDeg, CnnTrainingConfig training, List<String> controls,
                         int hueSteps, double histogramSigma, double windowDeg, String method, String model,
                         String checkpointDir) {

        /** The paper's setting: ResNet18 at 224 px, all controls (training this on 2 CPU cores takes days). */
        public static Config paper() {
            return new Config("resnet18", 64, 224, "world", 1000, 448, 0, 0, CnnTrainingConfig.paper(), CONTROLS,
                    8, 5, 10, "exact", null, null);
        }

        /** The --quick profile: the small CNN at 32 px on 64 world images, every control. */
        public static Config quick() {
            return new Config("small", 16, 32, "world", 64, 64, 0, 0,
                    new CnnTrainingConfig(300, 64, 0.05, 0.9, 1e-4, 0.25, false, 100), CONTROLS, 3, 5, 10,
                    "exact", null, null);
        }

        public Config withArch(String a, int w) {
            return new Config(a, w, inputSize, train, sourceImages, sourceSide, rotateDeg, hueShiftDeg, training,
                    controls, hueSteps, histogramSigma, windowDeg, method, model, checkpointDir);
        }

        public Config withInput(int size, int side) {
            return new Config(arch, width, size, train, sourceImages, side, rotateDeg, hueShiftDeg, training,
                    controls, hueSteps, histogramSigma, windowDeg, method, model, checkpointDir);
        }

        public Config withTrain(String t, int images) {
            return new Config(arch, width, inputSize, t, images, sourceSide, rotateDeg, hueShiftDeg, training,
                    controls, hueSteps, histogramSigma, windowDeg, method, model, checkpointDir);
        }

        public Config withTransforms(double rotate, double hueShift) {
            return new Config(arch, width, inputSize, train, sourceImages, sourceSide, rotate, hueShift, training,
                    controls, hueSteps, histogramSigma, windowDeg, method, model, checkpointDir);
        }

        public Config withTraining(CnnTrainingConfig t) {
            return new Config(arch, width, inputSize, train, sourceImages, sourceSide, rotateDeg, hueShiftDeg, t,
                    controls, hueSteps, histogramSigma, windowDeg, method, model, checkpointDir);
        }

        public Config withControls(List<String> c) {
            return new Config(arch, width, inputSize, train, sourceImages, sourceSide, rotateDeg, hueShiftDeg,
                    training, List.copyOf(c), hueSteps, histogramSigma, windowDeg, method, model, checkpointDir);
        }

        public Config withMeasurement(String m, int steps) {
            return new Config(arch, width, inputSize, train, sourceImages, sourceSide, rotateDeg, hueShiftDeg,
                    training, controls, steps, histogramSigma, windowDeg, m, model, checkpointDir);
        }

        public Config withModel(String m) {
            return new Config(arch, width, inputSize, train, sourceImages, sourceSide, rotateDeg, hueShiftDeg,
                    training, controls, hueSteps, histogramSigma, windowDeg, method, m, checkpointDir);
        }

        public Config withCheckpointDir(String d) {
            return new Config(arch, width, inputSize, train, sourceImages, sourceSide, rotateDeg, hueShiftDeg,
                    training, controls, hueSteps, histogramSigma, windowDeg, method, model, d);
        }

        /** Checks every setting; InvalidInputException names the problem and the remedy. */
        public void validate() {
            InvalidInputException.require(model != null || ArchSpec.NAMES.contains(arch), "--arch " + arch
                    + " is unknown; choose one of " + String.join(", ", ArchSpec.NAMES));
            InvalidInputException.require(inputSize >= 8, "--input-size " + inputSize + " is too small; give ≥ 8");
            InvalidInputException.require(sourceSide >= inputSize, "the training image side " + sourceSide
                    + " is below the input size " + inputSize + "; give --source-side ≥ --input-size");
            InvalidInputException.require(sourceImages >= 2, "--images " + sourceImages + ": give at least 2");
            InvalidInputException.require(training.steps() >= 1 && training.batch() >= 1,
                    "--steps and --batch must be at least 1");
            InvalidInputException.require(hueSteps >= 1, "hue S/V grid must have at least 1 point");
            for (String c : controls) {
                InvalidInputException.require(CONTROLS.contains(c), "--controls " + c + " is unknown; choose from "
                        + String.join(", ", CONTROLS));
            }
            DerivativeMethod.parse(method);
            if (model != null) {
                ModelSpec.parse(model);
            }
            InvalidInputException.require(train.equals("world") || Files.isDirectory(Path.of(train)),
                    "--train " + train + " is neither 'world' nor a folder; give world or a folder of images");
        }
    }

    /**
     * One network measured.
     *
     * @param name          trained, init, shuffle, rotate45, hueshift90 or imported
     * @param description   how it was made
     * @param training      what training did (null when untrained)
     * @param orientation   D(θ) per layer for the Gabor
     * @param hue           D(h) per layer for uniform hues
     * @param histogram     smoothed, unit-sum hue histogram of the images it was trained on (the main
     *                      training set for init and shuffle)
     * @param layers        per-layer metrics
     */
    public record Condition(String name, String description, CnnTrainer.Outcome training,
                            SensitivityProfile orientation, SensitivityProfile hue, double[] histogram,
                            Map<String, Map<String, Double>> layers) {
    }

    /** Everything measured, with the claims tested. */
    public record Result(Config config, long seed, List<String> layers, List<String> deepLayers,
                         List<Condition> conditions, List<Claim> claims, Map<String, Double> timings) {

        public Condition condition(String name) {
            return conditions.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }

        public Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("deep_layers", deepLayers);
            for (Condition c : conditions) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("description", c.description());
                if (c.training() != null) {
                    cm.put("training", c.training().summary());
                }
                cm.put("layers", c.layers());
                cm.put("deep_mean", deepMeans(c));
                m.put(c.name(), cm);
            }
            m.put("timings_s", timings);
            return m;
        }

        /** Mean of each metric over the deep layers. */
        public Map<String, Double> deepMeans(Condition c) {
            Map<String, Double> r = new LinkedHashMap<>();
            for (String metric : List.of("cardinal_oblique_ratio", "hue_corr_with_histogram", "hue_lag_deg",
                    "hue_lag_vs_reference_histogram_deg")) {
                double s = 0;
                int n = 0;
                for (String l : deepLayers) {
                    Double v = c.layers().get(l).get(metric);
                    if (v != null) {
                        s += v;
                        n++;
                    }
                }
                if (n > 0) {
                    r.put(metric, s / n);
                }
            }
            return r;
        }

        public List<Claim> claims() {
            return claims;
        }
    }

    public String name() {
        return "deepnets";
    }

    /** Trains and measures; trained networks are saved under {@code dir/networks/}. (Not yet on the typed seam
     *  of {@link Experiment}: {@code reproduce} runs it through an adapter.) */
    public Result run(Config config, Path dir, long seed) throws Exception {
        config.validate();
        // One intra-op thread throughout: reproducible numbers on a shared 2-core machine (see CnnTrainer).
        return CnnThreads.single(() -> new Run(config, dir, seed).execute());
    }

    /** One execution: holds the images and the stimuli. */
    private static final class Run {
        private final Config config;
        private final Path dir;
        private final long seed;
        private final Shape input;
        private final StimulusFamily gabor;
        private final StimulusFamily hue;
        private final Map<String, Double> timings = new LinkedHashMap<>();
        private List<RgbImage> base;
        private int[] labels;
        private List<String> classNames;

        Run(Config config, Path dir, long seed) {
            this.config = config;
            this.dir = dir;
            this.seed = seed;
            this.input = new Shape(3, config.inputSize(), config.inputSize());
            Gabor.Config g = Gabor.Config.paper().scaledTo(config.inputSize());
            this.gabor = new Gabor(g);
            this.hue = Normalized.imagenet(new Hue(new Hue.Config(config.inputSize(), 0.5, 1, 0.5, 1,
                    config.hueSteps())));
        }

        Result execute() throws Exception {
            loadBase();
            List<Condition> conditions = new ArrayList<>();
            double[] mainHistogram = histogram(prepared(config.rotateDeg(), config.hueShiftDeg()));
            List<String> layers;
            if (config.model() != null) {
                try (Network net = ModelSpec.parse(config.model()).build(input, DataType.FLOAT32, seed)) {
                    layers = net.layers();
                    conditions.add(measure("imported", "imported " + config.model(), null, net, mainHistogram,
                            mainHistogram));
                }
                return finish(layers, conditions);
            }
            String mainName = "trained";
            String mainDesc = "trained on " + describe(config.rotateDeg(), config.hueShiftDeg());
            ArchSpec spec = new ArchSpec(config.arch(), config.width(), classNames.size());
            if (config.controls().contains("init")) {
                try (TapNetwork net = spec.build(input, DataType.FLOAT32, seed)) {
                    conditions.add(measure("init", "default initialization, untrained", null, net, mainHistogram,
                            mainHistogram));
                }
            }
            Path trainedDir = dir.resolve("networks").resolve(mainName);
            try (TapNetwork net = spec.build(input, DataType.FLOAT32, seed)) {
                CnnTrainer.Outcome o = train(net, spec, mainName, config.rotateDeg(), config.hueShiftDeg());
                NetworkStore.save(net, spec, trainingRecord(mainName, config.rotateDeg(), config.hueShiftDeg()),
                        trainedDir);
                layers = net.layers();
                conditions.add(measure(mainName, mainDesc, o, net, mainHistogram, mainHistogram));
            }
            if (config.controls().contains("shuffle")) {
                try (TapNetwork net = spec.build(input, DataType.FLOAT32, seed)) {
                    NetworkStore.loadInto(net, trainedDir);
                    WeightControls.shuffleWithinTensors(net, seed + 1);
                    conditions.add(measure("shuffle", "trained weights shuffled within each tensor", null, net,
                            mainHistogram, mainHistogram));
                }
            }
            if (config.controls().contains("rotate45")) {
                double rot = config.rotateDeg() + 45;
                conditions.add(trainedCondition(spec, "rotate45", rot, config.hueShiftDeg(), mainHistogram));
            }
            if (config.controls().contains("hueshift90")) {
                double hs = config.hueShiftDeg() + 90;
                conditions.add(trainedCondition(spec, "hueshift90", config.rotateDeg(), hs, mainHistogram));
            }
            return finish(layers, conditions);
        }

        private Condition trainedCondition(ArchSpec spec, String name, double rotate, double hueShift,
                                           double[] reference) throws Exception {
            try (TapNetwork net = spec.build(input, DataType.FLOAT32, seed)) {
                CnnTrainer.Outcome o = train(net, spec, name, rotate, hueShift);
                NetworkStore.save(net, spec, trainingRecord(name, rotate, hueShift),
                        dir.resolve("networks").resolve(name));
                double[] own = histogram(prepared(rotate, hueShift));
                return measure(name, "trained on " + describe(rotate, hueShift), o, net, own, reference);
            }
        }

        private String describe(double rotate, double hueShift) {
            return config.train() + (rotate != 0 ? " rotated " + rotate + "°" : "")
                    + (hueShift != 0 ? " hue-shifted " + hueShift + "°" : "");
        }

        private Map<String, Object> trainingRecord(String name, double rotate, double hueShift) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("condition", name);
            m.put("train", config.train());
            m.put("source_images", config.sourceImages());
            m.put("source_side", config.sourceSide());
            m.put("rotate_deg", rotate);
            m.put("hue_shift_deg", hueShift);
            m.put("seed", seed);
            m.put("config", config.training());
            return m;
        }

        /** Side of the generated/loaded images, large enough that a 45° rotation still covers sourceSide. */
        private int bigSide() {
            return (int) Math.ceil(config.sourceSide() * Math.sqrt(2)) + 2;
        }

        private void loadBase() throws Exception {
            long t0 = System.nanoTime();
            int big = bigSide();
            List<RgbImage> images = new ArrayList<>();
            List<Integer> lab = new ArrayList<>();
            List<String> names = new ArrayList<>();
            if (config.train().equals("world")) {
                ImageSource w = new World(World.Config.defaults().withSize(big).withCount(config.sourceImages())
                        .withSeed(seed));
                images.addAll(List.of(ImageStream.load(w, ImageStream.range(w.count()), ImageStream.defaultThreads())));
                for (int i = 0; i < images.size(); i++) {
                    lab.add(i);
                    names.add("image" + i);
                }
            } else {
                Path root = Path.of(config.train());
                List<Path> classes;
                try (Stream<Path> s = Files.list(root)) {
                    classes = s.filter(Files::isDirectory).sorted().toList();
                }
                if (classes.size() >= 2) {
                    int perClass = Math.max(1, config.sourceImages() / classes.size());
                    for (int c = 0; c < classes.size(); c++) {
                        FolderSource f = FolderSource.open(classes.get(c), big);
                        long n = Math.min(perClass, f.count());
                        // unreadable files are left out (ImageStream.load gave nulls: NullPointerException)
                        for (RgbImage im : ImageStream.loadReadable(f, ImageStream.range(n),
                                ImageStream.defaultThreads()).images()) {
                            images.add(im);
                            lab.add(c);
                        }
                        names.add(classes.get(c).getFileName().toString());
                    }
                } else {
                    FolderSource f = FolderSource.open(root, big);
                    long n = Math.min(config.sourceImages(), f.count());
                    InvalidInputException.require(n >= 2, "--train " + root + " holds " + f.count()
                            + " image(s); the which-image task needs at least 2");
                    images.addAll(ImageStream.loadReadable(f, ImageStream.range(n), ImageStream.defaultThreads())
                            .images());
                    for (int i = 0; i < images.size(); i++) {
                        lab.add(i);
                        names.add("image" + i);
                    }
                }
            }
            base = images;
            labels = lab.stream().mapToInt(Integer::intValue).toArray();
            classNames = names;
            timings.merge("images_s", (System.nanoTime() - t0) / 1e9, Double::sum);
        }

        /** The training images of a condition: transformed, then centre-cropped to sourceSide. */
        private List<RgbImage> prepared(double rotate, double hueShift) {
            List<RgbImage> out = new ArrayList<>();
            for (RgbImage im : base) {
                RgbImage x = rotate % 360 != 0 ? Transforms.rotateImage(im, rotate) : im;
                x = hueShift % 360 != 0 ? Transforms.hueShiftImage(x, hueShift) : x;
                out.add(centerCrop(x, config.sourceSide()));
            }
            return out;
        }

        private static RgbImage centerCrop(RgbImage im, int side) {
            int s = Math.min(side, Math.min(im.height(), im.width()));
            int top = (im.height() - s) / 2;
            int left = (im.width() - s) / 2;
            float[] d = new float[3 * s * s];
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < s; i++) {
                    System.arraycopy(im.data(), (c * im.height() + top + i) * im.width() + left, d, (c * s + i) * s, s);
                }
            }
            return new RgbImage(s, s, d);
        }

        private double[] histogram(List<RgbImage> images) {
            double[] bins = new double[HueHistogram.BINS];
            for (RgbImage im : images) {
                HueHistogram.accumulate(im, bins);
            }
            return DeepMetrics.unitSum(DeepMetrics.smoothCircular(bins, config.histogramSigma()));
        }

        private CnnTrainer.Outcome train(TapNetwork net, ArchSpec spec, String name, double rotate, double hueShift)
                throws IOException {
            long t0 = System.nanoTime();
            List<ImageClassTask.Img> imgs = new ArrayList<>();
            for (RgbImage im : prepared(rotate, hueShift)) {
                imgs.add(new ImageClassTask.Img(im.height(), im.width(), im.data()));
            }
            String what = describe(rotate, hueShift);
            ImageClassTask task = classNames.size() == base.size() && isIdentity(labels)
                    ? ImageClassTask.whichImage(what, imgs, config.sourceSide())
                    : ImageClassTask.labelled(what, imgs, labels, classNames, config.sourceSide());
            Path ck = config.checkpointDir() == null ? null : Path.of(config.checkpointDir()).resolve(name);
            CnnTrainer.Outcome o = new CnnTrainer(config.training()).train(net, spec, task, seed, ck,
                    trainingRecord(name, rotate, hueShift));
            timings.merge("training_s", (System.nanoTime() - t0) / 1e9, Double::sum);
            return o;
        }

        private static boolean isIdentity(int[] labels) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] != i) {
                    return false;
                }
            }
            return true;
        }

        private Condition measure(String name, String description, CnnTrainer.Outcome training, Network net,
                                  double[] histogram, double[] reference) {
            long t0 = System.nanoTime();
            DerivativeMethod m = DerivativeMethod.parse(config.method());
            if (m == DerivativeMethod.EXACT && !net.supportsTangent()) {
                m = DerivativeMethod.GRID;
            }
            SensitivityEngine engine = new SensitivityEngine(SensitivityConfig.defaults(m).withBatchSize(256));
            SensitivityProfile o = engine.measure(net, gabor, gabor.axis().grid(gabor.axis().defaultCount()));
            SensitivityProfile h = engine.measure(net, hue, hue.axis().grid(hue.axis().defaultCount()));
            Map<String, Map<String, Double>> layers = new LinkedHashMap<>();
            double[] deg = new double[o.thetas().length];
            for (int i = 0; i < deg.length; i++) {
                deg[i] = o.axis().toDisplay(o.thetas()[i]);
            }
            for (int l = 0; l < o.layers().size(); l++) {
                Map<String, Double> v = new LinkedHashMap<>();
                v.put("cardinal_oblique_ratio", DeepMetrics.cardinalObliqueRatio(deg, o.normalized(l),
                        config.windowDeg()));
                double[] hn = h.normalized(l);
                v.put("hue_corr_with_histogram", Statistics.pearson(hn, histogram));
                v.put("hue_lag_deg", DeepMetrics.lagDeg(histogram, hn));
                v.put("hue_lag_vs_reference_histogram_deg", DeepMetrics.lagDeg(reference, hn));
                layers.put(o.layers().get(l), v);
            }
            timings.merge("sensitivity_s", (System.nanoTime() - t0) / 1e9, Double::sum);
            return new Condition(name, description, training, o, h, histogram, layers);
        }

        private Result finish(List<String> layers, List<Condition> conditions) {
            int n = layers.size();
            List<String> deep = layers.subList(n - (n + 2) / 3, n);
            Result partial = new Result(config, seed, layers, List.copyOf(deep), conditions, List.of(), timings);
            return new Result(config, seed, layers, List.copyOf(deep), conditions, DeepClaims.of(partial), timings);
        }
    }
}
