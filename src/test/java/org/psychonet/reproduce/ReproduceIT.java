package org.psychonet.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.report.Json;
import org.psychonet.cli.Main;

/**
 * The reproduce machinery on the tiny profile (seconds, no scientific meaning): the report opens in a
 * real browser with every image, one table row per claim; an interrupted run resumes from its cache
 * and ends with the same claims as an uninterrupted run.
 */
class ReproduceIT {
    private static final String[] TINY = {"reproduce", "--tiny", "--only", "stats,fig6", "--seed", "5"};

    @TempDir
    static Path dir;

    private static Path uninterrupted;

    private static int run(Path out, String... extra) {
        String[] args = new String[TINY.length + 2 + extra.length];
        System.arraycopy(TINY, 0, args, 0, TINY.length);
        System.arraycopy(extra, 0, args, TINY.length, extra.length);
        args[args.length - 2] = "--out";
        args[args.length - 1] = out.toString();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), args);
        System.out.println(err);
        return code;
    }

    @BeforeAll
    static void runOnce() {
        uninterrupted = dir.resolve("a");
        assertEquals(0, run(uninterrupted));
    }

    @Test
    void anInterruptedRunResumesAndEndsWithTheSameClaims() throws Exception {
        Path out = dir.resolve("b");
        int code = run(out, "--stop-after", "1");
        assertNotEquals(0, code, "the simulated interruption must fail the run");
        assertFalse(Files.exists(out), "an interrupted run writes no result folder");
        Path cache = dir.resolve("b.cache");
        try (var s = Files.list(cache)) {
            List<String> entries = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
            assertEquals(1, entries.size(), "one finished experiment cached, nothing half-written: " + entries);
            assertTrue(entries.get(0).startsWith("stats-"));
        }
        assertEquals(0, run(out));
        JsonNode result = Json.MAPPER.readTree(out.resolve("result.json").toFile());
        assertTrue(result.at("/summary/experiments/stats/cached").asBoolean(), "stats reused from the cache");
        assertFalse(result.at("/summary/experiments/supervised/cached").asBoolean());
        assertEquals(Files.readString(uninterrupted.resolve("claims.json")), Files.readString(out.resolve("claims.json")));
    }

    /** Issue 10 item 12: a second run with the same seed (its own cache) writes the same bytes in every file. */
    @Test
    void theSameSeedWritesTheSameBytes() throws Exception {
        Path again = dir.resolve("c");
        assertEquals(0, run(again));
        List<String> files;
        try (var s = Files.walk(uninterrupted)) {
            files = s.filter(Files::isRegularFile).map(p -> uninterrupted.relativize(p).toString()).sorted().toList();
        }
        try (var s = Files.walk(again)) {
            assertEquals(files, s.filter(Files::isRegularFile).map(p -> again.relativize(p).toString()).sorted()
                    .toList());
        }
        assertTrue(files.size() > 10, files.toString());
        for (String f : files) {
            if (f.equals("result.json")) {
                // outside the run block (times, machine) only the cache's path may differ: it follows --out
                JsonNode a = Json.MAPPER.readTree(uninterrupted.resolve(f).toFile());
                JsonNode c = Json.MAPPER.readTree(again.resolve(f).toFile());
                for (JsonNode n : List.of(a, c)) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("run");
                    ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("config")).remove("cache");
                }
                assertEquals(a, c, "result.json outside its run block");
            } else {
                org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(uninterrupted.resolve(f)),
                        Files.readAllBytes(again.resolve(f)), f);
            }
        }
    }

    @Test
    void theReportOpensAloneInHeadlessChromiumWithEveryImageAndOneRowPerClaim() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "Debian's chromium is not installed");
        // A copy alone in an empty folder: the page must carry every image itself (mailable as one file).
        Path index = Files.createDirectories(dir.resolve("alone")).resolve("index.html");
        Files.copy(uninterrupted.resolve("index.html"), index);
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("chrome"), "--virtual-time-budget=10000",
                "--dump-dom", index.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        Matcher body = Pattern.compile("<body([^>]*)>").matcher(dom);
        assertTrue(body.find(), "no body in the rendered page");
        String attrs = body.group(1);
        assertTrue(attrs.contains("data-images-ok=\"true\""), "broken images: " + attrs);
        assertTrue(attrs.contains("data-errors=\"0\""), "script errors: " + attrs);
        Matcher images = Pattern.compile("data-images=\"(\\d+)\"").matcher(attrs);
        assertTrue(images.find() && Integer.parseInt(images.group(1)) >= 5, "too few panels: " + attrs);
        int rows = 0;
        Matcher m = Pattern.compile("<tr class=\"claim ").matcher(dom);
        while (m.find()) {
            rows++;
        }
        JsonNode claims = Json.MAPPER.readTree(uninterrupted.resolve("claims.json").toFile());
        assertTrue(claims.size() > 0);
        assertEquals(claims.size(), rows, "one table row per claim in claims.json");
    }
}
