package org.psychonet.experiment;

import java.nio.file.Path;
import java.util.List;

/**
 * One experiment as the {@code reproduce} command runs it: what it reproduces, with which settings,
 * and how to run it into a folder.
 *
 * @param id       short id, also the sub-folder name, e.g. "linear"
 * @param title    section title, e.g. "Learning dynamics of linear networks"
 * @param figures  the paper's figures it reproduces, lower-case without spaces, e.g. ["fig4", "fig5", "sifig2"]
 * @param config   the full configuration (its JSON is part of the cache key)
 * @param runner   runs the experiment into a folder with a seed
 */
public record ReproductionStep(String id, String title, List<String> figures, Object config, Runner runner) {

    /** Runs the experiment, writing its files into {@code dir}. */
    @FunctionalInterface
    public interface Runner {
        ExperimentResult run(Path dir, long seed) throws Exception;
    }

    /** Whether the step matches a --only selector (an id or a figure name). */
    public boolean matches(String selector) {
        String s = selector.toLowerCase(java.util.Locale.ROOT).replace(" ", "").replace(".", "");
        return id.equals(s) || figures.stream().anyMatch(f -> f.equals(s) || f.startsWith(s) && s.length() >= 4
                && Character.isDigit(s.charAt(s.length() - 1)) && !Character.isDigit(f.charAt(s.length())));
    }
}
