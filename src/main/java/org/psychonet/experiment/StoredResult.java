package org.psychonet.experiment;

import java.util.List;
import java.util.Map;

/** An experiment's result as stored on disk: its summary and claims. */
public record StoredResult(String id, Map<String, Object> summary, List<Claim> claims) implements ExperimentResult {

    public static StoredResult of(String id, ExperimentResult r) {
        return new StoredResult(id, r.summary(), r.claims());
    }
}
