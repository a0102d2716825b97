package org.psychonet.experiment;

import java.nio.file.Path;

/**
 * One experiment of the paper: it computes and returns a typed result, and writes nothing else. Its report
 * ({@code org.psychonet.report}) renders the returned result to files afterwards; its claims are part of the
 * result. The same config and seed give the same result.
 *
 * <p>The only files an experiment may write while it runs are large binary artifacts that do not belong in a
 * result record — trained weights, weight snapshots — into {@code artifacts}, a folder the caller owns and
 * publishes with the rendered report (a temporary folder, moved into place by
 * {@link org.psychonet.util.output.SafeOutput}).
 *
 * @param <C> the configuration record (the paper's settings, a quick profile, withers, one validate())
 * @param <R> the result record, serialised by Jackson (result.json, the reproduce cache) and read back into the
 *            same type
 */
public interface Experiment<C, R extends ExperimentResult> {

    /** Short id, e.g. "linear"; also the sub-folder name in a reproduction. */
    String id();

    /** Validates {@code config}, computes, and returns the result. */
    R run(C config, long seed, Path artifacts) throws Exception;
}
