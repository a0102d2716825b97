package org.psychonet.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's python3-torch for cross-checks: tests that need it call {@link #require()} and are skipped, with a
 * message, on machines without it.
 */
public final class PyTorch {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Boolean available;

    private PyTorch() {
    }

    /** Skips the calling test unless python3 with torch and torchvision imports. */
    public static synchronized void require() {
        if (available == null) {
            try {
                available = Files.isExecutable(PYTHON)
                        && run(Path.of("."), "-c", "import torch, torchvision").isEmpty();
            } catch (IOException | RuntimeException e) {
                available = false;
            }
        }
        Assumptions.assumeTrue(available, "skipped: /usr/bin/python3 with torch and torchvision is not installed");
    }

    /** Runs one of the repository's scripts; returns stderr, or throws with it when the script fails. */
    public static String script(String name, String... args) throws IOException {
        List<String> a = new ArrayList<>();
        a.add(Path.of("scripts", name).toAbsolutePath().toString());
        a.addAll(List.of(args));
        return run(Path.of("."), a.toArray(new String[0]));
    }

    /** Runs a Python program given as text in {@code dir}; returns stderr, or throws with it when it fails. */
    public static String program(Path dir, String code) throws IOException {
        return run(dir, "-c", code);
    }

    private static String run(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(PYTHON.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("python timed out: " + cmd);
            }
            if (p.exitValue() != 0) {
                throw new IOException("python failed (" + p.exitValue() + "): " + cmd + "\n" + err);
            }
            return err.lines().filter(l -> !l.contains("NNPACK") && !l.contains("UserWarning")
                    && !l.isBlank() && !l.startsWith(" ")).reduce("", (x, y) -> x + y + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
