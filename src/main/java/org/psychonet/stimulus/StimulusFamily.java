package org.psychonet.stimulus;

/**
 * A parametric family of images x(θ, k): θ is the stimulus parameter whose sensitivity is measured,
 * k indexes the nuisance values (phase, saturation × value) over which sensitivity is averaged
 * (Methods, "Stimuli and calculation of network sensitivity"). Every family gives the exact
 * derivative ∂x/∂θ in closed form.
 *
 * <p>Images are laid out channel-major (C, H, W), values as the network sees them.
 */
public interface StimulusFamily {

    /** Short name used on the command line, e.g. "gabor". */
    String name();

    /** The parameter θ. */
    ThetaAxis axis();

    int channels();

    int height();

    int width();

    /** Number of nuisance values averaged over (phases, S×V pairs). */
    int nuisanceCount();

    /** A human label of nuisance value k, e.g. "phase=0.698". */
    String nuisanceLabel(int k);

    /** Renders x(θ, k) into {@code out[offset .. offset + size())}. */
    void render(double theta, int k, double[] out, int offset);

    /** Writes the exact ∂x/∂θ at (θ, k) into {@code out[offset .. offset + size())}. */
    void derivative(double theta, int k, double[] out, int offset);

    /**
     * Renders x(θ, k) for every k into consecutive images starting at {@code offset} (or ∂x/∂θ when
     * {@code derivative}). Families override it when the nuisance values share work.
     */
    default void renderAll(double theta, boolean derivative, double[] out, int offset) {
        for (int k = 0; k < nuisanceCount(); k++) {
            if (derivative) {
                derivative(theta, k, out, offset + k * size());
            } else {
                render(theta, k, out, offset + k * size());
            }
        }
    }

    /** Number of values in one image: C·H·W. */
    default int size() {
        return channels() * height() * width();
    }

    /**
     * Values of θ (within one period) where ∂x/∂θ jumps, e.g. every 60° of hue. The grid method keeps its
     * stencils on one side of them; smooth families have none.
     */
    default double[] kinks() {
        return new double[0];
    }

    /** The settings of this family, for result.json. */
    Object config();
}
