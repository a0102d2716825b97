package org.psychonet.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psychonet.experiment.Claim;
import org.psychonet.experiment.DeepNetworks;
import org.psychonet.learning.cnn.CnnTrainingConfig;
import org.psychonet.report.DeepReport;
import org.psychonet.util.output.SafeOutput;
import org.psychonet.util.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code psychonet deepnets}: Figs 2c, 3c–d and SI Fig. 1 on a CNN trained on CPU, or on an imported model. */
@Command(name = "deepnets", mixinStandardHelpOptions = true,
        description = "Orientation and hue sensitivity of every layer of a deep network, trained on naturalistic "
                + "images, with the paper's controls (untrained, shuffled, rotated 45°, hue-shifted 90°).")
public final class DeepNetsCommand extends RunCommand {

    @Option(names = "--quick", description = "The quick profile: small CNN, 32 px, 64 world images, all controls.")
    boolean quick;

    @Option(names = "--arch", description = "resnet18, vgg16bn, alexnet, alexnet-nonoverlap or small.")
    String arch;

    @Option(names = "--width", description = "resnet18/small: first-stage channels; vgg16bn/alexnet: width divisor.")
    Integer width;

    @Option(names = "--input-size", description = "Network input side in px (paper: 224; quick: 32).")
    Integer inputSize;

    @Option(names = "--source-side", description = "Side of the training images crops are taken from (default 2×input).")
    Integer sourceSide;

    @Option(names = "--train", description = "'world' or a folder (sub-folders = labelled classes; else which-image task).")
    String train;

    @Option(names = "--images", description = "Training images used (world: also the number of classes).")
    Integer images;

    @Option(names = "--rotate", description = "Rotate the main training images by this many degrees (default 0).")
    Double rotate;

    @Option(names = "--hue-shift", description = "Shift the main training images' hue by this many degrees (default 0).")
    Double hueShift;

    @Option(names = "--steps", description = "SGD steps per trained network.")
    Integer steps;

    @Option(names = "--batch", description = "Images per SGD step.")
    Integer batch;

    @Option(names = "--lr", description = "Initial learning rate (÷10 at 1/3 and 2/3 of training).")
    Double lr;

    @Option(names = "--flips", description = "Random horizontal flips (off: flips symmetrize orientation statistics).")
    boolean flips;

    @Option(names = "--checkpoint", description = "Folder for checkpoints (resumed when present).")
    String checkpoint;

    @Option(names = "--checkpoint-every", description = "Steps between checkpoints.")
    Integer checkpointEvery;

    @Option(names = "--controls", split = ",", description = "Subset of init,shuffle,rotate45,hueshift90 "
            + "(default: all); 'none' for no controls.")
    List<String> controls;

    @Option(names = "--hue-steps", description = "S and V grid points of the hue stimulus (paper: 8; quick: 4).")
    Integer hueSteps;

    @Option(names = "--method", description = "exact (psychonet networks), grid or fd.")
    String method;

    @Option(names = "--model", description = "Skip training and measure torchscript:FILE.pt or saved:DIR.")
    String model;

    private DeepNetworks.Config config;

    @Override
    protected String name() {
        return "deepnets";
    }

    @Override
    protected void validate() {
        DeepNetworks.Config c = quick ? DeepNetworks.Config.quick() : DeepNetworks.Config.paper();
        if (arch != null || width != null) {
            String a = arch != null ? arch : c.arch();
            int w = width != null ? width : (arch != null && !arch.equals(c.arch())
                    ? org.psychonet.model.arch.ArchSpec.standard(a).width() : c.width());
            c = c.withArch(a, w);
        }
        if (inputSize != null || sourceSide != null) {
            int in = inputSize != null ? inputSize : c.inputSize();
            c = c.withInput(in, sourceSide != null ? sourceSide : 2 * in);
        }
        if (train != null || images != null) {
            c = c.withTrain(train != null ? train : c.train(), images != null ? images : c.sourceImages());
        }
        if (rotate != null || hueShift != null) {
            c = c.withTransforms(rotate != null ? rotate : 0, hueShift != null ? hueShift : 0);
        }
        CnnTrainingConfig t = c.training();
        t = new CnnTrainingConfig(steps != null ? steps : t.steps(), batch != null ? batch : t.batch(),
                lr != null ? lr : t.learningRate(), t.momentum(), t.weightDecay(), t.minCropScale(), flips || t.flips(),
                checkpointEvery != null ? checkpointEvery : t.checkpointEvery());
        InvalidInputException.require(t.learningRate() > 0, "--lr must be positive");
        c = c.withTraining(t);
        if (controls != null) {
            c = c.withControls(controls.equals(List.of("none")) ? List.of() : controls);
        }
        if (hueSteps != null || method != null) {
            c = c.withMeasurement(method != null ? method : c.method(), hueSteps != null ? hueSteps : c.hueSteps());
        }
        if (model != null) {
            InvalidInputException.require(model.startsWith("torchscript:") || model.startsWith("saved:"),
                    "--model " + model + " is unknown; give torchscript:FILE.pt or saved:DIR");
            c = c.withModel(model);
        }
        if (checkpoint != null) {
            c = c.withCheckpointDir(checkpoint);
        }
        c.validate();
        config = c;
    }

    @Override
    protected Object config() {
        return config;
    }

    @Override
    protected Map<String, Object> run(SafeOutput output) throws Exception {
        DeepNetworks.Result r = time("experiment_s", () -> new DeepNetworks().run(config, output.file(".")
                .normalize(), seed));
        time("report_s", () -> {
            DeepReport.write(r, output.file(".").normalize());
            return null;
        });
        for (Claim c : r.claims()) {
            System.err.println("claim " + c.id() + ": " + c.metric() + " = " + String.format("%.4g", c.value().mean())
                    + " (" + c.bound() + ") " + (c.holds() ? "holds" : "DOES NOT HOLD"));
        }
        return new LinkedHashMap<>(DeepReport.summary(r));
    }
}
