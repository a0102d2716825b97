package org.psychonet.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finished experiments, each stored under a key made from its id, full configuration, seed and
 * psychonet version and git commit (so results never outlive the code that made them). An entry is written into a temporary folder and renamed into place when the
 * experiment has finished, so an interrupted run leaves no half-written entry and a rerun reuses
 * everything that finished.
 */
public final class ResultCache {
    private static final String RESULT = "experiment.json";
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
        return Files.isRegularFile(dir.resolve(RESULT)) ? Optional.of(dir) : Optional.empty();
    }

    public StoredResult read(Path entry) throws IOException {
        return mapper.readValue(entry.resolve(RESULT).toFile(), StoredResult.class);
    }

    /** Runs the step into a fresh temporary folder and renames it into place when it has finished. */
    public Path compute(ReproductionStep step, String key, long seed) throws Exception {
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, ".tmp-" + key + "-");
        try {
            ExperimentResult r = step.runner().run(tmp, seed);
            mapper.writerWithDefaultPrettyPrinter().writeValue(tmp.resolve(RESULT).toFile(), StoredResult.of(step.id(), r));
            Path target = root.resolve(key);
            if (Files.exists(target)) {
                org.psychonet.util.Files2.deleteTree(target);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            return target;
        } finally {
            org.psychonet.util.Files2.deleteTree(tmp);
        }
    }

    /** Removes temporary folders left by interrupted runs. */
    public void sweep() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName().toString().startsWith(".tmp-")) {
                    org.psychonet.util.Files2.deleteTree(p);
                }
            }
        }
    }
}
