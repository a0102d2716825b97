package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.experiment.LinearDynamics;

/**
 * {@code linear --quick --steps 2147483647} was accepted and ran (inputs helper, 10:15): its trajectories alone
 * need terabytes. It is refused before training, in one line naming {@code --steps} and the limit, exit 2,
 * nothing written; the quick and paper profiles stay within the budget.
 */
class LinearSizesTest {
    @TempDir
    Path dir;

    @Test
    void stepsBeyondMemoryAreRefusedInOneLine() {
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), "linear", "--quick", "--steps", "2147483647", "--out",
                out.toString());
        String e = err.toString().strip();
        assertEquals(2, code, e);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("--steps") && e.contains("at most"), e);
        assertFalse(Files.exists(out));
    }

    @Test
    void theProfilesFit() {
        LinearDynamics.Config.quick().validate();
        LinearDynamics.Config.paper().validate();
        LinearDynamics.Config.quick().withSteps(200_000).validate();
    }
}
