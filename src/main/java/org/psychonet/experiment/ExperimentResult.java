package org.psychonet.experiment;

import java.util.List;

/**
 * What every experiment returns: a record holding everything its report draws (serialised whole into the
 * reproduce cache and read back into the same type), its summary for result.json, and the paper's claims it
 * tests.
 */
public interface ExperimentResult {

    /** The summary written into result.json: a record of named, typed values (snake_case in JSON). */
    Record summary();

    /** The claims of the paper this run tests, with their verdicts. */
    List<Claim> claims();
}
