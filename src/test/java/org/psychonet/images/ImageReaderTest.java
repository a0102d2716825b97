package org.psychonet.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image files as users (and adversaries) give them: bombs, odd names, broken files — skipped with a reason. */
class ImageReaderTest {
    @TempDir
    Path dir;

    /** A valid PNG of a grey ramp. */
    static byte[] png(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int g = (x * 7 + y * 3) & 0xff;
                img.setRGB(x, y, (g << 16) | (g << 8) | g);
            }
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    static byte[] jpeg(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, ((x * 5) & 0xff) << 8 | ((y * 9) & 0xff));
            }
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", b);
        return b.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        ByteBuffer len = ByteBuffer.allocate(4).putInt(data.length);
        out.writeBytes(len.array());
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * A decompression bomb: a valid PNG header declaring w×h RGB pixels and a small IDAT of the first rows of
     * zeros (a decoder that trusts the header allocates w·h·3 bytes before it finds the data short).
     */
    static byte[] bomb(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater d = new Deflater(9);
        d.setInput(new byte[4 * (3 * w + 1)]);
        d.finish();
        byte[] buf = new byte[1 << 16];
        int n = d.deflate(buf);
        chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    @Test
    void aDecompressionBombIsSkippedFromItsHeader() throws Exception {
        Path f = dir.resolve("bomb.png");
        Files.write(f, bomb(20000, 20000));
        long t0 = System.nanoTime();
        UnreadableImageException e = assertThrows(UnreadableImageException.class, () -> ImageFiles.read(f));
        assertTrue(e.reason().contains("20000×20000") && e.reason().contains("over the limit of 100 Mpixel"),
                e.reason());
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "read from the header, not decoded");
    }

    @Test
    void thePixelLimitIsAParameter() throws Exception {
        Files.write(dir.resolve("a.png"), png(40, 30));
        FolderSource strict = FolderSource.open(dir, 0, 1000);
        UnreadableImageException e = assertThrows(UnreadableImageException.class, () -> strict.image(0));
        assertTrue(e.reason().contains("40×30"), e.reason());
        assertEquals(40, FolderSource.open(dir, 0, 1200).image(0).width());
    }

    @Test
    void aNameThatIsNotUtf8IsRead() throws Exception {
        Path good = dir.resolve("good.png");
        Files.write(good, png(16, 12));
        // "café.png" in Latin-1: the byte 0xE9 alone is not valid UTF-8, and no Java String can name it
        Process p = new ProcessBuilder("bash", "-c", "cp good.png $'caf\\xe9.png'").directory(dir.toFile()).start();
        assumeTrue(p.waitFor() == 0, "bash could not create the file");
        Files.delete(good);
        FolderSource src = FolderSource.open(dir, 0);
        assertEquals(1, src.count());
        RgbImage img = src.image(0);
        assertEquals(16, img.width());
        assertEquals(12, img.height());
    }

    @Test
    void brokenFilesAreUnreadableWithAReason() throws Exception {
        byte[] png = png(64, 48);
        byte[] jpg = jpeg(64, 48);
        String[][] cases = {{"truncated.png", "half"}, {"truncated.jpg", "half"}, {"noise.png", "noise"},
            {"empty.jpg", "empty"}};
        for (String[] c : cases) {
            Path f = dir.resolve(c[0]);
            byte[] src = c[0].endsWith("png") ? png : jpg;
            byte[] bytes = switch (c[1]) {
                case "half" -> java.util.Arrays.copyOf(src, src.length / 2);
                case "noise" -> new java.util.Random(1).ints(500, 0, 256).collect(ByteArrayOutputStream::new,
                        (b, v) -> b.write(v), (a, b) -> a.writeBytes(b.toByteArray())).toByteArray();
                default -> new byte[0];
            };
            Files.write(f, bytes);
            UnreadableImageException e = assertThrows(UnreadableImageException.class, () -> ImageFiles.read(f),
                    c[0]);
            assertTrue(!e.reason().isBlank() && e.reason().lines().count() == 1, c[0] + ": " + e.reason());
        }
    }

    @Test
    void loadReadableLeavesOutAndCountsUnreadableFiles() throws Exception {
        Files.write(dir.resolve("a.png"), png(20, 20));
        Files.write(dir.resolve("b.png"), new byte[] {1, 2, 3});
        Files.write(dir.resolve("c.png"), png(21, 20));
        FolderSource src = FolderSource.open(dir, 0);
        ImageStream.Loaded l = ImageStream.loadReadable(src, ImageStream.range(3), 2);
        assertEquals(2, l.images().size());
        assertEquals(0, l.indices()[0]);
        assertEquals(2, l.indices()[1]);
        assertEquals(21, l.images().get(1).width());
        assertEquals(1, l.skipped().size());
        assertEquals(1, l.skipped().get(0).index());
        assertEquals("b.png", l.skipped().get(0).item());
    }
}
