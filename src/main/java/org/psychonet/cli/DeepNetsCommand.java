package org.psychonet.cli;

import java.util.List;
import org.psychonet.experiment.Claim;
import org.psychonet.experiment.DeepNetworks;
import org.psychonet.learning.cnn.CnnTrainingConfig;
import org.psychonet.model.arch.ArchSpec;
import org.psychonet.report.DeepReport;
import org.psychonet.util.output.SafeOutput;
import org.psychonet.util.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code psychonet deepnets}: Figs 2c, 3b–d and SI Figs 1 and 3 on CNNs trained on CPU in controlled worlds or on a
 * folder of photographs, over paired seeds; or the curves of an imported model.
 */
@Command(name = "deepnets", mixinStandardHelpOptions = true,
        description = "Orientation and hue sensitivity of every layer of CNNs trained on worlds that differ in one "
                + "prior (or on photographs and their rotated / hue-shifted copies), over paired seeds, with the "
                + "paper's controls; or of an imported model.")
public final class DeepNetsCommand extends RunCommand {

    @Option(names = "--quick", description = "The quick profile: small CNN, 32 px, 3 seeds, 100 steps (default).")
    boolean quick;

    @Option(names = "--full", description = "The full profile: 5 seeds, 3,000 steps, 180 orientations (hours).")
    boolean full;

    @Option(names = "--arch", description = "Architecture trained: small (default), resnet18, vgg16bn, alexnet, "
            + "alexnet-nonoverlap.")
    String arch;

    @Option(names = "--width", description = "small/resnet18: first-stage channels (default 16); vgg16bn/alexnet: "
            + "width divisor.")
    Integer width;

    @Option(names = "--input-size", description = "Network input side in px (default 32; a multiple of 8).")
    Integer inputSize;

    @Option(names = "--source-side", description = "Side of the training images crops are taken from (default "
            + "2 × input).")
    Integer sourceSide;

    @Option(names = "--train", description = "'world' (default) or a folder of photographs (sub-folders = classes).")
    String train;

    @Option(names = "--source-images", description = "Training images per condition (default: quick 1024, full "
            + "4096).")
    Integer sourceImages;

    @Option(names = "--seeds", description = "Seeds per condition, paired across conditions (default: quick 3, "
            + "full 5).")
    Integer seeds;

    @Option(names = "--tasks", split = ",", description = "denoise, centre-shape (world), labels (folder with "
            + "sub-folders); default: world denoise,centre-shape; photographs denoise.")
    List<String> tasks;

    @Option(names = "--regimes", split = ",", description = "standard (default initialization, batch norm) and/or "
            + "rich (no batch norm, output scaled to 1/100 at the start; denoising on the natural and uniform worlds "
            + "or the photographs); default: quick standard, full standard,rich.")
    List<String> regimes;

    @Option(names = {"--conditions", "--condition"}, split = ",", description = "World: natural, uniform, oblique, amplified, "
            + "hue-uniform, hue-shift90 (default all). Photographs: photos, photos-rotated, photos-hue-shifted "
            + "(default all).")
    List<String> conditions;

    @Option(names = "--rotate", description = "Rotation of the photos-rotated condition in degrees (default 45).")
    Double rotate;

    @Option(names = "--hue-shift", description = "Hue shift of the photos-hue-shifted condition in degrees "
            + "(default 90).")
    Double hueShift;

    @Option(names = "--steps", description = "SGD steps per network (default: quick 100, full 3000).")
    Integer steps;

    @Option(names = "--batch", description = "Images per SGD step (default 64).")
    Integer batch;

    @Option(names = "--lr", description = "Initial learning rate, ÷10 at 1/3 and 2/3 of training (default 0.05).")
    Double lr;

    @Option(names = "--flips", description = "Random horizontal flips (default off: flips symmetrize orientation "
            + "statistics).")
    boolean flips;

    @Option(names = "--thetas", description = "Orientations measured (default: quick 90, full 180).")
    Integer thetas;

    @Option(names = "--hue-steps", description = "S and V grid points of the hue stimulus (default: quick 3, "
            + "full 8).")
    Integer hueSteps;

    @Option(names = "--method", description = "exact (default, psychonet networks), grid or fd.")
    String method;

    @Option(names = "--model", description = "Measure torchscript:FILE.pt or saved:DIR instead of training (no "
            + "training images are read; default: none, train).")
    String model;

    @Option(names = "--checkpoint", description = "Folder for checkpoints, resumed when present "
            + "(default: none, no checkpoints).")
    String checkpoint;

    @Option(names = "--checkpoint-every", description = "Steps between checkpoints (default: quick none, full "
            + "500).")
    Integer checkpointEvery;

    @Option(names = "--pooling-seeds", description = "Initializations of the AlexNet pooling comparison (SI Fig. 1c; "
            + "default: quick 3, full 5; 0 skips it).")
    Integer poolingSeeds;

