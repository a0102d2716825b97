package org.psychonet.reproduce;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.psychonet.experiment.Experiment;
import org.psychonet.experiment.ExperimentResult;
import org.psychonet.report.Panel;
import org.psychonet.report.Report;

/**
 * One experiment as {@code reproduce} runs it: what it reproduces, with which settings, the experiment that
 * computes the result, the result's type (to read it back from the cache) and the report that renders it.
 *
 * @param id         short id, also the sub-folder name, e.g. "linear"
 * @param title      section title, e.g. "Learning dynamics of linear networks"
 * @param figures    the paper's figures it reproduces, lower-case without spaces, e.g. ["fig4", "fig5", "sifig2"]
 * @param config     the full configuration (its JSON is part of the cache key)
 * @param experiment computes the result
 * @param resultType the result record's class
 * @param report     renders the result into the step's folder
 * @param panels     the report's panels of a result ({@code MyReport::panels}): the page draws them inline as SVG in
 *                   the paper's order with figure-numbered captions; a report without panels contributes its PNG
 *                   files (embedded, captioned by file name)
 */
public record Step<C, R extends ExperimentResult>(String id, String title, List<String> figures, C config,
                                                   Experiment<C, R> experiment, Class<R> resultType,
                                                   Report<R> report, Function<R, List<Panel>> panels) {

    /** A step whose report has no panels yet: the page embeds its PNG files. */
    public Step(String id, String title, List<String> figures, C config, Experiment<C, R> experiment,
                Class<R> resultType, Report<R> report) {
        this(id, title, figures, config, experiment, resultType, report, r -> List.of());
    }

    /** Whether the step matches a --only selector (an id or a figure name). */
    public boolean matches(String selector) {
        String s = selector.toLowerCase(Locale.ROOT).replace(" ", "").replace(".", "");
        return id.equals(s) || figures.stream().anyMatch(f -> f.equals(s) || f.startsWith(s) && s.length() >= 4
                && Character.isDigit(s.charAt(s.length() - 1)) && !Character.isDigit(f.charAt(s.length())));
    }
}
