package org.psychonet.experiment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.psychonet.images.FolderSource;
import org.psychonet.images.HueHistogram;
import org.psychonet.images.HuePrior;
import org.psychonet.images.ImageStream;
import org.psychonet.images.OrientationPrior;
import org.psychonet.images.RgbImage;
import org.psychonet.images.Transforms;
import org.psychonet.images.UnreadableImageException;
import org.psychonet.images.World;
import org.psychonet.learning.cnn.CnnParallel;
import org.psychonet.learning.cnn.CnnThreads;
import org.psychonet.learning.cnn.CnnTrainer;
import org.psychonet.learning.cnn.CnnTrainingConfig;
import org.psychonet.learning.cnn.ConvDecoder;
import org.psychonet.learning.cnn.CnnTask;
import org.psychonet.learning.cnn.DenoisingTask;
import org.psychonet.learning.cnn.ImageClassTask;
import org.psychonet.learning.cnn.ImageCrops;
import org.psychonet.learning.cnn.ImagePool;
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
import org.psychonet.util.Progress;

/**
 * Figs 2c, 3b–d and SI Figs 1 and 3, credibly at CPU scale (issue 12): CNNs trained on worlds that differ in one
 * prior only, on objectives that need the images' structure, measured during training, over seeds that pair the
 * conditions.
 *
 * <ul>
 * <li><b>Conditions</b> (12.1): the built-in world with paired shapes ({@link World.Config#pairedLeaves}) and its
 * orientation prior natural, uniform, oblique (natural turned 45°) or amplified (a stronger cardinal prior, a
 * positive control), or its hue prior uniform or shifted by 90°; everything else — the shapes' sizes, places,
 * elongations and colours — is the same. For photograph folders, where priors cannot be set, the image transforms
 * (rotation by 45°, hue shift by 90°).</li>
 * <li><b>Tasks</b> (12.2): denoising reconstruction (the unsupervised objective of Figs 4–5 carried into a
 * nonlinear network), classifying the shape at the image centre (rectangle or ellipse × round or elongated: the
 * world draws colours independently of shapes, so colour and mean luminance cannot solve it), or the labels of a
 * folder with one sub-folder per class.</li>
 * <li><b>Regime and time course</b> (12.3): the orientation sensitivity at several snapshots during training.</li>
 * <li><b>Seeds</b> (12.4): seed k fixes the initial network, the world's images and the order of training
 * samples, shared by every condition, so each condition difference is paired per seed.</li>
 * </ul>
 *
 * <p>Stimuli: the paper's Gabor scaled to the input size (cycles per image and σ/size kept; two more settings for
 * SI Fig. 3), pixels in [−1, 1] read as z-scored units (Methods); uniform-hue images with S and V marginalized over
 * [0.5, 1], standardized with ImageNet's channel statistics like the training images.
 */
public final class DeepNetworks implements Experiment<DeepNetworks.Config, DeepNetworks.Result> {

    /** The training objectives. */
    public enum Task {
        /** Denoising reconstruction through a decoder from the last convolutional tap. */
        DENOISE("denoise"),
        /** Which shape is at the centre: rectangle/ellipse × elongation below/above √6 (the prior's median). */
        CENTRE_SHAPE("centre-shape"),
        /** The sub-folder each photograph is in. */
        LABELS("labels");

        private final String label;

        Task(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }

        public static Task parse(String s) {
            for (Task t : values()) {
                if (t.label.equals(s)) {
                    return t;
                }
            }
            throw InvalidInputException.parameter("tasks", "'" + s + "' is unknown; choose from denoise, "
                    + "centre-shape, labels");
        }
    }

    /** How the network starts (issue 12.3). */
    public enum Regime {
        /** The architecture's default initialization, batch norm. */
        STANDARD("standard"),
        /**
         * The rich (feature-learning) regime of the paper's Discussion: no batch norm, and every weight layer scaled
         * down so that the network's output starts {@code richOutputScale} (0.01, as the paper's linear networks
         * start at 1/100 of PyTorch's default) times its standard size.
         */
        RICH("rich");

        public static Regime parse(String s) {
            for (Regime r : values()) {
                if (r.label.equals(s)) {
                    return r;
                }
            }
            throw InvalidInputException.parameter("regimes", "'" + s + "' is unknown; choose from standard, rich");
        }

        private final String label;

        Regime(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }
    }

    /** What a network is trained on: a world that differs from the natural one in one prior, or photographs. */
    public enum Condition {
        NATURAL("natural", OrientationPrior.natural(), HuePrior.natural(), 0, 0),
        UNIFORM("uniform", OrientationPrior.uniform(), HuePrior.natural(), 0, 0),
        OBLIQUE("oblique", OrientationPrior.natural().rotated(45), HuePrior.natural(), 0, 0),
        AMPLIFIED("amplified", OrientationPrior.amplified(), HuePrior.natural(), 0, 0),
        HUE_UNIFORM("hue-uniform", OrientationPrior.natural(), HuePrior.uniform(), 0, 0),
        HUE_SHIFTED("hue-shift90", OrientationPrior.natural(), HuePrior.natural().shifted(90), 0, 0),
        PHOTOS("photos", null, null, 0, 0),
        PHOTOS_ROTATED("photos-rotated", null, null, 1, 0),
        PHOTOS_HUE_SHIFTED("photos-hue-shifted", null, null, 0, 1);

        private final String label;
        private final OrientationPrior orientation;
        private final HuePrior hue;
        private final int rotates;
        private final int shiftsHue;

        Condition(String label, OrientationPrior orientation, HuePrior hue, int rotates, int shiftsHue) {
            this.label = label;
            this.orientation = orientation;
            this.hue = hue;
            this.rotates = rotates;
            this.shiftsHue = shiftsHue;
        }

        @JsonValue
        public String label() {
            return label;
        }

        public boolean world() {
            return orientation != null;
        }

        /** The world's orientation prior (null for photographs). */
        public OrientationPrior orientation() {
            return orientation;
        }

        /** The world's hue prior (null for photographs). */
        public HuePrior hue() {
            return hue;
        }

        /** Conditions that differ from the natural world (or the photographs as given) in hue. */
        public boolean aboutHue() {
            return this == NATURAL || this == HUE_UNIFORM || this == HUE_SHIFTED || this == PHOTOS
                    || this == PHOTOS_HUE_SHIFTED;
        }

        public static Condition parse(String s) {
            for (Condition c : values()) {
                if (c.label.equals(s)) {
                    return c;
                }
            }
            throw InvalidInputException.parameter("conditions", "'" + s + "' is unknown; choose from "
                    + String.join(", ", Arrays.stream(values()).map(Condition::label).toList()));
        }
    }

    /**
     * A Gabor setting (SI Fig. 3): the paper's Gabor scaled to the input, with its frequency and envelope σ
     * multiplied by these factors.
     */
    public record Probe(String name, double frequencyFactor, double sigmaFactor) {
        public static final Probe PAPER = new Probe("paper", 1, 1);

        /** The robustness settings of SI Fig. 3 measured beside the paper's: twice the frequency, half the σ. */
        public static List<Probe> robustness() {
            return List.of(PAPER, new Probe("frequency×2", 2, 1), new Probe("sigma×½", 1, 0.5));
        }

        Gabor gabor(int size, int phases) {
            Gabor.Config g = Gabor.Config.paper().scaledTo(size);
            return new Gabor(new Gabor.Config(size, g.cyclesPer100() * frequencyFactor, g.sigma() * sigmaFactor,
                    phases, 3));
        }
    }

