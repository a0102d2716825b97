package org.psychonet.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.LinkedHashMap;
import java.util.List;
import org.psychonet.experiment.Claim;
import java.util.Map;
import java.util.concurrent.Callable;
import org.psychonet.experiment.ExperimentResult;
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

    /**
     * Does the work, writing data and plots into {@code output}; returns an experiment's result (its summary and
     * claims go into result.json) or the summary itself.
     */
    protected abstract Object run(SafeOutput output) throws Exception;

    /**
     * result.json: what ran (command, version, commit, seed, config), what it found (summary, claims), the files
     * written with their SHA-256 (the marker that psychonet wrote the folder), and last, apart, the one block that
     * differs between identical runs ({@code run}: start time, machine, timings).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"command", SafeOutput.PROVENANCE_KEY, "git_commit", "seed", "config", "summary", "claims",
        SafeOutput.FILES_KEY, "run"})
    public record ResultFile(String command, @JsonProperty(SafeOutput.PROVENANCE_KEY) String psychonetVersion,
                             String gitCommit, long seed, Object config, Object summary, List<Claim> claims,
                             List<SafeOutput.FileDigest> files, Provenance.Run run) {
    }

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
            Object outcome = run(output);
            timings.put("total_s", Duration.between(started, Instant.now()).toNanos() / 1e9);
            Object summary = outcome instanceof ExperimentResult r ? r.summary() : outcome;
            List<Claim> claims = outcome instanceof ExperimentResult r ? r.claims() : null;
            output.commit((file, files) -> Json.write(file, new ResultFile(name(), Provenance.version(),
                    Provenance.gitCommit(), seed, config(), summary, claims, files,
                    Provenance.Run.of(started, timings))));
            System.err.println(summaryLine(outcome, output.target(), Duration.between(started, Instant.now())));
        }
        return 0;
    }

    /**
     * The one line a command ends with on stderr: what it found (paper claims, when it tested any), how long it
     * took, and where the results are.
     */
    protected String summaryLine(Object outcome, Path target, Duration elapsed) {
        String claims = "";
        if (outcome instanceof ExperimentResult r) {
            List<Claim> paper = r.claims().stream().filter(c -> c.kind() == Claim.Kind.PAPER).toList();
            if (!paper.isEmpty()) {
                claims = paper.stream().filter(Claim::holds).count() + " of " + paper.size()
                        + " paper claims hold; ";
            }
        }
        return "psychonet " + name() + ": " + claims + "done in " + elapsed(elapsed) + " — results in " + target
                + " (result.json)";
    }

    /** "8.2 s", "3 min 05 s", "1 h 02 min". */
    static String elapsed(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        return s < 3600 ? String.format(java.util.Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(java.util.Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }
}
