package org.psychonet.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.psychonet.util.output.SafeOutput;

/**
 * Finished experiments, each stored under a key made from its id, full configuration, seed and
 * psychonet version and git commit (so results never outlive the code that made them). An entry is written into a temporary folder and renamed into place when the
 * experiment has finished, so an interrupted run leaves no half-written entry and a rerun reuses
 * everything that finished.
 */
public final class ResultCache {
    private final Path root;
    private final ObjectMapper mapper;

    public ResultCache(Path root, ObjectMapper mapper) {
        this.root = root;
        this.mapper = mapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    public Path root() {
        return root;
    }

    /** The key: a hash of id, configuration JSON, seed and version. */
    public String key(ReproductionStep step, long seed, String version) throws IOException {
        String text = step.id() + "\n" + mapper.writeValueAsString(step.config()) + "\n" + seed + "\n" + version;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return step.id() + "-" + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folder of a finished entry, if there is one. */
    public Optional<Path> lookup(String key) {
        Path dir = root.resolve(key);
        return SafeOutput.isResult(dir) ? Optional.of(dir) : Optional.empty();
    }

    public StoredResult read(Path entry) throws IOException {
        return mapper.readValue(entry.resolve(SafeOutput.MARKER).toFile(), StoredResult.class);
    }

    /**
     * Runs the step into a fresh temporary folder and moves it into place when it has finished (replacing an
     * earlier entry of the same key: a forced recomputation).
     */
    public Path compute(ReproductionStep step, String key, long seed, String version) throws Exception {
        try (SafeOutput out = SafeOutput.open(root.resolve(key), true)) {
            ExperimentResult r = step.runner().run(out.dir(), seed);
            out.commit((file, files) -> mapper.writerWithDefaultPrettyPrinter()
                    .writeValue(file.toFile(), StoredResult.of(step.id(), version, r, files)));
            return out.target();
        }
    }

    /** Removes temporary folders left by runs that were killed (never those of a live run). */
    public void sweep() {
        SafeOutput.sweepAllStale(root);
    }
}