    /**
     * SI Fig. 1c: untrained AlexNet with overlapping (3×3, stride 2) against non-overlapping (2×2, stride 2) max
     * pools — the same weights for a seed, since pools have none.
     *
     * @param inputSize    input side (224 in the paper; both pool variants give the same map sizes there and at 64)
     * @param widthDivisor divisor of torchvision's channel widths
     * @param seeds        initializations (0: skip)
     */
    public record Pooling(int inputSize, int widthDivisor, int seeds) {
    }

    /** A path the user named, or bad input naming the parameter (e.g. a NUL byte in it). */
    static Path path(String parameter, String p) {
        try {
            return Path.of(p);
        } catch (java.nio.file.InvalidPathException e) {
            throw InvalidInputException.parameter(parameter, "'" + p.replace("\0", "\\0") + "' is not a usable path ("
                    + e.getReason() + "); give a folder's path");
        }
    }

    /**
     * The experiment's settings.
     *
     * @param arch              architecture trained (small: the small CNN)
     * @param width             its first-stage channels
     * @param inputSize         network input side (Fig. 2: 224; CPU scale: 32)
     * @param sourceSide        side of the square training images crops are taken from
     * @param train             "world" or a folder of photographs (sub-folders: labelled classes)
     * @param sourceImages      images per condition (the world: rendered; a folder: the first ones, readable)
     * @param shapeImages       images per condition for the centre-shape task (rendered at the input size)
     * @param seeds             seeds per condition (issue 12.4: ≥ 3 quick, 5 full)
     * @param training          optimizer and schedule (Methods: SGD, momentum 0.9, weight decay 1e-4)
     * @param tasks             objectives trained
     * @param conditions        conditions trained (for the centre-shape task, the orientation worlds among them)
     * @param regimes           regimes trained (rich: natural and uniform worlds, denoising, only)
     * @param noise             noise σ of the denoising task, in standardized units
     * @param richOutputScale   the rich regime's initial output scale relative to the standard initialization
     * @param snapshots         fractions of training after which the network is measured (0 = untrained)
     * @param thetas            orientations measured (over [0°, 180°))
     * @param phases            Gabor phases averaged (Methods: 10)
     * @param hueSteps          S and V grid points of the hue stimulus (Methods: marginalized over [0.5, 1])
     * @param histogramSigma    σ in degrees of the circular smoothing of the training hue histogram
     * @param windowDeg         half-width of the cardinal and oblique windows (10°)
     * @param probes            Gabor settings (SI Fig. 3); the first is the main one
     * @param rotateDeg         rotation of the photographs' rotated condition (SI Fig. 1b: 45°)
     * @param hueShiftDeg       hue shift of the photographs' hue-shifted condition (Fig. 3d: 90°)
     * @param pooling           the AlexNet pooling comparison at initialization
     * @param bridgeImages      world images per seed for the depth-1 linear autoencoder beside the CNNs (0: skip)
     * @param method            derivative method (exact for psychonet networks)
     * @param model             null to train, or a model spec (torchscript:FILE.pt, saved:DIR) to measure only
     * @param checkpointDir     null, or a folder for training checkpoints (resumed when present)
     * @param threads           networks trained or measured at once (one PyTorch thread each)
     */
    public record Config(String arch, int width, int inputSize, int sourceSide, String train, int sourceImages,
                         int shapeImages, int seeds, CnnTrainingConfig training, List<Task> tasks,
                         List<Condition> conditions, List<Regime> regimes, double noise, double richOutputScale,
                         double[] snapshots, int thetas, int phases,
                         int hueSteps, double histogramSigma, double windowDeg, List<Probe> probes, double rotateDeg,
                         double hueShiftDeg, Pooling pooling, int bridgeImages, String method, String model,
                         String checkpointDir, int threads) {

        static final double[] SNAPSHOTS = {0, 1.0 / 16, 1.0 / 8, 1.0 / 4, 1.0 / 2, 1};

        /** The world conditions of issue 12.1. */
        public static final List<Condition> WORLDS = List.of(Condition.NATURAL, Condition.UNIFORM, Condition.OBLIQUE,
                Condition.AMPLIFIED, Condition.HUE_UNIFORM, Condition.HUE_SHIFTED);

        /**
         * The --quick profile: the small CNN at 32 px, every world condition, both world tasks, 3 seeds, the standard
         * regime (the rich regime doubles the denoising networks of the natural and uniform worlds: --full, or
         * --regimes standard,rich; it does not fit the 9-minute budget of reproduce --quick). 100 SGD steps: in the
         * scaling runs (README, "Scaling") the denoising networks' natural − uniform effect had reached its plateau by
         * 50–100 steps (+0.024 ± 0.010 at 100, +0.020 ± 0.009 at 300, 3 paired seeds), and training is most of the
         * cost (≈ 0.1 CPU-s per step per network beside ≈ 25 CPU-s of measuring).
         */
        public static Config quick() {
            return new Config("small", 16, 32, 64, "world", 1024, 4096, 3,
                    new CnnTrainingConfig(100, 64, 0.05, 0.9, 1e-4, 0.25, false, 0),
                    List.of(Task.DENOISE, Task.CENTRE_SHAPE), WORLDS, List.of(Regime.STANDARD), 0.5, 0.01,
                    SNAPSHOTS, 90, 10, 3, 5, 10,
                    Probe.robustness(), 45, 90, new Pooling(64, 4, 3), 2048, "exact", null, null, 2);
        }

        /** The --full profile: as quick, longer training, more images, 5 seeds, 180 orientations. */
        public static Config full() {
            Config q = quick();
            return new Config(q.arch, q.width, q.inputSize, q.sourceSide, q.train, 4096, 16384, 5,
                    new CnnTrainingConfig(3000, 64, 0.05, 0.9, 1e-4, 0.25, false, 500), q.tasks, q.conditions,
                    List.of(Regime.STANDARD, Regime.RICH), q.noise, q.richOutputScale, q.snapshots, 180, 10, 8, q.histogramSigma, q.windowDeg, q.probes, q.rotateDeg,
                    q.hueShiftDeg, new Pooling(224, 4, 5), 8192, q.method, null, null, q.threads);
        }

        /** The smallest run of the whole pipeline (tests): 2 seeds, a few steps, two conditions. */
        public static Config tiny() {
            return new Config("small", 4, 16, 24, "world", 8, 16, 2,
                    new CnnTrainingConfig(4, 8, 0.05, 0.9, 1e-4, 0.25, false, 0), List.of(Task.DENOISE),
                    List.of(Condition.NATURAL, Condition.UNIFORM), List.of(Regime.STANDARD), 0.5, 0.01,
                    new double[] {0, 0.5, 1}, 12, 2, 1, 5, 10,
                    List.of(Probe.PAPER), 45, 90, new Pooling(64, 8, 0), 16, "exact", null, null, 2);
        }

        /** Photographs: the folder as given, rotated by 45° and hue-shifted by 90°, denoising. */
        public Config onPhotos(String folder) {
            return withTrain(folder).withTasks(List.of(Task.DENOISE)).withConditions(List.of(Condition.PHOTOS,
                    Condition.PHOTOS_ROTATED, Condition.PHOTOS_HUE_SHIFTED));
        }

        public Config withArch(String a, int w) {
            return new Config(a, w, inputSize, sourceSide, train, sourceImages, shapeImages, seeds, training, tasks,
                    conditions, regimes, noise, richOutputScale, snapshots, thetas, phases, hueSteps, histogramSigma, windowDeg, probes,
                    rotateDeg, hueShiftDeg, pooling, bridgeImages, method, model, checkpointDir, threads);
        }

        public Config withInput(int size, int side) {
            return new Config(arch, width, size, side, train, sourceImages, shapeImages, seeds, training, tasks,
                    conditions, regimes, noise, richOutputScale, snapshots, thetas, phases, hueSteps, histogramSigma, windowDeg, probes,
                    rotateDeg, hueShiftDeg, pooling, bridgeImages, method, model, checkpointDir, threads);
        }

        public Config withTrain(String t) {
            return new Config(arch, width, inputSize, sourceSide, t, sourceImages, shapeImages, seeds, training,
                    tasks, conditions, regimes, noise, richOutputScale, snapshots, thetas, phases, hueSteps, histogramSigma, windowDeg, probes,
                    rotateDeg, hueShiftDeg, pooling, bridgeImages, method, model, checkpointDir, threads);
        }

        public Config withImages(int images, int shapes) {
            return new Config(arch, width, inputSize, sourceSide, train, images, shapes, seeds, training, tasks,
                    conditions, regimes, noise, richOutputScale, snapshots, thetas, phases, hueSteps, histogramSigma, windowDeg, probes,
                    rotateDeg, hueShiftDeg, pooling, bridgeImages, method, model, checkpointDir, threads);
        }

        public Config withSeeds(int n) {
            return new Config(arch, width, inputSize, sourceSide, train, sourceImages, shapeImages, n, training,
                    tasks, conditions, regimes, noise, richOutputScale, snapshots, thetas, phases, hueSteps, histogramSigma, windowDeg, probes,
                    rotateDeg, hueShiftDeg, pooling, bridgeImages, method, model, checkpointDir, threads);
        }

        public Config withTraining(CnnTrainingConfig t) {
            return new Config(arch, width, inputSize, sourceSide, train, sourceImages, shapeImages, seeds, t, tasks,
                    conditions, regimes, noise, richOutputScale, snapshots, thetas, phases, hueSteps, histogramSigma, windowDeg, probes,
                    rotateDeg, hueShiftDeg, pooling, bridgeImages, method, model, checkpointDir, threads);
        }

        public Config withTasks(List<Task> t) {
            return new Config(arch, width, inputSize, sourceSide, train, sourceImages, shapeImages, seeds, training,
                    List.copyOf(t), conditions, regimes, noise, richOutputScale, snapshots, thetas, phases, hueSteps, histogramSigma, windowDeg,
                    probes, rotateDeg, hueShiftDeg, pooling, bridgeImages, method, model, checkpointDir, threads);
        }

        public Config withRegimes(List<Regime> r) {
            return new Config(arch, width, inputSize, sourceSide, train, sourceImages, shapeImages, seeds, training,
                    tasks, conditions, List.copyOf(r), noise, richOutputScale, snapshots, thetas, phases, hueSteps,
                    histogramSigma, windowDeg, probes, rotateDeg, hueShiftDeg, pooling, bridgeImages, method, model,
                    checkpointDir, threads);
        }

        public Config withConditions(List<Condition> c) {
            return new Config(arch, width, inputSize, sourceSide, train, sourceImages, shapeImages, seeds, training,
                    tasks, List.copyOf(c), regimes, noise, richOutputScale, snapshots, thetas, phases, hueSteps, histogramSigma, windowDeg,
                    probes, rotateDeg, hueShiftDeg, pooling, bridgeImages, method, model, checkpointDir, threads);
        }

        public Config withMeasurement(String m, int nThetas, int steps) {
            return new Config(arch, width, inputSize, sourceSide, train, sourceImages, shapeImages, seeds, training,
                    tasks, conditions, regimes, noise, richOutputScale, snapshots, nThetas, phases, steps, histogramSigma, windowDeg, probes,
                    rotateDeg, hueShiftDeg, pooling, bridgeImages, m, model, checkpointDir, threads);
        }

        public Config withTransforms(double rotate, double hueShift) {
            return new Config(arch, width, inputSize, sourceSide, train, sourceImages, shapeImages, seeds, training,
                    tasks, conditions, regimes, noise, richOutputScale, snapshots, thetas, phases, hueSteps, histogramSigma, windowDeg, probes,
                    rotate, hueShift, pooling, bridgeImages, method, model, checkpointDir, threads);
        }

        public Config withExtras(Pooling p, int bridge) {
            return new Config(arch, width, inputSize, sourceSide, train, sourceImages, shapeImages, seeds, training,
                    tasks, conditions, regimes, noise, richOutputScale, snapshots, thetas, phases, hueSteps, histogramSigma, windowDeg, probes,
                    rotateDeg, hueShiftDeg, p, bridge, method, model, checkpointDir, threads);
        }

        public Config withModel(String m) {
            return new Config(arch, width, inputSize, sourceSide, train, sourceImages, shapeImages, seeds, training,
                    tasks, conditions, regimes, noise, richOutputScale, snapshots, thetas, phases, hueSteps, histogramSigma, windowDeg, probes,
                    rotateDeg, hueShiftDeg, pooling, bridgeImages, method, m, checkpointDir, threads);
        }

        public Config withCheckpointDir(String d) {
            return new Config(arch, width, inputSize, sourceSide, train, sourceImages, shapeImages, seeds, training,
                    tasks, conditions, regimes, noise, richOutputScale, snapshots, thetas, phases, hueSteps, histogramSigma, windowDeg, probes,
                    rotateDeg, hueShiftDeg, pooling, bridgeImages, method, model, d, threads);
        }

        public Config withThreads(int n) {
            return new Config(arch, width, inputSize, sourceSide, train, sourceImages, shapeImages, seeds, training,
                    tasks, conditions, regimes, noise, richOutputScale, snapshots, thetas, phases, hueSteps, histogramSigma, windowDeg, probes,
                    rotateDeg, hueShiftDeg, pooling, bridgeImages, method, model, checkpointDir, n);
        }

        /** The steps after which the network is measured. */
        public int[] snapshotSteps() {
            return Arrays.stream(snapshots).mapToInt(f -> (int) Math.round(f * training.steps())).distinct()
                    .sorted().toArray();
        }

        /** Checks every setting; InvalidInputException names the parameter, the problem and the remedy. */
        public void validate() {
            InvalidInputException.requireParameter(model != null || ArchSpec.NAMES.contains(arch), "arch",
                    "'" + arch + "' is unknown; choose one of " + String.join(", ", ArchSpec.NAMES));
            InvalidInputException.requireParameter(model != null || width >= 1, "width", width
                    + " is not a channel count or width divisor; give a positive integer, e.g. 16");
            InvalidInputException.requireParameter(inputSize >= 8, "inputSize", inputSize + " is too small; give ≥ 8");
            InvalidInputException.requireParameter(model != null || inputSize % 8 == 0, "inputSize", inputSize
                    + " is not a multiple of 8 (the denoising decoder undoes three 2× poolings); give e.g. 32 or 64");
            InvalidInputException.requireParameter(sourceSide >= inputSize, "sourceSide", sourceSide
                    + " is below the input size " + inputSize + "; give a side ≥ the input size");
            InvalidInputException.requireParameter(sourceImages >= 2 && shapeImages >= 2, "sourceImages",
                    "must be at least 2");
            InvalidInputException.requireParameter(seeds >= 1, "seeds", "must be at least 1");
            InvalidInputException.requireParameter(threads >= 1, "threads", "must be at least 1");
            InvalidInputException.requireParameter(training.steps() >= 1 && training.batch() >= 1, "steps",
                    "and the batch must be at least 1");
            InvalidInputException.requireParameter(training.learningRate() > 0
                    && Double.isFinite(training.learningRate()), "learningRate", "must be a positive number");
            InvalidInputException.requireParameter(training.checkpointEvery() >= 0, "checkpointEvery",
                    "must be a number of steps ≥ 1 (0: no checkpoints)");
            InvalidInputException.requireParameter(bridgeImages >= 0, "bridgeImages", "must be ≥ 0 (0: skip)");
            InvalidInputException.requireParameter(pooling == null || pooling.seeds() >= 0, "poolingSeeds",
                    "must be ≥ 0 (0: skip)");
            InvalidInputException.requireParameter(thetas >= 8, "thetas", "must be at least 8");
            InvalidInputException.requireParameter(hueSteps >= 1, "hueSteps", "must be at least 1");
            InvalidInputException.requireParameter(Double.isFinite(rotateDeg), "rotateDeg", "must be a finite angle");
            InvalidInputException.requireParameter(Double.isFinite(hueShiftDeg), "hueShiftDeg",
                    "must be a finite angle");
            InvalidInputException.requireParameter(Double.isFinite(noise) && noise >= 0, "noise",
                    "must be a finite σ ≥ 0");
            InvalidInputException.requireParameter(!probes.isEmpty(), "probes", "needs at least one Gabor setting");
            InvalidInputException.requireParameter(model != null || !tasks.isEmpty(), "tasks",
                    "is empty; give at least one of denoise, centre-shape, labels");
            InvalidInputException.requireParameter(model != null || !arch.equals("vit"), "arch", "vit is not trained "
                    + "by deepnets yet (measure it with sensitivity --model vit); choose small, resnet18, vgg16bn, alexnet "
                    + "or alexnet-nonoverlap");
            InvalidInputException.requireParameter(model != null || !regimes.contains(Regime.RICH)
                    || arch.equals("small"), "regimes", "rich is built for the small CNN only (small-nobn); give "
                    + "--regimes standard or --arch small");
            InvalidInputException.requireParameter(model != null || regimes.contains(Regime.STANDARD), "regimes",
                    "must include standard (the rich regime is compared with it)");
            InvalidInputException.requireParameter(model != null || !conditions.isEmpty(), "conditions",
                    "is empty; give at least one condition");
            DerivativeMethod.parse(method);
            boolean world = train.equals("world");
            InvalidInputException.requireParameter(world || Files.isDirectory(path("train", train)), "train", "'"
                    + train + "' is neither 'world' nor a folder; give world or a folder of images");
            if (checkpointDir != null) {
                path("checkpointDir", checkpointDir);
            }
            for (Condition c : conditions) {
                InvalidInputException.requireParameter(c.world() == world, "conditions", "'" + c.label() + "' is a "
                        + (c.world() ? "world" : "photograph") + " condition but the training images are "
                        + (world ? "the world" : "a folder") + "; choose " + (world ? "among the world conditions"
                        : "photos, photos-rotated, photos-hue-shifted"));
            }
            for (Task t : tasks) {
                InvalidInputException.requireParameter(t != Task.CENTRE_SHAPE || world, "tasks",
                        "centre-shape needs the world (it knows its shapes); give denoise or labels for photographs");
                InvalidInputException.requireParameter(t != Task.LABELS || !world, "tasks",
                        "labels needs a folder with one sub-folder per class");
            }
            if (model != null) {
                ModelSpec.parse(model);
            }
        }
    }

