package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.report.Csv;
import org.psychonet.util.Npy;

/**
 * scripts/psychonet_results.py reads what psychonet writes: result.json (null for NaN), every CSV (NaN, ±Inf,
 * quoted text, booleans, Java's exponent notation), .npy arrays, sub-folders of a reproduce folder — with pandas
 * and NumPy (DataFrames, ndarrays) and without them (PSYCHONET_PURE=1: lists). Runs Debian's python3; skips when
 * it is absent, and the pandas half when pandas is.
 */
class PythonReaderTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("scripts/psychonet_results.py").toAbsolutePath();

    /** Prints, one per line: command, summary null, table values, the array, the unique-name lookup. */
    private static final String PROBE = String.join("\n",
            "import sys, math; sys.path.insert(0, sys.argv[2])",
            "from psychonet_results import load, _pd",
            "r = load(sys.argv[1])",
            "t = r.tables['values']",
            "rows = t.to_dict('records') if _pd is not None else t",
            "print(r.command)",
            "print(r.summary['missing'] is None, r.summary['x'])",
            "for row in rows: print(repr(row['v']), row['name'], row['ok'])",
            "a = r.arrays['weights']",
            "a = a.tolist() if hasattr(a, 'tolist') else a",
            "print(a)",
            "print(sorted(r.tables.keys()), len(r.table('inner')))",
            "s = load(sys.argv[3]).table('sensitivity')",
            "s = s.to_dict('records') if _pd is not None else s",
            "print(len(s), sorted(s[0].keys()))");

    @Test
    void readsEveryFileKindWithAndWithoutPandas(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3: skipped");
        Path folder = Files.createDirectories(dir.resolve("res"));
        Files.writeString(folder.resolve("result.json"), "{\"command\": \"demo\", \"seed\": 0, "
                + "\"summary\": {\"missing\": null, \"x\": 2.5}, \"claims\": []}\n");
        try (Csv c = Csv.create(folder.resolve("values.csv"), "v", "name", "ok")) {
            c.row(1.5, "plain", true);
            c.row(Double.NaN, "a, \"quoted\" b", false);
            c.row(Double.POSITIVE_INFINITY, "up", true);
            c.row(Double.NEGATIVE_INFINITY, "down", true);
            c.row(1e-20, "tiny", false);
        }
        Files.createDirectories(folder.resolve("sub"));
        try (Csv c = Csv.create(folder.resolve("sub/inner.csv"), "k")) {
            c.row(1);
            c.row(2);
        }
        Npy.write(folder.resolve("weights.npy"), new long[] {2, 3}, new double[] {1, 2, 3, 4, 5, 0.25});
        Path sens = dir.resolve("sens");
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), "sensitivity", "--model", "identity", "--stimulus", "gabor",
                "--thetas", "8", "--out", sens.toString());
        assertEquals(0, code, err.toString());

        List<String> expectedHead = List.of("demo", "True 2.5", "1.5 plain True", "nan a, \"quoted\" b False",
                "inf up True", "-inf down True", "1e-20 tiny False", "[[1.0, 2.0, 3.0], [4.0, 5.0, 0.25]]",
                "['sub/inner', 'values'] 2");
        List<String> pure = run(folder, sens, Map.of("PSYCHONET_PURE", "1"));
        assertEquals(expectedHead, pure.subList(0, expectedHead.size()));
        assertTrue(pure.get(expectedHead.size()).startsWith("8 ["), pure.toString());
        assertTrue(pure.get(expectedHead.size()).contains("'D'"), pure.toString());
        if (run(folder, sens, Map.of(), "-c", "import pandas, numpy").isEmpty()) {
            List<String> pandas = run(folder, sens, Map.of());
            assertEquals(pure, pandas, "pandas and plain Python read the same values");
        }
    }

    @Test
    void aFolderWithoutResultJsonIsRefusedWithOneLine(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3: skipped");
        Process p = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), dir.toString()).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains("no result.json"), err);
    }

    private static List<String> run(Path folder, Path sens, Map<String, String> env, String... code)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString()));
        if (code.length > 0) {
            cmd.addAll(List.of(code));
        } else {
            cmd.addAll(List.of("-c", PROBE, folder.toString(), SCRIPT.getParent().toString(), sens.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        if (code.length > 0) {
            return p.exitValue() == 0 ? List.of() : List.of(out);
        }
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }
}
