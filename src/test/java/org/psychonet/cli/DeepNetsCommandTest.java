package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeepNetsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void badInputExitsTwoAndWritesNothing() {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err));
        Path out = tmp.resolve("bad");
        try {
            assertEquals(2, Main.run("deepnets", "--quick", "--arch", "lenet", "--out", out.toString()));
            assertEquals(2, Main.run("deepnets", "--quick", "--controls", "mirror", "--out", out.toString()));
            assertEquals(2, Main.run("deepnets", "--quick", "--model", "torchscript:/nope.pt", "--out",
                    out.toString()));
        } finally {
            System.setErr(old);
        }
        assertTrue(err.toString().contains("'lenet' is unknown"), err.toString());
        assertTrue(Files.notExists(out));
    }
}
