package org.psychonet.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.report.DeepReport;
import org.psychonet.report.Panel;

/** The deep report's panels on a result with known answers (DeepClaimsTest's): figures, overlays, verdicts. */
class DeepReportPanelsTest {

    @Test
    void panelsCarryTheIssuesOverlaysSeedBandsAndVerdicts(@TempDir Path dir) throws Exception {
        DeepNetworks.Result r = DeepClaimsTest.result(0.05, -0.05);
        List<Panel> panels = DeepReport.panels(r);
        Map<String, Panel> byFile = panels.stream().collect(Collectors.toMap(Panel::file, Function.identity()));
        assertEquals(List.of("fig2c", "fig2c", "", "sifig1b", "fig3c", "fig3d"), panels.stream().map(Panel::panel)
                .toList());
        String fig2c = byFile.get("fig2c_denoise").figure().svg();
        for (String name : List.of("natural", "uniform", "oblique")) {
            assertTrue(fig2c.contains(">" + name + "<"), "Fig. 2c shows " + name);
        }
        assertTrue(byFile.get("fig2c_denoise").figure().notes().contains("bands: mean ± s.e. over 3 seeds"));
        assertTrue(byFile.get("fig2c_denoise").figure().notes().stream().anyMatch(n -> n.startsWith(
                "natural − uniform ratio: +0.0452 ± ") && n.endsWith("(n = 3): holds.")),
                byFile.get("fig2c_denoise").figure().notes().toString());
        // Fig. 3d: the trained and the hue-shifted networks on ONE axis
        String fig3d = byFile.get("fig3d_denoise").figure().svg();
        assertTrue(fig3d.contains(">natural<") && fig3d.contains(">hue-shift90<"), fig3d.length() + " chars");
        // Fig. 3c: the training hue histogram behind the curves
        assertTrue(byFile.get("fig3c_denoise").figure().svg().contains("training hue histogram"));
        // SI Fig. 1b: the paired difference profile with its two verdicts
        List<String> notes = byFile.get("sifig1b_denoise").figure().notes();
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("at cardinals")), notes.toString());
        byFile.get("fig3d_denoise").writePng(dir);
        assertTrue(Files.size(dir.resolve("fig3d_denoise.png")) > 1000);
    }

    @Test
    void poolingPanelAveragesTheSeedsProfilesWhateverTheNumberOfLayers() {
        // two seeds, six layers: the profiles are per seed (rows), not per layer — the panel once indexed them by
        // layer and failed with ArrayIndexOutOfBoundsException for any deep layer beyond the number of seeds
        DeepNetworks.Result base = DeepClaimsTest.result(0.05, -0.05);
        int n = base.thetaDeg().length;
        double[][] over = new double[2][n];
        double[][] non = new double[2][n];
        for (int i = 0; i < n; i++) {
            over[0][i] = 1.0 / n;
            over[1][i] = 3.0 / n;
            non[0][i] = non[1][i] = 1.0 / n;
        }
        DeepNetworks.PoolingResult pooling = new DeepNetworks.PoolingResult(new DeepNetworks.Pooling(64, 4, 2),
                base.layers(), base.deepLayers(), base.thetaDeg(), new double[] {1.1, 1.3}, new double[] {1, 1}, over,
                non);
        DeepNetworks.Result r = new DeepNetworks.Result(base.config(), 0, base.layers(), base.deepLayers(),
                base.thetaDeg(), base.networks(), base.controls(), null, pooling, null, base.claims(), null);
        Panel p = DeepReport.panels(r).stream().filter(x -> x.panel().equals("sifig1c")).findFirst().orElseThrow();
        assertTrue(p.figure().notes().contains("bands: mean ± s.e. over 2 seeds"), p.figure().notes().toString());
        assertTrue(p.figure().svg().contains("overlapping 3×3/2 pools"));
    }
}
