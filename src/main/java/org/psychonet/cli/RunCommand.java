package org.psychonet.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.psychonet.report.Json;
import org.psychonet.report.Provenance;
import org.psychonet.util.output.SafeOutput;
import picocli.CommandLine.Option;

/**
 * The shape of every psychonet command: validate all input before anything is written, do the work
 * into a temporary folder, write result.json (config, seed, version, git commit, timings, summary
 * metrics) and move the folder into place.
 */
public abstract class RunCommand implements Callable<Integer> {

    @Option(names = "--out", description = "Folder for result.json, CSVs and plots (required unless the command "
            + "has a default).")
    protected Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    protected long seed;

    @Option(names = "--overwrite", description = "Replace an earlier psychonet result in --out. Without it such a "
            + "folder is refused; a folder psychonet did not write is always refused. An earlier result holding "
            + "files psychonet did not write is moved aside to OUT.previous-TIMESTAMP instead of being deleted.")
    protected boolean overwrite;

    /** Named wall-clock timings in seconds, filled by {@link #time}. */
    protected final Map<String, Double> timings = new LinkedHashMap<>();

    /** The command's name as typed. */
    protected abstract String name();

    /** Checks every input; throws InvalidInputException (exit 2, nothing written). */
    protected abstract void validate();

    /** The settings, for result.json. */
    protected abstract Object config();

    /** Does the work, writing data and plots into {@code output}; returns summary metrics. */
    protected abstract Map<String, Object> run(SafeOutput output) throws Exception;

    /** Runs a step and records its wall time under {@code label}. */
    protected <T> T time(String label, ThrowingSupplier<T> step) throws Exception {
        long t0 = System.nanoTime();
        try {
            return step.get();
        } finally {
            timings.merge(label, (System.nanoTime() - t0) / 1e9, Double::sum);
        }
    }

    @FunctionalInterface
    public interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    /** The --out used when none is given; null makes --out required. */
    protected Path defaultOut() {
        return null;
    }

    @Override
    public Integer call() throws Exception {
        if (out == null) {
            out = defaultOut();
            if (out == null) {
                throw new org.psychonet.util.InvalidInputException("--out is required: give the folder for the results");
            }
        }
        SafeOutput.check(out, overwrite); // before validate(): a refused --out is reported first, nothing written
        validate();
        Instant started = Instant.now();
        try (SafeOutput output = SafeOutput.open(out, overwrite)) {
            Map<String, Object> summary = run(output);
            Map<String, Object> result = new LinkedHashMap<>(Provenance.describe(name(), started, seed));
            result.put("config", config());
            timings.put("total_s", Duration.between(started, Instant.now()).toNanos() / 1e9);
            result.put("timings", timings);
            result.put("summary", summary);
            output.commit((file, files) -> {
                result.put(SafeOutput.FILES_KEY, files);
                Json.write(file, result);
            });
            System.err.println("psychonet " + name() + ": wrote " + output.target());
        }
        return 0;
    }
}