    /**
     * What one layer showed.
     *
     * @param layer       tap name
     * @param ratio       cardinal/oblique ratio of the normalized √D for the main Gabor
     * @param orientation normalized √D over the θ grid (final snapshots and controls; else null)
     * @param hue         normalized √D over hue, 1° steps (final snapshots and controls; else null)
     * @param probeRatios cardinal/oblique ratio for each probe setting, the main one first (final; else null)
     */
    public record LayerMeasure(String layer, double ratio, double[] orientation, double[] hue, double[] probeRatios) {
    }

    /** A network measured after {@code step} steps of training (0: untrained). */
    public record Measurement(int step, List<LayerMeasure> layers) {
        public LayerMeasure layer(String name) {
            return layers.stream().filter(l -> l.layer().equals(name)).findFirst().orElseThrow();
        }
    }

    /**
     * What training did (a summary of {@link CnnTrainer.Outcome}).
     *
     * @param lossCurve loss every {@code lossEvery} steps
     */
    public record Training(int steps, double finalLoss, double baselineLoss, double finalAccuracy, double seconds,
                           int lossEvery, double[] lossCurve) {
        static Training of(CnnTrainer.Outcome o) {
            int every = Math.max(1, o.steps() / 100);
            double[] curve = new double[(o.steps() + every - 1) / every];
            for (int i = 0; i < curve.length; i++) {
                curve[i] = o.loss()[i * every];
            }
            return new Training(o.steps(), o.finalLoss(), o.baselineLoss(), o.finalAccuracy(), o.seconds(), every,
                    curve);
        }
    }

