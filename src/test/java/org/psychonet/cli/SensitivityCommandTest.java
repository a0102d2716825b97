package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** psychonet sensitivity on an imported TorchScript module: exact by default, precision honoured or refused. */
class SensitivityCommandTest {
    private static final String TINY = "torchscript:src/test/resources/torchscript/tiny.pt";

    @TempDir
    Path dir;

    private static int run(StringWriter err, String... args) {
        return Main.run(new PrintWriter(err, true), args);
    }

    @Test
    void torchScriptModelsAreMeasuredExactlyByDefault() throws Exception {
        Path out = dir.resolve("ts");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "sensitivity", "--model", TINY, "--stimulus", "gabor", "--thetas", "4", "--out",
                out.toString()), err.toString());
        String json = Files.readString(out.resolve("result.json"));
        assertTrue(json.contains("\"method\" : \"exact\""), json);
        List<String> csv = Files.readAllLines(out.resolve("sensitivity.csv"));
        assertEquals(1 + 4 * 4, csv.size()); // 4 taps × 4 orientations
    }

    @Test
    void stimuliTakeTheModelsSizeOrTheOneGiven() throws Exception {
        Path w = dir.resolve("w16.npy");
        double[] eye = new double[256 * 256];
        for (int i = 0; i < 256; i++) {
            eye[i * 256 + i] = 1;
        }
        org.psychonet.util.Npy.write(w, new long[] {256, 256}, eye);
        StringWriter err = new StringWriter();
        Path out = dir.resolve("lin16");
        assertEquals(0, run(err, "sensitivity", "--model", "linear:" + w, "--stimulus", "planewave", "--thetas", "8",
                "--out", out.toString()), err.toString()); // a 16² snapshot: planewaves drawn at 16 px
        assertTrue(Files.readString(out.resolve("result.json")).contains("\"size\" : 16"));
        for (String family : new String[] {"gabor", "hue", "planewave", "grating64"}) {
            Path o = dir.resolve("s-" + family);
            assertEquals(0, run(err, "sensitivity", "--model", "mlp", "--stimulus", family, "--size", "20",
                    "--thetas", "4", "--out", o.toString()), err.toString());
            assertTrue(Files.readString(o.resolve("result.json")).contains("\"size\" : 20"), family);
            assertEquals("layer,theta,theta_unit,D,D_error,normalized,threshold",
                    Files.readAllLines(o.resolve("sensitivity.csv")).get(0));
        }
    }

    @Test
    void float64IsRefusedInOneLineForAFloat32Module() {
        Path out = dir.resolve("f64");
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "sensitivity", "--model", TINY, "--precision", "float64", "--thetas", "4", "--out",
                out.toString()));
        assertTrue(err.toString().contains("float32") && err.toString().contains("--precision float64"),
                err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(Files.exists(out));
    }
}
