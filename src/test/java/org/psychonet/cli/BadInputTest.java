package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.util.Npy;

/** Every bad input: exit code 2, one line naming the problem, and no output folder. */
class BadInputTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String err) {
    }

    private Outcome run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), args);
        return new Outcome(code, err.toString());
    }

    private void assertRejected(String expected, Path out, String... args) {
        Outcome o = run(args);
        assertEquals(2, o.code(), "exit code; stderr: " + o.err());
        assertTrue(o.err().contains(expected), "stderr should mention '" + expected + "' but was: " + o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
        assertFalse(Files.exists(out), "no output folder may be written");
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temporary folder left");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path npy(String name, String descr, String fortran, String shape, int values, int width) throws Exception {
        String header = "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }";
        int total = 10 + header.length() + 1;
        header += " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer bb = ByteBuffer.allocate(10 + header.length() + values * width).order(ByteOrder.LITTLE_ENDIAN);
        bb.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        bb.put(header.getBytes(StandardCharsets.ISO_8859_1));
        Path p = dir.resolve(name);
        Files.write(p, bb.array());
        return p;
    }

    @Test
    void unknownStimulus() {
        Path out = dir.resolve("o1");
        assertRejected("'plaid' is unknown", out, "sensitivity", "--model", "identity", "--stimulus", "plaid",
                "--out", out.toString());
    }

    @Test
    void unknownOption() {
        Path out = dir.resolve("o2");
        assertRejected("--colour", out, "sensitivity", "--model", "identity", "--colour", "--out", out.toString());
    }

    @Test
    void unknownModelAndMethod() {
        Path out = dir.resolve("o3");
        assertRejected("'resnet1000' is unknown", out, "sensitivity", "--model", "resnet1000", "--out",
                out.toString());
        assertRejected("'magic' is unknown", out, "sensitivity", "--model", "identity", "--method",
                "magic", "--out", out.toString());
    }

    @Test
    void thetaGridOfFewerThanThreePoints() {
        Path out = dir.resolve("o4");
        assertRejected("--thetas 2", out, "sensitivity", "--model", "identity", "--stimulus", "planewave",
                "--thetas", "2", "--out", out.toString());
    }

    @Test
    void npyWithBadMagic() throws Exception {
        Path bad = dir.resolve("bad.npy");
        Files.writeString(bad, "this is not numpy");
        Path out = dir.resolve("o5");
        assertRejected("bad magic", out, "sensitivity", "--model", "linear:" + bad, "--stimulus", "planewave",
                "--out", out.toString());
    }

    @Test
    void npyWithUnsupportedDtype() throws Exception {
        Path p = npy("int.npy", "<i4", "False", "(4, 1024)", 4096, 4);
        Path out = dir.resolve("o6");
        assertRejected("unsupported dtype '<i4'", out, "sensitivity", "--model", "linear:" + p, "--stimulus",
                "planewave", "--out", out.toString());
    }

    @Test
    void npyInFortranOrder() throws Exception {
        Path p = npy("f.npy", "<f4", "True", "(4, 1024)", 4096, 4);
        Path out = dir.resolve("o7");
        assertRejected("Fortran order", out, "sensitivity", "--model", "linear:" + p, "--stimulus", "planewave",
                "--out", out.toString());
    }

    @Test
    void npyWhoseShapeDoesNotMatchTheStimulus() throws Exception {
        Path p = npy("s.npy", "<f4", "False", "(4, 1000)", 4000, 4);
        Path out = dir.resolve("o8");
        assertRejected("1000 input columns but the stimulus has 1024 values", out, "sensitivity", "--model",
                "linear:" + p, "--stimulus", "planewave", "--out", out.toString());
    }

    @Test
    void npyTruncated() throws Exception {
        Path p = npy("t.npy", "<f8", "False", "(4, 1024)", 100, 8);
        Path out = dir.resolve("o9");
        assertRejected("truncated", out, "sensitivity", "--model", "linear:" + p, "--stimulus", "planewave",
                "--out", out.toString());
    }

    @Test
    void weightsWithNaN() throws Exception {
        double[] w = new double[2 * 1024];
        w[77] = Double.NaN;
        Path p = dir.resolve("nan.npy");
        Npy.write(p, new long[] {2, 1024}, w);
        Path out = dir.resolve("o10");
        assertRejected("NaN or Inf", out, "sensitivity", "--model", "linear:" + p, "--stimulus", "planewave",
                "--out", out.toString());
        w[77] = Double.POSITIVE_INFINITY;
        Npy.write(p, new long[] {2, 1024}, w);
        assertRejected("NaN or Inf", out, "sensitivity", "--model", "linear:" + p, "--stimulus", "planewave",
                "--out", out.toString());
    }

    @Test
    void unwritableOut() throws Exception {
        Path locked = dir.resolve("locked");
        Files.createDirectory(locked);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path out = locked.resolve("results");
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Outcome o = run("sensitivity", "--model", "identity", "--stimulus", "planewave", "--thetas", "3",
                    "--out", out.toString());
            if (!root) {
                assertEquals(2, o.code());
                assertTrue(o.err().contains("not writable"), o.err());
                assertFalse(Files.exists(out));
            }
            // root ignores permission bits; an --out that is an existing file is refused for everyone
            Path file = dir.resolve("afile");
            Files.writeString(file, "x");
            Outcome f = run("sensitivity", "--model", "identity", "--stimulus", "planewave", "--thetas", "3",
                    "--out", file.toString());
            assertEquals(2, f.code());
            assertTrue(f.err().contains("is a file"), f.err());
            assertEquals("x", Files.readString(file));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aGoodRunWritesResultCsvAndPlot() throws Exception {
        Path out = dir.resolve("good");
        Outcome o = run("sensitivity", "--model", "mlp", "--stimulus", "planewave", "--thetas", "8", "--method",
                "grid", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.exists(out.resolve("result.json")));
        assertTrue(Files.size(out.resolve("sensitivity.png")) > 1000);
        long rows = Files.readAllLines(out.resolve("sensitivity.csv")).size();
        assertEquals(1 + 3 * 8, rows, "header + 3 layers × 8 frequencies");
        String json = Files.readString(out.resolve("result.json"));
        assertTrue(json.contains("\"git_commit\"") && json.contains("\"seed\"") && json.contains("\"timings\""));
    }

    @Test
    void supervisedOptions() {
        assertRejected("--condition sideways is unknown", dir.resolve("o1"), "supervised", "--condition", "sideways",
                "--out", dir.resolve("o1").toString());
        assertRejected("--seeds", dir.resolve("o2"), "supervised", "--seeds", "0", "--out", dir.resolve("o2").toString());
        assertRejected("--balance-fraction", dir.resolve("o3"), "supervised", "--balance-fraction", "1.5", "--out",
                dir.resolve("o3").toString());
    }

    @Test
    void linearOptions() {
        assertRejected("--depth", dir.resolve("o1"), "linear", "--depth", "0", "--out", dir.resolve("o1").toString());
        assertRejected("adam", dir.resolve("o2"), "linear", "--method", "adam", "--out", dir.resolve("o2").toString());
        assertRejected("--save-weights", dir.resolve("o3"), "linear", "--save-weights", "0", "--out",
                dir.resolve("o3").toString());
    }
}
