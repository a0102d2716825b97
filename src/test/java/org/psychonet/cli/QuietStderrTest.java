package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.psychonet.learning.supervised.SupervisedNetwork;
import org.psychonet.model.TapNetwork;
import org.psychonet.util.Progress;

/**
 * Issue 15: stderr carries psychonet's own lines only — no libtorch deprecation warning (DJL's NDArray.set(Buffer)
 * printed "AutoNonVariableTypeMode is deprecated" whatever TORCH_CPP_LOG_LEVEL says) and no progress-bar escape
 * codes when stderr is not a terminal. Runs in a child JVM because native libraries write to the process's stderr.
 */
class QuietStderrTest {

    /** The child: builds the supervised network (the code path that printed the warning) and asks for a bar. */
    public static final class Child {
        public static void main(String[] args) {
            try (TapNetwork net = SupervisedNetwork.build(64, new int[] {8, 8}, 4, 0.1, 3);
                 Progress bar = Progress.start("child", 3)) {
                bar.step();
                System.out.println("bars=" + Progress.enabled() + " params=" + SupervisedNetwork.parameters(net).size());
            }
        }
    }

    @Test
    void nativeWarningsAndEscapeCodesStayOffStderr() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), Child.class.getName()));
        pb.environment().remove("TORCH_CPP_LOG_LEVEL"); // the launcher's setting must not be what keeps it quiet
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        p.waitFor(120, TimeUnit.SECONDS);
        String stdout = new String(out, StandardCharsets.UTF_8);
        String stderr = new String(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stderr);
        assertEquals("bars=false params=6", stdout.strip(), "no bar when stderr is a pipe");
        assertFalse(stderr.contains("\u001b"), "escape codes on stderr: " + stderr);
        assertEquals("", stderr.strip(), "nothing on stderr");
    }
}
