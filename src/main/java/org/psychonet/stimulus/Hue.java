package org.psychonet.stimulus;

/**
 * Uniform images of one HSV colour (Fig. 3a). θ is hue in degrees over [0°, 360°); saturation and
 * value are marginalized over a grid in [0.5, 1] (Methods: the range used for ImageNet's hue
 * histogram). RGB values are in [0, 1].
 *
 * <p>HSV→RGB is piecewise linear in hue with kinks at multiples of 60°, where ∂x/∂h does not exist;
 * the default grid therefore sits half a step off the integers (0.5°, 1.5°, …).
 */
public final class Hue implements StimulusFamily {

    /**
     * @param size  image side (Fig. 3: 224)
     * @param sMin  lowest saturation (Methods: 0.5)
     * @param sMax  highest saturation (1)
     * @param vMin  lowest value (0.5)
     * @param vMax  highest value (1)
     * @param steps grid points per axis for S and V (default 8, so 64 nuisance values)
     */
    public record Config(int size, double sMin, double sMax, double vMin, double vMax, int steps) {
        /** S and V marginalized over [0.5, 1] (Methods). */
        public static Config paper() {
            return new Config(224, 0.5, 1, 0.5, 1, 8);
        }

        /** The variant at fixed S = V = 1 (Fig. 3b). */
        public static Config saturated(int size) {
            return new Config(size, 1, 1, 1, 1, 1);
        }

        public Config withSize(int newSize) {
            return new Config(newSize, sMin, sMax, vMin, vMax, steps);
        }
    }

    private final Config config;
    private final double[] s;
    private final double[] v;

    public Hue(Config config) {
        this.config = config;
        this.s = linspace(config.sMin(), config.sMax(), config.steps());
        this.v = linspace(config.vMin(), config.vMax(), config.steps());
    }

    public Hue() {
        this(Config.paper());
    }

    private static double[] linspace(double a, double b, int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = n == 1 ? a : a + (b - a) * i / (n - 1);
        }
        return r;
    }

    @Override
    public String name() {
        return "hue";
    }

    @Override
    public ThetaAxis axis() {
        // δ = 0.1° of hue as in the authors' finite differences.
        return new ThetaAxis("hue", "deg", 0, 360, true, "deg", 1, 0.5, 360, 0.1);
    }

    @Override
    public int channels() {
        return 3;
    }

    @Override
    public int height() {
        return config.size();
    }

    @Override
    public int width() {
        return config.size();
    }

    @Override
    public int nuisanceCount() {
        return s.length * v.length;
    }

    @Override
    public String nuisanceLabel(int k) {
        return "S=" + saturation(k) + ",V=" + value(k);
    }

    public double saturation(int k) {
        return s[k / v.length];
    }

    public double value(int k) {
        return v[k % v.length];
    }

    /** Standard HSV→RGB with h in degrees; writes r, g, b into rgb. */
    public static void hsvToRgb(double h, double sat, double val, double[] rgb) {
        double hh = ((h % 360) + 360) % 360 / 60.0;
        int sector = (int) Math.floor(hh);
        double f = hh - sector;
        double p = val * (1 - sat);
        double q = val * (1 - sat * f);
        double t = val * (1 - sat * (1 - f));
        switch (sector % 6) {
            case 0 -> set(rgb, val, t, p);
            case 1 -> set(rgb, q, val, p);
            case 2 -> set(rgb, p, val, t);
            case 3 -> set(rgb, p, q, val);
            case 4 -> set(rgb, t, p, val);
            default -> set(rgb, val, p, q);
        }
    }

    /** ∂RGB/∂h per degree: within a 60° sector one channel ramps at ±V·S/60, the others are flat. */
    public static void hsvToRgbDerivative(double h, double sat, double val, double[] d) {
        double hh = ((h % 360) + 360) % 360 / 60.0;
        int sector = (int) Math.floor(hh);
        double slope = val * sat / 60.0;
        switch (sector % 6) {
            case 0 -> set(d, 0, slope, 0);
            case 1 -> set(d, -slope, 0, 0);
            case 2 -> set(d, 0, 0, slope);
            case 3 -> set(d, 0, -slope, 0);
            case 4 -> set(d, slope, 0, 0);
            default -> set(d, 0, 0, -slope);
        }
    }

    private static void set(double[] a, double r, double g, double b) {
        a[0] = r;
        a[1] = g;
        a[2] = b;
    }

    @Override
    public void render(double theta, int k, double[] out, int offset) {
        double[] rgb = new double[3];
        hsvToRgb(theta, saturation(k), value(k), rgb);
        fill(rgb, out, offset);
    }

    @Override
    public void derivative(double theta, int k, double[] out, int offset) {
        double[] d = new double[3];
        hsvToRgbDerivative(theta, saturation(k), value(k), d);
        fill(d, out, offset);
    }

    private void fill(double[] rgb, double[] out, int offset) {
        int plane = config.size() * config.size();
        for (int c = 0; c < 3; c++) {
            java.util.Arrays.fill(out, offset + c * plane, offset + (c + 1) * plane, rgb[c]);
        }
    }

    @Override
    public double[] kinks() {
        return new double[] {0, 60, 120, 180, 240, 300};
    }

    @Override
    public Config config() {
        return config;
    }
}
