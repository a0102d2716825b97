package org.psychonet.util;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Reads a .npy file of float32 or float64 in C order. */
    public static Array read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage()
                    + "; give the path of a readable .npy file");
        }
        return parse(bytes, file.toString());
    }

    static Array parse(byte[] bytes, String name) {
        String fix = "; save it with numpy.save(path, W.astype(numpy.float32)) in C order";
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new InvalidInputException(name + " is not a .npy file (bad magic bytes)" + fix);
        }
        int major = bytes[6] & 0xff;
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen;
        int headerStart;
        if (major == 1) {
            headerLen = bb.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new InvalidInputException(name + " has a truncated .npy header" + fix);
            }
            headerLen = bb.getInt(8);
            headerStart = 12;
        } else {
            throw new InvalidInputException(name + " has unsupported .npy version " + major + fix);
        }
        if (headerLen < 0 || headerStart + headerLen > bytes.length) {
            throw new InvalidInputException(name + " has a truncated .npy header" + fix);
        }
        String header = new String(bytes, headerStart, headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new InvalidInputException(name + " has a malformed .npy header: " + header.strip() + fix);
        }
        String descr = d.group(1);
        if ("True".equals(f.group(1))) {
            throw new InvalidInputException(name + " is stored in Fortran order; save it with "
                    + "numpy.save(path, numpy.ascontiguousarray(W)) to get C order");
        }
        ByteOrder order;
        int width;
        switch (descr) {
            case "<f4", "|f4" -> { order = ByteOrder.LITTLE_ENDIAN; width = 4; }
            case ">f4" -> { order = ByteOrder.BIG_ENDIAN; width = 4; }
            case "<f8", "|f8" -> { order = ByteOrder.LITTLE_ENDIAN; width = 8; }
            case ">f8" -> { order = ByteOrder.BIG_ENDIAN; width = 8; }
            default -> throw new InvalidInputException(name + " has unsupported dtype '" + descr
                    + "'; only float32 and float64 are read: convert with W.astype(numpy.float32)");
        }
        String dims = s.group(1).trim();
        long[] shape = dims.isEmpty() ? new long[0]
                : Arrays.stream(dims.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                        .mapToLong(Long::parseLong).toArray();
        long count = 1;
        for (long n : shape) {
            count *= n;
        }
        int dataStart = headerStart + headerLen;
        if ((long) bytes.length - dataStart < count * width) {
            throw new InvalidInputException(name + " is truncated: header promises " + count
                    + " values but the file holds fewer" + fix);
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, bytes.length - dataStart).order(order);
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = width == 4 ? data.getFloat() : data.getDouble();
        }
        return new Array(shape, values);
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
