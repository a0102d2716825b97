package org.psychonet.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders an experiment's returned result to files (CSVs, plots) in a folder: the second half of the seam
 * experiment → result record → report. A report reads only the record, so a result read back from the
 * reproduce cache renders to the same bytes as a fresh one.
 *
 * @param <R> the experiment's result record
 */
@FunctionalInterface
public interface Report<R> {

    void write(R result, Path dir) throws IOException;
}
