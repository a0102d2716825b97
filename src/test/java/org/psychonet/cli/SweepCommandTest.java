package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code psychonet sweep} without a cluster: the tidy table and plots; bad input and a missing Spark: one line. */
class SweepCommandTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String err) {
    }

    private Outcome run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), args);
        return new Outcome(code, err.toString());
    }

    @Test
    void sequentialSweepWritesTheTidyTable() throws Exception {
        Path out = dir.resolve("sweep");
        Outcome o = run("sweep", "--models", "identity,mlp", "--stimulus", "gabor,hue", "--thetas", "4", "--out",
                out.toString());
        assertEquals(0, o.code(), o.err());
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals("model,checkpoint_step,stimulus,layer,theta,theta_unit,D,normalized,threshold", csv.get(0));
        // identity has one tap (the pixels), mlp three; two families of 4 θ each
        assertEquals(1 + (1 + 3) * 2 * 4, csv.size());
        assertTrue(csv.get(1).startsWith("identity,,gabor,"), csv.get(1));
        assertTrue(csv.get(csv.size() - 1).startsWith("mlp,,hue,"), csv.get(csv.size() - 1));
        List<String> ratios = Files.readAllLines(out.resolve("cardinal_ratio.csv"));
        assertEquals(1 + 1 + 3, ratios.size(), "gabor only (an orientation family): " + ratios);
        assertTrue(Files.isRegularFile(out.resolve("cardinal_ratio_gabor.png")));
        assertFalse(Files.exists(out.resolve("sweep.parquet")), "Parquet only with --spark");
        JsonNode r = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertEquals("in-process, 1 thread", r.path("summary").path("cluster").asText());
        assertEquals(4, r.path("summary").path("tasks").asInt());
    }

    private void assertOneLine(Outcome o, String expected, Path out) {
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(expected), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void sparkMissingFromTheClassPathIsOneLine() {
        Path out = dir.resolve("s");
        assertOneLine(run("sweep", "--models", "identity", "--thetas", "4", "--spark", "--out", out.toString()),
                "--spark needs Apache Spark on the class path", out);
    }

    @Test
    void badMasterAndBadModelsAreOneLine() {
        Path out = dir.resolve("s");
        assertOneLine(run("sweep", "--models", "identity", "--spark", "mars://x", "--out", out.toString()),
                "--spark master 'mars://x' is not a Spark master URL", out);
        assertOneLine(run("sweep", "--models", "identity,resnet19", "--out", out.toString()),
                "--models item 'resnet19'", out);
        assertOneLine(run("sweep", "--models", "identity", "--stimulus", "gabor,plaid", "--out", out.toString()),
                "--stimulus 'plaid' is unknown", out);
    }
}
