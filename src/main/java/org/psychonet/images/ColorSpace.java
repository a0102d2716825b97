package org.psychonet.images;

/** Colour conversions: HSV (hue in degrees) and CIELAB (sRGB, D65 white). */
public final class ColorSpace {
    /** D65 reference white in XYZ (Y = 1), as used by CIE 15 for sRGB. */
    public static final double XN = 0.95047;
    public static final double YN = 1.0;
    public static final double ZN = 1.08883;

    private ColorSpace() {
    }

    /** RGB in [0,1] → {h in [0,360), s, v}; h = 0 for greys. */
    public static void rgbToHsv(double r, double g, double b, double[] hsv) {
        double max = Math.max(r, Math.max(g, b));
        double min = Math.min(r, Math.min(g, b));
        double c = max - min;
        double h;
        if (c <= 0) {
            h = 0;
        } else if (max == r) {
            h = 60 * ((g - b) / c);
        } else if (max == g) {
            h = 60 * ((b - r) / c + 2);
        } else {
            h = 60 * ((r - g) / c + 4);
        }
        if (h < 0) {
            h += 360;
        }
        if (h >= 360) {
            h -= 360;
        }
        hsv[0] = h;
        hsv[1] = max <= 0 ? 0 : c / max;
        hsv[2] = max;
    }

    /** HSV (h in degrees, any real) → RGB in [0,1]. */
    public static void hsvToRgb(double h, double s, double v, double[] rgb) {
        double hh = h % 360;
        if (hh < 0) {
            hh += 360;
        }
        // each channel is v·(1 − s·clamp(min(k, 4 − k), 0, 1)) with k = (n + h/60) mod 6
        rgb[0] = channel(5, hh, s, v);
        rgb[1] = channel(3, hh, s, v);
        rgb[2] = channel(1, hh, s, v);
    }

    private static double channel(int n, double h, double s, double v) {
        double k = (n + h / 60) % 6;
        double t = Math.max(0, Math.min(1, Math.min(k, 4 - k)));
        return v - v * s * t;
    }

    /** sRGB companding inverse: encoded value in [0,1] → linear light (IEC 61966-2-1). */
    public static double srgbToLinear(double u) {
        return u <= 0.04045 ? u / 12.92 : Math.pow((u + 0.055) / 1.055, 2.4);
    }

    /** sRGB in [0,1] → CIE L*a*b* (D65). */
    public static double[] rgbToLab(double r, double g, double b) {
        double lr = srgbToLinear(r);
        double lg = srgbToLinear(g);
        double lb = srgbToLinear(b);
        // sRGB primaries with D65 white (IEC 61966-2-1)
        double x = 0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb;
        double y = 0.2126729 * lr + 0.7151522 * lg + 0.0721750 * lb;
        double z = 0.0193339 * lr + 0.1191920 * lg + 0.9503041 * lb;
        double fx = labF(x / XN);
        double fy = labF(y / YN);
        double fz = labF(z / ZN);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double labF(double t) {
        double d = 6.0 / 29;
        return t > d * d * d ? Math.cbrt(t) : t / (3 * d * d) + 4.0 / 29;
    }

    /** CIE76 colour difference ΔE*ab between two L*a*b* triples. */
    public static double deltaE(double[] lab1, double[] lab2) {
        double dl = lab1[0] - lab2[0];
        double da = lab1[1] - lab2[1];
        double db = lab1[2] - lab2[2];
        return Math.sqrt(dl * dl + da * da + db * db);
    }

    /**
     * Fig. 3b: ΔE*ab between successive hues {@code stepDeg} apart at S = V = 1, for hues
     * 0, step, 2·step, … &lt; 360; entry i is the distance from hue i·step to (i+1)·step.
     */
    public static double[] hueDistance(double stepDeg) {
        int n = (int) Math.round(360 / stepDeg);
        double[] out = new double[n];
        double[] rgb = new double[3];
        hsvToRgb(0, 1, 1, rgb);
        double[] prev = rgbToLab(rgb[0], rgb[1], rgb[2]);
        double[] first = prev;
        for (int i = 0; i < n; i++) {
            hsvToRgb((i + 1) * stepDeg, 1, 1, rgb);
            double[] lab = i == n - 1 ? first : rgbToLab(rgb[0], rgb[1], rgb[2]);
            out[i] = deltaE(prev, lab);
            prev = lab;
        }
        return out;
    }
}
