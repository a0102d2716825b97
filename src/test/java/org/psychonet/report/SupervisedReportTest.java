package org.psychonet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psychonet.experiment.Claim;
import org.psychonet.util.Estimate;

/**
 * The supervised command's claim lines. Regression: every accepted {@code supervised --quick} run once ended with
 * "internal error: IllegalFormatConversionException: g != org.psychonet.util.Estimate" because the printout
 * gave {@code %g} the claim's Estimate instead of its mean.
 */
class SupervisedReportTest {

    @Test
    void claimLinesFormatEstimatesOverSeedsAndSingleValues() {
        Claim overSeeds = Claim.paper("supervised.silent_common", "Fig. 6", "not learned where labels say nothing")
                .measured("log_ratio", Estimate.of(-1.0, -2.0, -3.0)).settings("3 seeds").belowBy2se(0);
        Claim single = Claim.check("supervised.balance", "Fig. 6d", "p·I constant")
                .measured("spread", 0.25).settings("table").atMost(0.01);
        List<String> lines = SupervisedReport.claimLines(List.of(overSeeds, single));
        assertEquals(List.of(
                "claim [paper] supervised.silent_common log_ratio: -2.000 ± 0.58 (n = 3) < 0 by 2 s.e. → holds",
                "claim [check] supervised.balance spread: 0.2500 ≤ 0.01 → DOES NOT HOLD"), lines);
    }
}
