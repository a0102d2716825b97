package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Settings that would need impossible memory are refused before anything is allocated (issue 10, item 7): exit
 * 2, one line naming the option and the limit, nothing written — not OutOfMemoryError, NegativeArraySizeException
 * or an integer overflow.
 */
class ImpossibleSizesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "sensitivity --model identity --stimulus planewave --thetas 2147483647",
        "stats --images world:size=100000,count=2 --patches 0",
        "stats --images world:size=20000,count=2 --patches 0",
        "stats --images world:count=100000000000 --patches 0",
        "stats --images world:size=64,count=4 --patches 2147483647",
        "supervised --quick --batch 100000000",
        "supervised --quick --steps 2147483647",
        "linear --quick --images world:size=64,count=4 --patches 2147483647"})
    void refusedWithOneLineNamingTheLimit(String command) {
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        String[] args = (command + " --out " + out).split(" ");
        int code = Main.run(new PrintWriter(err, true), args);
        String e = err.toString().strip();
        assertEquals(2, code, e);
        assertEquals(1, e.lines().count(), e);
        String option = command.contains("--thetas") ? "--thetas" : command.contains("world:") && !command.contains(
                "--patches 2147483647") ? "world:" : command.contains("--batch") ? "--batch" : command.contains(
                "--steps") ? "--steps" : "--patches";
        assertTrue(e.contains(option), e);
        assertTrue(e.contains("limit") || e.contains("at most") || e.contains("this machine has"), e);
        assertFalse(Files.exists(out));
    }
}
