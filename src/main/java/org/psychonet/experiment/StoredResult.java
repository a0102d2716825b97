package org.psychonet.experiment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.psychonet.util.output.SafeOutput;

/**
 * An experiment's result as stored in the cache (its {@code result.json}): its summary and claims, the psychonet
 * version that made it and the files it wrote, each with its SHA-256.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", SafeOutput.PROVENANCE_KEY, "summary", "claims", SafeOutput.FILES_KEY})
public record StoredResult(String id, @JsonProperty(SafeOutput.PROVENANCE_KEY) String psychonetVersion,
                           Map<String, Object> summary, List<Claim> claims,
                           @JsonProperty(SafeOutput.FILES_KEY) List<SafeOutput.FileDigest> files)
        implements ExperimentResult {

    public static StoredResult of(String id, String version, ExperimentResult r, List<SafeOutput.FileDigest> files) {
        return new StoredResult(id, version, r.summary(), r.claims(), files);
    }
}
