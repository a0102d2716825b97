package org.psychonet.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.psychonet.report.Csv;
import org.psychonet.report.Json;
import org.psychonet.experiment.Claim;

/** The table of claims as claims.json and claims.csv. */
public final class ClaimsReport {
    private ClaimsReport() {
    }

    public static void write(Path dir, List<Claim> claims) throws IOException {
        Json.write(dir.resolve("claims.json"), claims);
        try (Csv csv = Csv.create(dir.resolve("claims.csv"), "id", "kind", "figure", "claim", "metric", "mean",
                "se", "n", "bound", "holds", "settings")) {
            for (Claim c : claims) {
                csv.row(c.id(), c.kind().label(), c.figure(), c.statement(), c.metric(), c.value().mean(),
                        c.value().se(), c.value().n(), c.bound(), c.holds(), c.settings());
            }
        }
    }
}
