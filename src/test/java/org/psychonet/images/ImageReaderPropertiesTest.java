package org.psychonet.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * No file, however broken or hostile, gets anything from the image reader but an image or an
 * {@link UnreadableImageException} with a one-line reason (which stats and training count as a skipped file):
 * no other exception, no OutOfMemoryError, no decode of a declared size over the pixel limit.
 */
class ImageReaderPropertiesTest {
    private static final long LIMIT = 4_000_000;
    private static Path dir;
    private static byte[] png;
    private static byte[] jpeg;

    @BeforeContainer
    static void files() throws Exception {
        dir = Files.createTempDirectory("psychonet-images");
        png = ImageReaderTest.png(37, 23);
        jpeg = ImageReaderTest.jpeg(37, 23);
    }

    @AfterContainer
    static void clean() throws Exception {
        Files.deleteIfExists(dir); // each property deletes its own file
    }

    private static void readOrSkip(byte[] bytes, String ext) throws Exception {
        Path f = Files.createTempFile(dir, "img", "." + ext);
        Files.write(f, bytes);
        try {
            RgbImage img = FolderSource.read(f, f.getFileName().toString(), 16, LIMIT);
            assertTrue(img.pixels() >= 1);
        } catch (UnreadableImageException e) {
            assertEquals(1, e.reason().lines().count(), e.reason());
            assertTrue(!e.reason().isBlank());
        } finally {
            Files.delete(f);
        }
    }

    @Property(tries = 100)
    void truncatedAndCorruptedPngAndJpeg(@ForAll boolean isPng, @ForAll @IntRange(max = 2000) int cut,
                                         @ForAll @IntRange(max = 2000) int at, @ForAll byte xor) throws Exception {
        byte[] src = isPng ? png : jpeg;
        readOrSkip(Arrays.copyOf(src, Math.min(cut, src.length)), isPng ? "png" : "jpg");
        byte[] flipped = src.clone();
        flipped[at % flipped.length] ^= xor;
        readOrSkip(flipped, isPng ? "png" : "jpg");
    }

    @Property(tries = 60)
    void randomBytesBehindImageSignatures(@ForAll @IntRange(min = 0, max = 3) int kind,
                                          @ForAll @Size(max = 400) List<Byte> tail) throws Exception {
        byte[][] magic = {{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, {(byte) 0xff, (byte) 0xd8, (byte) 0xff},
            {'G', 'I', 'F', '8', '9', 'a'}, {'B', 'M'}};
        byte[] b = new byte[magic[kind].length + tail.size()];
        System.arraycopy(magic[kind], 0, b, 0, magic[kind].length);
        for (int i = 0; i < tail.size(); i++) {
            b[magic[kind].length + i] = tail.get(i);
        }
        readOrSkip(b, new String[] {"png", "jpg", "gif", "bmp"}[kind]);
    }

    /** A valid PNG whose header (with a correct CRC) declares any width and height: bombs and nonsense alike. */
    @Property(tries = 60)
    void anyDeclaredPngSize(@ForAll int width, @ForAll int height) throws Exception {
        byte[] b = png.clone();
        ByteBuffer bb = ByteBuffer.wrap(b);
        bb.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(b, 12, 17);
        bb.putInt(29, (int) crc.getValue());
        readOrSkip(b, "png");
    }
}
