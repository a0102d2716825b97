package org.psychonet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code bench fig2c}'s PyTorch half is found from the build and says why when it cannot run. */
class PyTorchFig2cTest {

    @Test
    void theScriptIsFoundBesideTheBuild() {
        Path script = PyTorchFig2c.script();
        assertNotNull(script, "scripts/bench_fig2c_pytorch.py not found from the class path");
        assertTrue(script.endsWith(Path.of("scripts", "bench_fig2c_pytorch.py")));
        assertTrue(Files.isRegularFile(script));
    }

    @Test
    void aMissingInterpreterIsAReasonNotAFailure() throws Exception {
        PyTorchFig2c.Outcome o = PyTorchFig2c.run("/nonexistent/python3", 1, 10, 1, 32);
        assertNull(o.numbers());
        assertEquals("/nonexistent/python3 not found (install python3-torch and python3-torchvision)", o.skipped());
    }

    @Test
    void aFailingScriptReportsItsLastErrorLine() throws Exception {
        // /bin/false as the "interpreter": exits 1 without output
        PyTorchFig2c.Outcome o = PyTorchFig2c.run("/bin/false", 1, 10, 1, 32);
        assertNull(o.numbers());
        assertEquals("the PyTorch script failed: exit 1", o.skipped());
    }
}
