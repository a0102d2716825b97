package org.psychonet.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.psychonet.util.Estimate;

class ClaimTest {

    @Test
    void holdsIsComputedFromValueAndBound() {
        Claim c = Claim.paper("x", "Fig. 1", "s").measured("m", 0.95).atLeast(0.95);
        assertTrue(c.holds());
        assertFalse(Claim.paper("x", "Fig. 1", "s").measured("m", 0.95).above(0.95).holds());
        assertTrue(Claim.paper("x", "Fig. 1", "s").measured("m", 90).within(60, 120).holds());
        assertFalse(Claim.paper("x", "Fig. 1", "s").measured("m", Double.NaN).below(1).holds());
    }

    @Test
    void twoStandardErrorComparatorsNeedSeedsAndAMarginBeyondNoise() {
        // mean 0.03, se 0.01: 0.03 − 0.02 > 0 holds; with se 0.02 it does not
        Estimate clear = new Estimate(0.03, 0.01, 3, new double[] {0.02, 0.03, 0.04});
        Estimate noisy = new Estimate(0.03, 0.02, 3, new double[] {0.0, 0.03, 0.06});
        assertTrue(Claim.paper("d", "SI Fig. 1", "s").measured("m", clear).aboveBy2se(0).holds());
        assertFalse(Claim.paper("d", "SI Fig. 1", "s").measured("m", noisy).aboveBy2se(0).holds());
        assertFalse(Claim.paper("d", "SI Fig. 1", "s").measured("m", 5.0).aboveBy2se(0).holds(),
                "a single run never clears a 2 s.e. bound");
        assertTrue(Claim.paper("d", "SI Fig. 1", "s").measured("m",
                new Estimate(-0.03, 0.01, 3, new double[] {-0.02, -0.03, -0.04})).belowBy2se(0).holds());
    }

    @Test
    void jsonCarriesKindMeanSeNAndVerdictAndReadsBack() throws Exception {
        ObjectMapper m = new ObjectMapper();
        Claim c = Claim.check("images.x", "Fig. 2", "s").measured("ratio", Estimate.of(1.2, 1.4)).settings("w")
                .above(1);
        JsonNode n = m.readTree(m.writeValueAsString(c));
        assertEquals("check", n.get("kind").asText());
        assertEquals(">", n.get("comparator").asText());
        assertEquals(1.3, n.get("value").get("mean").asDouble(), 1e-12);
        assertEquals(2, n.get("value").get("n").asInt());
        assertTrue(n.get("holds").asBoolean());
        Claim back = m.readValue(m.writeValueAsString(c), Claim.class);
        assertEquals(c.id(), back.id());
        assertEquals(c.value(), back.value());
        assertEquals(c.holds(), back.holds());
    }
}