    /**
     * One trained network.
     *
     * @param histogram smoothed unit-sum hue histogram of its training images (hue conditions; else null)
     * @param snapshots measurements at the snapshot steps, the last with whole curves
     */
    public record TrainedNetwork(Task task, Regime regime, Condition condition, int seedIndex, long seed,
                                 String images, Training training, double[] histogram, List<Measurement> snapshots,
                                 int skippedImages) {
        public Measurement last() {
            return snapshots.get(snapshots.size() - 1);
        }
    }

    /** An untrained ("init") or shuffled network of a task and seed. */
    public record Control(Task task, Regime regime, String kind, int seedIndex, Measurement measurement) {
    }

    /**
     * SI Fig. 1c: untrained AlexNet, overlapping and non-overlapping pools, per initialization: the deep-layer
     * cardinal/oblique ratio and the deep-layer mean of the normalized √D over θ.
     */
    public record PoolingResult(Pooling settings, List<String> layers, List<String> deepLayers, double[] thetaDeg,
                                double[] overlapping, double[] nonOverlapping, double[][] overlappingProfile,
                                double[][] nonOverlappingProfile) {
    }

    /**
     * Wall-clock seconds of each part, and the process's CPU seconds (kept apart from the numbers, which are the
     * same on every run; CPU seconds estimate the wall time on an idle machine when the machine is shared).
     */
    public record Timings(double images, double training, double measuring, double controls, double bridge,
                          double total, double cpu) {
        static double cpuSeconds() {
            java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() / 1e9
                    : Double.NaN;
        }
    }

    /** Everything measured, with the claims tested. */
    public record Result(Config config, long seed, List<String> layers, List<String> deepLayers, double[] thetaDeg,
                         List<TrainedNetwork> networks, List<Control> controls, Measurement imported,
                         PoolingResult pooling, DeepLinearBridge.Result bridge, List<Claim> claims,
                         @JsonIgnore Timings timings) implements ExperimentResult {

        /** The trained networks of a task, regime and condition, in seed order. */
        public List<TrainedNetwork> of(Task task, Regime regime, Condition condition) {
            return networks.stream().filter(n -> n.task() == task && n.regime() == regime
                    && n.condition() == condition).sorted((a, b) -> Integer.compare(a.seedIndex(), b.seedIndex()))
                    .toList();
        }

        public List<Control> controls(Task task, Regime regime, String kind) {
            return controls.stream().filter(c -> c.task() == task && c.regime() == regime && c.kind().equals(kind))
                    .sorted((a, b) -> Integer.compare(a.seedIndex(), b.seedIndex())).toList();
        }

        @Override
        public Summary summary() {
            List<Claim> paper = claims.stream().filter(c -> c.kind() == Claim.Kind.PAPER).toList();
            return new Summary(networks.size(), config.seeds(), deepLayers, paper.stream().filter(Claim::holds)
                    .count(), paper.size(), claims.stream().filter(c -> !c.holds()).map(Claim::id).toList());
        }

        @Override
        public List<Claim> claims() {
            return claims;
        }
    }

