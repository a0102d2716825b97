package org.psychonet.stimulus;

/**
 * Grey plane waves for the linear networks' spatial-frequency sensitivity (Fig. 5e):
 * x_j = ½·c·sin(f·t_j + φ) + ½ with t_j = jπ/(n−1), constant along the other axis. θ = f, the
 * frequency in radians per π-span of the patch (so f/2 cycles per image, or f/64·100 cycles per
 * 100 px at n = 32); not periodic. Phase is marginalized over values evenly spaced in [0, π].
 */
public final class PlaneWave implements StimulusFamily {

    /**
     * @param size     patch side (Fig. 5: 32)
     * @param contrast c (1)
     * @param phases   phases in [0, π] inclusive (Methods: 64)
     * @param fMin     lowest frequency of the default grid
     * @param fMax     highest frequency of the default grid (32 is the Nyquist limit at 32 px)
     */
    public record Config(int size, double contrast, int phases, double fMin, double fMax) {
        public static Config paper() {
            return new Config(32, 1.0, 64, 0.5, 32.0);
        }
    }

    private final Config config;
    private final double[] phase;
    private final double[] t;

    public PlaneWave(Config config) {
        this.config = config;
        phase = new double[config.phases()];
        for (int i = 0; i < phase.length; i++) {
            phase[i] = phase.length == 1 ? 0 : Math.PI * i / (phase.length - 1);
        }
        t = new double[config.size()];
        for (int j = 0; j < t.length; j++) {
            t[j] = j * Math.PI / (t.length - 1);
        }
    }

    public PlaneWave() {
        this(Config.paper());
    }

    /** Frequency f in cycles per 100 px, as the authors reported it (f/64·100 at 32 px). */
    public double cyclesPer100(double f) {
        return f / (2.0 * config.size()) * 100.0;
    }

    @Override
    public String name() {
        return "planewave";
    }

    @Override
    public ThetaAxis axis() {
        return new ThetaAxis("frequency", "rad/π-span", config.fMin(), config.fMax(), false,
                "cycles/100px", 100.0 / (2.0 * config.size()), 0, 256, 0.01);
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
        return phase.length;
    }

    @Override
    public String nuisanceLabel(int k) {
        return "phase=" + phase[k];
    }

    @Override
    public void render(double f, int k, double[] out, int offset) {
        int n = config.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[offset + i * n + j] = 0.5 * config.contrast() * Math.sin(f * t[j] + phase[k]) + 0.5;
            }
        }
    }

    @Override
    public void derivative(double f, int k, double[] out, int offset) {
        int n = config.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[offset + i * n + j] = 0.5 * config.contrast() * t[j] * Math.cos(f * t[j] + phase[k]);
            }
        }
    }

    @Override
    public Config config() {
        return config;
    }
}
