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
            assertEquals(2, Main.run("deepnets", "--quick", "--conditions", "mirror", "--out", out.toString()));
            assertEquals(2, Main.run("deepnets", "--quick", "--model", "torchscript:/nope.pt", "--out",
                    out.toString()));
        } finally {
            System.setErr(old);
        }
        assertTrue(err.toString().contains("'lenet' is unknown"), err.toString());
        assertTrue(Files.notExists(out));
    }

    /** Defects found by the inputs helper: each must be one line naming the flag, exit 2, nothing written. */
    @Test
    void widthCheckpointsEmptyListsAndUnusablePathsAreRefusedNamingTheFlag() {
        String[][] cases = {
            {"--width", "-1"}, {"--width", "0"}, {"--checkpoint-every", "0"}, {"--checkpoint-every", "-1"},
            {"--train", "nul\u0000byte"}, {"--checkpoint", "nul\u0000byte"}, {"--tasks", ","},
            {"--conditions", ","}, {"--bridge-images", "-1"}, {"--pooling-seeds", "-1"}, {"--arch", "vit"},
            {"--regimes", "rich"}};
        for (String[] c : cases) {
            PrintStream old = System.err;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            System.setErr(new PrintStream(err));
            Path out = tmp.resolve("bad");
            int code;
            try {
                code = Main.run("deepnets", "--quick", c[0], c[1], "--out", out.toString());
            } finally {
                System.setErr(old);
            }
            String e = err.toString().strip();
            assertEquals(2, code, String.join(" ", c) + ": " + e);
            assertEquals(1, e.lines().count(), String.join(" ", c) + ": " + e);
            assertTrue(e.contains(c[0].equals("--conditions") ? "--condition" : c[0]), String.join(" ", c) + " should name its flag: " + e);
            assertTrue(Files.notExists(out));
        }
    }
}
