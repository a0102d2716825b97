package org.psychonet.stimulus;

/**
 * Sinusoidal gratings for the supervised task (Fig. 6): 64×64 px, period 12.8 px, zero-mean with
 * amplitude 1, seen through a soft circular aperture so that no orientation is favoured by the
 * square frame. θ is the orientation of the wave vector in radians over [0, π); the phase is
 * marginalized over values evenly spaced in [0, 2π).
 */
public final class Grating64 implements StimulusFamily {

    /**
     * @param size        image side (Fig. 6: 64)
     * @param period      grating period in px (Methods: 12.8)
     * @param phases      phases evenly spaced in [0, 2π)
     * @param innerRadius aperture is 1 inside this radius (px)
     * @param outerRadius and falls to 0 with a raised cosine at this radius (px)
     */
    public record Config(int size, double period, int phases, double innerRadius, double outerRadius) {
        public static Config paper() {
            return new Config(64, 12.8, 16, 24, 32);
        }
    }

    private final Config config;
    private final double[] xs;
    private final double[] ys;
    private final double[] aperture;
    private final double k;

    public Grating64(Config config) {
        this.config = config;
        int n = config.size();
        double c = (n - 1) / 2.0;
        xs = new double[n * n];
        ys = new double[n * n];
        aperture = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = j - c;
                double y = c - i;
                double r = Math.hypot(x, y);
                int p = i * n + j;
                xs[p] = x;
                ys[p] = y;
                aperture[p] = r <= config.innerRadius() ? 1
                        : r >= config.outerRadius() ? 0
                        : 0.5 * (1 + Math.cos(Math.PI * (r - config.innerRadius())
                                / (config.outerRadius() - config.innerRadius())));
            }
        }
        k = 2 * Math.PI / config.period();
    }

    public Grating64() {
        this(Config.paper());
    }

    @Override
    public String name() {
        return "grating64";
    }

    @Override
    public ThetaAxis axis() {
        return new ThetaAxis("orientation", "rad", 0, Math.PI, true, "deg", 180 / Math.PI, 0, 60, 0.01);
    }

    @Override
    public int channels() {
        return 1;
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
        return config.phases();
    }

    @Override
    public String nuisanceLabel(int kk) {
        return "phase=" + phase(kk);
    }

    public double phase(int kk) {
        return 2 * Math.PI * kk / config.phases();
    }

    @Override
    public void render(double theta, int kk, double[] out, int offset) {
        renderAt(theta, phase(kk), out, offset);
    }

    @Override
    public void derivative(double theta, int kk, double[] out, int offset) {
        derivativeAt(theta, phase(kk), out, offset);
    }

    /**
     * All phases at once: cos(ku + φ) = cos(ku)·cos φ − sin(ku)·sin φ, so each θ costs two trigonometric
     * evaluations per pixel instead of two per pixel and phase.
     */
    @Override
    public void renderAll(double theta, boolean derivative, double[] out, int offset) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        int n = config.phases();
        double[] cosP = new double[n];
        double[] sinP = new double[n];
        for (int q = 0; q < n; q++) {
            cosP[q] = Math.cos(phase(q));
            sinP[q] = Math.sin(phase(q));
        }
        int size = xs.length;
        for (int p = 0; p < size; p++) {
            double u = xs[p] * c + ys[p] * s;
            double cu = Math.cos(k * u);
            double su = Math.sin(k * u);
            if (derivative) {
                double a = -aperture[p] * k * (-xs[p] * s + ys[p] * c);
                for (int q = 0; q < n; q++) {
                    out[offset + q * size + p] = a * (su * cosP[q] + cu * sinP[q]);
                }
            } else {
                for (int q = 0; q < n; q++) {
                    out[offset + q * size + p] = aperture[p] * (cu * cosP[q] - su * sinP[q]);
                }
            }
        }
    }

    /** Renders the grating at any phase (the supervised task draws a random phase per image). */
    public void renderAt(double theta, double phase, double[] out, int offset) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        for (int p = 0; p < xs.length; p++) {
            out[offset + p] = aperture[p] * Math.cos(k * (xs[p] * c + ys[p] * s) + phase);
        }
    }

    /** Exact ∂x/∂θ at any phase. */
    public void derivativeAt(double theta, double phase, double[] out, int offset) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        for (int p = 0; p < xs.length; p++) {
            double u = xs[p] * c + ys[p] * s;
            double du = -xs[p] * s + ys[p] * c;
            out[offset + p] = -aperture[p] * Math.sin(k * u + phase) * k * du;
        }
    }

    /** Pixel coordinates (x right, y up, origin at the centre) and the aperture, for batched rendering. */
    public double[] xs() {
        return xs.clone();
    }

    public double[] ys() {
        return ys.clone();
    }

    public double[] aperture() {
        return aperture.clone();
    }

    public double wavenumber() {
        return k;
    }

    @Override
    public Config config() {
        return config;
    }
}