    /**
     * result.json's summary: what was trained, and how the paper's claims fared (the claims themselves are listed
     * beside it).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(int networks, int seeds, List<String> deepLayers, long paperClaimsHolding, int paperClaims,
                          List<String> failedClaims) {
    }

    /** What a saved network's folder records about its training (beside the weights). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SavedNetwork(Task task, Regime regime, Condition condition, String images, int sourceImages,
                               int sourceSide, double noise, long seed, CnnTrainingConfig config) {
    }

    @Override
    public String id() {
        return "deepnets";
    }

    /** Trains and measures; the first seed's trained networks are saved under {@code artifacts/networks/}. */
    @Override
    public Result run(Config config, long seed, Path artifacts) throws Exception {
        config.validate();
        return new Run(config, artifacts, seed).execute();
    }

    /** The layers measured: every tap but a classifier's read-out (a denoising network does not train it). */
    static List<String> measuredLayers(List<String> taps, boolean trained) {
        return trained ? List.copyOf(taps.subList(0, taps.size() - 1)) : List.copyOf(taps);
    }

    /** The deep layers claims are judged on: the deepest third of the measured taps, fixed before any run. */
    static List<String> deepLayers(List<String> layers) {
        int n = layers.size();
        return List.copyOf(layers.subList(n - (n + 2) / 3, n));
    }

    /** Shape-at-centre classes: rectangle/ellipse × elongation below/above √6, the median of the world's prior. */
    static final List<String> SHAPE_CLASSES = List.of("rectangle, round", "rectangle, elongated", "ellipse, round",
            "ellipse, elongated");

    static int shapeClass(World.Shape s) {
        return (s.rectangle() ? 0 : 2) + (s.elongation() >= Math.sqrt(6) ? 1 : 0);
    }

    /** One execution. */
    private static final class Run {
        private final Config config;
        private final Path dir;
        private final long seed;
        private final Shape input;
        private final List<Probe> probes;
        private final StimulusFamily hue;
        private final double[] thetaGrid;
        private final double[] thetaDeg;
        private double tImages;
        private double tTraining;
        private double tMeasure;
        private double tControls;
        private Progress bar;
        private double cpu0;
        private final Map<Condition, ImagePool> photoPools = new LinkedHashMap<>();
        private final Map<Condition, ImageClassTask> labelTasksByCondition = new LinkedHashMap<>();
        private final Map<Condition, Integer> photoSkips = new LinkedHashMap<>();

        Run(Config config, Path dir, long seed) {
            this.config = config;
            this.dir = dir;
            this.seed = seed;
            this.input = new Shape(3, config.inputSize(), config.inputSize());
            this.probes = config.probes();
            this.hue = Normalized.imagenet(new Hue(new Hue.Config(config.inputSize(), 0.5, 1, 0.5, 1,
                    config.hueSteps())));
            Gabor g = probes.get(0).gabor(config.inputSize(), config.phases());
            this.thetaGrid = g.axis().grid(config.thetas());
            this.thetaDeg = new double[thetaGrid.length];
            for (int i = 0; i < thetaGrid.length; i++) {
                thetaDeg[i] = g.axis().toDisplay(thetaGrid[i]);
            }
        }

        Result execute() throws Exception {
            long t0 = System.nanoTime();
            cpu0 = Timings.cpuSeconds();
            if (config.model() != null) {
                return measureOnly(t0);
            }
            List<String> taps;
            try (TapNetwork probe = new ArchSpec(config.arch(), config.width(), 1).build(input, DataType.FLOAT32, 0)) {
                taps = probe.layers();
            }
            List<String> layers = measuredLayers(taps, true);
            List<String> deep = deepLayers(layers);
            List<TrainedNetwork> networks = new ArrayList<>();
            List<Control> controls = new ArrayList<>();
            long totalWork = (long) config.seeds() * jobs().size() * (config.training().steps()
                    + config.snapshotSteps().length); // training steps, then one measurement per snapshot
            bar = Progress.start("deepnets", totalWork);
            Boolean quiet = null;
            try {
                Progress.force(false); // the engine's and trainer's own bars would interleave with this one
                quiet = Boolean.TRUE;
                for (int k = 0; k < config.seeds(); k++) {
                    runSeed(k, layers, networks, controls);
                }
            } finally {
                if (quiet != null) {
                    Progress.force(null);
                }
                bar.close();
            }
            long tb = System.nanoTime();
            DeepLinearBridge.Result bridge = config.bridgeImages() > 0 && config.train().equals("world")
                    ? DeepLinearBridge.run(config, seed, thetaGrid, probes.get(0)) : null;
            double tBridge = (System.nanoTime() - tb) / 1e9;
            long tp = System.nanoTime();
            PoolingResult pooling = config.pooling() != null && config.pooling().seeds() > 0 ? pooling() : null;
            tControls += (System.nanoTime() - tp) / 1e9;
            Result partial = new Result(config, seed, layers, deep, thetaDeg, networks, controls, null, pooling,
                    bridge, List.of(), null);
            Timings timings = new Timings(tImages, tTraining, tMeasure, tControls, tBridge,
                    (System.nanoTime() - t0) / 1e9, Timings.cpuSeconds() - cpu0);
            return new Result(config, seed, layers, deep, thetaDeg, networks, controls, null, pooling, bridge,
                    DeepClaims.of(partial), timings);
        }

        /** One trained network to make: task, regime, condition. */
        private record Job(Task task, Regime regime, Condition condition) {
        }

        private List<Job> jobs() {
            List<Job> jobs = new ArrayList<>();
            for (Task t : config.tasks()) {
                for (Condition c : config.conditions()) {
                    // colour cannot help the centre-shape task: its networks are trained on the orientation worlds
                    if (t == Task.CENTRE_SHAPE && (c == Condition.HUE_UNIFORM || c == Condition.HUE_SHIFTED
                            || c == Condition.AMPLIFIED)) {
                        continue;
                    }
                    jobs.add(new Job(t, Regime.STANDARD, c));
                }
            }
            if (config.regimes().contains(Regime.RICH) && config.tasks().contains(Task.DENOISE)) {
                // the rich regime's question is the natural − uniform effect and its time course
                for (Condition c : List.of(Condition.NATURAL, Condition.UNIFORM, Condition.PHOTOS,
                        Condition.PHOTOS_ROTATED)) {
                    if (config.conditions().contains(c)) {
                        jobs.add(new Job(Task.DENOISE, Regime.RICH, c));
                    }
                }
            }
            return jobs;
        }

        /** The seed of seed index k: initial network, world images and sample order. */
        private long seedOf(int k) {
            return seed + k;
        }

