package org.psychonet.experiment;

import java.util.List;
import java.util.Map;

/** What every experiment returns: summary metrics for result.json and the paper's claims it tests. */
public interface ExperimentResult {

    /** Summary metrics (numbers, lists, nested maps) for result.json. */
    Map<String, Object> summary();

    /** The claims of the paper this run tests, with their verdicts. */
    List<Claim> claims();
}
