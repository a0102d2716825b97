package org.psychonet.util.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.psychonet.util.InvalidInputException;

/**
 * The one way psychonet writes a result folder, and the only code in psychonet that deletes anything.
 *
 * <p>Rule: <b>psychonet never deletes or overwrites anything it did not write.</b> A result folder is written
 * into a hidden temporary folder beside its target ({@code .NAME.tmp-PID-RANDOM}), marked with a
 * {@value #MARKER} that carries psychonet's provenance and the list of files it wrote (with their size and
 * SHA-256), and renamed into place. Before anything is written, {@link #open} refuses:
 * <ul>
 *   <li>an empty path, the file-system root, the home folder, the working directory or any of its parents;</li>
 *   <li>a file or a symbolic link;</li>
 *   <li>an existing non-empty folder without psychonet's marker (nothing in it is touched);</li>
 *   <li>an existing psychonet result, unless {@code overwrite} is given.</li>
 * </ul>
 * With {@code overwrite}, an earlier result whose every file is listed, unchanged, in its marker is replaced
 * (the new one is moved into place first, then the old one is removed). If it holds anything else — a file
 * added or edited by hand — it is moved aside, whole, to {@code NAME.previous-YYYYMMDD-HHMMSS} instead and a
 * line on stderr says so: nothing a person wrote is ever deleted.
 *
 * <p>Temporary folders carry the PID of the process that made them. They are removed when their run fails
 * or is interrupted (a shutdown hook), and — after a SIGKILL, which runs no hook — by the next run that opens
 * a folder beside them, but only once that process is gone.
 */
public final class SafeOutput implements AutoCloseable {
    /** The marker of a psychonet result folder. */
    public static final String MARKER = "result.json";
    /** The key of the marker that says psychonet wrote it. */
    public static final String PROVENANCE_KEY = "psychonet_version";
    /** The key of the marker that lists the files psychonet wrote. */
    public static final String FILES_KEY = "files";
    private static final String TMP = ".tmp-";
    private static final String OLD = ".old-";
    private static final ObjectMapper READER = new ObjectMapper();

    /** One file psychonet wrote: its path relative to the result folder ('/'-separated), size and SHA-256. */
    public record FileDigest(String path, long bytes, String sha256) {
    }

    /** Writes the marker file (result.json) of a finished folder, given the digests of every other file in it. */
    @FunctionalInterface
    public interface MarkerWriter {
        void write(Path markerFile, List<FileDigest> files) throws IOException;
    }

    private final Path target;
    private final Path temp;
    private final boolean overwrite;
    private final List<Path> createdParents;
    private final Thread hook;
    private boolean committed;

