package org.psychonet.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.psychonet.learning.linear.LinearBenchmark;
import org.psychonet.report.Csv;
import org.psychonet.util.output.SafeOutput;
import org.psychonet.util.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code psychonet bench linear}: 1,000 steps of exact full-batch gradient descent against the same number
 * of minibatch-SGD epochs over 100,000 patches (the authors' training), depth 1, in one run.
 */
@Command(name = "linear-bench", mixinStandardHelpOptions = true,
        description = "fullbatch (through Σ) vs the paper's sgd epochs over 100,000 patches, side by side.")
public final class LinearBenchCommand extends RunCommand {

    @Option(names = "--d", defaultValue = "1024", description = "Input dimension, a square (default: ${DEFAULT-VALUE}).")
    int d;

    @Option(names = "--steps", defaultValue = "1000", description = "Steps and epochs (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--sgd-batches", defaultValue = "3", description = "SGD minibatches timed, scaled to epochs.")
    int sgdBatches;

    @Override
    protected String name() {
        return "bench linear";
    }

    @Override
    protected void validate() {
        int side = (int) Math.round(Math.sqrt(d));
        InvalidInputException.require(side * side == d && d >= 16, "--d must be a square ≥ 16 (e.g. 1024 = 32²)");
        InvalidInputException.require(steps >= 1 && sgdBatches >= 1, "--steps and --sgd-batches must be ≥ 1");
    }

    @Override
    protected Object config() {
        return Map.of("d", d, "steps", steps, "sgd_batches", sgdBatches, "sgd_batch", 16_384, "patches", 100_000);
    }

    @Override
    protected Map<String, Object> run(SafeOutput output) throws Exception {
        LinearBenchmark.Result r = time("bench_s", () -> LinearBenchmark.run((int) Math.round(Math.sqrt(d)), steps,
                sgdBatches));
        try (Csv csv = Csv.create(output.file("bench.csv"), "strategy", "seconds", "speedup_vs_sgd")) {
            csv.row("fullbatch (PCA basis)", r.fullbatchPcSeconds(), r.sgdSeconds() / r.fullbatchPcSeconds());
            csv.row("fullbatch (pixel basis)", r.fullbatchPixelSeconds(), r.sgdSeconds() / r.fullbatchPixelSeconds());
            csv.row("sgd epochs (authors, scaled from " + sgdBatches + " minibatches)", r.sgdSeconds(), 1.0);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fullbatch_pc_s", r.fullbatchPcSeconds());
        m.put("fullbatch_pixel_s", r.fullbatchPixelSeconds());
        m.put("sgd_s_per_minibatch", r.sgdSecondsPerMinibatch());
        m.put("sgd_s_scaled", r.sgdSeconds());
        m.put("ratio_sgd_over_fullbatch_pc", r.sgdSeconds() / r.fullbatchPcSeconds());
        m.put("ratio_sgd_over_fullbatch_pixel", r.sgdSeconds() / r.fullbatchPixelSeconds());
        return m;
    }
}