        private void runSeed(int k, List<String> layers, List<TrainedNetwork> networks, List<Control> controls)
                throws Exception {
            long s = seedOf(k);
            long ti = System.nanoTime();
            Map<Condition, ImagePool> pools = new LinkedHashMap<>();
            Map<Condition, Integer> skipped = new LinkedHashMap<>();
            Map<Condition, ImageClassTask> shapeTasks = new LinkedHashMap<>();
            Map<Condition, ImageClassTask> labelTasks = new LinkedHashMap<>();
            List<Job> jobs = jobs();
            for (Job j : jobs) {
                Condition c = j.condition();
                if ((j.task() == Task.DENOISE) && !pools.containsKey(c)) {
                    // photographs do not change with the seed: their pools are read once per run
                    pools.put(c, c.world() ? worldPool(c, s) : photoPools.computeIfAbsent(c, x -> photoPool(x)));
                } else if (j.task() == Task.CENTRE_SHAPE && !shapeTasks.containsKey(c)) {
                    shapeTasks.put(c, shapeTask(c, s));
                } else if (j.task() == Task.LABELS && !labelTasks.containsKey(c)) {
                    labelTasks.put(c, labelTasksByCondition.computeIfAbsent(c, x -> labelTask(x)));
                }
                if (!c.world()) {
                    skipped.put(c, photoSkips.getOrDefault(c, 0));
                }
            }
            tImages += (System.nanoTime() - ti) / 1e9;
            long tt = System.nanoTime();
            int[] steps = config.snapshotSteps();
            List<Callable<Trained>> training = new ArrayList<>();
            for (Job j : jobs) {
                CnnTask task = switch (j.task()) {
                    case DENOISE -> new DenoisingTask(describe(j.condition()), pools.get(j.condition()),
                            config.noise());
                    case CENTRE_SHAPE -> shapeTasks.get(j.condition());
                    case LABELS -> labelTasks.get(j.condition());
                };
                training.add(() -> train(j, task, s, k, steps));
            }
            List<Trained> trained = CnnParallel.map(training, config.threads());
            tTraining += (System.nanoTime() - tt) / 1e9;
            long tm = System.nanoTime();
            // measurements: every snapshot of every network; step 0 (the untrained network) once per task and regime,
            // since every condition starts from the same weights
            List<Callable<Measurement>> measures = new ArrayList<>();
            List<int[]> where = new ArrayList<>();
            List<Job> initDone = new ArrayList<>();
            for (int n = 0; n < trained.size(); n++) {
                Trained t = trained.get(n);
                for (int i = 0; i < steps.length; i++) {
                    boolean last = i == steps.length - 1;
                    if (steps[i] == 0) {
                        Job key = new Job(t.job().task(), t.job().regime(), Condition.NATURAL);
                        if (initDone.contains(key)) {
                            continue;
                        }
                        initDone.add(key);
                    }
                    byte[] w = t.snapshots().get(steps[i]);
                    ArchSpec spec = t.spec();
                    boolean full = last || steps[i] == 0;
                    int step = steps[i];
                    measures.add(() -> measureWeights(spec, w, layers, step, full));
                    where.add(new int[] {n, i});
                }
            }
            // the shuffle control: the natural networks' final weights, shuffled within each tensor
            List<Integer> shuffled = new ArrayList<>();
            for (int n = 0; n < trained.size(); n++) {
                Trained t = trained.get(n);
                if (t.job().condition() == Condition.NATURAL || t.job().condition() == Condition.PHOTOS) {
                    byte[] w = t.snapshots().get(steps[steps.length - 1]);
                    ArchSpec spec = t.spec();
                    long shuffleSeed = s * 31 + 7;
                    measures.add(() -> measureShuffled(spec, w, layers, shuffleSeed));
                    shuffled.add(n);
                }
            }
            List<Measurement> measured = CnnParallel.map(measures, config.threads());
            tMeasure += (System.nanoTime() - tm) / 1e9;
            List<List<Measurement>> perNet = new ArrayList<>();
            for (int n = 0; n < trained.size(); n++) {
                perNet.add(new ArrayList<>());
            }
            for (int m = 0; m < where.size(); m++) {
                int[] ni = where.get(m);
                Trained t = trained.get(ni[0]);
                Measurement meas = measured.get(m);
                if (steps[ni[1]] == 0) {
                    controls.add(new Control(t.job().task(), t.job().regime(), "init", k, meas));
                }
                perNet.get(ni[0]).add(meas);
            }
            for (int q = 0; q < shuffled.size(); q++) {
                Trained t = trained.get(shuffled.get(q));
                controls.add(new Control(t.job().task(), t.job().regime(), "shuffle", k, measured.get(where.size() + q)));
            }
            for (int n = 0; n < trained.size(); n++) {
                Trained t = trained.get(n);
                List<Measurement> ms = new ArrayList<>(perNet.get(n));
                if (steps[0] == 0 && (ms.isEmpty() || ms.get(0).step() != 0)) {
                    // the shared untrained measurement heads every condition's time course
                    Control init = controls.stream().filter(c -> c.kind().equals("init") && c.seedIndex() == k
                            && c.task() == t.job().task() && c.regime() == t.job().regime()).findFirst().orElseThrow();
                    ms.add(0, init.measurement());
                }
                double[] hist = t.job().task() == Task.DENOISE && t.job().condition().aboutHue()
                        ? histogram(pools.get(t.job().condition())) : null;
                networks.add(new TrainedNetwork(t.job().task(), t.job().regime(), t.job().condition(), k, s,
                        describe(t.job().condition()), Training.of(t.outcome()), hist, ms,
                        skipped.getOrDefault(t.job().condition(), 0)));
                if (k == 0 && dir != null) {
                    save(t);
                }
            }
        }

        /** A trained network's snapshots and outcome. */
        private record Trained(Job job, ArchSpec spec, CnnTrainer.Outcome outcome, Map<Integer, byte[]> snapshots) {
        }

        private ArchSpec specFor(Job j, CnnTask task) {
            int classes = task instanceof ImageClassTask c ? c.classes() : 1;
            String arch = j.regime() == Regime.RICH ? config.arch() + "-nobn" : config.arch();
            return new ArchSpec(arch, config.width(), classes);
        }

        private Trained train(Job j, CnnTask task, long s, int k, int[] steps) throws Exception {
            ArchSpec spec = specFor(j, task);
            Map<Integer, byte[]> snaps = new LinkedHashMap<>();
            try (TapNetwork net = CnnParallel.build(() -> spec.build(input, DataType.FLOAT32, s))) {
                CnnTrainer.Run run = CnnTrainer.Run.of(net, spec, task, s).quiet()
                        .withSnapshots(steps, (step, w) -> snaps.put(step, w));
                ConvDecoder decoder = null;
                if (task instanceof DenoisingTask) {
                    String tap = net.layers().get(net.layers().size() - 2);
                    decoder = CnnParallel.build(() -> decoderFor(net, tap, s));
                    run = run.withDecoder(decoder, tap);
                }
                if (j.regime() == Regime.RICH) {
                    richInit(net, decoder);
                }
                if (config.checkpointDir() != null) {
                    run = run.withCheckpoints(Path.of(config.checkpointDir()).resolve(j.task().label() + "-"
                            + j.regime().label() + "-" + j.condition().label() + "-seed" + k), provenance(j, s));
                }
                CnnTrainer.Outcome o = new CnnTrainer(config.training()).train(progressing(run));
                return new Trained(j, spec, o, snaps);
            }
        }

        /** Counts training steps and snapshots on the experiment's bar. */
        private CnnTrainer.Run progressing(CnnTrainer.Run run) {
            CnnTrainer.SnapshotSink sink = run.sink();
            int[] last = {0};
            return run.withSnapshots(run.snapshotSteps(), (step, w) -> {
                sink.accept(step, w);
                synchronized (bar) {
                    bar.stepBy(step - last[0]);
                }
                last[0] = step;
            });
        }

