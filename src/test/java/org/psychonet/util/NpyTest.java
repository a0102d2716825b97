package org.psychonet.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir
    Path dir;

    @Test
    void writeThenReadRoundTrips() throws Exception {
        double[] v = {1.5, -2, Math.PI, 1e-300, 7, 8};
        Path f = dir.resolve("a.npy");
        Npy.write(f, new long[] {2, 3}, v);
        Npy.Array a = Npy.read(f);
        assertArrayEquals(new long[] {2, 3}, a.shape());
        assertArrayEquals(v, a.data(), 0);
    }

    /** A .npy file: version-1 or version-2 prelude, the header text padded as numpy pads it, then the data. */
    static byte[] npy(int major, String header, byte[] data) {
        int prelude = major == 1 ? 10 : 12;
        int total = prelude + header.length() + 1;
        String h = header + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer bb = ByteBuffer.allocate(prelude + h.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        bb.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            bb.putShort((short) h.length());
        } else {
            bb.putInt(h.length());
        }
        bb.put(h.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return bb.array();
    }

    static String header(String descr, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    }

    private static String refused(byte[] bytes) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Npy.parse(bytes, "W.npy"));
        assertTrue(e.getMessage().startsWith("W.npy "), "names the file: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void elementCountOverflowIsRefusedNotWrappedAround() {
        byte[] floats = new byte[4096 * 4];
        // 18014398509481988 × 1024 = 2^64 + 4096: wraps to 4,096 in 64-bit arithmetic
        String m = refused(npy(1, header("<f4", "(18014398509481988, 1024)"), floats));
        assertTrue(m.contains("18014398509481988"), m);
        // 4 × (1024 + 2^62) = 4096 + 2^64
        refused(npy(1, header("<f4", "(4, " + (1024 + (1L << 62)) + ")"), floats));
        // a product that does not overflow but is far more than the file holds
        assertTrue(refused(npy(1, header("<f4", "(4096, 4096)"), floats)).contains("truncated"));
    }

    @Test
    void headerLengthIsBounded() {
        byte[] b = npy(2, header("<f4", "(2,)"), new byte[8]);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0x7fffffff);
        assertTrue(refused(b).contains("header"));
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0xffffffff);
        refused(b);
        byte[] zero = npy(1, header("<f4", "(2,)"), new byte[8]);
        ByteBuffer.wrap(zero).order(ByteOrder.LITTLE_ENDIAN).putShort(8, (short) 0);
        assertTrue(refused(zero).contains("malformed"));
    }

    @Test
    void negativeNonIntegerAndHugeDimensionsAreRefused() {
        byte[] data = new byte[16];
        assertTrue(refused(npy(1, header("<f4", "(-4,)"), data)).contains("'-4'"));
        assertTrue(refused(npy(1, header("<f4", "(2, -2)"), data)).contains("'-2'"));
        assertTrue(refused(npy(1, header("<f4", "(4.0,)"), data)).contains("'4.0'"));
        refused(npy(1, header("<f4", "(2, x)"), data));
        refused(npy(1, header("<f4", "(99999999999999999999999,)"), data));
        refused(npy(1, header("<f4", "(4294967296, 0)"), data)); // 0 values, but rows() would not fit an int
        refused(npy(1, header("<f4", "(" + "1, ".repeat(65) + ")"), new byte[4]));
    }

    @Test
    void countMustMatchTheBytesPresent() {
        assertTrue(refused(npy(1, header("<f8", "(2, 3)"), new byte[47])).contains("truncated"));
        assertTrue(refused(npy(1, header("<f8", "(2, 3)"), new byte[56])).contains("trailing"));
        Npy.Array ok = Npy.parse(npy(1, header("<f8", "(2, 3)"), new byte[48]), "W.npy");
        assertEquals(6, ok.data().length);
        Npy.Array scalar = Npy.parse(npy(1, header("<f4", "()"), new byte[4]), "W.npy");
        assertEquals(1, scalar.data().length);
        Npy.Array py2 = Npy.parse(npy(1, header("<f4", "(2L, 1L)"), new byte[8]), "W.npy");
        assertArrayEquals(new long[] {2, 1}, py2.shape());
    }

    @Test
    void bigEndianAndVersion2Read() {
        ByteBuffer d = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putFloat(1.5f).putFloat(-3f);
        Npy.Array a = Npy.parse(npy(2, header(">f4", "(2,)"), d.array()), "W.npy");
        assertArrayEquals(new double[] {1.5, -3}, a.data(), 0);
    }

    @Test
    void foldersDevicesAndMissingFilesAreNamedForWhatTheyAre() throws Exception {
        InvalidInputException folder = assertThrows(InvalidInputException.class, () -> Npy.read(dir));
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> Npy.read(dir.resolve("nope.npy")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            InvalidInputException dev = assertThrows(InvalidInputException.class, () -> Npy.read(zero));
            assertTrue(dev.getMessage().contains("not a regular file"), dev.getMessage());
        }
        Path fifo = dir.resolve("fifo.npy");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            // reading a FIFO would block forever: it must be refused without being opened
            InvalidInputException f = assertThrows(InvalidInputException.class, () -> Npy.read(fifo));
            assertTrue(f.getMessage().contains("FIFO"), f.getMessage());
        }
    }
}