    private SafeOutput(Path target, Path temp, boolean overwrite, List<Path> createdParents) {
        this.target = target;
        this.temp = temp;
        this.overwrite = overwrite;
        this.createdParents = createdParents;
        this.hook = new Thread(this::discardQuietly, "psychonet-discard-" + temp.getFileName());
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Checks that {@code out} may be written (see the class comment), then creates its temporary twin.
     *
     * @throws InvalidInputException (parameter {@code out}) when the target is refused; nothing is written
     */
    public static SafeOutput open(Path out, boolean overwrite) {
        Path target = check(out, overwrite);
        Path parent = target.getParent();
        List<Path> created = new ArrayList<>();
        try {
            createParents(parent, created);
        } catch (IOException | SecurityException e) {
            removeEmpty(created);
            throw InvalidInputException.parameter("out", out + " cannot be created (" + reason(e)
                    + "); choose a writable location");
        }
        if (!Files.isWritable(parent)) {
            removeEmpty(created);
            throw InvalidInputException.parameter("out", out + " is not writable (" + parent
                    + " refuses writes); choose a writable location");
        }
        sweepStale(parent, target.getFileName().toString());
        try {
            return new SafeOutput(target, createOwned(parent, "." + target.getFileName() + TMP), overwrite, created);
        } catch (IOException e) {
            removeEmpty(created);
            throw InvalidInputException.parameter("out", "cannot be written in " + parent + " (" + reason(e)
                    + "); choose a writable location");
        }
    }

    /**
     * The checks of {@link #open} without writing anything: the absolute, normalised target.
     *
     * @throws InvalidInputException (parameter {@code out}) when the target is refused
     */
    public static Path check(Path out, boolean overwrite) {
        if (out == null || out.toString().isBlank()) {
            throw InvalidInputException.parameter("out", "is empty; give a folder for the results");
        }
        if (out.toString().indexOf('\uFFFD') >= 0) {
            // bytes that are not valid in the file-name encoding were replaced: the folder would land elsewhere
            throw InvalidInputException.parameter("out", out + " contains bytes that are not valid UTF-8 (shown as"
                    + " \uFFFD); give a folder name in UTF-8");
        }
        Path target = out.toAbsolutePath().normalize();
        if (target.getParent() == null || target.getFileName() == null) {
            throw InvalidInputException.parameter("out", out + " is the file-system root; give a new folder");
        }
        Path real = realOf(target);
        Path cwd = realOf(Path.of("").toAbsolutePath());
        if (cwd.startsWith(real)) {
            throw InvalidInputException.parameter("out", out + " is the working directory or one of its parents;"
                    + " give a new folder for the results");
        }
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && real.equals(realOf(Path.of(home).toAbsolutePath()))) {
            throw InvalidInputException.parameter("out", out + " is the home folder; give a new folder inside it");
        }
        if (Files.isSymbolicLink(target)) {
            throw InvalidInputException.parameter("out", out + " is a symbolic link; give the folder itself");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw InvalidInputException.parameter("out", out + " is a file; give a folder path");
            }
            Optional<String> foreign = firstEntry(target);
            if (foreign.isPresent()) {
                if (!isResult(target)) {
                    throw InvalidInputException.parameter("out", out + " exists and holds files psychonet did not"
                            + " write (e.g. " + foreign.get() + "); give a new or empty folder");
                }
                if (!overwrite) {
                    throw InvalidInputException.parameter("out", out + " holds an earlier psychonet result; give"
                            + " `overwrite` to replace it, or a new folder");
                }
            }
        }
        return target;
    }

    /** Whether {@code dir} is a folder psychonet wrote: it holds a {@value #MARKER} with psychonet's provenance. */
    public static boolean isResult(Path dir) {
        return marker(dir).map(n -> n.has(PROVENANCE_KEY)).orElse(false);
    }

    /** The final location. */
    public Path target() {
        return target;
    }

    /** The temporary folder the result is written into. */
    public Path dir() {
        return temp;
    }

    /** A path inside the temporary folder; its parent folders are created. */
    public Path file(String name) {
        Path p = temp.resolve(name).normalize();
        if (!p.startsWith(temp) || p.equals(temp)) {
            throw new IllegalArgumentException("not a file inside the result folder: " + name);
        }
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * Marks the finished folder — {@code marker} writes {@value #MARKER} from the digests of every other file —
     * and moves it into place.
     *
     * @throws InvalidInputException when the target changed during the run so that it may no longer be written
     */
    public void commit(MarkerWriter marker) throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed: " + target);
        }
        Path markerFile = temp.resolve(MARKER);
        Files.deleteIfExists(markerFile); // our own temporary file: the marker is written last, from the digests
        marker.write(markerFile, digests(temp));
        if (!isResult(temp)) {
            throw new IllegalStateException(MARKER + " written without psychonet's provenance (" + PROVENANCE_KEY + ")");
        }
        place();
        committed = true;
        removeHook();
    }

    private void place() throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) || isEmptyDirectory(target)) {
            try {
                // rename(2) replaces an empty folder atomically and fails on a non-empty one: safe by construction
                move(temp, target);
                return;
            } catch (java.nio.file.FileSystemException e) {
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw e;
                }
                // something appeared in the target during the run (rename fails on a non-empty folder): judged below
            }
        }
        check(target, overwrite); // refuses what is not ours, or ours without overwrite
        Path parent = target.getParent();
        if (ownedEntirely(target)) {
            Path old = uniqueSibling(parent, "." + target.getFileName() + OLD + ProcessHandle.current().pid() + "-");
            move(target, old);
            move(temp, target);
            deleteTree(old);
        } else {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path aside = parent.resolve(target.getFileName() + ".previous-" + stamp);
            for (int i = 2; Files.exists(aside, LinkOption.NOFOLLOW_LINKS); i++) {
                aside = parent.resolve(target.getFileName() + ".previous-" + stamp + "-" + i);
            }
            move(target, aside);
            move(temp, target);
            System.err.println("psychonet: " + target + " held files psychonet did not write; the earlier result"
                    + " was moved, whole, to " + aside);
        }
    }

    /** Discards the temporary folder unless committed (a failed or interrupted run leaves nothing). */
    @Override
    public void close() {
        discardQuietly();
        removeHook();
    }

    private void discardQuietly() {
        if (committed) {
            return;
        }
        try {
            deleteTree(temp);
        } catch (IOException ignored) {
            // best effort: a later run removes it once this process is gone
        }
        removeEmpty(createdParents);
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down; the hook runs or has run
        }
    }

    // ---- temporary folders owned by a process ----

    /**
     * Creates a new hidden folder {@code parent/PREFIX<pid>-<random>} owned by this process (normal permissions:
     * the umask's, not 0700).
     */
    public static Path createOwned(Path parent, String prefix) throws IOException {
        Path p = uniqueSibling(parent, prefix + ProcessHandle.current().pid() + "-");
        return Files.createDirectory(p);
    }

    private static Path uniqueSibling(Path parent, String prefix) {
        while (true) {
            Path p = parent.resolve(prefix + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16));
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return p;
            }
        }
    }

    /**
     * Removes the temporary folders of {@code name} ({@code .NAME.tmp-PID-…}, {@code .NAME.old-PID-…}) beside it whose
     * owning process is gone (left by a SIGKILL or a power cut); those of a live process — another run writing
     * beside this one — are left alone.
     */
    public static void sweepStale(Path parent, String name) {
        sweep(parent, Pattern.compile("^\\." + Pattern.quote(name) + "\\.(?:tmp|old)-(\\d+)-[0-9a-f]+$"));
    }

    /** {@link #sweepStale} for every name: for folders psychonet owns whole, such as its cache. */
    public static void sweepAllStale(Path parent) {
        sweep(parent, Pattern.compile("^\\..+\\.(?:tmp|old)-(\\d+)-[0-9a-f]+$"));
    }

    private static void sweep(Path parent, Pattern owned) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Matcher m = owned.matcher(p.getFileName().toString());
                if (m.matches() && !isAlive(Long.parseLong(m.group(1)))) {
                    try {
                        deleteTree(p);
                    } catch (IOException ignored) {
                        // it stays until the next sweep
                    }
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // an unreadable parent: nothing to sweep
        }
    }

    /** Whether a process with this PID is running. */
    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    // ---- digests and ownership ----

    /** Size and SHA-256 of every regular file below {@code dir} except its marker, sorted by path. */
    public static List<FileDigest> digests(Path dir) throws IOException {
        List<FileDigest> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> files = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.equals(dir.resolve(MARKER))).toList();
            for (Path f : files) {
                out.add(new FileDigest(relative(dir, f), Files.size(f), sha256(f)));
            }
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return out;
    }

    /**
     * The files of a psychonet folder that its marker does not list unchanged (added, edited, or not regular
     * files); empty when psychonet wrote everything in it. A marker without a file list lists nothing.
     */
    public static List<String> unlisted(Path dir) throws IOException {
        Map<String, FileDigest> listed = new HashMap<>();
        Optional<JsonNode> m = marker(dir);
        if (m.isPresent() && m.get().path(FILES_KEY).isArray()) {
            for (JsonNode f : m.get().get(FILES_KEY)) {
                FileDigest d = new FileDigest(f.path("path").asText(), f.path("bytes").asLong(-1),
                        f.path("sha256").asText());
                listed.put(d.path(), d);
            }
        }
        List<String> bad = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.equals(dir) || p.equals(dir.resolve(MARKER)) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String rel = relative(dir, p);
                FileDigest d = listed.get(rel);
                if (d == null || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.size(p) != d.bytes()
                        || !sha256(p).equals(d.sha256())) {
                    bad.add(rel);
                }
            }
        }
        return bad;
    }

    /**
     * What is wrong with a finished psychonet folder: files its marker lists that are missing, and files that are not
     * listed unchanged (see {@link #unlisted}); empty when it is intact. A folder without a readable marker is
     * damaged as a whole.
     */
    public static List<String> damaged(Path dir) throws IOException {
        Optional<JsonNode> m = marker(dir);
        if (m.isEmpty() || !m.get().has(PROVENANCE_KEY) || !m.get().path(FILES_KEY).isArray()) {
            return List.of(MARKER);
        }
        List<String> bad = new ArrayList<>();
        for (JsonNode f : m.get().get(FILES_KEY)) {
            String rel = f.path("path").asText();
            if (!Files.isRegularFile(dir.resolve(rel), LinkOption.NOFOLLOW_LINKS)) {
                bad.add(rel + " (missing)");
            }
        }
        bad.addAll(unlisted(dir));
        return bad;
    }

    /**
     * Moves a folder psychonet owns out of the way, whole, to {@code NAME.LABEL-YYYYMMDD-HHMMSS} beside it (nothing
     * is deleted); returns where it went.
     */
    public static Path moveAside(Path dir, String label) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = dir.resolveSibling(dir.getFileName() + "." + label + "-" + stamp);
        for (int i = 2; Files.exists(aside, LinkOption.NOFOLLOW_LINKS); i++) {
            aside = dir.resolveSibling(dir.getFileName() + "." + label + "-" + stamp + "-" + i);
        }
        try {
            move(dir, aside);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return aside;
    }

    /**
     * Removes a folder psychonet created if it holds nothing but the named files of its own (e.g. a cache's lock
     * file): a failed run leaves no empty folder behind.
     */
    public static void removeIfEmpty(Path dir, String... ownFiles) {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            if (!List.of(ownFiles).containsAll(names)) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        try {
            for (String f : ownFiles) {
                Files.deleteIfExists(dir.resolve(f));
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // something appeared meanwhile: it stays
        }
    }

    private static boolean ownedEntirely(Path dir) throws IOException {
        return isResult(dir) && unlisted(dir).isEmpty();
    }

    private static String relative(Path dir, Path f) {
        return dir.relativize(f).toString().replace('\\', '/');
    }

    /** SHA-256 of a file, hex. */
    public static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<JsonNode> marker(Path dir) {
        Path m = dir.resolve(MARKER);
        if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            JsonNode n = READER.readTree(m.toFile());
            return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    // ---- the only deletions in psychonet ----

    /**
     * Deletes a folder psychonet made itself (a temporary folder, or a result whose files it has just checked
     * against its marker). Private on purpose: every deletion in psychonet goes through this class.
     */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Removes the parent folders this run created, innermost first, while they are empty. */
    private static void removeEmpty(List<Path> created) {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(created.get(i)); // fails on a non-empty folder: then it stays
            } catch (IOException ignored) {
                return;
            }
        }
    }

    private static void createParents(Path dir, List<Path> created) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
                created.add(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (!Files.isDirectory(p)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && firstEntry(dir).isEmpty();
    }

    private static Optional<String> firstEntry(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().findFirst();
        } catch (IOException e) {
            return Optional.of("(unreadable: " + reason(e) + ")");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** The real path of {@code p}, resolving symbolic links of its nearest existing ancestor. */
    private static Path realOf(Path p) {
        Path existing = p;
        Path rest = Path.of("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return p;
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "") + (m == null ? "" : ": " + m);
    }
}