        /**
         * Scales each of the L weight layers between input and loss by richOutputScale^(1/L), so the output starts
         * richOutputScale times its standard size (biases start at 0 and stay unscaled).
         */
        private void richInit(TapNetwork net, ConvDecoder decoder) {
            int layers = weightLayers(net.model().getBlock()) - (decoder != null ? 1 : 0) // the unused read-out
                    + (decoder != null ? weightLayers(decoder) : 0);
            double perLayer = Math.pow(config.richOutputScale(), 1.0 / layers);
            WeightControls.scaleWeights(net.model().getBlock(), perLayer);
            if (decoder != null) {
                WeightControls.scaleWeights(decoder, perLayer);
            }
        }

        private static int weightLayers(ai.djl.nn.Block b) {
            int n = 0;
            for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : b.getParameters()) {
                n += p.getValue().getType() == ai.djl.nn.Parameter.Type.WEIGHT ? 1 : 0;
            }
            return n;
        }

        private ConvDecoder decoderFor(TapNetwork net, String tap, long s) {
            long[] map;
            try (NDManager m = NDManager.newBaseManager()) {
                NDList out = net.forward(m.zeros(new Shape(1).addAll(input)));
                map = out.get(net.layers().indexOf(tap)).getShape().getShape();
            }
            int ups = Integer.numberOfTrailingZeros((int) (config.inputSize() / map[2]));
            ConvDecoder d = new ConvDecoder((int) map[1], ups, Math.max(4, config.width()));
            ai.djl.engine.Engine.getInstance().setRandomSeed((int) (s * 31 + 1));
            d.initialize(net.model().getNDManager(), DataType.FLOAT32, new Shape(1, map[1], map[2], map[3]));
            return d;
        }

        private SavedNetwork provenance(Job j, long s) {
            return new SavedNetwork(j.task(), j.regime(), j.condition(), describe(j.condition()),
                    j.task() == Task.CENTRE_SHAPE ? config.shapeImages() : config.sourceImages(),
                    config.sourceSide(), config.noise(), s, config.training());
        }

        private void save(Trained t) throws IOException {
            Path d = dir.resolve("networks").resolve(t.job().task().label() + "-" + t.job().condition().label());
            try (TapNetwork net = CnnParallel.build(() -> t.spec().build(input, DataType.FLOAT32, 0))) {
                CnnTrainer.loadWeights(net, t.snapshots().get(config.snapshotSteps()[config.snapshotSteps().length
                        - 1]));
                NetworkStore.save(net, t.spec(), provenance(t.job(), seedOf(0)), d);
            }
        }

        private Measurement measureWeights(ArchSpec spec, byte[] w, List<String> layers, int step, boolean full)
                throws Exception {
            try (TapNetwork net = CnnParallel.build(() -> spec.build(input, DataType.FLOAT32, 0))) {
                CnnTrainer.loadWeights(net, w);
                Measurement m = measure(net, layers, step, full);
                synchronized (bar) {
                    bar.step();
                }
                return m;
            }
        }

        private Measurement measureShuffled(ArchSpec spec, byte[] w, List<String> layers, long shuffleSeed)
                throws Exception {
            try (TapNetwork net = CnnParallel.build(() -> spec.build(input, DataType.FLOAT32, 0))) {
                CnnTrainer.loadWeights(net, w);
                WeightControls.shuffleWithinTensors(net, shuffleSeed);
                Measurement m = measure(net, layers, config.training().steps(), true);
                synchronized (bar) {
                    bar.step();
                }
                return m;
            }
        }

        /**
         * Stimuli per batch: at most 256, and few enough that a batch's rendering (doubles on the Java heap) stays
         * near 40 MB, so a measure-only run at 224 px fits in a 1 GB heap (issue 10.13).
         */
        private int batchSize() {
            long perImage = 3L * config.inputSize() * config.inputSize() * Double.BYTES;
            return (int) Math.max(config.phases(), Math.min(256, 40_000_000L / perImage));
        }

        /** Orientation (every probe when {@code full}) and, when {@code full}, hue sensitivity of every layer. */
        private Measurement measure(Network net, List<String> layers, int step, boolean full) {
            DerivativeMethod m = DerivativeMethod.parse(config.method());
            if (m == DerivativeMethod.EXACT && !net.supportsTangent()) {
                m = DerivativeMethod.GRID;
            }
            SensitivityEngine engine = new SensitivityEngine(SensitivityConfig.defaults(m).withBatchSize(batchSize()));
            int nProbes = full ? probes.size() : 1;
            double[][] ratios = new double[layers.size()][nProbes];
            double[][] orientation = new double[layers.size()][];
            for (int p = 0; p < nProbes; p++) {
                Gabor g = probes.get(p).gabor(config.inputSize(), config.phases());
                SensitivityProfile o = engine.measure(net, g, thetaGrid, layers);
                for (int l = 0; l < layers.size(); l++) {
                    double[] norm = o.normalized(l);
                    ratios[l][p] = DeepMetrics.cardinalObliqueRatio(thetaDeg, norm, config.windowDeg());
                    if (p == 0) {
                        orientation[l] = norm;
                    }
                }
            }
            SensitivityProfile h = full ? engine.measure(net, hue, hue.axis().grid(hue.axis().defaultCount()), layers)
                    : null;
            List<LayerMeasure> out = new ArrayList<>();
            for (int l = 0; l < layers.size(); l++) {
                out.add(new LayerMeasure(layers.get(l), ratios[l][0], full ? orientation[l] : null,
                        full ? h.normalized(l) : null, full ? ratios[l] : null));
            }
            return new Measurement(step, out);
        }

        private String describe(Condition c) {
            if (c.world()) {
                return "world (paired shapes), orientation prior " + c.orientation.describe() + ", hue prior "
                        + c.hue.describe();
            }
            return config.train() + (c.rotates == 1 ? " rotated " + config.rotateDeg() + "°" : "")
                    + (c.shiftsHue == 1 ? " hue-shifted " + config.hueShiftDeg() + "°" : "");
        }

        private World world(Condition c, long s, int count, int side) {
            return new World(World.Config.defaults().withSize(side).withCount(count).withSeed(s).withPairedLeaves()
                    .withOrientation(c.orientation).withHue(c.hue));
        }

        /** The world's images of a condition and seed, rendered straight at the source side. */
        private ImagePool worldPool(Condition c, long s) throws Exception {
            World w = world(c, s, config.sourceImages(), config.sourceSide());
            ImagePool pool = ImagePool.withCapacity(config.sourceImages(), config.sourceSide());
            int chunk = 64;
            for (int start = 0; start < config.sourceImages(); start += chunk) {
                int n = Math.min(chunk, config.sourceImages() - start);
                long[] idx = new long[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = start + i;
                }
                for (RgbImage im : ImageStream.load(w, idx, ImageStream.defaultThreads())) {
                    pool.add(im.data());
                }
            }
            return pool;
        }

        /** Centre-shape images rendered at the input size, labelled by the shape at their centre pixel. */
        private ImageClassTask shapeTask(Condition c, long s) {
            World w = world(c, s, config.shapeImages(), config.inputSize());
            ImagePool pool = ImagePool.withCapacity(config.shapeImages(), config.inputSize());
            int[] labels = new int[config.shapeImages()];
            for (int i = 0; i < config.shapeImages(); i++) {
                World.Labelled li = w.labelledImage(i);
                pool.add(li.image().data());
                labels[i] = shapeClass(li.centre());
            }
            return new ImageClassTask("the shape at the centre of " + describe(c), pool, labels, SHAPE_CLASSES);
        }

        /** Side of the decoded photographs before the transform, so a 45° turn still covers the source side. */
        private int bigSide(Condition c) {
            return c.rotates == 1 ? (int) Math.ceil(config.sourceSide() * Math.sqrt(2)) + 2 : config.sourceSide();
        }

