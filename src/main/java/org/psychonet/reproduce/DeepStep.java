package org.psychonet.reproduce;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.psychonet.experiment.Claim;
import org.psychonet.experiment.DeepNetworks;
import org.psychonet.experiment.Experiment;
import org.psychonet.experiment.ExperimentResult;
import org.psychonet.report.DeepReport;

/**
 * The deep-network experiment behind the typed seam, by the smallest adapter: it runs and renders into the
 * artifact folder (as before the seam), and its result record carries the experiment's summary and claims as
 * they are. To be replaced by a typed {@code DeepNetworks.Result} and a {@code DeepReport} that renders it (the
 * {@code deep} helper's rewrite), after which this class goes.
 */
final class DeepStep {
    private DeepStep() {
    }

    /** The adapter's result: the summary as DeepNetworks builds it, and the claims. */
    record Result(Map<String, Object> deepSummary, List<Claim> claims) implements ExperimentResult {
        @Override
        public Summary summary() {
            return new Summary(deepSummary);
        }
    }

    /** Serialises as the summary map itself. */
    record Summary(@JsonValue Map<String, Object> map) {
    }

    private static final class Adapter implements Experiment<DeepNetworks.Config, Result> {
        @Override
        public String id() {
            return "deepnets";
        }

        @Override
        public Result run(DeepNetworks.Config config, long seed, Path artifacts) throws Exception {
            DeepNetworks.Result r = new DeepNetworks().run(config, artifacts, seed);
            DeepReport.write(r, artifacts);
            return new Result(r.summary(), r.claims());
        }
    }

    static Step<DeepNetworks.Config, Result> step(DeepNetworks.Config config) {
        return new Step<>("deepnets", "Deep networks: orientation and hue sensitivity, layer by layer",
                List.of("fig2", "fig3", "sifig1"), config, new Adapter(), Result.class, (r, dir) -> {
                    // every file was rendered into the artifact folder while the experiment ran
                });
    }
}
