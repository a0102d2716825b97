package org.psychonet.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.psychonet.model.arch.ArchSpec;
import org.psychonet.util.InputFiles;
import org.psychonet.util.InvalidInputException;

/**
 * Trained psychonet networks on disk: DIR/weights.params (DJL's parameter format, written by
 * Block.saveParameters) with DIR/network.json beside it (architecture, input shape, precision and the
 * training configuration that produced the weights). Writes go to temporary files moved into place,
 * so an interrupted save never leaves a half-written network.
 */
public final class NetworkStore {
    public static final String WEIGHTS = "weights.params";
    public static final String META = "network.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NetworkStore() {
    }

    /** Saves weights and metadata; {@code training} is any JSON-serializable description. */
    public static void save(TapNetwork net, ArchSpec spec, Object training, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".weights", ".tmp");
        try (DataOutputStream os = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            net.model().getBlock().saveParameters(os);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("arch", spec.arch());
        meta.put("width", spec.width());
        meta.put("classes", spec.classes());
        meta.put("input_shape", net.inputShape().getShape());
        meta.put("data_type", net.dataType().name());
        meta.put("training", training);
        Path tmpMeta = Files.createTempFile(dir, ".network", ".tmp");
        JSON.writeValue(tmpMeta.toFile(), meta);
        Files.move(tmp, dir.resolve(WEIGHTS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmpMeta, dir.resolve(META), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(WEIGHTS)) && Files.isRegularFile(dir.resolve(META));
    }

    /** Where saved networks come from, for every remedy that asks for one. */
    static final String WHERE = "give saved:DIR for a folder psychonet wrote: 'psychonet deepnets --out OUT' saves its "
            + "networks in OUT/networks/<condition>/ (e.g. OUT/networks/trained), and --checkpoint DIR holds the "
            + "latest checkpoint";

    /** The largest first-stage width or class count a network.json may declare (guards absurd allocations). */
    static final int MAX_WIDTH = 1 << 16;
    static final int MAX_SIDE = 1 << 14;

    /** The validated contents of DIR/network.json. */
    private record Meta(ArchSpec spec, Shape inputShape, JsonNode training) {
    }

    /** The architecture recorded in DIR/network.json. */
    public static ArchSpec spec(Path dir) {
        return meta(dir).spec();
    }

    /** The training configuration recorded beside the weights (null when none was recorded). */
    public static JsonNode training(Path dir) {
        return meta(dir).training();
    }

    public static Shape inputShape(Path dir) {
        return meta(dir).inputShape();
    }

    /** Checks that DIR holds a saved network: one line naming what is missing and where networks come from. */
    public static void requireSaved(Path dir) {
        String shown = InputFiles.show(dir);
        String dirProblem = InputFiles.problem(dir);
        if ("is a folder, not a file".equals(dirProblem)) {
            for (String f : new String[] {WEIGHTS, META}) {
                String p = InputFiles.problem(dir.resolve(f));
                if (p != null) {
                    throw new InvalidInputException("no saved psychonet network in " + shown + ": " + f + " " + p
                            + "; " + WHERE);
                }
            }
            return;
        }
        throw new InvalidInputException("saved network " + shown + " "
                + (dirProblem == null ? "is a file, not a folder" : dirProblem) + "; " + WHERE);
    }

    private static Meta meta(Path dir) {
        requireSaved(dir);
        Path file = dir.resolve(META);
        String shown = InputFiles.show(file);
        JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(shown + " is not valid JSON (" + InputFiles.oneLine(String.valueOf(
                    e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                            : e.getMessage())) + "); the file is damaged: " + WHERE);
        }
        if (n == null || !n.isObject()) {
            throw new InvalidInputException(shown + " is not a JSON object; the file is damaged: " + WHERE);
        }
        String arch = field(n, "arch", shown).asText();
        if (!ArchSpec.NAMES.contains(arch) || !n.get("arch").isTextual()) {
            throw new InvalidInputException(shown + " names architecture '" + InputFiles.oneLine(arch)
                    + "', not one of " + String.join(", ", ArchSpec.NAMES) + "; " + WHERE);
        }
        int width = positiveInt(n, "width", MAX_WIDTH, shown);
        int classes = positiveInt(n, "classes", MAX_WIDTH, shown);
        JsonNode s = field(n, "input_shape", shown);
        if (!s.isArray() || s.size() != 3) {
            throw new InvalidInputException(shown + " has input_shape " + InputFiles.oneLine(s.toString())
                    + ", not [channels, height, width]; the file is damaged: " + WHERE);
        }
        long[] d = new long[3];
        for (int i = 0; i < 3; i++) {
            JsonNode v = s.get(i);
            if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > MAX_SIDE) {
                throw new InvalidInputException(shown + " has input_shape " + InputFiles.oneLine(s.toString())
                        + " with a dimension that is not a whole number in 1.." + MAX_SIDE + "; the file is damaged: "
                        + WHERE);
            }
            d[i] = v.asInt();
        }
        JsonNode training = n.get("training");
        return new Meta(new ArchSpec(arch, width, classes), new Shape(d),
                training == null || training.isNull() ? null : training);
    }

    private static JsonNode field(JsonNode n, String name, String file) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new InvalidInputException(file + " lacks the field '" + name + "'; the file is damaged or was not "
                    + "written by psychonet: " + WHERE);
        }
        return v;
    }

    private static int positiveInt(JsonNode n, String name, int max, String file) {
        JsonNode v = field(n, name, file);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1 || v.asInt() > max) {
            throw new InvalidInputException(file + " has " + name + " " + InputFiles.oneLine(v.toString())
                    + ", not a whole number in 1.." + max + "; the file is damaged: " + WHERE);
        }
        return v.asInt();
    }

    /** Rebuilds the recorded architecture and loads the weights into it. */
    public static TapNetwork load(Path dir, DataType type) {
        Meta m = meta(dir);
        TapNetwork net = m.spec().build(m.inputShape(), type, 0);
        try {
            loadInto(net, dir);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        return net;
    }

    /**
     * Moves every parameter into tensor-owned memory. Arrays decoded from Java buffers wrap that buffer,
     * and in-place training updates on such wrappers were seen to read released memory.
     */
    public static void ownMemory(TapNetwork net) {
        for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : net.model().getBlock().getParameters()) {
            ai.djl.ndarray.NDArray a = p.getValue().getArray();
            a.intern(a.duplicate());
        }
    }

    /**
     * Loads DIR's weights into a network of the same architecture. Refuses a truncated or over-long weights
     * file and weights that are NaN or infinite in the network's precision (checked after any conversion: a
     * finite float64 weight can overflow to Infinity as float32).
     */
    public static void loadInto(TapNetwork net, Path dir) {
        requireSaved(dir);
        Path file = dir.resolve(WEIGHTS);
        String shown = InputFiles.show(file);
        try (DataInputStream is = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            net.model().getBlock().loadParameters(net.model().getNDManager(), is);
            if (is.read() != -1) {
                throw new InvalidInputException(shown + " holds more data than the architecture in " + META
                        + " has parameters; the files do not belong together: " + WHERE);
            }
        } catch (EOFException e) {
            throw new InvalidInputException(shown + " is truncated: it ends before every parameter of the "
                    + "architecture in " + META + " is read; " + WHERE);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            if (e instanceof InvalidInputException bad) {
                throw bad;
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : InputFiles.oneLine(e.getMessage());
            throw new InvalidInputException("cannot load weights from " + shown + " (" + why
                    + "): the file does not match the architecture in " + META + "; " + WHERE);
        }
        ownMemory(net);
        for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : net.model().getBlock().getParameters()) {
            ai.djl.ndarray.NDArray a = p.getValue().getArray();
            if (a.getDataType().isFloating() && (a.isNaN().any().getBoolean() || a.isInfinite().any().getBoolean())) {
                throw new InvalidInputException(shown + " holds NaN or infinite weights in parameter " + p.getKey()
                        + " (as " + a.getDataType() + "); the network diverged in training: retrain it (e.g. a "
                        + "lower learning rate) before measuring sensitivity");
            }
        }
    }
}
