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
