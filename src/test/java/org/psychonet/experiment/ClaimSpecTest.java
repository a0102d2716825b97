package org.psychonet.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.psychonet.util.Estimate;

/** The written bounds of the linear and supervised claims, checked without running anything. */
class ClaimSpecTest {

    private static List<ClaimSpec> all() {
        List<ClaimSpec> s = new ArrayList<>(LinearDynamicsClaims.SPECS);
        s.addAll(SupervisedLabelNoiseClaims.SPECS);
        return s;
    }

    @Test
    void everyPaperSpecHasAFigureAStatementAndABoundThatIsNotOneRunAgainstZero() {
        Set<String> ids = new HashSet<>();
        for (ClaimSpec s : all()) {
            assertTrue(ids.add(s.id()), "duplicate id " + s.id());
            assertFalse(s.figure() == null || s.figure().isBlank(), s.id() + " has no figure");
            assertTrue(s.statement().length() > 40, s.id() + " does not say what it tests");
            if (s.kind() == Claim.Kind.PAPER && s.bound() == ClaimSpec.Bound.FIXED) {
                assertFalse(s.threshold() == 0 && !s.comparator().usesStandardError(),
                        s.id() + " compares with 0 without seed noise");
                assertFalse(Double.isNaN(s.threshold()), s.id() + " has no bound");
            }
        }
        // no spec id is a dotted prefix of another (each claim is made by exactly one spec)
        for (ClaimSpec a : all()) {
            for (ClaimSpec b : all()) {
                assertFalse(a != b && b.id().startsWith(a.id() + "."), a.id() + " shadows " + b.id());
            }
        }
    }

    @Test
    void aPaperClaimAgainstZeroWithoutSeedNoiseCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, () -> ClaimSpec.paper("x.diff", "Fig. 1", "a difference above "
                + "zero on one run, which the standards forbid for a paper claim", Claim.Comparator.ABOVE, 0));
        // a check may (it is not a finding)
        ClaimSpec.check("x.check", "Fig. 1", "an implementation property", Claim.Comparator.ABOVE, 0);
    }

    @Test
    void claimsRememberTheirSpecAndPredictionBoundsNeedAnInterval() {
        Claim c = LinearDynamicsClaims.PC_ORDER.suffixed("depth1").measured("pc_order_spearman",
                Estimate.of(0.97, 0.99, 0.98), "settings");
        assertTrue(LinearDynamicsClaims.PC_ORDER.made(c));
        assertFalse(LinearDynamicsClaims.THEORY_SHALLOW.made(c));
        assertEquals("linear.pc_order.depth1", c.id());
        assertTrue(c.holds());
        assertThrows(IllegalStateException.class, () -> LinearDynamicsClaims.ACUITY_EXPONENT.measured("g",
                Estimate.single(0.5), ""));
        Claim g = LinearDynamicsClaims.ACUITY_EXPONENT.suffixed("depth1").measuredAgainst("acuity_exponent",
                Estimate.of(0.49, 0.51), 0.45, 0.55, "");
        assertTrue(g.holds());
        assertTrue(LinearDynamicsClaims.ACUITY_EXPONENT.made(g));
        // a claim whose threshold differs from the written one is not the spec's
        Claim forged = new Claim(c.id(), c.kind(), c.figure(), c.statement(), c.metric(), c.value(), c.comparator(),
                0.5, Double.NaN, "");
        assertFalse(LinearDynamicsClaims.PC_ORDER.made(forged));
    }
}
