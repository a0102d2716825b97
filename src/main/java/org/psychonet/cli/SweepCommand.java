package org.psychonet.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psychonet.experiment.SensitivitySweep;
import org.psychonet.model.ModelSpec;
import org.psychonet.report.SweepReport;
import org.psychonet.scale.Cluster;
import org.psychonet.scale.Clusters;
import org.psychonet.util.output.SafeOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code psychonet sweep}: D(θ) of every tap of many models or checkpoints, optionally on Apache Spark. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Measure D(y;θ) (eq. 1) for every layer of many models — a list of specs or every checkpoint "
                + "in a folder — and stimulus families: one task per (model, stimulus), sequentially or on Spark. "
                + "Writes sweep.csv (tidy: model, checkpoint_step, stimulus, layer, theta, theta_unit, D, normalized, "
                + "threshold), the cardinal ratio per layer against training step, and sweep.parquet on Spark.")
public final class SweepCommand extends RunCommand {

    @Option(names = "--models", required = true, split = ",", description = "Model specs (" + ModelSpec.FORMS
            + "), comma-separated, or a folder of checkpoints (every folder below holding weights.params and "
            + "network.json, e.g. deepnets' OUT/networks).")
    List<String> models;

    @Option(names = "--stimulus", split = ",", defaultValue = "gabor", description = "Stimulus families, "
            + "comma-separated: gabor, hue, planewave, grating64 (default: ${DEFAULT-VALUE}).")
    List<String> stimuli;

    @Option(names = "--method", defaultValue = "exact", description = "exact, grid or fd (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--thetas", defaultValue = "0", description = "Grid size (default: the family's, e.g. 180 "
            + "orientations).")
    int thetas;

    @Option(names = "--precision", defaultValue = "float32", description = "float32 or float64 (default: "
            + "${DEFAULT-VALUE}).")
    String precision;

    @Option(names = "--batch", defaultValue = "64", description = "Stimuli per forward pass (default: "
            + "${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--spark", arity = "0..1", fallbackValue = "", paramLabel = "MASTER", description = "Run the tasks "
            + "on Apache Spark: local[N] (embedded), spark://HOST:PORT, yarn or k8s://URL; without a value the master "
            + "spark-submit configured, else local[every core]. By default (no --spark) the tasks run one after another here.")
    String spark;

    /** Where the tasks ran (the cluster's description), for result.json. */
    private String ranOn;

    private SensitivitySweep.Config config;

    @Override
    protected String name() {
        return "sweep";
    }

    @Override
    protected void validate() {
        config = SensitivitySweep.Config.of(models, stimuli).withMethod(method).withThetas(thetas)
                .withPrecision(precision).withBatch(batch);
        config.validate();
        Clusters.requireMaster(spark);
        SensitivitySweep.expand(config.models()); // model files and checkpoint folders checked before writing
    }

    @Override
    protected Object config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("experiment", config);
        c.put("spark", spark == null ? null : ranOn);
        return c;
    }

    @Override
    protected Object run(SafeOutput output) throws Exception {
        try (Cluster cluster = spark == null ? Cluster.inProcess(1)
                : Clusters.spark(spark.isBlank() ? null : spark, "psychonet sweep")) {
            ranOn = cluster.describe();
            SensitivitySweep.Result r = time("sweep_s", () -> new SensitivitySweep().run(config, seed, cluster));
            List<String> plots = SweepReport.write(r, output.dir());
            boolean parquet = cluster.writeParquet(output.file("sweep.parquet"), SweepReport.table(r));
            return r.summary().withOutputs(parquet ? "sweep.parquet" : null, plots);
        }
    }
}
