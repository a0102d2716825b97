package org.psychonet.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.experiment.Claim;
import org.psychonet.report.Panel;
import org.psychonet.report.plot.Axis;
import org.psychonet.report.plot.Plot;
import org.psychonet.util.Estimate;

/**
 * The report page on hand-made sections (no experiment runs): it is one self-contained file (every image inline),
 * panels appear in the paper's order with figure-numbered captions saying what the paper showed and what was
 * measured, and paper claims and checks are two tables under a headline that counts only paper claims.
 * ReproduceIT opens a real reproduction's page, copied alone into an empty folder, in headless Chromium.
 */
class HtmlReportTest {

    private static Plot plot(String title) {
        double[] x = {0, 45, 90, 135, 180};
        return Plot.of(title, Axis.orientation(), Axis.linear("normalized sensitivity"))
                .line(null, x, new double[] {3, 1, 3, 1, 3}, Color.BLUE);
    }

    @Test
    void onePageInThePapersOrderWithEveryImageInline(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        // A "linear" step whose report has panels, and a "deepnets" step with only a PNG file (legacy report).
        Path linear = Files.createDirectories(out.resolve("linear"));
        List<Panel> linearPanels = List.of(
                new Panel("fig5f", "thresholds", "Thresholds by frequency", "depth 1, 2000 steps, 3 seeds",
                        plot("thresholds")),
                new Panel("fig5c", "proportion", "Proportion learned", "depth 1", plot("proportion")),
                new Panel("", "loss", "Training loss", "beyond the paper", plot("loss")));
        Panel.writeAll(linearPanels, linear);
        Path deep = Files.createDirectories(out.resolve("deepnets"));
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png",
                deep.resolve("orientation_trained.png").toFile());
        Files.writeString(deep.resolve("orientation_trained.csv"), "theta,layer,d\n");
        List<HtmlReport.Section> sections = new ArrayList<>();
        sections.add(new HtmlReport.Section("linear", "Linear networks", "Fig. 5", "reading", "{}",
                HtmlReport.panels("linear", linearPanels, out, linear), List.of(), false));
        sections.add(new HtmlReport.Section("deepnets", "Deep networks", "Fig. 2", "reading", "{}",
                HtmlReport.panels("deepnets", List.of(), out, deep), HtmlReport.files(out, deep, ".csv"), true));
        List<Claim> claims = List.of(
                Claim.paper("a", "Fig. 5f", "elbow rises").measured("m", Estimate.of(2, 3, 4)).atLeast(1),
                Claim.paper("b", "Fig. 2c", "cardinal peaks").measured("r", Estimate.of(0.9, 1.0, 1.1)).aboveBy2se(1),
                Claim.check("c", "Fig. 2c", "stimulus is exact").measured("e", Estimate.single(0)).atMost(1e-6));
        HtmlReport.write(out.resolve("index.html"), "Reproduction", "psychonet test", sections, claims);

        // A copy alone in an empty folder holds every image: no image or style comes from a file or the network.
        Path alone = Files.createDirectories(dir.resolve("alone"));
        Files.copy(out.resolve("index.html"), alone.resolve("index.html"));
        String html = Files.readString(alone.resolve("index.html"));
        Matcher src = Pattern.compile("\\bsrc=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (src.find()) {
            images++;
            assertTrue(src.group(1).startsWith("data:image/png;base64,"), "image not embedded: " + src.group(1));
        }
        assertEquals(1, images, "the legacy PNG is embedded");
        assertEquals(3, count(html, "<svg "), "the three panels are inline SVG");
        assertFalse(html.contains("<link") || html.contains("@import") || html.contains("url("),
                "nothing fetched");

        // Paper order: Fig. 2 (deepnets, second section) before Fig. 5; within Fig. 5, c before f; then beyond.
        int fig2c = html.indexOf("Fig. 2c — orientation trained");
        int fig5c = html.indexOf("Fig. 5c — Proportion learned");
        int fig5f = html.indexOf("Fig. 5f — Thresholds by frequency");
        int beyond = html.indexOf("<strong>Training loss</strong>");
        assertTrue(fig2c > 0 && fig5c > fig2c && fig5f > fig5c && beyond > fig5f,
                "order " + fig2c + " " + fig5c + " " + fig5f + " " + beyond);
        assertTrue(html.indexOf("<h2>Fig. 2 — ") < html.indexOf("<h2>Fig. 5 — "));
        // Each caption: what the paper's panel showed, and what was measured here.
        int caption = html.indexOf("</figcaption>", fig5f);
        String fig5fCaption = html.substring(fig5f, caption);
        assertTrue(fig5fCaption.contains("In the paper: Thresholds D^-1/2 against spatial frequency"), fig5fCaption);
        assertTrue(fig5fCaption.contains("Here: depth 1, 2000 steps, 3 seeds"), fig5fCaption);

        // Headline over paper claims only; two tables; mean ± s.e. and n.
        assertTrue(html.contains("<strong>1 of 2 paper claims hold.</strong> Not reproduced: cardinal peaks (Fig. 2c)"),
                html.substring(html.indexOf("headline"), html.indexOf("headline") + 300));
        assertTrue(html.contains("1 of 1 implementation checks pass"));
        int paperTable = html.indexOf("<h2>Paper claims</h2>");
        int checkTable = html.indexOf("<h2>Implementation checks</h2>");
        assertTrue(paperTable > 0 && checkTable > paperTable);
        assertTrue(html.substring(paperTable, checkTable).contains("data-id=\"b\""));
        assertFalse(html.substring(paperTable, checkTable).contains("data-id=\"c\""));
        assertTrue(html.substring(checkTable).contains("data-id=\"c\""));
        assertTrue(html.contains("3.000 ± 0.5774 (s.e., n = 3)"), "mean ± s.e. with n");
    }

    @Test
    void legacyFilesArePlacedInThePaper() {
        assertEquals("fig2c", HtmlReport.legacyPanel("deepnets", "orientation_trained"));
        assertEquals("sifig1b", HtmlReport.legacyPanel("deepnets", "orientation_rotate45"));
        assertEquals("fig3d", HtmlReport.legacyPanel("deepnets", "hue_hueshift90"));
        assertEquals("fig6d", HtmlReport.legacyPanel("supervised", "balanced_profile"));
        assertEquals("sifig2", HtmlReport.legacyPanel("linear", "depths"));
        assertEquals("", HtmlReport.legacyPanel("stats", "pca_components"));
        assertEquals("sifig1b", HtmlReport.legacyPanel("deepnets", "sifig1b_small"));
        assertEquals("fig2c", HtmlReport.legacyPanel("deepnets", "fig2c_depth_small"));
        assertEquals("", HtmlReport.legacyPanel("deepnets", "fig9z_small"));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
