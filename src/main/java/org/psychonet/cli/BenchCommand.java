package org.psychonet.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psychonet.bench.EngineBenchmark;
import org.psychonet.report.Csv;
import org.psychonet.util.output.SafeOutput;
import org.psychonet.util.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code psychonet bench}: psychonet against the authors' strategies, side by side on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: psychonet vs the authors' approach, measured in one run; writes ratios.")
public final class BenchCommand extends RunCommand {

    @Option(names = "--only", split = ",", defaultValue = "engine",
            description = "Which benchmarks: engine (default: ${DEFAULT-VALUE}).")
    List<String> only;

    @Option(names = "--size", defaultValue = "224", description = "Gabor size for the engine benchmark.")
    int size;

    @Option(names = "--thetas", defaultValue = "180", description = "Orientations for the engine benchmark.")
    int thetas;

    @Option(names = "--repeats", defaultValue = "1", description = "Timed repetitions (best kept).")
    int repeats;

    @Override
    protected String name() {
        return "bench";
    }

    @Override
    protected void validate() {
        for (String b : only) {
            InvalidInputException.require(List.of("engine").contains(b), "unknown benchmark '" + b
                    + "'; choose engine");
        }
        InvalidInputException.require(size >= 16 && thetas >= 9 && repeats >= 1,
                "--size must be ≥ 16, --thetas ≥ 9 and --repeats ≥ 1");
    }

    @Override
    protected Object config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("only", only);
        c.put("size", size);
        c.put("thetas", thetas);
        c.put("repeats", repeats);
        return c;
    }

    @Override
    protected Map<String, Object> run(SafeOutput output) throws Exception {
        Map<String, Object> summary = new LinkedHashMap<>();
        List<Object[]> table = new ArrayList<>();
        if (only.contains("engine")) {
            List<EngineBenchmark.Row> rows = time("engine_s", () -> EngineBenchmark.run(size, thetas, repeats));
            summary.put("engine", EngineBenchmark.summary(rows));
            double naive = rows.get(rows.size() - 1).seconds();
            for (EngineBenchmark.Row r : rows) {
                table.add(new Object[] {"engine", r.strategy(), r.stimuli(), r.seconds(), r.stimuliPerSecond(),
                        naive / r.seconds()});
            }
        }
        try (Csv csv = Csv.create(output.file("bench.csv"), "benchmark", "strategy", "work", "seconds", "per_second",
                "speedup_vs_authors")) {
            for (Object[] row : table) {
                csv.row(row);
                System.err.printf("%-8s %-45s %9.2f s  %9.1f /s  ×%.1f%n", row[0], row[1], (double) row[3],
                        (double) row[4], (double) row[5]);
            }
        }
        return summary;
    }
}
