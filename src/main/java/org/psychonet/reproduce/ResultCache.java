package org.psychonet.reproduce;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.psychonet.experiment.ExperimentResult;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.output.SafeOutput;

/**
 * Finished experiments, each stored under a key made from its id, full configuration, seed and psychonet version
 * and git commit (so results never outlive the code that made them). An entry is a folder holding
 * {@code result.json} — the experiment's whole result record, read back into the same type, and the SHA-256 of
 * every other file — and the experiment's artifacts (trained weights) under {@code artifacts/}. Entries are
 * written through {@link SafeOutput}: into a temporary folder, moved into place when the experiment has finished.
 *
 * <p>One run at a time: the cache is locked (a {@link FileLock} on {@code .lock}, which names the holder's PID)
 * while a reproduction uses it; a second run exits with one line naming that PID. An entry whose files no longer
 * match their checksums (truncated, deleted, edited) is moved aside to {@code KEY.damaged-…} and recomputed, with a
 * one-line notice.
 */
public final class ResultCache implements AutoCloseable {
    static final String LOCK = ".lock";
    static final String ARTIFACTS = "artifacts";
    private final Path root;
    private final ObjectMapper mapper;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean createdRoot;

    /** An entry's result.json. */
    @JsonPropertyOrder({"id", SafeOutput.PROVENANCE_KEY, "result", SafeOutput.FILES_KEY})
    record Stored<R>(String id, @JsonProperty(SafeOutput.PROVENANCE_KEY) String psychonetVersion, R result,
                     @JsonProperty(SafeOutput.FILES_KEY) List<SafeOutput.FileDigest> files) {
    }

    private ResultCache(Path root, ObjectMapper mapper, FileChannel channel, FileLock lock, boolean createdRoot) {
        this.root = root;
        this.mapper = mapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        this.channel = channel;
        this.lock = lock;
        this.createdRoot = createdRoot;
    }

    /**
     * Opens (creating) the cache and locks it for this run; removes the temporary folders of runs that were killed.
     *
     * @throws InvalidInputException (parameter {@code cache}) when another run holds it or it cannot be created
     */
    public static ResultCache open(Path root, ObjectMapper mapper) {
        Path r = root.toAbsolutePath().normalize();
        boolean created = !Files.exists(r, LinkOption.NOFOLLOW_LINKS);
        FileChannel ch = null;
        try {
            Files.createDirectories(r);
            ch = FileChannel.open(r.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                String holder = Files.readString(r.resolve(LOCK), StandardCharsets.UTF_8).trim();
                ch.close();
                throw InvalidInputException.parameter("cache", r + " is in use by another psychonet run (PID "
                        + (holder.isEmpty() ? "unknown" : holder) + "); wait for it to finish or give another `cache`");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            SafeOutput.sweepAllStale(r);
            return new ResultCache(r, mapper, ch, l, created);
        } catch (IOException e) {
            try {
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException ignored) {
                // already failing
            }
            throw InvalidInputException.parameter("cache", root + " cannot be used (" + e.getMessage()
                    + "); give a writable folder");
        }
    }

    public Path root() {
        return root;
    }

    /** The key: a hash of id, configuration JSON, seed and version. */
    public String key(Step<?, ?> step, long seed, String version) throws IOException {
        String text = step.id() + "\n" + mapper.writeValueAsString(step.config()) + "\n" + seed + "\n" + version;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return step.id() + "-" + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The finished result of {@code key}, read back into {@code type}; empty when there is none. A damaged entry is
     * moved aside (never deleted) with a one-line {@code notice}, and reads as none.
     */
    public <R> Optional<R> lookup(String key, Class<R> type, Consumer<String> notice) {
        Path dir = root.resolve(key);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        String problem;
        try {
            List<String> bad = SafeOutput.damaged(dir);
            if (bad.isEmpty()) {
                JsonNode n = mapper.readTree(dir.resolve(SafeOutput.MARKER).toFile());
                return Optional.of(mapper.treeToValue(n.get("result"), type));
            }
            problem = bad.size() + " file(s) missing or changed, e.g. " + bad.get(0);
        } catch (IOException | RuntimeException e) {
            problem = "unreadable " + SafeOutput.MARKER + " (" + e.getClass().getSimpleName() + ")";
        }
        Path aside = SafeOutput.moveAside(dir, "damaged");
        notice.accept("cache entry " + key + " is damaged (" + problem + "); moved to " + aside.getFileName()
                + " and recomputed");
        return Optional.empty();
    }

    /**
     * Runs the step (its artifacts into the entry's {@code artifacts/}), stores its result and moves the entry into
     * place, replacing an earlier entry of the same key (a forced recomputation).
     */
    public <C, R extends ExperimentResult> R compute(Step<C, R> step, String key, long seed, String version)
            throws Exception {
        try (SafeOutput out = SafeOutput.open(root.resolve(key), true)) {
            Path artifacts = Files.createDirectories(out.dir().resolve(ARTIFACTS));
            R r = step.experiment().run(step.config(), seed, artifacts);
            out.commit((file, files) -> mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(),
                    new Stored<>(step.id(), version, r, files)));
            return r;
        }
    }

    /**
     * Makes the artifacts of an entry appear in {@code dir} (same relative paths): hard links where the file system
     * allows them, copies otherwise.
     */
    public void linkArtifacts(String key, Path dir) throws IOException {
        Path from = root.resolve(key).resolve(ARTIFACTS);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Path to = dir.resolve(from.relativize(f).toString());
                Files.createDirectories(to.getParent());
                try {
                    Files.createLink(to, f);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(f, to);
                }
            }
        }
    }

    /** Releases the lock; a cache this run created and left empty is removed. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
        if (createdRoot) {
            SafeOutput.removeIfEmpty(root, LOCK);
        }
    }
}
