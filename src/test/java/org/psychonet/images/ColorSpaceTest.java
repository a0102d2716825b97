package org.psychonet.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColorSpaceTest {

    /** Published CIELAB (D65) coordinates of the sRGB primaries and white (e.g. Lindbloom's calculator). */
    @Test
    void labOfSrgbPrimariesMatchesPublishedValues() {
        assertArrayEquals(new double[] {53.24, 80.09, 67.20}, ColorSpace.rgbToLab(1, 0, 0), 0.02);
        assertArrayEquals(new double[] {87.73, -86.18, 83.18}, ColorSpace.rgbToLab(0, 1, 0), 0.02);
        assertArrayEquals(new double[] {32.30, 79.19, -107.86}, ColorSpace.rgbToLab(0, 0, 1), 0.02);
        assertArrayEquals(new double[] {100, 0, 0}, ColorSpace.rgbToLab(1, 1, 1), 0.01);
        assertArrayEquals(new double[] {0, 0, 0}, ColorSpace.rgbToLab(0, 0, 0), 1e-9);
    }

    @Test
    void hueDistanceSumsToPathLengthAndIsContinuous() {
        double[] d = ColorSpace.hueDistance(1);
        assertEquals(360, d.length);
        // ΔE between red and yellow along the hue circle is at least their straight distance
        double path = 0;
        for (int i = 0; i < 60; i++) {
            path += d[i];
        }
        double straight = ColorSpace.deltaE(ColorSpace.rgbToLab(1, 0, 0), ColorSpace.rgbToLab(1, 1, 0));
        assertTrue(path >= straight - 1e-9 && path < 1.5 * straight, path + " vs " + straight);
        for (double v : d) {
            assertTrue(v > 0 && v < 10, "ΔE per degree " + v);
        }
    }

    @Test
    void hsvRoundTrips() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] hsv = new double[3];
        double[] rgb = new double[3];
        for (int i = 0; i < 10_000; i++) {
            double r = rng.nextDouble();
            double g = rng.nextDouble();
            double b = rng.nextDouble();
            ColorSpace.rgbToHsv(r, g, b, hsv);
            ColorSpace.hsvToRgb(hsv[0], hsv[1], hsv[2], rgb);
            assertArrayEquals(new double[] {r, g, b}, rgb, 1e-12);
        }
        ColorSpace.hsvToRgb(120, 1, 1, rgb);
        assertArrayEquals(new double[] {0, 1, 0}, rgb, 1e-12);
        ColorSpace.rgbToHsv(0, 0, 1, hsv);
        assertArrayEquals(new double[] {240, 1, 1}, hsv, 1e-12);
    }
}
