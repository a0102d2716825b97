package org.psychonet.util.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.util.InvalidInputException;

/** The output rule: psychonet never deletes or overwrites what it did not write. */
class SafeOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Writes one result with the given files into {@code out}. */
    private static Path write(Path out, boolean overwrite, String... files) throws IOException {
        try (SafeOutput o = SafeOutput.open(out, overwrite)) {
            for (String f : files) {
                Files.writeString(o.file(f), "data of " + f);
            }
            o.commit(SafeOutputTest::marker);
            return o.target();
        }
    }

    private static void marker(Path file, List<SafeOutput.FileDigest> files) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(SafeOutput.PROVENANCE_KEY, "test");
        m.put(SafeOutput.FILES_KEY, files);
        JSON.writeValue(file.toFile(), m);
    }

    private List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFolderPsychonetDidNotWriteIsRefusedAndUntouched() throws IOException {
        Path out = Files.createDirectory(dir.resolve("x"));
        Files.writeString(out.resolve("notes.txt"), "keep");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SafeOutput.open(out, true));
        assertEquals("out", e.parameterName().orElse(null));
        assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
        assertEquals(List.of("notes.txt"), names(out));
        assertEquals(List.of("x"), names(dir), "nothing written beside it");
    }

    @Test
    void anEarlierResultIsRefusedWithoutOverwriteAndReplacedWithIt() throws IOException {
        Path out = write(dir.resolve("r"), false, "a.csv", "sub/b.png");
        assertTrue(SafeOutput.isResult(out));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SafeOutput.open(out, false));
        assertTrue(e.getMessage().contains("`overwrite`"), e.getMessage());
        write(out, true, "c.csv");
        assertEquals(List.of("c.csv", "result.json"), names(out), "replaced whole");
        assertEquals(List.of("r"), names(dir), "no old or temporary folder left");
    }

    @Test
    void anEarlierResultWithAFileAddedByHandIsMovedAsideNotDeleted() throws IOException {
        Path out = write(dir.resolve("r"), false, "a.csv");
        Files.writeString(out.resolve("my-notes.txt"), "keep");
        Files.writeString(out.resolve("a.csv"), "edited by hand");
        write(out, true, "c.csv");
        assertEquals(List.of("c.csv", "result.json"), names(out));
        List<String> all = names(dir);
        assertEquals(2, all.size(), all.toString());
        Path aside = dir.resolve(all.get(1));
        assertTrue(all.get(1).startsWith("r.previous-"), all.toString());
        assertEquals("keep", Files.readString(aside.resolve("my-notes.txt")));
        assertEquals("edited by hand", Files.readString(aside.resolve("a.csv")));
    }

    @Test
    void anEmptyFolderIsUsedAndAFailedRunLeavesNothing() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        write(empty, false, "a.csv");
        assertEquals(List.of("a.csv", "result.json"), names(empty));
        Path deep = dir.resolve("new/parents/out");
        try (SafeOutput o = SafeOutput.open(deep, false)) {
            Files.writeString(o.file("half.csv"), "half");
            // no commit: an error or an interruption
        }
        assertEquals(List.of("empty"), names(dir), "no temporary folder and no empty parent left");
    }

    @Test
    void theWorkingDirectoryItsParentsHomeRootAndEmptyAreRefused() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p : List.of(Path.of(""), Path.of("."), cwd, cwd.getParent(), Path.of("/"),
                Path.of(System.getProperty("user.home")), Path.of("./sub/.."))) {
            assertThrows(InvalidInputException.class, () -> SafeOutput.check(p, true), p.toString());
        }
    }

    @Test
    void aFileOrASymbolicLinkIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThrows(InvalidInputException.class, () -> SafeOutput.open(file, true));
        Path target = write(dir.resolve("r"), false, "a.csv");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        assertThrows(InvalidInputException.class, () -> SafeOutput.open(link, true));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void resultFoldersHaveNormalPermissions() throws IOException {
        Path out = write(dir.resolve("r"), false, "a.csv");
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(out));
        assertEquals("rwx", perms.substring(0, 3));
        assertTrue(perms.charAt(3) == 'r' && perms.charAt(5) == 'x', "group may read and enter: " + perms);
    }

    @Test
    void staleTemporaryFoldersAreRemovedOnlyWhenTheirOwnerIsGone() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long dead = p.pid();
        long live = ProcessHandle.current().pid();
        Path stale = Files.createDirectories(dir.resolve(".r.tmp-" + dead + "-abc/inner"));
        Path busy = Files.createDirectories(dir.resolve(".r.tmp-" + live + "-def"));
        Path other = Files.createDirectories(dir.resolve(".q.tmp-" + dead + "-abc"));
        Path user = Files.createDirectories(dir.resolve(".r.tmp-mine"));
        write(dir.resolve("r"), false, "a.csv");
        assertFalse(Files.exists(stale.getParent()), "a dead run's folder is swept");
        assertTrue(Files.exists(busy), "a live run's folder stays");
        assertTrue(Files.exists(other), "another output's folder is not this run's business");
        assertTrue(Files.exists(user), "a folder not named by psychonet stays");
    }

    @Test
    void digestsListEveryFileButTheMarkerAndFindChanges() throws IOException {
        Path out = write(dir.resolve("r"), false, "a.csv", "sub/b.png");
        assertEquals(List.of(), SafeOutput.unlisted(out));
        Files.writeString(out.resolve("sub/b.png"), "changed");
        Files.writeString(out.resolve("extra"), "x");
        assertEquals(List.of("extra", "sub/b.png"), SafeOutput.unlisted(out).stream().sorted().toList());
    }
}
