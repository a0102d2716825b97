package org.psychonet.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.cli.Main;

/** `sensitivity --model linear:` on a saved snapshot reproduces the thresholds `linear` reported at that step. */
class LinearSnapshotIT {

    @Test
    void sensitivityCommandReproducesTheSnapshotThresholds(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("lin");
        int code = Main.run("linear", "--depth", "1", "--method", "fullbatch", "--images", "synthetic", "--size", "32", "--steps", "100",
                "--lr", "40", "--frequencies", "48", "--snapshot-every", "50", "--track-every", "50",
                "--save-weights", "50", "--out", out.toString());
        assertEquals(0, code);
        Path npy = out.resolve("weights/depth1_step100.npy");
        assertTrue(Files.isRegularFile(npy));
        Map<Double, Double> mine = new HashMap<>();
        List<String> rows = Files.readAllLines(out.resolve("depth1_thresholds.csv"));
        for (String r : rows.subList(1, rows.size())) {
            String[] c = r.split(",");
            if (c[0].equals("100")) {
                mine.put(Double.parseDouble(c[1]), Double.parseDouble(c[3]));
            }
        }
        assertEquals(48, mine.size());
        Path sens = tmp.resolve("sens");
        code = Main.run("sensitivity", "--model", "linear:" + npy, "--stimulus", "planewave", "--thetas", "48",
                "--precision", "float64", "--out", sens.toString());
        assertEquals(0, code);
        List<String> theirs = Files.readAllLines(sens.resolve("sensitivity.csv"));
        int matched = 0;
        int threshold = List.of(theirs.get(0).split(",")).indexOf("threshold");
        for (String r : theirs.subList(1, theirs.size())) {
            String[] c = r.split(",");
            double f = Double.parseDouble(c[1]);
            double t = Double.parseDouble(c[threshold]);
            Double m = mine.get(f);
            assertTrue(m != null, "frequency " + f + " missing from linear's grid");
            assertEquals(t, m, 1e-7 * t, "threshold at f = " + f);
            matched++;
        }
        assertEquals(48, matched);
        // the threshold curve is not flat: it rises above an elbow (Fig. 5f)
        assertTrue(mine.get(32.0) > 2 * mine.get(0.5));
    }
}
