package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.report.Json;

/**
 * Issue 10 item 12: the same seed gives the same bytes in every file psychonet writes; result.json differs only in
 * its last block, {@code run} (start time, machine, timings).
 */
class SameBytesTest {
    @TempDir
    Path dir;

    private void twice(String... args) throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        for (Path out : List.of(a, b)) {
            List<String> full = new ArrayList<>(List.of(args));
            full.addAll(List.of("--seed", "3", "--out", out.toString()));
            StringWriter err = new StringWriter();
            assertEquals(0, Main.run(new PrintWriter(err, true), full.toArray(new String[0])), err.toString());
        }
        List<String> files = list(a);
        assertEquals(files, list(b));
        assertTrue(files.size() > 3, files.toString());
        for (String f : files) {
            if (f.equals("result.json")) {
                JsonNode ra = Json.MAPPER.readTree(a.resolve(f).toFile());
                JsonNode rb = Json.MAPPER.readTree(b.resolve(f).toFile());
                List<String> keys = new ArrayList<>();
                ra.fieldNames().forEachRemaining(keys::add);
                assertEquals("run", keys.get(keys.size() - 1), "the varying block comes last, apart");
                ((ObjectNode) ra).remove("run");
                ((ObjectNode) rb).remove("run");
                assertEquals(ra, rb, args[0] + ": result.json outside its run block");
            } else {
                assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), args[0] + ": " + f);
            }
        }
    }

    private static List<String> list(Path d) throws IOException {
        try (Stream<Path> s = Files.walk(d)) {
            return s.filter(Files::isRegularFile).map(p -> d.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void stats() throws IOException {
        twice("stats", "--quick", "--images", "world:size=64,count=12", "--patches", "300", "--patch-size", "8");
    }

    @Test
    void linear() throws IOException {
        // synthetic patches, one seed: the same paths (full batch, SGD, supervised linear) at a third of the time
        twice("linear", "--quick", "--depth", "1", "--size", "8", "--top-pcs", "8", "--steps", "40", "--images",
                "synthetic", "--seeds", "1");
    }

    @Test
    void supervised() throws IOException {
        twice("supervised", "--quick", "--condition", "balanced", "--seeds", "1", "--steps", "3", "--batch", "32",
                "--measure-every", "1", "--phases", "2");
    }
}
