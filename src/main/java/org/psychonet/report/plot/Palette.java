package org.psychonet.report.plot;

import java.awt.Color;
import org.psychonet.images.ColorSpace;

/**
 * Colours with a meaning: layer depth on a light-to-dark sequential scale (shallow light, deep dark, as in
 * Fig. 2c), conditions in a colour-blind-safe set (Okabe–Ito), hues in their own colour, colour maps for heatmaps.
 */
public final class Palette {
    /** Reference lines and secondary text. */
    public static final Color GREY = new Color(0x77, 0x77, 0x77);
    /** Light fill behind curves (histograms). */
    public static final Color LIGHT = new Color(0xbb, 0xbb, 0xbb);
    private static final Color[] CONDITIONS = {new Color(0, 0, 0), new Color(0, 114, 178), new Color(213, 94, 0),
        new Color(0, 158, 115), new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233)};

    private Palette() {
    }

    /** A sequential colour for t in [0, 1], light yellow-green to dark purple (viridis-like, reversed). */
    public static Color depth(double t) {
        return VIRIDIS.at(1 - Math.max(0, Math.min(1, t)) * 0.92 - 0.04);
    }

    /** Colour of layer i of n: the first layer lightest, the last darkest. */
    public static Color depth(int i, int n) {
        return depth(n <= 1 ? 1 : i / (n - 1.0));
    }

    /** The i-th condition colour: black, blue, vermillion, green, pink, orange, sky blue, then repeating. */
    public static Color condition(int i) {
        return CONDITIONS[Math.floorMod(i, CONDITIONS.length)];
    }

    /** The colour of a hue (degrees) at S = V = 1. */
    public static Color hue(double deg) {
        double[] rgb = new double[3];
        ColorSpace.hsvToRgb(((deg % 360) + 360) % 360, 1, 1, rgb);
        return new Color((float) rgb[0], (float) rgb[1], (float) rgb[2]);
    }

    /** A colour map: t in [0, 1] to a colour. */
    @FunctionalInterface
    public interface Colormap {
        Color at(double t);
    }

    /** White to dark blue (matplotlib's "Blues", as the authors' Fig. 6 heatmaps). */
    public static final Colormap BLUES = stops(new int[][] {{247, 251, 255}, {198, 219, 239}, {107, 174, 214},
        {33, 113, 181}, {8, 48, 107}});

    /** Dark purple to yellow (viridis). */
    public static final Colormap VIRIDIS = stops(new int[][] {{68, 1, 84}, {59, 82, 139}, {33, 145, 140},
        {94, 201, 98}, {253, 231, 37}});

    /** Blue–white–red for signed values (differences), white at t = 0.5. */
    public static final Colormap DIVERGING = stops(new int[][] {{33, 102, 172}, {146, 197, 222}, {247, 247, 247},
        {244, 165, 130}, {178, 24, 43}});

    private static Colormap stops(int[][] s) {
        return t -> {
            double u = Double.isFinite(t) ? Math.max(0, Math.min(1, t)) * (s.length - 1) : 0;
            int i = Math.min(s.length - 2, (int) Math.floor(u));
            double f = u - i;
            return new Color((int) Math.round(s[i][0] * (1 - f) + s[i + 1][0] * f),
                    (int) Math.round(s[i][1] * (1 - f) + s[i + 1][1] * f),
                    (int) Math.round(s[i][2] * (1 - f) + s[i + 1][2] * f));
        };
    }
}
