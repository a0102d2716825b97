package org.psychonet.images;

import org.psychonet.util.Statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3, must hold: hue-shifting any source by 90° moves the hue histogram's cross-correlation peak by 90°. */
class HueStatisticsTest {

    private static int lag(ImageSource src, double shift) throws Exception {
        HueHistogram a = HueHistogram.of(src);
        HueHistogram b = HueHistogram.of(Transforms.hueShift(src, shift));
        return Statistics.circularLag(a.counts(), b.counts());
    }

    @Test
    void shiftingTheWorldsHuesBy90MovesThePeakBy90() throws Exception {
        ImageSource w = ImageSources.parse("world:size=96,count=24");
        assertEquals(90, lag(w, 90), 2);
        assertEquals(-60, lag(w, -60), 2);
    }

    /** A folder of photographs (the installed mate backgrounds when present, else PNGs written here). */
    @Test
    void shiftingAFolderBy90MovesThePeakBy90(@TempDir Path tmp) throws Exception {
        Path mate = Path.of("/usr/share/backgrounds/mate/nature");
        ImageSource src;
        if (Files.isDirectory(mate)) {
            src = ImageSources.parse(mate.toString(), 96);
        } else {
            ImageSource w = ImageSources.parse("world:size=80,count=6,seed=9");
            for (int i = 0; i < 6; i++) {
                ImageFiles.writePng(w.image(i), tmp.resolve("img" + i + ".png"));
            }
            src = ImageSources.parse(tmp.toString());
        }
        assertEquals(90, lag(src, 90), 2);
    }

    @Test
    void histogramCountsOnlyStronglyColouredPixels() {
        float[] d = {1, 0.4f, 0.3f, 0, 0.4f, 0.9f, 0, 0.4f, 0.3f}; // red S=V=1, grey V=0.4, green S=0.67 V=0.9
        double[] bins = HueHistogram.accumulate(new RgbImage(1, 3, d), new double[360]);
        assertEquals(1, bins[0]);
        double total = 0;
        for (double v : bins) {
            total += v;
        }
        assertEquals(2, total, "grey (V < 0.5) is left out");
        assertTrue(bins[(int) Math.floor(hueOf(0.3, 0.9, 0.3))] == 1);
    }

    private static double hueOf(double r, double g, double b) {
        double[] hsv = new double[3];
        ColorSpace.rgbToHsv(r, g, b, hsv);
        return hsv[0];
    }

    @Test
    void crossCorrelationFindsAKnownShift() {
        double[] a = new double[360];
        for (int i = 0; i < 360; i++) {
            a[i] = Math.exp(-0.5 * Math.pow((i - 30) / 10.0, 2)) + 0.5 * Math.exp(-0.5 * Math.pow((i - 210) / 15.0, 2));
        }
        double[] b = new double[360];
        for (int i = 0; i < 360; i++) {
            b[(i + 77) % 360] = a[i];
        }
        assertEquals(77, Statistics.circularLag(a, b));
        assertEquals(-77, Statistics.circularLag(b, a));
    }
}
