package org.psychonet.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psychonet.experiment.LinearDynamics;
import org.psychonet.learning.linear.LinearInit;
import org.psychonet.learning.linear.LinearMethod;
import org.psychonet.report.LinearReport;
import org.psychonet.util.output.SafeOutput;
import org.psychonet.util.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code psychonet linear}: learning dynamics of linear networks with the theory overlaid (Figs 4–5, SI Fig. 2). */
@Command(name = "linear", mixinStandardHelpOptions = true,
        description = "Train linear networks to reconstruct image patches; PCs learned, theory, thresholds, acuity.")
public final class LinearCommand extends RunCommand {

    @Option(names = "--depth", split = ",", description = "Depths N to train (default: 1,2,3).")
    List<Integer> depths;

    @Option(names = "--symmetric", description = "Also train the symmetric one-matrix form W = wᵀw (default when --depth is not given).")
    boolean symmetric;

    @Option(names = "--method", description = "sgd (the paper), fullbatch (exact GD through Σ) or eigen "
            + "(axis-aligned, eq. 7). Default: sgd, or fullbatch with --quick.")
    String method;

    @Option(names = "--steps", description = "Gradient steps (default: 3000; 2000 with --quick).")
    Long steps;

    @Option(names = "--lr", description = "Learning rate η: a positive number or auto (0.12/(2·scale·λ1)). Default: "
            + "1.0 (Methods); auto with --quick.")
    String lr;

    @Option(names = "--batch", description = "SGD minibatch (default: 16384, Methods).")
    Integer batch;

    @Option(names = "--patches", description = "Number of patches (default: 100000, Methods; 20000 for image sources with --quick).")
    Integer patches;

    @Option(names = "--size", description = "Patch side (default: 32; 16 with --quick).")
    Integer size;

    @Option(names = "--images", description = "synthetic (Gaussian patches, power-law spectrum), world (built-in dead-leaves world), "
            + "world:key=value,… or a folder of photographs (default: world; synthetic with --quick).")
    String images;

    @Option(names = "--top-pcs", description = "PCs tracked and scored (default: 50).")
    Integer topPcs;

    @Option(names = "--track-every", description = "Steps between tracked points (default: 10).")
    Integer trackEvery;

    @Option(names = "--snapshot-every", description = "Steps between frequency snapshots (default: 50, Fig. 5f).")
    Integer snapshotEvery;

    @Option(names = "--frequencies", description = "Points of the fine frequency grid (default: step 0.1).")
    Integer frequencies;

    @Option(names = "--save-weights", paramLabel = "EVERY",
            description = "Write the product matrix W as weights/<net>_step<k>.npy every EVERY steps (default: never).")
    Integer saveWeights;

    @Option(names = "--pixel-basis", description = "Run fullbatch in pixel coordinates (dense Σ) instead of the "
            + "PCA basis (same trajectory, more d×d products).")
    boolean pixelBasis;

    @Option(names = "--seeds", description = "Independent repeats, each its own patch sample and initial weights; "
            + "claims are means over seeds (default: 3).")
    Integer seeds;

    @Option(names = "--sgd-depths", split = ",", description = "Depths also trained by minibatch SGD beside the main "
            + "method (default: 1 with --quick, none otherwise; give 0 for none).")
    List<Integer> sgdDepths;

    @Option(names = "--sgd-batch", description = "Minibatch of those runs (default: 1024 with --quick, 16384 otherwise).")
    Integer sgdBatch;

    @Option(names = "--patches-per-image", description = "Patches taken from each image (default: 10 with --quick; "
            + "0 = spread over as many images as possible).")
    Integer patchesPerImage;

    @Option(names = "--supervised-depths", split = ",", description = "Depths of the supervised linear task of "
            + "eqs 10–11 (default: 1,2; give 0 for none).")
    List<Integer> supervisedDepths;

    @Option(names = "--init", description = "Initial width: authors-code (default: U(±s/2), s = 0.01, 0.02 at depth 3) "
            + "or paper-text (PyTorch's default ÷ 100).")
    String init;

    @Option(names = "--output-noise", description = "S.d. of noise added to the output inside the SGD loss "
            + "(default: 0, the paper; the authors' code: 0.1).")
    Double outputNoise;

    @Option(names = "--quick", description = "Fast profile (16×16 world patches, exact full-batch GD, SGD beside at "
            + "depth 1, 3 seeds).")
    boolean quick;

    private LinearDynamics.Config config;

    @Override
    protected String name() {
        return "linear";
    }

    @Override
    protected void validate() {
        // every default is the config's (LinearDynamics.Config.paper()/quick()); options only override
        LinearDynamics.Config c = quick ? LinearDynamics.Config.quick() : LinearDynamics.Config.paper();
        if (depths != null) {
            c = c.withDepths(depths, symmetric);
        } else if (symmetric) {
            c = c.withDepths(c.depths(), true);
        }
        if (method != null) {
            c = c.withMethod(LinearMethod.parse(method));
        }
        if (size != null) {
            c = c.withSize(size);
        }
        if (images != null) {
            c = c.withImages(images);
        }
        if (patches != null) {
            c = c.withPatches(patches);
        }
        if (steps != null) {
            c = c.withSteps(steps);
        }
        if (lr != null) {
            c = c.withLearningRate(LinearDynamics.Config.learningRate(lr));
        }
        if (batch != null) {
            c = c.withBatch(batch);
        }
        if (topPcs != null) {
            c = c.withTopPcs(topPcs);
        }
        if (trackEvery != null || snapshotEvery != null) {
            c = c.withTracking(trackEvery != null ? trackEvery : c.trackEvery(),
                    snapshotEvery != null ? snapshotEvery : c.snapshotEvery());
        }
        if (frequencies != null) {
            c = c.withFrequencies(frequencies);
        }
        if (saveWeights != null) {
            InvalidInputException.requireParameter(saveWeights >= 1, "saveWeightsEvery",
                    saveWeights + " must be a positive number of steps");
            c = c.withSaveWeightsEvery(saveWeights);
        }
        if (pixelBasis) {
            c = c.withPcBasis(false);
        }
        if (seeds != null || sgdDepths != null || sgdBatch != null || patchesPerImage != null
                || supervisedDepths != null) {
            LinearDynamics.Study st = c.study();
            c = c.withStudy(new LinearDynamics.Study(seeds != null ? seeds : st.seeds(),
                    sgdDepths != null ? noneIfZero(sgdDepths) : st.sgdDepths(),
                    sgdBatch != null ? sgdBatch : st.sgdBatch(),
                    patchesPerImage != null ? patchesPerImage : st.patchesPerImage(),
                    supervisedDepths != null ? noneIfZero(supervisedDepths) : st.supervisedDepths()));
        }
        if (init != null) {
            c = c.withInit(LinearInit.Rule.parse(init));
        }
        if (outputNoise != null) {
            c = c.withOutputNoise(outputNoise);
        }
        c.validate();
        config = c;
    }

    /** "0" alone means none. */
    private static List<Integer> noneIfZero(List<Integer> v) {
        return v.size() == 1 && v.get(0) == 0 ? List.of() : v;
    }

    @Override
    protected Object config() {
        return config;
    }

    @Override
    protected Object run(SafeOutput output) throws Exception {
        LinearDynamics.Result r = time("train_and_measure_s", () -> new LinearDynamics().run(config, seed,
                output.dir()));
        time("report_s", () -> {
            LinearReport.write(r, output.dir());
            return null;
        });
        r.runs().forEach(run -> timings.merge("train_" + run.network() + "_s", run.trajectory().seconds(),
                Double::sum));
        return r;
    }
}