        /** A photograph prepared for a condition: square, transformed, cropped to the source side. */
        private float[] prepare(RgbImage im, Condition c) {
            RgbImage x = ImageCrops.centreSquare(im, bigSide(c));
            if (c.rotates == 1 && config.rotateDeg() % 360 != 0) {
                x = Transforms.rotateImage(x, config.rotateDeg());
            }
            if (c.shiftsHue == 1 && config.hueShiftDeg() % 360 != 0) {
                x = Transforms.hueShiftImage(x, config.hueShiftDeg());
            }
            return ImageCrops.centreSquare(x, config.sourceSide()).data();
        }

        /**
         * The first {@code sourceImages} readable photographs of the folder, one decoded at a time (memory: the
         * pool and one image); unreadable files are skipped and counted.
         */
        private ImagePool photoPool(Condition c) {
            FolderSource f = FolderSource.open(Path.of(config.train()), bigSide(c));
            int want = (int) Math.min(config.sourceImages(), f.count());
            ImagePool pool = ImagePool.withCapacity(want, config.sourceSide());
            int skip = 0;
            for (long i = 0; i < f.count() && pool.size() < want; i++) {
                try {
                    RgbImage im = f.image(i);
                    if (Math.min(im.height(), im.width()) < config.sourceSide()) {
                        skip++;
                        continue;
                    }
                    pool.add(prepare(im, c));
                } catch (UnreadableImageException e) {
                    skip++;
                }
            }
            photoSkips.put(c, skip);
            InvalidInputException.requireParameter(pool.size() >= 2, "train", config.train() + " holds "
                    + pool.size() + " readable image(s) of at least " + config.sourceSide() + " px (" + skip
                    + " skipped); give a folder with at least 2");
            return pool;
        }

        /** A folder with one sub-folder per class: up to sourceImages / classes readable images of each. */
        private ImageClassTask labelTask(Condition c) {
            Path root = Path.of(config.train());
            List<Path> classes;
            try (Stream<Path> st = Files.list(root)) {
                classes = st.filter(Files::isDirectory).sorted().toList();
            } catch (IOException e) {
                throw new InvalidInputException("cannot list " + root + " (" + e.getMessage() + "); check permissions");
            }
            InvalidInputException.requireParameter(classes.size() >= 2, "train", root + " has "
                    + classes.size() + " sub-folder(s); the labels task needs one sub-folder per class (≥ 2)");
            int perClass = Math.max(1, config.sourceImages() / classes.size());
            ImagePool pool = ImagePool.withCapacity(perClass * classes.size(), config.sourceSide());
            List<Integer> lab = new ArrayList<>();
            List<String> names = new ArrayList<>();
            int skip = 0;
            for (int ci = 0; ci < classes.size(); ci++) {
                FolderSource f = FolderSource.open(classes.get(ci), bigSide(c));
                int got = 0;
                for (long i = 0; i < f.count() && got < perClass; i++) {
                    try {
                        RgbImage im = f.image(i);
                        if (Math.min(im.height(), im.width()) < config.sourceSide()) {
                            skip++;
                            continue;
                        }
                        pool.add(prepare(im, c));
                        lab.add(ci);
                        got++;
                    } catch (UnreadableImageException e) {
                        skip++;
                    }
                }
                names.add(classes.get(ci).getFileName().toString());
            }
            photoSkips.put(c, skip);
            return new ImageClassTask("sub-folders of " + describe(c), pool,
                    lab.stream().mapToInt(Integer::intValue).toArray(), names);
        }

        /** The smoothed, unit-sum hue histogram of a pool's images (S and V ≥ 0.5, as the hue stimulus). */
        private double[] histogram(ImagePool pool) {
            double[] bins = new double[HueHistogram.BINS];
            for (int i = 0; i < pool.size(); i++) {
                HueHistogram.accumulate(new RgbImage(pool.side(), pool.side(), pool.image(i)), bins);
            }
            return DeepMetrics.unitSum(DeepMetrics.smoothCircular(bins, config.histogramSigma()));
        }

        /** Measures an imported model; no training images are read. */
        private Result measureOnly(long t0) throws Exception {
            try (Network net = ModelSpec.parse(config.model()).build(input, DataType.FLOAT32, seed)) {
                List<String> layers = measuredLayers(net.layers(), false);
                long tm = System.nanoTime();
                Measurement m = CnnThreads.single(() -> measure(net, layers, 0, true));
                tMeasure = (System.nanoTime() - tm) / 1e9;
                Timings timings = new Timings(0, 0, tMeasure, 0, 0, (System.nanoTime() - t0) / 1e9,
                        Timings.cpuSeconds() - cpu0);
                return new Result(config, seed, layers, deepLayers(layers), thetaDeg, List.of(), List.of(), m, null,
                        null, List.of(), timings);
            }
        }

        /** SI Fig. 1c: untrained AlexNet, overlapping against non-overlapping pools, paired by initialization. */
        private PoolingResult pooling() throws Exception {
            Pooling p = config.pooling();
            Shape in = new Shape(3, p.inputSize(), p.inputSize());
            Gabor g = probes.get(0).gabor(p.inputSize(), config.phases());
            double[] grid = g.axis().grid(config.thetas());
            double[] deg = new double[grid.length];
            for (int i = 0; i < grid.length; i++) {
                deg[i] = g.axis().toDisplay(grid[i]);
            }
            List<String> layers;
            try (TapNetwork probe = new ArchSpec("alexnet", p.widthDivisor(), 1000).build(in, DataType.FLOAT32, 0)) {
                layers = probe.layers();
            }
            List<String> deep = deepLayers(layers);
            List<Callable<double[][]>> jobs = new ArrayList<>();
            for (String arch : List.of("alexnet", "alexnet-nonoverlap")) {
                for (int k = 0; k < p.seeds(); k++) {
                    long s = seedOf(k);
                    jobs.add(() -> {
                        ArchSpec spec = new ArchSpec(arch, p.widthDivisor(), 1000);
                        try (TapNetwork net = CnnParallel.build(() -> spec.build(in, DataType.FLOAT32, s))) {
                            SensitivityEngine e = new SensitivityEngine(
                                    SensitivityConfig.defaults(DerivativeMethod.EXACT).withBatchSize(128));
                            SensitivityProfile prof = e.measure(net, g, grid, layers);
                            double[][] norm = new double[layers.size()][];
                            for (int l = 0; l < layers.size(); l++) {
                                norm[l] = prof.normalized(l);
                            }
                            return norm;
                        }
                    });
                }
            }
            List<double[][]> profiles = CnnParallel.map(jobs, config.threads());
            double[] over = new double[p.seeds()];
            double[] non = new double[p.seeds()];
            double[][] overProfile = new double[p.seeds()][];
            double[][] nonProfile = new double[p.seeds()][];
            for (int k = 0; k < p.seeds(); k++) {
                over[k] = DeepMetrics.deepMeanRatio(deg, profiles.get(k), layers, deep, config.windowDeg());
                non[k] = DeepMetrics.deepMeanRatio(deg, profiles.get(p.seeds() + k), layers, deep,
                        config.windowDeg());
                overProfile[k] = DeepMetrics.deepMeanProfile(profiles.get(k), layers, deep);
                nonProfile[k] = DeepMetrics.deepMeanProfile(profiles.get(p.seeds() + k), layers, deep);
            }
            return new PoolingResult(p, layers, deep, deg, over, non, overProfile, nonProfile);
        }
    }
}
