package org.psychonet.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.psychonet.util.InvalidInputException;

/**
 * A result folder written atomically: everything goes into a hidden temporary folder beside the
 * target, and {@link #commit()} moves it into place (replacing an earlier result). Closing without
 * committing — an error, an interruption — deletes the temporary folder, so a failed run never
 * leaves a half-written result.
 */
public final class RunOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private boolean committed;

    private RunOutput(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Checks that {@code out} can be written and opens its temporary twin. */
    public static RunOutput open(Path out) {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new InvalidInputException("--out " + out + " is a file; give a folder path");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException | SecurityException e) {
            throw new InvalidInputException("cannot create the parent of --out " + out + " (" + e.getMessage()
                    + "); choose a writable location");
        }
        if (!Files.isWritable(parent)) {
            throw new InvalidInputException("--out " + out + " is not writable (" + parent
                    + " refuses writes); choose a writable location");
        }
        try {
            Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
            RunOutput r = new RunOutput(target, temp);
            Runtime.getRuntime().addShutdownHook(new Thread(r::discardQuietly));
            return r;
        } catch (IOException e) {
            throw new InvalidInputException("cannot write into " + parent + " (" + e.getMessage()
                    + "); choose a writable --out");
        }
    }

    /** The final location. */
    public Path target() {
        return target;
    }

    /** A path inside the (temporary) result folder; parents are created. */
    public Path file(String name) {
        Path p = temp.resolve(name);
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The temporary folder itself (for writers that want a directory). */
    public Path dir() {
        return temp;
    }

    /** Moves the finished result into place, replacing any earlier one. */
    public void commit() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            move(target, old);
        }
        move(temp, target);
        committed = true;
        if (old != null) {
            org.psychonet.util.Files2.deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private void discardQuietly() {
        if (!committed) {
            try {
                org.psychonet.util.Files2.deleteTree(temp);
            } catch (IOException ignored) {
                // best effort on shutdown
            }
        }
    }

    @Override
    public void close() {
        discardQuietly();
    }
}
