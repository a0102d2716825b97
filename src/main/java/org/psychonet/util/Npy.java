package org.psychonet.util;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's .npy format (versions 1–3): float32 or float64 arrays in C order, read into doubles.
 * Every malformation is reported as an {@link InvalidInputException} naming the file.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** A dense array: shape and values in C (row-major) order. */
    public record Array(long[] shape, double[] data) {
        public int rows() {
            return (int) shape[0];
        }

        public int cols() {
            return shape.length > 1 ? (int) shape[1] : 1;
        }
    }

    private Npy() {
    }

    /** Longest header read: numpy itself refuses headers over 10,000 bytes by default (np.load's max_header_size). */
    static final int MAX_HEADER = 1 << 16;
    /** numpy's limit on the number of dimensions. */
    static final int MAX_DIMS = 64;

    /**
     * Reads a .npy file of float32 or float64 in C order. Every field of the header is bounded, the element
     * count is computed exactly and must match the data the file holds, and the values must fit in memory;
     * anything else is an {@link InvalidInputException} naming the file, the problem and the remedy.
     */
    public static Array read(Path file) {
        InputFiles.requireRegularFile(file, ".npy file", "give the path of a readable .npy file");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ch, ch.size(), InputFiles.show(file));
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + InputFiles.show(file) + ": "
                    + InputFiles.oneLine(String.valueOf(e.getMessage())) + "; give the path of a readable .npy file");
        }
    }

    /** Parses the bytes of a .npy file (tests and in-memory data); {@code name} is used in messages. */
    static Array parse(byte[] bytes, String name) {
        try {
            return read(new SeekableInMemory(bytes), bytes.length, name);
        } catch (IOException e) {
            throw new AssertionError(e); // in-memory reads do not fail
        }
    }

    private static Array read(ReadableByteChannel ch, long size, String name) throws IOException {
        String fix = "; save it with numpy.save(path, W.astype(numpy.float32)) in C order";
        ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, pre, Math.min(12, size));
        byte[] magic = Arrays.copyOf(pre.array(), 6);
        if (size < 10 || !Arrays.equals(magic, MAGIC)) {
            throw new InvalidInputException(name + " is not a .npy file (bad magic bytes)" + fix);
        }
        int major = pre.get(6) & 0xff;
        long headerLen;
        int headerStart;
        if (major == 1) {
            headerLen = pre.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (size < 12) {
                throw new InvalidInputException(name + " has a truncated .npy header" + fix);
            }
            headerLen = pre.getInt(8) & 0xffffffffL;
            headerStart = 12;
        } else {
            throw new InvalidInputException(name + " has unsupported .npy version " + major
                    + " (1, 2 and 3 are read)" + fix);
        }
        if (headerLen > MAX_HEADER) {
            throw new InvalidInputException(name + " declares a .npy header of " + headerLen + " bytes (at most "
                    + MAX_HEADER + " are read); the file is damaged or not written by numpy" + fix);
        }
        if (headerStart + headerLen > size) {
            throw new InvalidInputException(name + " has a truncated .npy header (" + headerLen + " bytes declared, "
                    + Math.max(0, size - headerStart) + " present)" + fix);
        }
        ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
        if (headerStart == 10) {
            // the two bytes already read past a version-1 prelude belong to the header
            hb.put(pre.array(), 10, (int) Math.min(2, headerLen));
        }
        readFully(ch, hb, headerLen);
        String header = new String(hb.array(), StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            String shown = InputFiles.oneLine(header.strip());
            throw new InvalidInputException(name + " has a malformed .npy header (needs 'descr', 'fortran_order' "
                    + "and 'shape'): " + (shown.length() > 80 ? shown.substring(0, 80) + "…" : shown) + fix);
        }
        String descr = d.group(1);
        if ("True".equals(f.group(1))) {
            throw new InvalidInputException(name + " is stored in Fortran order; save it with "
                    + "numpy.save(path, numpy.ascontiguousarray(W)) to get C order");
        }
        ByteOrder order;
        int width;
        switch (descr) {
            case "<f4", "|f4", "=f4" -> { order = ByteOrder.LITTLE_ENDIAN; width = 4; }
            case ">f4" -> { order = ByteOrder.BIG_ENDIAN; width = 4; }
            case "<f8", "|f8", "=f8" -> { order = ByteOrder.LITTLE_ENDIAN; width = 8; }
            case ">f8" -> { order = ByteOrder.BIG_ENDIAN; width = 8; }
            default -> throw new InvalidInputException(name + " has unsupported dtype '"
                    + InputFiles.oneLine(descr) + "'; only float32 and float64 are read: convert with "
                    + "W.astype(numpy.float32)");
        }
        long[] shape = shape(s.group(1), name, fix);
        long count = 1;
        for (long n : shape) {
            try {
                count = Math.multiplyExact(count, n);
            } catch (ArithmeticException e) {
                throw new InvalidInputException(name + " declares shape " + Arrays.toString(shape)
                        + ", more values than any file can hold (the header is damaged)" + fix);
            }
        }
        long dataStart = headerStart + headerLen;
        long present = size - dataStart;
        if (count > Long.MAX_VALUE / width || count * width != present) {
            String held = present % width == 0 ? (present / width) + " values" : present + " bytes";
            throw new InvalidInputException(name + (count > Long.MAX_VALUE / width || count * width > present
                    ? " is truncated" : " has trailing data") + ": its header declares shape "
                    + Arrays.toString(shape) + " (" + count + " values of " + width + " bytes) but the file holds "
                    + held + " after the header" + fix);
        }
        MemoryBudget.requireHeap("file", name, MemoryBudget.product(count, 8), count, "the values of " + name);
        double[] values = new double[(int) count];
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(order);
        int i = 0;
        while (i < values.length) {
            buf.clear();
            long want = Math.min(buf.capacity(), (values.length - (long) i) * width);
            readFully(ch, buf, want);
            buf.flip();
            while (buf.remaining() >= width) {
                values[i++] = width == 4 ? buf.getFloat() : buf.getDouble();
            }
        }
        return new Array(shape, values);
    }

    /** The dimensions of a header's shape tuple: whole numbers ≥ 0 and ≤ Integer.MAX_VALUE, at most 64. */
    private static long[] shape(String text, String name, String fix) {
        String dims = text.trim();
        if (dims.isEmpty()) {
            return new long[0];
        }
        String[] parts = dims.split(",", -1);
        int n = parts.length;
        if (parts[n - 1].isBlank()) {
            n--; // "(4,)" and "(2, 3,)"
        }
        if (n > MAX_DIMS) {
            throw new InvalidInputException(name + " declares " + n + " dimensions (numpy allows at most " + MAX_DIMS
                    + ")" + fix);
        }
        long[] shape = new long[n];
        for (int k = 0; k < n; k++) {
            String t = parts[k].trim();
            if (t.endsWith("L")) {
                t = t.substring(0, t.length() - 1); // Python 2 numpy wrote longs as 4L
            }
            if (!t.matches("[0-9]{1,19}")) {
                throw new InvalidInputException(name + " declares dimension " + (k + 1) + " of its shape as '"
                        + InputFiles.oneLine(parts[k].trim()) + "', not a whole number ≥ 0 (the header is damaged)"
                        + fix);
            }
            long v;
            try {
                v = Long.parseLong(t);
            } catch (NumberFormatException e) {
                v = Long.MAX_VALUE;
            }
            if (v > Integer.MAX_VALUE) {
                throw new InvalidInputException(name + " declares dimension " + (k + 1) + " of its shape as " + t
                        + ", longer than psychonet can hold (at most " + Integer.MAX_VALUE + ")" + fix);
            }
            shape[k] = v;
        }
        return shape;
    }

    /** Reads until the buffer holds {@code total} bytes (its position), or fails on a short file. */
    private static void readFully(ReadableByteChannel ch, ByteBuffer b, long total) throws IOException {
        b.limit((int) total);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    /** A byte array as a channel, so {@link #parse} shares the file reader's checks. */
    private static final class SeekableInMemory implements ReadableByteChannel {
        private final byte[] bytes;
        private int pos;

        SeekableInMemory(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (pos >= bytes.length) {
                return -1;
            }
            int n = Math.min(dst.remaining(), bytes.length - pos);
            dst.put(bytes, pos, n);
            pos += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    /** Writes a float64 array in C order (format version 1.0). */
    public static void write(Path file, long[] shape, double[] values) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (long n : shape) {
            dims.append(n).append(',');
            if (shape.length > 1) {
                dims.append(' ');
            }
        }
        String shapeText = shape.length > 1 ? dims.toString().replaceAll(",\\s*$", "") : dims.toString();
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + shapeText + "), }";
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        ByteBuffer bb = ByteBuffer.allocate(10 + header.length() + values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        bb.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        bb.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double v : values) {
            bb.putDouble(v);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bb.array());
        }
    }
}
