package org.psychonet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Fig. 2c sweep in plain PyTorch ({@code scripts/bench_fig2c_pytorch.py}: a plain forward pass, PyTorch's own
 * forward-mode JVP for all taps, the authors' loop), run as a child process after psychonet's own timings so that
 * one {@code bench fig2c} compares all of them on the same machine, one after another (never concurrently: they
 * would share the cores). Its JSON is returned as it came; a missing interpreter, torch or script is a reason, not
 * a failure (the comparison needs Debian's python3-torch and python3-torchvision, or any Python with both).
 */
public final class PyTorchFig2c {
    public static final String SCRIPT = "scripts/bench_fig2c_pytorch.py";

    private PyTorchFig2c() {
    }

    /** Outcome: the script's numbers, or why there are none. */
    public record Outcome(Map<String, Object> numbers, String skipped) {
    }

    /**
     * The script: beside the jar's folder (a checkout's {@code target/psychonet.jar} → the checkout's scripts/), else
     * in the working directory.
     */
    public static Path script() {
        List<Path> candidates = new ArrayList<>();
        try {
            Path code = Path.of(PyTorchFig2c.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/psychonet.jar or target/classes → the checkout
            Path checkout = code.getParent() == null ? null : code.getParent().getParent();
            if (checkout != null) {
                candidates.add(checkout.resolve(SCRIPT));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source: fall back to the working directory
        }
        candidates.add(Path.of(SCRIPT).toAbsolutePath());
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    public static Outcome run(String python, int threads, int batch, int loopThetas, int size) throws IOException,
            InterruptedException {
        Path script = script();
        if (script == null) {
            return new Outcome(null, SCRIPT + " not found beside the jar or in the working directory");
        }
        if (!Files.isExecutable(Path.of(python))) {
            return new Outcome(null, python + " not found (install python3-torch and python3-torchvision)");
        }
        Process p = new ProcessBuilder(python, script.toString(), "--threads", Integer.toString(threads),
                "--batch", Integer.toString(batch), "--loop-thetas", Integer.toString(loopThetas),
                "--size", Integer.toString(size)).start();
        // stderr drained on its own thread so that neither pipe can fill and stall the child
        StringBuilder err = new StringBuilder();
        Thread drain = new Thread(() -> {
            try {
                err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.append(e.getMessage());
            }
        });
        drain.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        drain.join();
        if (rc != 0) {
            String[] lines = err.toString().strip().split("\n");
            String last = lines[lines.length - 1].isBlank() ? "exit " + rc : lines[lines.length - 1];
            return new Outcome(null, "the PyTorch script failed: " + last);
        }
        Map<String, Object> numbers = new ObjectMapper().readValue(out, LinkedHashMap.class);
        return new Outcome(numbers, null);
    }
}
