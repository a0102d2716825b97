package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.images.ImageFiles;
import org.psychonet.images.ImageSource;
import org.psychonet.images.ImageSources;
import org.psychonet.report.Json;

class StatsCommandTest {

    private static String runCapturingErr(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return code + "|" + buf.toString(StandardCharsets.UTF_8);
        } finally {
            System.setErr(old);
        }
    }

    /** Issue 3, must hold: a truncated JPEG and a text file named .png are skipped and counted, the run succeeds. */
    @Test
    void corruptFilesAreSkippedCountedAndReported(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("photos");
        Files.createDirectories(dir.resolve("sub"));
        ImageSource w = ImageSources.parse("world:size=72,count=5,seed=4");
        for (int i = 0; i < 4; i++) {
            ImageFiles.writePng(w.image(i), dir.resolve((i % 2 == 0 ? "" : "sub/") + "good" + i + ".png"));
        }
        Path jpg = dir.resolve("good4.jpg");
        ImageIO.write(ImageFiles.toBuffered(w.image(4)), "jpg", jpg.toFile());
        byte[] full = Files.readAllBytes(jpg);
        Files.write(dir.resolve("sub/truncated.jpg"), java.util.Arrays.copyOf(full, full.length / 2));
        Files.writeString(dir.resolve("notes.png"), "this is a text file, not a PNG\n");
        Path out = tmp.resolve("out");
        String r = runCapturingErr("stats", "--images", dir.toString(), "--patches", "300", "--patch-size", "8",
                "--out", out.toString());
        assertTrue(r.startsWith("0|"), r);
        JsonNode s = Json.MAPPER.readTree(out.resolve("result.json").toFile()).get("summary");
        assertEquals(5, s.get("images_read").asInt());
        assertEquals(2, s.get("images_skipped").asInt());
        Map<String, String> reasons = new HashMap<>();
        for (JsonNode k : s.get("skipped")) {
            reasons.put(k.get("file").asText(), k.get("reason").asText());
        }
        assertTrue(reasons.get("sub/truncated.jpg").toLowerCase().contains("truncated")
                || reasons.get("sub/truncated.jpg").toLowerCase().contains("corrupt"), reasons.toString());
        assertTrue(reasons.get("notes.png").contains("not a recognised image"), reasons.toString());
        for (String f : new String[] {"pca_spectrum.csv", "pca_spectrum.png", "pca_components.png", "orientation.png",
            "hue_histogram.png", "hue_histogram.csv", "cielab_hue_distance.png", "skipped.csv"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(3, Files.readAllLines(out.resolve("skipped.csv")).size());
        assertTrue(Double.isFinite(s.get("pca_powerlaw_exponent").asDouble()));
        assertTrue(s.get("cardinal_oblique_ratio").asDouble() > 0);
        assertTrue(s.has("hue_peak_deg"));
    }

    @Test
    void folderWithNoReadableImageExits2AndWritesNothing(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("bad");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("a.png"), "not an image");
        Files.writeString(dir.resolve("b.jpg"), "not an image either");
        Path out = tmp.resolve("out");
        String r = runCapturingErr("stats", "--images", dir.toString(), "--patches", "10", "--patch-size", "4",
                "--out", out.toString());
        assertTrue(r.startsWith("2|"), r);
        assertTrue(r.contains("no image of") && r.contains("could be read"), r);
        assertEquals(1, r.strip().split("\n").length, "one line on stderr: " + r);
        assertFalse(Files.exists(out));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary folder left behind");
        }
    }

    @Test
    void badInputExits2WithARemedy(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        String r = runCapturingErr("stats", "--images", tmp.resolve("missing").toString(), "--out", out.toString());
        assertTrue(r.startsWith("2|") && r.contains("is not a folder"), r);
        r = runCapturingErr("stats", "--images", "world", "--patch-size", "1", "--out", out.toString());
        assertTrue(r.startsWith("2|") && r.contains("--patch-size"), r);
        r = runCapturingErr("stats", "--images", "world", "--fit", "10-500", "--out", out.toString());
        assertTrue(r.startsWith("2|") && r.contains("--fit"), r);
        r = runCapturingErr("stats", "--images", "world:orientation=diagonal", "--out", out.toString());
        assertTrue(r.startsWith("2|") && r.contains("orientation"), r);
        assertFalse(Files.exists(out));
    }

    @Test
    void quickRunOnTheWorldIsDeterministic(@TempDir Path tmp) throws Exception {
        String a = runCapturingErr("stats", "--quick", "--images", "world:size=64,count=30", "--patches", "400",
                "--patch-size", "8", "--out", tmp.resolve("a").toString());
        String b = runCapturingErr("stats", "--quick", "--images", "world:size=64,count=30", "--patches", "400",
                "--patch-size", "8", "--threads", "1", "--out", tmp.resolve("b").toString());
        assertTrue(a.startsWith("0|") && b.startsWith("0|"), a + b);
        assertEquals(Files.readString(tmp.resolve("a/pca_spectrum.csv")), Files.readString(tmp.resolve("b/pca_spectrum.csv")),
                "same seed, any thread count: same spectrum");
        assertEquals(Files.readString(tmp.resolve("a/hue_histogram.csv")), Files.readString(tmp.resolve("b/hue_histogram.csv")));
    }
}
