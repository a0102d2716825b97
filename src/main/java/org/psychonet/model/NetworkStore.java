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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.psychonet.model.arch.ArchSpec;
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

    /** The architecture recorded in DIR/network.json. */
    public static ArchSpec spec(Path dir) {
        JsonNode n = meta(dir);
        return new ArchSpec(n.get("arch").asText(), n.get("width").asInt(), n.get("classes").asInt());
    }

    /** The training configuration recorded beside the weights. */
    public static JsonNode training(Path dir) {
        return meta(dir).get("training");
    }

    public static Shape inputShape(Path dir) {
        JsonNode s = meta(dir).get("input_shape");
        long[] d = new long[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = s.get(i).asLong();
        }
        return new Shape(d);
    }

    private static JsonNode meta(Path dir) {
        if (!exists(dir)) {
            throw new InvalidInputException("no saved psychonet network in " + dir + " (need " + WEIGHTS + " and "
                    + META + "); train one with 'psychonet deepnets --save DIR'");
        }
        try {
            return JSON.readTree(dir.resolve(META).toFile());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + dir.resolve(META) + " (" + e.getMessage() + ")");
        }
    }

    /** Rebuilds the recorded architecture and loads the weights into it. */
    public static TapNetwork load(Path dir, DataType type) {
        ArchSpec spec = spec(dir);
        TapNetwork net = spec.build(inputShape(dir), type, 0);
        loadInto(net, dir);
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

    /** Loads DIR's weights into a network of the same architecture. */
    public static void loadInto(TapNetwork net, Path dir) {
        try (DataInputStream is = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(dir.resolve(WEIGHTS))))) {
            net.model().getBlock().loadParameters(net.model().getNDManager(), is);
        } catch (IOException | MalformedModelException e) {
            throw new InvalidInputException("cannot load weights from " + dir + " (" + e.getMessage()
                    + "); the file does not match the architecture in " + META);
        }
        ownMemory(net);
    }
}
