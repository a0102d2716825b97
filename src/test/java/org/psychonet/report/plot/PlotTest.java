package org.psychonet.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.report.plot.Ticks.Tick;

class PlotTest {

    private static double[] range(int n, double from, double step) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = from + i * step;
        }
        return v;
    }

    private static List<String> labels(List<Tick> ticks) {
        return ticks.stream().filter(Tick::major).map(t -> t.label().toString()).toList();
    }

    @Test
    void paperAxesHaveThePapersTicks() {
        assertEquals(List.of("0", "45", "90", "135", "180"),
                labels(Axis.orientation().resolve(3, 177, 0, 400, 8).ticks()));
        assertEquals(List.of("0", "60", "120", "180", "240", "300", "360"),
                labels(Axis.hue().resolve(0.5, 359.5, 0, 400, 8).ticks()));
    }

    @Test
    void frequencyTicksAreRoundedNotRawGridValues() {
        // the old report labelled a frequency axis "13.134191176470589"
        assertEquals(List.of("2", "4", "6", "8", "10", "12"), labels(Ticks.linear(0.5, 13.134191176470589, 6)));
        assertEquals(List.of("0.2", "0.3", "0.4"), labels(Ticks.linear(0.15, 0.43, 3)));
        assertEquals("0.3", Ticks.format(0.1 + 0.2, 0.1));
        assertEquals("\u22120.5", Ticks.format(-0.5, 0.5));
        assertEquals("0", Ticks.format(1e-17, 0.1));
        for (Tick t : Axis.linear("f").resolve(0.5, 28.309, 0, 400, 5).ticks()) {
            assertTrue(t.label().toString().matches("\u2212?\\d+(\\.\\d)?"), t.label().toString());
        }
    }

    @Test
    void logAxesHaveLabelledDecades() {
        List<Tick> ticks = Ticks.log(1e-6, 3);
        assertEquals(List.of("10^\u22126", "10^\u22125", "10^\u22124", "10^\u22123", "10^\u22122", "10^\u22121", "1"),
                labels(ticks));
        assertTrue(ticks.stream().anyMatch(t -> !t.major() && Math.abs(t.value() - 2e-6) < 1e-12), "minor ticks");
        // less than two decades: 2 and 5 labelled too
        assertEquals(List.of("10", "20", "50", "100"), labels(Ticks.log(8, 120)));
    }

    @Test
    void seedBandIsMeanPlusMinusOneStandardError() {
        // two seeds differing by 2 at every point: sd = √2, s.e. = 1, so the band's top at x0 is mean(x0) + 1 = 3,
        // half way between the mean line's ends (2 and 4)
        double[] x = {0, 1, 2};
        double[][] seeds = {{1, 2, 3}, {3, 4, 5}};
        Plot p = Plot.of("", Axis.linear("x").tight(), Axis.linear("y")).meanBand("mean", x, seeds, Color.BLUE);
        RecordingCanvas c = new RecordingCanvas();
        p.render(c);
        RecordingCanvas.Shape band = c.shapes("polygon").get(0);
        RecordingCanvas.Shape line = c.shapes("line").stream().filter(s -> s.color().equals(Color.BLUE)).findFirst()
                .orElseThrow();
        double lineAtX1 = (line.y()[0] + line.y()[line.y().length - 1]) / 2;
        double bandTopAtX0 = band.y()[0];
        assertEquals(lineAtX1, bandTopAtX0, 0.01);
        assertEquals(List.of("bands: mean ± s.e. over 2 seeds"), p.notes());
        assertTrue(c.strings().contains("bands: mean ± s.e. over 2 seeds"), "the note is drawn under the plot");
    }

    @Test
    void legendOnlyForTwoOrMoreNamedSeries() {
        double[] x = range(10, 0, 1);
        RecordingCanvas one = new RecordingCanvas();
        Plot.of("", Axis.linear("x"), Axis.linear("y")).line("only", x, x, Color.BLACK).render(one);
        assertFalse(one.strings().contains("only"), "a single series has no legend");
        RecordingCanvas two = new RecordingCanvas();
        Plot.of("", Axis.linear("x"), Axis.linear("y")).line("a", x, x, Color.BLACK).dashed("b", x, x, Color.RED)
                .render(two);
        assertTrue(two.strings().containsAll(List.of("a", "b")));
    }

    @Test
    void referenceLineIsLabelledAndInRange() {
        double[] f = range(20, 1, 1);
        double[] thr = range(20, 0.001, 0.001);
        RecordingCanvas c = new RecordingCanvas();
        Plot.of("", Axis.linear("frequency"), Axis.log("threshold D^{−1/2}")).line("t", f, thr, Color.BLACK)
                .hline(0.1, "acuity cutoff 0.1").render(c);
        assertTrue(c.strings().contains("acuity cutoff 0.1"));
        assertEquals(1, c.shapes("dashed").size(), "the cutoff line is drawn although it lies above the data");
        assertTrue(c.texts.stream().anyMatch(t -> t.label().base().equals("threshold D") && t.label().sup()
                .equals("−1/2") && t.rotate() == -90), "superscript markup in the axis label");
    }

    @Test
    void backdropDoesNotStretchTheValueAxis() {
        double[] hue = range(360, 0.5, 1);
        double[] y = new double[360];
        double[] counts = new double[360];
        for (int i = 0; i < 360; i++) {
            y[i] = 1 + Math.sin(Math.toRadians(i)) * 0.5;
            counts[i] = 1e6 * (i % 7);
        }
        Plot p = Plot.of("", Axis.hue(), Axis.linear("D")).line("D", hue, y, Color.BLACK)
                .backdrop("hue histogram", hue, counts, null);
        Axis.Scale ys = Axis.linear("D").resolve(0.5, 1.5, 300, 0, 6);
        RecordingCanvas c = new RecordingCanvas();
        p.render(c);
        double highest = c.texts.stream().filter(t -> t.anchor() == Anchor.END && t.rotate() == 0)
                .mapToDouble(t -> Double.parseDouble(t.label().base())).max().orElseThrow();
        assertTrue(highest > 1.3 && highest < 1.6, "y ticks follow the curve, not the histogram: " + highest);
        assertTrue(ys.lo() < 0.5 && ys.hi() > 1.5);
        assertTrue(c.shapes("rect").size() > 300, "one bar per bin, coloured by hue");
    }

    @Test
    void svgIsSelfContainedWellFormedAndDeterministic() throws Exception {
        String a = sample().svg();
        String b = sample().svg();
        assertEquals(a, b, "same figure, same bytes");
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(a.getBytes(StandardCharsets.UTF_8)));
        assertFalse(a.contains(" id=\""), "no ids: many figures share one page");
        assertFalse(a.contains("NaN") || a.contains("Infinity"));
        Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(a);
        while (m.find()) {
            assertTrue(m.group(1).startsWith("data:image/png;base64,"), m.group(1));
        }
        assertTrue(a.contains("<image"), "the heatmap is embedded");
    }

    @Test
    void pngHasTwiceTheLayoutSize(@TempDir Path dir) throws Exception {
        Plot p = sample();
        p.writePng(dir.resolve("p.png"));
        BufferedImage img = ImageIO.read(Files.newInputStream(dir.resolve("p.png")));
        assertEquals((int) Math.ceil(p.width() * 2), img.getWidth());
        assertEquals((int) Math.ceil(p.height() * 2), img.getHeight());
    }

    @Test
    void gridLaysOutRowsOfCells() {
        List<Plot> four = List.of(small(), small(), small(), small());
        Grid g = Grid.of("SI Fig. 2", 2, four);
        double w = four.get(0).width();
        assertEquals(2 * w + 8, g.width(), 1e-9);
        assertEquals(26 + 2 * four.get(0).height() + 8, g.height(), 1e-9);
        RecordingCanvas c = new RecordingCanvas();
        g.render(c);
        long titles = c.strings().stream().filter("panel"::equals).count();
        assertEquals(4, titles);
    }

    @Test
    void linesAreClippedAndBrokenAtMissingValues() {
        double[] x = {-10, 5, 15, Double.NaN, 20, 30};
        double[] y = {5, 5, 5, 5, 5, 5};
        List<double[][]> runs = Clip.polyline(x, y, 6, 0, 0, 100, 10);
        assertEquals(2, runs.size());
        assertEquals(-0.5, runs.get(0)[0][0], 1e-12, "clipped at the left edge (half a pixel of slack)");
        assertEquals(15, runs.get(0)[0][runs.get(0)[0].length - 1], 1e-12);
        double[][] line = Clip.simplify(range(100, 0, 1), range(100, 0, 2), 0.3);
        assertEquals(2, line[0].length, "collinear points drop out");
        double[] spike = range(100, 0, 0);
        spike[50] = 5;
        assertEquals(5, Clip.simplify(range(100, 0, 1), spike, 0.3)[1][Clip.simplify(range(100, 0, 1), spike, 0.3)[1]
                .length / 2], 1e-12, "a visible spike stays");
    }

    @Test
    void nonPositiveValuesLeaveGapsOnLogAxes() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {1, 0.1, 0, 0.01, 0.001};
        RecordingCanvas c = new RecordingCanvas();
        Plot.of("", Axis.linear("x"), Axis.log("y")).line(null, x, y, Color.BLACK).render(c);
        long curves = c.shapes("line").stream().filter(s -> s.x().length >= 2 && s.color().equals(Color.BLACK)
                && s.x()[0] != s.x()[s.x().length - 1] && s.y()[0] != s.y()[s.y().length - 1]).count();
        assertEquals(2, curves, "two runs around the zero");
    }

    private static Plot small() {
        double[] x = range(5, 0, 1);
        return Plot.of("panel", Axis.linear("x"), Axis.linear("y")).line("a", x, x, Color.BLACK);
    }

    private static Plot sample() {
        double[] th = range(180, 0, 1);
        double[][] seeds = new double[3][180];
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < 180; i++) {
                seeds[s][i] = 1 + 0.2 * Math.cos(Math.toRadians(4 * i)) + 0.01 * s;
            }
        }
        double[][] z = new double[4][3];
        z[1][1] = 1;
        return Plot.of("sample <&>", Axis.orientation(), Axis.linear("√D/Σ√D")).meanBand("conv1", th, seeds,
                        Palette.depth(0, 2)).meanBand("conv2", th, seeds, Palette.depth(1, 2))
                .heatmap(new double[] {0, 45, 90, 135, 180}, new double[] {0.9, 1.0, 1.1, 1.2}, z, Palette.BLUES, "D")
                .hline(1, "no preference");
    }
}
