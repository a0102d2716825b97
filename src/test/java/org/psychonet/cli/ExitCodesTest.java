package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.NonFiniteLossException;

/** Issue 10 items 8, 10, 11: every failure is one line with a documented exit code, and nothing is written. */
class ExitCodesTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), args);
        return new Outcome(code, err.toString());
    }

    private void assertNothingWritten() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("input")).toList();
            assertEquals(List.of(), left, "nothing written, no temporary or cache folder left");
        }
    }

    @Test
    void aDivergingRunStopsWithExitThreeNamingTheStep() throws IOException {
        Outcome o = run("linear", "--quick", "--depth", "1", "--size", "8", "--top-pcs", "8", "--steps", "60", "--track-every", "1", "--lr", "1e6",
                "--seeds", "1", "--images", "synthetic", "--out", dir.resolve("out").toString());
        assertEquals(Main.DIVERGED, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("linear depth1") && o.err().contains("at step") && o.err().contains("--lr"),
                o.err());
        assertNothingWritten();
    }

    @Test
    void aLastStepThatLeavesNonFiniteWeightsIsADivergenceToo() throws IOException {
        // the loss is finite at both steps (it is measured before each update); the second update overflows
        Outcome o = run("supervised", "--quick", "--lr", "2147483648", "--steps", "2", "--seeds", "1", "--condition",
                "control", "--out", dir.resolve("out").toString());
        assertEquals(Main.DIVERGED, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("supervised control seed 0") && o.err().contains("--lr"), o.err());
        assertNothingWritten();
    }

    @Test
    void theAutomaticLinearRateIsAskedForByName() throws IOException {
        Path out = dir.resolve("input-auto");
        Outcome o = run("linear", "--quick", "--lr", "auto", "--depth", "1", "--size", "8", "--top-pcs", "8",
                "--steps", "20", "--seeds", "1", "--images", "synthetic", "--sgd-depths", "0", "--supervised-depths", "0",
                "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals(0.0, org.psychonet.report.Json.MAPPER.readTree(out.resolve("result.json").toFile())
                .at("/config/learningRate").asDouble(-1), "the config's automatic rate");
    }

    @Test
    void nonFiniteAndNegativeOptionsAreRefusedOnceWithTheirFlag() throws IOException {
        String out = dir.resolve("out").toString();
        String[][] cases = {
            {"--lr", "linear", "--quick", "--lr", "-1", "--out", out},
            {"--lr", "linear", "--quick", "--lr", "NaN", "--out", out},
            {"--lr", "supervised", "--quick", "--lr", "Infinity", "--out", out},
            {"--noise-sigma-min", "supervised", "--quick", "--noise-sigma-min", "NaN", "--out", out},
            {"--balance-fraction", "supervised", "--quick", "--balance-fraction", "NaN", "--out", out},
            {"--rotate", "stats", "--quick", "--rotate", "NaN", "--out", out},
            {"--hue-shift", "stats", "--quick", "--hue-shift", "-Infinity", "--out", out},
            {"--depth", "linear", "--quick", "--depth", "9", "--out", out},
            // a typed 0 or negative rate used to become the automatic rate silently; `auto` asks for it
            {"--lr", "linear", "--quick", "--lr", "0", "--depth", "1", "--size", "8", "--top-pcs", "8", "--steps",
                "20", "--seeds", "1", "--images", "synthetic", "--sgd-depths", "0", "--supervised-depths", "0", "--out", out},
            {"--lr", "linear", "--quick", "--lr", "-2147483648", "--depth", "1", "--size", "8", "--top-pcs", "8", "--steps",
                "20", "--seeds", "1", "--images", "synthetic", "--sgd-depths", "0", "--supervised-depths", "0", "--out", out},
            {"--lr", "linear", "--quick", "--lr", "fast", "--depth", "1", "--size", "8", "--top-pcs", "8", "--steps",
                "20", "--seeds", "1", "--images", "synthetic", "--sgd-depths", "0", "--supervised-depths", "0", "--out", out},
            {"--patches", "linear", "--quick", "--patches", "-1", "--depth", "1", "--size", "8", "--top-pcs", "8", "--steps",
                "20", "--seeds", "1", "--images", "synthetic", "--sgd-depths", "0", "--supervised-depths", "0", "--out", out},
            // the tracked trajectory of 2^31 steps would not fit in memory
            {"--steps", "linear", "--quick", "--steps", "2147483647", "--out", out},
            {"--condition", "supervised", "--condition", "sideways", "--out", out},
        };
        for (String[] c : cases) {
            Outcome o = run(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(Main.BAD_INPUT, o.code(), String.join(" ", c) + ": " + o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertTrue(o.err().startsWith("psychonet: " + c[0] + " "), "names the flag first: " + o.err());
        }
        assertNothingWritten();
    }

    @Test
    void aCacheThatIsAFileOrAnOutWithBrokenBytesIsBadInput() throws IOException {
        Path file = Files.writeString(dir.resolve("input-file"), "x");
        Outcome o = run("reproduce", "--tiny", "--only", "stats", "--out", dir.resolve("r").toString(), "--cache",
                file.toString());
        assertEquals(Main.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("--cache"), o.err());
        Outcome u = run("sensitivity", "--model", "identity", "--stimulus", "planewave", "--out",
                dir.resolve("bad\uFFFDname").toString());
        assertEquals(Main.BAD_INPUT, u.code(), u.err());
        assertTrue(u.err().contains("UTF-8"), u.err());
        assertNothingWritten();
    }

    @Test
    void aFailedReproductionLeavesNoCacheFolder() throws IOException {
        Outcome o = run("reproduce", "--tiny", "--only", "stats", "--images", dir.resolve("input-missing").toString(),
                "--out", dir.resolve("r").toString());
        assertEquals(Main.BAD_INPUT, o.code(), o.err());
        assertNothingWritten();
    }

    @Test
    void environmentFailuresAreOneLineWithTheirOwnCode() {
        Throwable[] env = {new UncheckedIOException(new IOException("No space left on device")),
            new RuntimeException(new FileSystemException("/data/out/.x.tmp-1/a.csv", null, "Read-only file system")),
            new OutOfMemoryError("Java heap space")};
        for (Throwable t : env) {
            assertEquals(Main.ENVIRONMENT, Main.exitCode(t), t.toString());
            String m = Main.message(t, Main.ENVIRONMENT);
            assertFalse(m.contains("\n"), m);
        }
        assertTrue(Main.message(env[1], Main.ENVIRONMENT).contains("Read-only file system"));
        assertEquals(Main.BAD_INPUT, Main.exitCode(new RuntimeException(new InvalidInputException("x"))));
        assertEquals(Main.DIVERGED, Main.exitCode(new NonFiniteLossException("linear depth1", 7, Double.NaN)));
        assertEquals(Main.INTERRUPTED, Main.exitCode(new InterruptedException("stop")));
        assertEquals(Main.INTERNAL_ERROR, Main.exitCode(new IllegalStateException("a defect")));
    }
}
