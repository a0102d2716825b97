package org.psychonet.stimulus;

/**
 * Oriented Gabor patches (Fig. 2b): a cosine carrier under a Gaussian envelope, identical in all
 * channels, pixels in [−1, 1]. θ is the orientation of the carrier's wave vector (the stripes run
 * at θ + 90°), in radians over [0, π); the image at θ + π with phase φ equals the image at θ with
 * phase −φ, so the phase-marginalized sensitivity has period π.
 */
public final class Gabor implements StimulusFamily {

    /**
     * @param size          image side in pixels (Fig. 2: 224)
     * @param cyclesPer100  carrier frequency in cycles per 100 px (Methods: 2)
     * @param sigma         envelope standard deviation in px (Methods: 50)
     * @param phases        phases tiling [−π, π] inclusive (Methods: 10 linearly spaced)
     * @param channels      identical channels (3 for RGB networks)
     */
    public record Config(int size, double cyclesPer100, double sigma, int phases, int channels) {
        /** The paper's Gabor (Methods). */
        public static Config paper() {
            return new Config(224, 2.0, 50.0, 10, 3);
        }

        /** The same stimulus in proportion to another image size: cycles per image and σ/size kept. */
        public Config scaledTo(int newSize) {
            double ratio = (double) size / newSize;
            return new Config(newSize, cyclesPer100 * ratio, sigma / ratio, phases, channels);
        }
    }

    private final Config config;
    private final double[] phase;
    private final double k;
    private final double[] xs;
    private final double[] ys;
    private final double[] envelope;

    public Gabor(Config config) {
        this.config = config;
        this.phase = new double[config.phases()];
        for (int i = 0; i < phase.length; i++) {
            phase[i] = phase.length == 1 ? 0 : -Math.PI + 2 * Math.PI * i / (phase.length - 1);
        }
        this.k = 2 * Math.PI * config.cyclesPer100() / 100.0;
        int n = config.size();
        double c = (n - 1) / 2.0;
        xs = new double[n * n];
        ys = new double[n * n];
        envelope = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = j - c;
                double y = c - i; // y points up, so θ is counter-clockwise as in a plot
                xs[i * n + j] = x;
                ys[i * n + j] = y;
                envelope[i * n + j] = Math.exp(-(x * x + y * y) / (2 * config.sigma() * config.sigma()));
            }
        }
    }

    public Gabor() {
        this(Config.paper());
    }

    @Override
    public String name() {
        return "gabor";
    }

    @Override
    public ThetaAxis axis() {
        // δ = 0.01 rad as in the authors' finite differences.
        return new ThetaAxis("orientation", "rad", 0, Math.PI, true, "deg", 180 / Math.PI, 0, 180, 0.01);
    }

    @Override
    public int channels() {
        return config.channels();
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
        return phase.length;
    }

    @Override
    public String nuisanceLabel(int k) {
        return "phase=" + phase[k];
    }

    public double phase(int k) {
        return phase[k];
    }

    @Override
    public void render(double theta, int kk, double[] out, int offset) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        int plane = xs.length;
        for (int p = 0; p < plane; p++) {
            double u = xs[p] * c + ys[p] * s;
            out[offset + p] = envelope[p] * Math.cos(k * u + phase[kk]);
        }
        copyChannels(out, offset, plane);
    }

    @Override
    public void derivative(double theta, int kk, double[] out, int offset) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        int plane = xs.length;
        for (int p = 0; p < plane; p++) {
            double u = xs[p] * c + ys[p] * s;
            double du = -xs[p] * s + ys[p] * c; // ∂u/∂θ
            out[offset + p] = -envelope[p] * Math.sin(k * u + phase[kk]) * k * du;
        }
        copyChannels(out, offset, plane);
    }

    /**
     * All phases at once: cos(ku + φ) = cos(ku)·cos φ − sin(ku)·sin φ, so each θ costs two trigonometric
     * evaluations per pixel instead of two per pixel and phase.
     */
    @Override
    public void renderAll(double theta, boolean derivative, double[] out, int offset) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        int plane = xs.length;
        int size = size();
        double[] cosP = new double[phase.length];
        double[] sinP = new double[phase.length];
        for (int q = 0; q < phase.length; q++) {
            cosP[q] = Math.cos(phase[q]);
            sinP[q] = Math.sin(phase[q]);
        }
        for (int p = 0; p < plane; p++) {
            double u = xs[p] * c + ys[p] * s;
            double cu = Math.cos(k * u);
            double su = Math.sin(k * u);
            double a = envelope[p];
            if (derivative) {
                a *= -k * (-xs[p] * s + ys[p] * c);
                for (int q = 0; q < phase.length; q++) {
                    out[offset + q * size + p] = a * (su * cosP[q] + cu * sinP[q]);
                }
            } else {
                for (int q = 0; q < phase.length; q++) {
                    out[offset + q * size + p] = a * (cu * cosP[q] - su * sinP[q]);
                }
            }
        }
        for (int q = 0; q < phase.length; q++) {
            copyChannels(out, offset + q * size, plane);
        }
    }

    private void copyChannels(double[] out, int offset, int plane) {
        for (int ch = 1; ch < config.channels(); ch++) {
            System.arraycopy(out, offset, out, offset + ch * plane, plane);
        }
    }

    @Override
    public Config config() {
        return config;
    }
}
