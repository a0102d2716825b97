package org.psychonet.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The --quick profile (world patches, 3 seeds; one run shared by all tests). Paper claims are results: the tests
 * check that each claim is its written spec holding its measured value, and print the verdicts; they assert
 * findings only where the implementation guarantees them.
 */
class LinearDynamicsIT {
    @TempDir
    static Path dir;
    static LinearDynamics.Result result;

    @BeforeAll
    static void run() throws Exception {
        result = new LinearDynamics().run(LinearDynamics.Config.quick(), 0, dir);
        org.psychonet.report.LinearReport.write(result, dir);
    }

    private static Claim claim(String id) {
        return result.claims().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() ->
                new AssertionError("no claim " + id));
    }

    @Test
    void everyClaimIsItsSpecWithItsMeasuredValue() {
        for (Claim c : result.claims()) {
            long specs = LinearDynamicsClaims.SPECS.stream().filter(s -> s.made(c)).count();
            assertEquals(1, specs, c.id() + " is made by " + specs + " specs");
            assertEquals(c.comparator().test(c.value(), c.threshold(), c.upper()), c.holds());
            System.out.println(c.id() + ": " + c.value() + " " + c.bound() + " → " + (c.holds() ? "holds" : "fails"));
        }
        LinearDynamics.NetworkSummary d1 = result.summary().networks().get("depth1");
        assertEquals(d1.pcOrderSpearman().mean(), claim("linear.pc_order.depth1").value().mean(), 0);
        assertEquals(3, claim("linear.pc_order.depth1").value().n());
    }

    /**
     * Issue 13's must-hold: the acuity exponent on the quick profile lies within the theory's prediction ± its CI,
     * or the claim reports that it does not — the bound is the theory's γ ± the half-width of its 95% CI (means over
     * seeds), and the verdict follows from the simulated γ.
     */
    @Test
    void acuityExponentIsHeldToTheTheorysPredictionAndItsInterval() {
        for (String net : new String[] {"depth1", "depth2", "depth3", "symmetric", "depth1-sgd"}) {
            Claim c = claim("linear.acuity_exponent." + net);
            LinearDynamics.NetworkSummary s = result.summary().networks().get(net);
            double center = s.theoryExponent().mean();
            double half = s.theoryExponentHalfWidth().mean();
            assertEquals(center - half, c.threshold(), 1e-12);
            assertEquals(center + half, c.upper(), 1e-12);
            double g = c.value().mean();
            assertEquals(g >= center - half && g <= center + half, c.holds());
            System.out.printf("%s: acuity exponent %.4f ± %.4f (s.e.), theory %.4f ± %.4f (95%% CI) → %s%n", net, g,
                    c.value().se(), center, half, c.holds() ? "within" : "outside");
        }
    }

    /** The depth-3 theory is reported against its written bound, and the alignment-corrected curve beside it. */
    @Test
    void depthThreeReportsThePlainTheoryAndTheAlignmentCorrectionBesideIt() {
        Claim c = claim("linear.theory_deep.depth3");
        LinearDynamics.NetworkSummary s = result.summary().networks().get("depth3");
        assertEquals(s.theoryR2().mean(), c.value().mean(), 0);
        assertEquals(0.85, c.threshold(), 0);
        LinearTrajectory t = result.of("depth3").get(0).trajectory();
        assertNotNull(t.alignment());
        assertNotNull(t.aligned());
        System.out.printf("depth3: plain theory R² %.3f (bound 0.85 → %s); from alignment %.3f vs plain %.3f on the "
                        + "same points%n", c.value().mean(), c.holds() ? "holds" : "fails", s.alignedTheoryR2().mean(),
                s.plainTheoryR2SamePoints().mean());
    }

    /** The reproduce cache stores the whole record: it must read back into the same type with the same content. */
    @Test
    void resultRoundTripsThroughJson() throws Exception {
        var mapper = org.psychonet.report.Json.MAPPER;
        String a = mapper.writeValueAsString(result);
        LinearDynamics.Result back = mapper.readValue(a, LinearDynamics.Result.class);
        assertEquals(a, mapper.writeValueAsString(back));
        assertEquals(mapper.writeValueAsString(result.summary()), mapper.writeValueAsString(back.summary()));
    }

    @Test
    void writesTheFiguresAndTables() {
        for (String f : new String[] {"spectrum.csv", "spectrum.png", "depths.png", "depth1_pcs.csv",
            "depth1_proportion.png", "depth1_thresholds.csv", "depth1_thresholds.png", "depth1_acuity.png",
            "depth1_acuity.csv", "depth3_singular_values.csv", "symmetric_loss.csv", "depth3_alignment.png",
            "measures.csv", "sharpness.png", "supervised_linear.csv", "supervised_linear_depth1.png",
            "supervised_linear_depth2.png", "depth1-sgd_pcs.csv"}) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), "missing " + f);
        }
    }
}
