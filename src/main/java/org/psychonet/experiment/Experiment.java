package org.psychonet.experiment;

import java.nio.file.Path;

/**
 * One experiment of the paper. {@link #run} writes its CSVs and PNGs into {@code dir} (a folder the
 * caller owns and moves into place atomically) and returns its result; the same config and seed give
 * the same numbers.
 *
 * @param <C> the configuration record (with the paper's defaults and a quick profile)
 * @param <R> the result
 */
public interface Experiment<C, R extends ExperimentResult> {

    /** Short name, e.g. "linear". */
    String name();

    R run(C config, Path dir, long seed) throws Exception;
}
