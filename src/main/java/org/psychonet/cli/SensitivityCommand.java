package org.psychonet.cli;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psychonet.model.ModelSpec;
import org.psychonet.model.Network;
import org.psychonet.report.Plots;
import org.psychonet.util.output.SafeOutput;
import org.psychonet.report.SensitivityReport;
import org.psychonet.sensitivity.DerivativeMethod;
import org.psychonet.sensitivity.SensitivityConfig;
import org.psychonet.sensitivity.SensitivityEngine;
import org.psychonet.sensitivity.SensitivityProfile;
import org.psychonet.stimulus.Normalized;
import org.psychonet.stimulus.Stimuli;
import org.psychonet.stimulus.StimulusFamily;
import org.psychonet.util.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code psychonet sensitivity}: D(θ) for every layer of a model, for one stimulus family. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = "Measure D(y;θ) = Σ(∂y/∂θ)² (eq. 1) for each layer of a model.")
public final class SensitivityCommand extends RunCommand {

    @Option(names = "--model", required = true, description = "Model: " + ModelSpec.FORMS + " (see README).")
    String modelSpec;

    @Option(names = "--stimulus", defaultValue = "gabor", description = "gabor, hue, planewave or grating64.")
    String stimulus;

    @Option(names = "--size", description = "Stimulus side in pixels, every family drawn in proportion (default: "
            + "the model's own input size for saved: and linear: models, else the family's: 224, 32 or 64).")
    Integer size;

    @Option(names = "--layers", split = ",", description = "Layers to report (default: all).")
    List<String> layers;

    @Option(names = "--method", defaultValue = "exact", description = "exact, grid or fd (default: ${DEFAULT-VALUE}); "
            + "grid and fd also report an error estimate and warn when it exceeds 1 %% for a layer.")
    String method;

    @Option(names = "--thetas", description = "Grid size (default: the family's, e.g. 180 orientations).")
    Integer thetas;

    @Option(names = "--fd-step", description = "δ for fd, in θ's unit (default: 0.01 rad, 0.1° of hue).")
    Double fdStep;

    @Option(names = "--precision", description = "float32 or float64 (default: float32; a TorchScript module "
            + "runs in the precision it was exported in).")
    String precision;

    @Option(names = "--batch", defaultValue = "64", description = "Stimuli per forward pass.")
    int batch;

    @Option(names = "--imagenet-normalize", description = "Standardize stimuli with ImageNet's channel mean/std "
            + "after rendering, as the authors' code did (off: the paper's text).")
    boolean imagenetNormalize;

    @Option(names = "--svg", description = "Also write plots as SVG.")
    boolean svg;

    private boolean explicitPrecision = true;
    private StimulusFamily family;
    private Network network;
    private SensitivityConfig engineConfig;
    private double[] grid;

    @Override
    protected String name() {
        return "sensitivity";
    }

    @Override
    protected void validate() {
        ModelSpec spec = ModelSpec.parse(modelSpec);
        StimulusFamily base = Stimuli.byName(stimulus);
        java.util.OptionalInt side = size != null ? java.util.OptionalInt.of(size) : spec.inputSide(base.channels());
        if (side.isPresent()) {
            base = Stimuli.byName(stimulus, side.getAsInt(), base.channels());
        }
        InvalidInputException.require(!imagenetNormalize || base.channels() == 3,
                "--imagenet-normalize needs an RGB stimulus (gabor or hue)");
        family = imagenetNormalize ? Normalized.imagenet(base) : base;
        int n = thetas == null ? family.axis().defaultCount() : thetas;
        InvalidInputException.require(n >= 3, "--thetas " + n + " is too small; give at least 3 grid points");
        InvalidInputException.require(batch >= 1, "--batch must be at least 1");
        InvalidInputException.require(fdStep == null || (fdStep > 0 && Double.isFinite(fdStep)),
                "--fd-step must be a positive number");
        if (precision == null) {
            precision = "float32";
            explicitPrecision = false;
        }
        DataType type = switch (precision) {
            case "float32" -> DataType.FLOAT32;
            case "float64" -> DataType.FLOAT64;
            default -> throw new InvalidInputException("--precision " + precision + " is unknown; use float32 or float64");
        };
        DerivativeMethod m = DerivativeMethod.parse(method);
        engineConfig = new SensitivityConfig(m, fdStep == null ? Double.NaN : fdStep, batch, type, 4);
        network = spec.build(new Shape(family.channels(), family.height(), family.width()), type, seed);
        // before the grid is allocated: the θ grid, its extended copy and one D(θ) curve per layer, in doubles
        org.psychonet.util.MemoryBudget.requireHeap("thetas", n, org.psychonet.util.MemoryBudget.product(8, n,
                network.layers().size() + 4L), n, "the θ grid and one D(θ) curve per layer");
        grid = family.axis().grid(n);
        if (layers != null) {
            for (String l : layers) {
                InvalidInputException.require(network.layers().contains(l), "unknown layer '" + l + "'; "
                        + network.name() + " has " + String.join(", ", network.layers()));
            }
        }
        if (network.dataType() != null && network.dataType() != type && !explicitPrecision) {
            precision = network.dataType().toString().toLowerCase(java.util.Locale.ROOT);
        } else if (network.dataType() != null && network.dataType() != type) {
            String has = network.dataType().toString().toLowerCase(java.util.Locale.ROOT);
            network.close();
            throw new InvalidInputException("--precision " + precision + ": " + modelSpec + " holds " + has
                    + " parameters and runs in " + has + "; export it in " + precision + " (scripts/export_torchvision.py "
                    + "--precision " + precision + ") or omit --precision");
        }
    }

    @Override
    protected Object config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("model", network.describe());
        c.put("stimulus", family.name());
        c.put("stimulus_config", family.config());
        c.put("size", family.height());
        c.put("theta_axis", family.axis());
        c.put("thetas", grid.length);
        c.put("method", engineConfig.method().label());
        c.put("fd_step", Double.isNaN(engineConfig.fdStep()) ? family.axis().defaultStep() : engineConfig.fdStep());
        c.put("precision", precision);
        c.put("batch", batch);
        c.put("imagenet_normalize", imagenetNormalize);
        return c;
    }

    @Override
    protected Map<String, Object> run(SafeOutput output) throws Exception {
        try (Network net = network) {
            SensitivityEngine engine = new SensitivityEngine(engineConfig);
            List<String> chosen = layers == null ? net.layers() : layers;
            SensitivityProfile p = time("sensitivity_s", () -> engine.measure(net, family, grid, chosen));
            for (String w : p.warnings(0.01)) {
                System.err.println("psychonet sensitivity: warning: " + w);
            }
            SensitivityReport.writeCsv(p, output.file("sensitivity.csv"));
            Plots.save(SensitivityReport.normalizedChart(p, net.name() + " · " + family.name()
                    + " · " + engineConfig.method().label()), output.file("sensitivity.png"), svg);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("stimuli_per_second", grid.length * family.nuisanceCount() / timings.get("sensitivity_s"));
            s.put("layers", SensitivityReport.summary(p));
            return s;
        }
    }
}
