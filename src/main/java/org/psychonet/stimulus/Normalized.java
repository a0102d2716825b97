package org.psychonet.stimulus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A family seen through per-channel standardization x' = (x − mean_c) / std_c, so that
 * ∂x'/∂θ = (∂x/∂θ) / std_c. With ImageNet's statistics this is what the authors' code fed its
 * networks after rendering the Gabor; the paper's text describes pixels already in z-scored units,
 * so psychonet leaves it off unless asked.
 */
public final class Normalized implements StimulusFamily {
    /** ImageNet's RGB channel means and standard deviations (torchvision). */
    public static final double[] IMAGENET_MEAN = {0.485, 0.456, 0.406};
    public static final double[] IMAGENET_STD = {0.229, 0.224, 0.225};

    private final StimulusFamily base;
    private final double[] mean;
    private final double[] std;

    public Normalized(StimulusFamily base, double[] mean, double[] std) {
        if (mean.length != base.channels() || std.length != base.channels()) {
            throw new IllegalArgumentException("normalization needs one mean and std per channel");
        }
        this.base = base;
        this.mean = mean.clone();
        this.std = std.clone();
    }

    public static Normalized imagenet(StimulusFamily base) {
        return new Normalized(base, IMAGENET_MEAN, IMAGENET_STD);
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public ThetaAxis axis() {
        return base.axis();
    }

    @Override
    public int channels() {
        return base.channels();
    }

    @Override
    public int height() {
        return base.height();
    }

    @Override
    public int width() {
        return base.width();
    }

    @Override
    public int nuisanceCount() {
        return base.nuisanceCount();
    }

    @Override
    public String nuisanceLabel(int k) {
        return base.nuisanceLabel(k);
    }

    @Override
    public void render(double theta, int k, double[] out, int offset) {
        base.render(theta, k, out, offset);
        int plane = height() * width();
        for (int c = 0; c < channels(); c++) {
            for (int p = 0; p < plane; p++) {
                int i = offset + c * plane + p;
                out[i] = (out[i] - mean[c]) / std[c];
            }
        }
    }

    @Override
    public void derivative(double theta, int k, double[] out, int offset) {
        base.derivative(theta, k, out, offset);
        int plane = height() * width();
        for (int c = 0; c < channels(); c++) {
            for (int p = 0; p < plane; p++) {
                out[offset + c * plane + p] /= std[c];
            }
        }
    }

    @Override
    public double[] kinks() {
        return base.kinks();
    }

    @Override
    public Object config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("base", base.config());
        m.put("normalize_mean", mean);
        m.put("normalize_std", std);
        return m;
    }
}
