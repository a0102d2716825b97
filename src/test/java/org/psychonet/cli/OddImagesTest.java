package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Degenerate image statistics are results, not crashes (issue 10, item 6): a folder holding one diagonal-stripes
 * image (a rank-8 patch covariance that broke the eigensolver) or only black images (nothing to plot) gives exit
 * 0, every file that has something to show, and the power-law fit as null with its reason.
 */
class OddImagesTest {
    @TempDir
    Path dir;

    private JsonNode stats(Path images) throws Exception {
        Path out = dir.resolve("out-" + images.getFileName());
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), "stats", "--images", images.toString(), "--patches", "3000",
                "--threads", "1", "--out", out.toString());
        assertEquals(0, code, err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        for (String f : new String[] {"pca_spectrum.csv", "orientation.csv", "hue_histogram.csv", "orientation.png",
            "hue_histogram.png", "skipped.csv"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        return new ObjectMapper().readTree(out.resolve("result.json").toFile()).get("summary");
    }

    private static Path png(Path folder, String name, int side, java.util.function.IntBinaryOperator grey)
            throws Exception {
        Files.createDirectories(folder);
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int g = grey.applyAsInt(x, y);
                img.setRGB(x, y, (g << 16) | (g << 8) | g);
            }
        }
        Path f = folder.resolve(name);
        ImageIO.write(img, "png", f.toFile());
        return f;
    }

    @Test
    void diagonalStripesGiveASpectrumOfRankEight() throws Exception {
        Path folder = dir.resolve("stripes");
        png(folder, "stripes.png", 256, (x, y) -> ((x + y) / 8) % 2 == 0 ? 0 : 255);
        JsonNode s = stats(folder);
        JsonNode top = s.get("pca_top_eigenvalues");
        for (int k = 0; k < 8; k++) {
            assertTrue(top.get(k).asDouble() > 1, "eigenvalue " + k + " of the stripes: " + top);
        }
        assertEquals(0, top.get(8).asDouble(), 0, "rank 8: " + top);
        assertTrue(s.get("pca_powerlaw_r2").isNull(), s.toString());
        assertTrue(s.get("pca_powerlaw_reason").asText().contains("positive"), s.toString());
        assertEquals(0, s.get("cardinal_oblique_ratio").asDouble(), 1e-9, "diagonal edges only");
        assertTrue(Files.isRegularFile(dir.resolve("out-stripes/pca_spectrum.png")));
    }

    @Test
    void blackImagesGiveNullsWithReasonsAndNoEmptyPlot() throws Exception {
        Path folder = dir.resolve("black");
        for (int i = 0; i < 3; i++) {
            png(folder, "black" + i + ".png", 64, (x, y) -> 0);
        }
        JsonNode s = stats(folder);
        assertEquals(3, s.get("images_read").asInt());
        assertTrue(s.get("pca_powerlaw_r2").isNull(), s.toString());
        assertTrue(s.get("cardinal_oblique_ratio").isNull() && s.has("cardinal_oblique_ratio_reason"), s.toString());
        assertTrue(s.get("hue_peak_deg").isNull() && s.has("hue_peak_reason"), s.toString());
        assertTrue(s.get("pca_spectrum_plot").asText().startsWith("not drawn"), s.toString());
        assertFalse(Files.exists(dir.resolve("out-black/pca_spectrum.png")));
    }

    @Test
    void bombsBrokenFilesAndOddNamesAreSkippedOrReadAndCounted() throws Exception {
        Path folder = dir.resolve("mixed");
        png(folder, "good.png", 96, (x, y) -> (x * 3 + y) & 0xff);
        Files.write(folder.resolve("bomb.png"), org.psychonet.images.ImageReaderTestAccess.bomb(20000, 20000));
        Files.write(folder.resolve("broken.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3});
        Process p = new ProcessBuilder("bash", "-c", "cp good.png $'caf\\xe9.png'").directory(folder.toFile()).start();
        boolean latin1 = p.waitFor() == 0;
        JsonNode s = stats(folder);
        assertEquals(latin1 ? 2 : 1, s.get("images_read").asInt(), s.toString());
        assertEquals(2, s.get("images_skipped").asInt(), s.toString());
        String skipped = Files.readString(dir.resolve("out-mixed/skipped.csv"));
        assertTrue(skipped.contains("bomb.png") && skipped.contains("over the limit of 100 Mpixel"), skipped);
        assertTrue(skipped.contains("broken.jpg"), skipped);
        StringWriter err = new StringWriter();
        Path out = dir.resolve("out-bad-limit");
        assertEquals(2, Main.run(new PrintWriter(err, true), "stats", "--images", folder.toString(),
                "--max-pixels", "0", "--out", out.toString()), err.toString());
        assertFalse(Files.exists(out));
    }
}
