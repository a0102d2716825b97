package org.psychonet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.model.arch.ArchSpec;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.Npy;

/** Weight files a user gives (linear:W.npy, saved:DIR): every bad one is refused with one line that says why. */
class WeightFilesTest {
    static final Shape INPUT = new Shape(3, 32, 32);
    static final ArchSpec SPEC = new ArchSpec("small", 2, 3);

    @TempDir
    static Path dir;
    static Path good;

    @BeforeAll
    static void saveAGoodNetwork() throws Exception {
        good = dir.resolve("good");
        try (TapNetwork net = SPEC.build(INPUT, DataType.FLOAT32, 1)) {
            NetworkStore.save(net, SPEC, Map.of("steps", 0), good);
        }
    }

    private static String refused(org.junit.jupiter.api.function.Executable e) {
        InvalidInputException x = assertThrows(InvalidInputException.class, e);
        String m = x.getMessage();
        assertEquals(1, m.lines().count(), "one line: " + m);
        assertFalse(m.contains("(null)"), m);
        assertFalse(m.contains("--save"), "names an option that does not exist: " + m);
        return m;
    }

    private static Path copyOfGood(String name) throws Exception {
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        Files.copy(good.resolve(NetworkStore.WEIGHTS), d.resolve(NetworkStore.WEIGHTS));
        Files.copy(good.resolve(NetworkStore.META), d.resolve(NetworkStore.META));
        return d;
    }

    @Test
    void aGoodSavedNetworkLoads() {
        try (Network n = ModelSpec.parse("saved:" + good).build(INPUT, DataType.FLOAT32, 0)) {
            assertEquals(SPEC, NetworkStore.spec(good));
            assertFalse(n.layers().isEmpty());
        }
    }

    @Test
    void networkJsonLackingAFieldIsOneLineNotANullPointer() throws Exception {
        for (String field : new String[] {"input_shape", "arch", "width", "classes"}) {
            Path d = copyOfGood("lacks-" + field);
            ObjectMapper json = new ObjectMapper();
            ObjectNode meta = (ObjectNode) json.readTree(d.resolve(NetworkStore.META).toFile());
            meta.remove(field);
            json.writeValue(d.resolve(NetworkStore.META).toFile(), meta);
            String m = refused(() -> ModelSpec.parse("saved:" + d).build(INPUT, DataType.FLOAT32, 0));
            assertTrue(m.contains("'" + field + "'"), m);
        }
        Path bad = copyOfGood("garbled");
        Files.writeString(bad.resolve(NetworkStore.META), "{\"arch\": \"small\", \"width\": ");
        assertTrue(refused(() -> NetworkStore.spec(bad)).contains("not valid JSON"));
        Path huge = copyOfGood("huge");
        Files.writeString(huge.resolve(NetworkStore.META), "{\"arch\": \"small\", \"width\": 1000000000, "
                + "\"classes\": 3, \"input_shape\": [3, 32, 32]}");
        assertTrue(refused(() -> NetworkStore.load(huge, DataType.FLOAT32)).contains("width"));
    }

    @Test
    void truncatedWeightsNameTheFileAndTheProblem() throws Exception {
        Path d = copyOfGood("truncated");
        byte[] w = Files.readAllBytes(d.resolve(NetworkStore.WEIGHTS));
        Files.write(d.resolve(NetworkStore.WEIGHTS), java.util.Arrays.copyOf(w, w.length / 2));
        String m = refused(() -> NetworkStore.load(d, DataType.FLOAT32));
        assertTrue(m.contains("truncated") && m.contains(NetworkStore.WEIGHTS), m);
        Files.write(d.resolve(NetworkStore.WEIGHTS), java.util.Arrays.copyOf(w, w.length + 10));
        assertTrue(refused(() -> NetworkStore.load(d, DataType.FLOAT32)).contains("more data"));
    }

    @Test
    void nanAndInfiniteSavedWeightsAreRefused() throws Exception {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
            Path d = dir.resolve("nonfinite-" + bad);
            try (TapNetwork net = SPEC.build(INPUT, DataType.FLOAT32, 1)) {
                NDArray a = net.model().getBlock().getParameters().get(0).getValue().getArray();
                a.intern(a.mul(bad));
                NetworkStore.save(net, SPEC, Map.of(), d);
            }
            String m = refused(() -> ModelSpec.parse("saved:" + d).build(INPUT, DataType.FLOAT32, 0));
            assertTrue(m.contains("NaN or infinite"), m);
        }
    }

    @Test
    void missingOrWrongSavedFoldersSayWhereNetworksComeFrom() throws Exception {
        String m = refused(() -> ModelSpec.parse("saved:" + dir.resolve("nothing")).build(INPUT, DataType.FLOAT32, 0));
        assertTrue(m.contains("does not exist") && m.contains("deepnets --out") && m.contains("networks/"), m);
        Path half = dir.resolve("half");
        Files.createDirectories(half);
        Files.copy(good.resolve(NetworkStore.META), half.resolve(NetworkStore.META));
        assertTrue(refused(() -> NetworkStore.load(half, DataType.FLOAT32)).contains(NetworkStore.WEIGHTS));
        assertTrue(refused(() -> NetworkStore.load(good.resolve(NetworkStore.META), DataType.FLOAT32))
                .contains("is a file, not a folder"));
    }

    @Test
    void zeroRowsAndFloat32OverflowAreRefused() throws Exception {
        Shape in = new Shape(1, 2, 2);
        Path empty = dir.resolve("empty.npy");
        Npy.write(empty, new long[] {0, 4}, new double[0]);
        assertTrue(refused(() -> LinearNetwork.fromNpy(empty, in, DataType.FLOAT32)).contains("0 rows"));
        Path big = dir.resolve("big.npy");
        Npy.write(big, new long[] {1, 4}, new double[] {1, 2, 1e39, 4});
        String m = refused(() -> LinearNetwork.fromNpy(big, in, DataType.FLOAT32));
        assertTrue(m.contains("float32") && m.contains("column 2"), m);
        try (LinearNetwork ok = LinearNetwork.fromNpy(big, in, DataType.FLOAT64)) {
            assertEquals(DataType.FLOAT64, ok.dataType());
        }
    }

    @Test
    void foldersFifosAndDevicesAreNotCalledMissing() throws Exception {
        Shape in = new Shape(1, 2, 2);
        assertTrue(refused(() -> ModelSpec.parse("linear:" + dir).build(in, DataType.FLOAT32, 0)).contains("is a folder"));
        if (Files.exists(Path.of("/dev/zero"))) {
            assertTrue(refused(() -> ModelSpec.parse("linear:/dev/zero").build(in, DataType.FLOAT32, 0))
                    .contains("not a regular file"));
        }
        Path fifo = dir.resolve("w.fifo");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            assertTrue(refused(() -> ModelSpec.parse("linear:" + fifo).build(in, DataType.FLOAT32, 0)).contains("FIFO"));
        }
        assertTrue(refused(() -> ModelSpec.parse("linear:" + dir.resolve("no.npy")).build(in, DataType.FLOAT32, 0))
                .contains("does not exist"));
    }
}