    @Option(names = "--bridge-images", description = "World images per seed for the linear autoencoder beside the "
            + "CNNs (default: quick 2048, full 8192; 0 skips it).")
    Integer bridgeImages;

    @Option(names = "--threads", description = "Networks trained or measured at once, one core each (default 2).")
    Integer threads;

    private DeepNetworks.Config config;

    @Override
    protected String name() {
        return "deepnets";
    }

    @Override
    protected void validate() {
        InvalidInputException.require(!(quick && full), "--quick and --full exclude each other; give one");
        InvalidInputException.require(checkpointEvery == null || checkpointEvery >= 1, "--checkpoint-every "
                + checkpointEvery + " is not a number of steps; give ≥ 1");
        if (model != null) {
            org.psychonet.model.ModelSpec.parse(model); // a bad spec is reported before it is read
        }
        DeepNetworks.Config c = full ? DeepNetworks.Config.full() : DeepNetworks.Config.quick();
        if (arch != null || width != null) {
            String a = arch != null ? arch : c.arch();
            int w = width != null ? width : arch != null && !arch.equals(c.arch()) ? ArchSpec.standard(a).width()
                    : c.width();
            c = c.withArch(a, w);
        }
        if (inputSize == null && model != null && model.startsWith("saved:")) {
            // a saved network is measured at the size it was trained at
            inputSize = (int) org.psychonet.model.NetworkStore.inputShape(java.nio.file.Path.of(model.substring(6)))
                    .get(1);
        }
        if (inputSize != null || sourceSide != null) {
            int in = inputSize != null ? inputSize : c.inputSize();
            c = c.withInput(in, sourceSide != null ? sourceSide : 2 * in);
        }
        if (train != null && !train.equals("world")) {
            c = c.onPhotos(train).withExtras(c.pooling(), 0);
        }
        if (sourceImages != null) {
            c = c.withImages(sourceImages, Math.max(sourceImages, c.shapeImages()));
        }
        if (seeds != null) {
            c = c.withSeeds(seeds);
        }
        if (tasks != null) {
            c = c.withTasks(tasks.stream().map(DeepNetworks.Task::parse).toList());
        }
        if (regimes != null) {
            c = c.withRegimes(regimes.stream().map(DeepNetworks.Regime::parse).toList());
        }
        if (conditions != null) {
            c = c.withConditions(conditions.stream().map(DeepNetworks.Condition::parse).toList());
        }
        if (rotate != null || hueShift != null) {
            c = c.withTransforms(rotate != null ? rotate : c.rotateDeg(), hueShift != null ? hueShift
                    : c.hueShiftDeg());
        }
        CnnTrainingConfig t = c.training();
        c = c.withTraining(new CnnTrainingConfig(steps != null ? steps : t.steps(), batch != null ? batch : t.batch(),
                lr != null ? lr : t.learningRate(), t.momentum(), t.weightDecay(), t.minCropScale(), flips || t.flips(),
                checkpointEvery != null ? checkpointEvery : t.checkpointEvery()));
        if (thetas != null || hueSteps != null || method != null) {
            c = c.withMeasurement(method != null ? method : c.method(), thetas != null ? thetas : c.thetas(),
                    hueSteps != null ? hueSteps : c.hueSteps());
        }
        if (model != null) {
            c = c.withModel(model);
        }
        if (checkpoint != null) {
            c = c.withCheckpointDir(checkpoint);
        }
        if (threads != null) {
            c = c.withThreads(threads);
        }
        if (poolingSeeds != null || bridgeImages != null) {
            DeepNetworks.Pooling p = c.pooling();
            c = c.withExtras(poolingSeeds == null ? p : new DeepNetworks.Pooling(p.inputSize(), p.widthDivisor(),
                    poolingSeeds), bridgeImages != null ? bridgeImages : c.bridgeImages());
        }
        c.validate();
        config = c;
    }

    @Override
    protected Object config() {
        return config;
    }

    @Override
    protected Object run(SafeOutput output) throws Exception {
        DeepNetworks.Result r = time("experiment_s", () -> new DeepNetworks().run(config, seed, output.dir()
                .normalize()));
        time("report_s", () -> {
            DeepReport.write(r, output.dir().normalize());
            return null;
        });
        for (Claim c : r.claims()) {
            System.err.println("claim " + c.id() + ": " + c.metric() + " = " + c.value() + " (" + c.bound() + ") "
                    + (c.holds() ? "holds" : "DOES NOT HOLD"));
        }
        DeepNetworks.Timings t = r.timings();
        timings.put("images_s", t.images());
        timings.put("training_s", t.training());
        timings.put("measuring_s", t.measuring());
        timings.put("controls_s", t.controls());
        timings.put("bridge_s", t.bridge());
        timings.put("cpu_s", t.cpu());
        return r;
    }
}
