package org.psychonet.stimulus;

import java.util.List;
import org.psychonet.util.InvalidInputException;

/** The families by their command-line names. */
public final class Stimuli {
    public static final List<String> NAMES = List.of("gabor", "hue", "planewave", "grating64");

    private Stimuli() {
    }

    /** The paper's version of the named family (Figs 2, 3, 5e, 6). */
    public static StimulusFamily byName(String name) {
        return switch (name) {
            case "gabor" -> new Gabor();
            case "hue" -> new Hue();
            case "planewave" -> new PlaneWave();
            case "grating64" -> new Grating64();
            default -> throw InvalidInputException.parameter("stimulus", "'" + name + "' is unknown; choose one of "
                    + String.join(", ", NAMES));
        };
    }

    /**
     * The named family drawn at side {@code size}, in proportion: gabor keeps its cycles per image and σ/size;
     * hue is uniform; planewave keeps its frequency range up to the Nyquist limit of the new size (f = size);
     * grating64 keeps its period and aperture in proportion to the side (64 px in Fig. 6). Gabor also takes the
     * number of identical channels.
     */
    public static StimulusFamily byName(String name, int size, int channels) {
        StimulusFamily f = byName(name);
        InvalidInputException.requireParameter(size >= 4 && size <= 4096, "size", "must be 4 to 4096 pixels, not "
                + size);
        if (f instanceof Gabor g && (size != g.height() || channels != g.channels())) {
            Gabor.Config c = g.config().scaledTo(size);
            return new Gabor(new Gabor.Config(c.size(), c.cyclesPer100(), c.sigma(), c.phases(), channels));
        }
        if (f instanceof Hue h && size != h.height()) {
            return new Hue(h.config().withSize(size));
        }
        if (f instanceof PlaneWave p && size != p.height()) {
            PlaneWave.Config c = p.config();
            return new PlaneWave(new PlaneWave.Config(size, c.contrast(), c.phases(), c.fMin(),
                    c.fMax() * size / c.size()));
        }
        if (f instanceof Grating64 g && size != g.height()) {
            Grating64.Config c = g.config();
            double r = (double) size / c.size();
            return new Grating64(new Grating64.Config(size, c.period() * r, c.phases(), c.innerRadius() * r,
                    c.outerRadius() * r));
        }
        return f;
    }
}
