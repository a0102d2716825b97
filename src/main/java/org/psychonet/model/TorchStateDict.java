package org.psychonet.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.psychonet.util.InputFiles;
import org.psychonet.util.InvalidInputException;

/**
 * PyTorch state dicts (the zip files {@code torch.save(model.state_dict(), F)} writes since PyTorch 1.6): a
 * pickle ({@code ARCHIVE/data.pkl}) of an ordered dict from parameter name to tensor, each tensor a
 * {@code torch._utils._rebuild_tensor_v2} call on a storage saved raw, little-endian, in {@code ARCHIVE/data/KEY}.
 * Only this subset of pickle is understood (protocols 2–4 as torch writes them): nothing in the file is executed,
 * and anything else is refused with one line. {@link #write} writes the same format, which {@code torch.load} reads.
 */
public final class TorchStateDict {
    /** A tensor: shape, element type and its values in row-major order. */
    public record Tensor(long[] shape, String dtype, double[] values) {
        public long size() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }

        public boolean floating() {
            return dtype.equals("float32") || dtype.equals("float64") || dtype.equals("float16")
                    || dtype.equals("bfloat16");
        }
    }

    private static final Map<String, String> STORAGE_TYPES = Map.of("FloatStorage", "float32", "DoubleStorage",
            "float64", "HalfStorage", "float16", "BFloat16Storage", "bfloat16", "LongStorage", "int64", "IntStorage",
            "int32", "ShortStorage", "int16", "CharStorage", "int8", "ByteStorage", "uint8", "BoolStorage", "bool");
    private static final long MAX_ELEMENTS = 1L << 31;

    private TorchStateDict() {
    }

    /** Reads a state dict; a file that is not one is bad input for parameter {@code model}. */
    public static Map<String, Tensor> read(Path file) {
        String problem = InputFiles.problem(file);
        InvalidInputException.requireParameter(problem == null, "model", "names state dict " + InputFiles.show(file)
                + ", which " + problem + "; give a file written by torch.save(model.state_dict(), PATH)");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry pkl = null;
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.getName().endsWith("/data.pkl") && e.getName().indexOf('/') == e.getName().length() - 9) {
                    pkl = e;
                }
            }
            if (pkl == null) {
                throw bad(file, "has no data.pkl");
            }
            String archive = pkl.getName().substring(0, pkl.getName().length() - "data.pkl".length());
            byte[] bytes;
            try (InputStream in = zip.getInputStream(pkl)) {
                bytes = in.readAllBytes();
            }
            Object root = new Unpickler(bytes, file).load();
            Map<String, Tensor> out = new LinkedHashMap<>();
            if (!(root instanceof Map<?, ?> map)) {
                throw bad(file, "holds a " + describe(root) + ", not a dict of tensors");
            }
            Map<?, ?> dict = map;
            for (String key : new String[] {"state_dict", "model"}) {
                if (dict.get(key) instanceof Map<?, ?> inner) {
                    dict = inner;
                }
            }
            for (Map.Entry<?, ?> e : dict.entrySet()) {
                if (e.getKey() instanceof String name && e.getValue() instanceof TensorRef t) {
                    out.put(name, t.load(zip, archive, file));
                }
            }
            if (out.isEmpty()) {
                throw bad(file, "holds no tensors");
            }
            return out;
        } catch (IOException e) {
            throw bad(file, "is not a PyTorch zip file (" + InputFiles.oneLine(String.valueOf(e.getMessage()))
                    + "; files from PyTorch < 1.6 or torch.save(..., _use_new_zipfile_serialization=False) are not read)");
        }
    }

    /**
     * Writes tensors as {@code torch.save(state_dict, file)} would (zip of {@code archive/data.pkl}, pickle protocol
     * 2, and one little-endian storage per tensor) into a new file.
     */
    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        String archive = "archive/";
        java.io.ByteArrayOutputStream pkl = new java.io.ByteArrayOutputStream();
        PickleWriter p = new PickleWriter(pkl);
        p.op(0x80).op(2);
        p.global("collections", "OrderedDict").op(')').op('R');
        p.op('(');
        int key = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            p.string(e.getKey());
            p.global("torch._utils", "_rebuild_tensor_v2");
            p.op('(');
            p.op('(').string("storage").global("torch", storageType(t.dtype())).string(Integer.toString(key))
                    .string("cpu").integer(t.size()).op('t').op('Q');
            p.integer(0);
            p.op('(');
            for (long d : t.shape()) {
                p.integer(d);
            }
            p.op('t');
            p.op('(');
            long stride = 1;
            long[] strides = new long[t.shape().length];
            for (int d = strides.length - 1; d >= 0; d--) {
                strides[d] = stride;
                stride *= t.shape()[d];
            }
            for (long st : strides) {
                p.integer(st);
            }
            p.op('t');
            p.op(0x89);
            p.global("collections", "OrderedDict").op(')').op('R');
            p.op('t').op('R');
            key++;
        }
        p.op('u').op('.');
        // a new file only (the caller writes into a result folder that SafeOutput moves into place whole)
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE))) {
            stored(zip, archive + "data.pkl", pkl.toByteArray());
            int k = 0;
            for (Tensor t : tensors.values()) {
                stored(zip, archive + "data/" + k++, raw(t));
            }
            stored(zip, archive + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String storageType(String dtype) {
        for (Map.Entry<String, String> e : STORAGE_TYPES.entrySet()) {
            if (e.getValue().equals(dtype)) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("no storage type for " + dtype);
    }

    private static byte[] raw(Tensor t) {
        int width = t.dtype().equals("float64") || t.dtype().equals("int64") ? 8 : 4;
        ByteBuffer b = ByteBuffer.allocate(t.values().length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : t.values()) {
            switch (t.dtype()) {
                case "float64" -> b.putDouble(v);
                case "float32" -> b.putFloat((float) v);
                case "int64" -> b.putLong((long) v);
                case "int32" -> b.putInt((int) v);
                default -> throw new IllegalArgumentException("cannot write " + t.dtype());
            }
        }
        return b.array();
    }

    /** A STORED (uncompressed) zip entry, as PyTorch writes them. */
    private static void stored(java.util.zip.ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    /** The few pickle opcodes a state dict needs (protocol 2). */
    private static final class PickleWriter {
        private final java.io.ByteArrayOutputStream out;

        PickleWriter(java.io.ByteArrayOutputStream out) {
            this.out = out;
        }

        PickleWriter op(int code) {
            out.write(code);
            return this;
        }

        PickleWriter global(String module, String name) {
            op('c');
            out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        PickleWriter string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            op('X');
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
            out.writeBytes(b);
            return this;
        }

        PickleWriter integer(long v) {
            if (v >= 0 && v < (1L << 31)) {
                op('J');
                out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
            } else {
                op(0x8a).op(8);
                out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
            }
            return this;
        }
    }

    private static InvalidInputException bad(Path file, String what) {
        return InvalidInputException.parameter("model", "names state dict " + InputFiles.show(file) + ", which "
                + what + "; give a file written by torch.save(model.state_dict(), PATH)");
    }

    private static String describe(Object o) {
        return o == null ? "None" : o.getClass().getSimpleName();
    }

    /** A class named by a pickle GLOBAL. */
    private record Global(String module, String name) {
        String qualified() {
            return module + "." + name;
        }
    }

    /** ('storage', type, key, location, numel) */
    private record StorageRef(String dtype, String key, long numel) {
    }

    /** A tensor still to be read from its storage. */
    private record TensorRef(StorageRef storage, long offset, long[] shape, long[] stride) {
        Tensor load(ZipFile zip, String archive, Path file) throws IOException {
            ZipEntry e = zip.getEntry(archive + "data/" + storage.key());
            if (e == null) {
                throw bad(file, "lacks the storage data/" + storage.key());
            }
            int width = switch (storage.dtype()) {
                case "float64", "int64" -> 8;
                case "float32", "int32" -> 4;
                case "float16", "bfloat16", "int16" -> 2;
                default -> 1;
            };
            byte[] raw;
            try (InputStream in = zip.getInputStream(e)) {
                raw = in.readAllBytes();
            }
            if ((long) raw.length < storage.numel() * width) {
                throw bad(file, "has a truncated storage data/" + storage.key());
            }
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            if (n > MAX_ELEMENTS) {
                throw bad(file, "has a tensor of " + n + " elements");
            }
            ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            double[] v = new double[(int) n];
            long[] index = new long[shape.length];
            for (int i = 0; i < v.length; i++) {
                long at = offset;
                for (int d = 0; d < shape.length; d++) {
                    at += index[d] * stride[d];
                }
                if (at < 0 || at >= storage.numel()) {
                    throw bad(file, "has a tensor reaching outside its storage");
                }
                int p = (int) (at * width);
                v[i] = switch (storage.dtype()) {
                    case "float64" -> b.getDouble(p);
                    case "float32" -> b.getFloat(p);
                    case "float16" -> half(b.getShort(p));
                    case "bfloat16" -> Float.intBitsToFloat((b.getShort(p) & 0xffff) << 16);
                    case "int64" -> b.getLong(p);
                    case "int32" -> b.getInt(p);
                    case "int16" -> b.getShort(p);
                    case "int8" -> b.get(p);
                    default -> b.get(p) & 0xff;
                };
                for (int d = shape.length - 1; d >= 0; d--) {
                    if (++index[d] < shape[d]) {
                        break;
                    }
                    index[d] = 0;
                }
            }
            return new Tensor(shape.clone(), storage.dtype(), v);
        }
    }

    /** IEEE 754 half precision to double. */
    private static double half(short bits) {
        int sign = bits >> 15 & 1;
        int exp = bits >> 10 & 0x1f;
        int frac = bits & 0x3ff;
        double v = exp == 0 ? frac * Math.pow(2, -24) : exp == 31 ? (frac == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
                : (1 + frac / 1024.0) * Math.pow(2, exp - 15);
        return sign == 1 ? -v : v;
    }

    /** The subset of the pickle machine torch.save uses; GLOBALs are names, never code. */
    private static final class Unpickler {
        private static final Object MARK = new Object();
        private final ByteBuffer in;
        private final Path file;
        private final Deque<Object> stack = new ArrayDeque<>();
        private final Map<Long, Object> memo = new HashMap<>();

        Unpickler(byte[] bytes, Path file) {
            this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            this.file = file;
        }

        Object load() {
            try {
                while (true) {
                    int op = in.get() & 0xff;
                    switch (op) {
                        case 0x80 -> in.get(); // PROTO
                        case 0x95 -> in.getLong(); // FRAME
                        case '.' -> {
                            return pop();
                        }
                        case '(' -> stack.push(MARK);
                        case ')' -> stack.push(new ArrayList<>(0));
                        case ']' -> stack.push(new ArrayList<>());
                        case '}' -> stack.push(new LinkedHashMap<>());
                        case 'N' -> stack.push(NONE);
                        case 0x88 -> stack.push(Boolean.TRUE);
                        case 0x89 -> stack.push(Boolean.FALSE);
                        case 'K' -> stack.push((long) (in.get() & 0xff));
                        case 'M' -> stack.push((long) (in.getShort() & 0xffff));
                        case 'J' -> stack.push((long) in.getInt());
                        case 0x8a -> stack.push(long1());
                        case 'G' -> stack.push(Double.longBitsToDouble(Long.reverseBytes(in.getLong())));
                        case 'X' -> stack.push(string(in.getInt()));
                        case 0x8c -> stack.push(string(in.get() & 0xff));
                        case 'U' -> stack.push(string(in.get() & 0xff));
                        case 'T' -> stack.push(string(in.getInt()));
                        case 'c' -> stack.push(new Global(line(), line()));
                        case 0x93 -> {
                            Object name = pop();
                            stack.push(new Global(String.valueOf(pop()), String.valueOf(name)));
                        }
                        case 't' -> stack.push(popToMark());
                        case 0x85 -> stack.push(tuple(1));
                        case 0x86 -> stack.push(tuple(2));
                        case 0x87 -> stack.push(tuple(3));
                        case 'q' -> memo.put((long) (in.get() & 0xff), stack.peek());
                        case 'r' -> memo.put(in.getInt() & 0xffffffffL, stack.peek());
                        case 0x94 -> memo.put((long) memo.size(), stack.peek());
                        case 'h' -> stack.push(memo(in.get() & 0xff));
                        case 'j' -> stack.push(memo(in.getInt() & 0xffffffffL));
                        case 'Q' -> stack.push(persistent(pop()));
                        case 'R', 0x81 -> {
                            Object args = pop();
                            stack.push(reduce(pop(), args));
                        }
                        case 'b' -> pop(); // BUILD: state of an OrderedDict (_metadata) is not needed
                        case 'a' -> {
                            Object v = pop();
                            list(stack.peek()).add(v);
                        }
                        case 'e' -> {
                            List<Object> items = popToMark();
                            list(stack.peek()).addAll(items);
                        }
                        case 's' -> {
                            Object v = pop();
                            Object k = pop();
                            map(stack.peek()).put(k, v);
                        }
                        case 'u' -> {
                            List<Object> items = popToMark();
                            Map<Object, Object> m = map(stack.peek());
                            for (int i = 0; i + 1 < items.size(); i += 2) {
                                m.put(items.get(i), items.get(i + 1));
                            }
                        }
                        default -> throw bad(file, "uses pickle opcode 0x" + Integer.toHexString(op)
                                + ", which a state dict does not need");
                    }
                }
            } catch (java.nio.BufferUnderflowException | ClassCastException | NullPointerException
                     | java.util.NoSuchElementException e) {
                throw bad(file, "has a damaged pickle (" + e.getClass().getSimpleName() + ")");
            }
        }

        private static final Object NONE = new Object();

        private Object pop() {
            Object o = stack.pop();
            if (o == MARK) {
                throw new java.util.NoSuchElementException();
            }
            return o == NONE ? null : o;
        }

        private List<Object> popToMark() {
            List<Object> items = new ArrayList<>();
            while (true) {
                Object o = stack.pop();
                if (o == MARK) {
                    break;
                }
                items.add(0, o == NONE ? null : o);
            }
            return items;
        }

        private List<Object> tuple(int n) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(0, pop());
            }
            return items;
        }

        private Object memo(long key) {
            Object o = memo.get(key);
            if (o == null) {
                throw new java.util.NoSuchElementException();
            }
            return o;
        }

        @SuppressWarnings("unchecked")
        private static List<Object> list(Object o) {
            return (List<Object>) o;
        }

        @SuppressWarnings("unchecked")
        private static Map<Object, Object> map(Object o) {
            return (Map<Object, Object>) o;
        }

        private long long1() {
            int n = in.get() & 0xff;
            long v = 0;
            for (int i = 0; i < n; i++) {
                v |= (long) (in.get() & 0xff) << (8 * i);
            }
            if (n > 0 && n < 8 && (v >> (8 * n - 1) & 1) == 1) {
                v -= 1L << (8 * n);
            }
            return v;
        }

        private String string(int length) {
            if (length < 0 || length > in.remaining()) {
                throw new java.nio.BufferUnderflowException();
            }
            byte[] b = new byte[length];
            in.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        private String line() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte c;
            while ((c = in.get()) != '\n') {
                b.write(c);
            }
            return b.toString(StandardCharsets.UTF_8);
        }

        private Object persistent(Object pid) {
            List<Object> t = list(pid);
            if (t.size() < 5 || !"storage".equals(t.get(0)) || !(t.get(1) instanceof Global g)) {
                throw bad(file, "has a persistent id that is not a storage");
            }
            String dtype = STORAGE_TYPES.get(g.name());
            if (dtype == null) {
                throw bad(file, "has storage type " + g.qualified());
            }
            return new StorageRef(dtype, String.valueOf(t.get(2)), (Long) t.get(4));
        }

        private Object reduce(Object callable, Object args) {
            if (!(callable instanceof Global g)) {
                throw bad(file, "calls something that is not a class");
            }
            List<Object> a = list(args);
            switch (g.qualified()) {
                case "collections.OrderedDict":
                    return new LinkedHashMap<>();
                case "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor":
                    return new TensorRef((StorageRef) a.get(0), (Long) a.get(1), longs(a.get(2)), longs(a.get(3)));
                case "torch._utils._rebuild_parameter":
                    return a.get(0);
                default:
                    throw bad(file, "needs " + g.qualified() + ", which a state dict of tensors does not");
            }
        }

        private static long[] longs(Object o) {
            List<Object> l = list(o);
            long[] r = new long[l.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = (Long) l.get(i);
            }
            return r;
        }
    }
}
