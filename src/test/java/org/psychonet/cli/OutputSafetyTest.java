package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10 item 1: psychonet never deletes or overwrites what it did not write (each case lost data before). */
class OutputSafetyTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), args);
        return new Outcome(code, err.toString());
    }

    private static String[] sensitivity(String out, String... extra) {
        return sensitivity(8, out, extra);
    }

    private static String[] sensitivity(int thetas, String out, String... extra) {
        List<String> a = new ArrayList<>(List.of("sensitivity", "--model", "identity", "--stimulus", "planewave",
                "--thetas", Integer.toString(thetas), "--out", out));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFolderWithAUsersFileIsRefusedAndKept() throws IOException {
        Path x = Files.createDirectory(dir.resolve("x"));
        Files.writeString(x.resolve("notes.txt"), "keep");
        Outcome o = run(sensitivity(x.toString()));
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("--out") && o.err().contains("notes.txt"), o.err());
        assertEquals(List.of("notes.txt"), names(x));
        assertEquals("keep", Files.readString(x.resolve("notes.txt")));
        assertEquals(List.of("x"), names(dir), "nothing written beside it");
    }

    @Test
    void anEarlierResultIsReplacedOnlyWithOverwrite() throws IOException {
        Path out = dir.resolve("r");
        assertEquals(0, run(sensitivity(out.toString())).code());
        String first = Files.readString(out.resolve("sensitivity.csv"));
        Outcome again = run(sensitivity(6, out.toString()));
        assertEquals(2, again.code(), again.err());
        assertTrue(again.err().contains("--overwrite"), again.err());
        assertEquals(first, Files.readString(out.resolve("sensitivity.csv")), "the earlier result is untouched");
        Outcome forced = run(sensitivity(6, out.toString(), "--overwrite"));
        assertEquals(0, forced.code(), forced.err());
        assertFalse(first.equals(Files.readString(out.resolve("sensitivity.csv"))), "replaced");
        assertEquals(List.of("r"), names(dir), "no temporary or old folder left");
    }

    @Test
    void reproduceDoesNotSilentlyOverwriteAndRefusesACacheInsideItsOutput() throws IOException {
        Path out = Files.createDirectory(dir.resolve("results"));
        Files.writeString(out.resolve("paper-draft.tex"), "keep");
        Outcome o = run("reproduce", "--tiny", "--only", "stats", "--out", out.toString());
        assertEquals(2, o.code(), o.err());
        assertEquals("keep", Files.readString(out.resolve("paper-draft.tex")));
        Outcome c = run("reproduce", "--tiny", "--only", "stats", "--out", dir.resolve("r2").toString(), "--cache",
                dir.resolve("r2/cache").toString());
        assertEquals(2, c.code(), c.err());
        assertTrue(c.err().contains("--cache"), c.err());
        assertEquals(List.of("results"), names(dir));
    }

    /** Runs psychonet in a separate JVM whose working directory is {@code cwd} (so "." can be tried safely). */
    private static Outcome runIn(Path cwd, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "psychonet did not finish");
        return new Outcome(p.exitValue(), err);
    }

    @Test
    void theWorkingDirectoryAndItsParentsAreRefused() throws Exception {
        Path work = Files.createDirectories(dir.resolve("checkout/sub"));
        Files.writeString(work.resolve("keep.txt"), "keep");
        Files.writeString(work.getParent().resolve("keep.txt"), "keep");
        for (String out : List.of(".", "")) { // the other refusals are SafeOutputTest's, in-process
            Outcome o = runIn(work, sensitivity(out));
            assertEquals(2, o.code(), "--out '" + out + "': " + o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertEquals(List.of("keep.txt"), names(work), "--out '" + out + "'");
            assertEquals(List.of("keep.txt", "sub"), names(work.getParent()), "--out '" + out + "'");
        }
    }
}
