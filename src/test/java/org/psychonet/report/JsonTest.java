package org.psychonet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psychonet.experiment.Claim;
import org.psychonet.util.Estimate;

/** Issue 15: JSON has one type per field — NaN/Inf are null — and null reads back as NaN. */
class JsonTest {
    record Values(double a, double b, Double boxed, double[] row, double[][] grid, List<Double> list) {
    }

    @Test
    void nonFiniteNumbersAreNullAndComeBackAsNaN() throws Exception {
        Values v = new Values(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                new double[] {1.5, Double.NaN, -0.0}, new double[][] {{Double.NaN}, {2}}, List.of(Double.NaN, 3.0));
        String json = Json.MAPPER.writeValueAsString(v);
        assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
        assertEquals(Json.MAPPER.readTree("{\"a\":null,\"b\":null,\"boxed\":null,\"row\":[1.5,null,-0.0],"
                + "\"grid\":[[null],[2.0]],\"list\":[null,3.0]}"), Json.MAPPER.readTree(json));
        Values back = Json.MAPPER.readValue(json, Values.class);
        assertTrue(Double.isNaN(back.a()) && Double.isNaN(back.b()), "null → NaN for double");
        assertTrue(Double.isNaN(back.row()[1]) && back.row()[0] == 1.5 && back.row().length == 3);
        assertTrue(Double.isNaN(back.grid()[0][0]) && back.grid()[1][0] == 2);
    }

    @Test
    void aClaimWithOneRunRoundTripsWithItsMissingStandardError() throws Exception {
        Claim c = Claim.paper("x.y", "Fig. 1", "a statement").measured("m", Estimate.single(0.7)).atLeast(0.5);
        String json = Json.MAPPER.writeValueAsString(c);
        assertTrue(json.contains("\"se\" : null"), json);
        assertEquals(c, Json.MAPPER.readValue(json, Claim.class));
    }

    @Test
    void stringsOfOlderResultsAreStillRead() throws Exception {
        Values back = Json.MAPPER.readValue("{\"a\":\"NaN\",\"b\":\"Infinity\",\"row\":[\"-Infinity\",1]}",
                Values.class);
        assertTrue(Double.isNaN(back.a()) && back.b() == Double.POSITIVE_INFINITY);
        assertEquals(Double.NEGATIVE_INFINITY, back.row()[0]);
    }
}
