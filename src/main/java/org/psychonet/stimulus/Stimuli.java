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
     * The named family with its image side set to {@code size} where the family allows it (gabor keeps
     * cycles per image and σ/size; hue is uniform). Planewave and grating64 have fixed sizes.
     */
    public static StimulusFamily byName(String name, int size, int channels) {
        StimulusFamily f = byName(name);
        if (f instanceof Gabor g && (size != g.height() || channels != g.channels())) {
            Gabor.Config c = g.config().scaledTo(size);
            return new Gabor(new Gabor.Config(c.size(), c.cyclesPer100(), c.sigma(), c.phases(), channels));
        }
        if (f instanceof Hue h && size != h.height()) {
            return new Hue(h.config().withSize(size));
        }
        return f;
    }
}
