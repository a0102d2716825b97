package org.psychonet.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSumTest {

    /** Values spanning 40 orders of magnitude, both signs: plain summation depends on the order here. */
    private static List<Double> awkward(int n, long seed) {
        Random r = new Random(seed);
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            xs.add((r.nextBoolean() ? 1 : -1) * Math.scalb(r.nextDouble(), r.nextInt(130) - 65));
        }
        return xs;
    }

    private static double exact(List<Double> xs) {
        BigDecimal s = BigDecimal.ZERO;
        for (double x : xs) {
            s = s.add(new BigDecimal(x));
        }
        return s.doubleValue(); // correctly rounded
    }

    @Test
    void valueIsTheCorrectlyRoundedExactSumInAnyOrder() {
        List<Double> xs = awkward(2000, 1);
        double truth = exact(xs);
        Random r = new Random(2);
        boolean naiveDiffered = false;
        for (int trial = 0; trial < 20; trial++) {
            Collections.shuffle(xs, r);
            ExactSum s = new ExactSum(1);
            double naive = 0;
            for (double x : xs) {
                s.add(0, x);
                naive += x;
            }
            assertEquals(Double.doubleToLongBits(truth), Double.doubleToLongBits(s.value(0)), "trial " + trial);
            naiveDiffered |= naive != truth;
        }
        assertTrue(naiveDiffered, "the data are hard enough that plain summation misses the exact sum");
    }

    @Test
    void cancellationKeepsTheSmallTerm() {
        ExactSum s = new ExactSum(1);
        s.add(0, 1e16);
        s.add(0, 1.0);
        s.add(0, -1e16);
        assertEquals(1.0, s.value(0));
        assertNotEquals(1.0, 1e16 + 1.0 - 1e16, "plain addition loses it");
    }

    @Test
    void halfwayCasesRoundToEven() {
        // 1 + 2^-53 is exactly halfway between 1 and 1 + 2^-52: ties to even gives 1; a tiny extra tips it up
        ExactSum s = new ExactSum(1);
        s.add(0, 1.0);
        s.add(0, Math.scalb(1.0, -53));
        assertEquals(1.0, s.value(0));
        s.add(0, Math.scalb(1.0, -200));
        assertEquals(Math.nextUp(1.0), s.value(0));
    }

    @Test
    void mergingPartitionsInAnyGroupingGivesTheSameBits() {
        List<Double> xs = awkward(3000, 3);
        double truth = exact(xs);
        for (int parts : new int[] {1, 2, 7, 31}) {
            List<ExactSum> partials = new ArrayList<>();
            for (List<Double> slice : Partitions.slice(xs, parts)) {
                ExactSum p = new ExactSum(2);
                for (double x : slice) {
                    p.add(0, x);
                    p.add(1, -x);
                }
                partials.add(p);
            }
            Collections.reverse(partials);
            ExactSum total = new ExactSum(2);
            for (ExactSum p : partials) {
                total.merge(p);
            }
            assertEquals(Double.doubleToLongBits(truth), Double.doubleToLongBits(total.value(0)), parts + " parts");
            assertEquals(Double.doubleToLongBits(-truth), Double.doubleToLongBits(total.value(1)), parts + " parts");
        }
    }

    @Test
    void nonFiniteInputsPropagateAsInPlainAddition() {
        ExactSum s = new ExactSum(3);
        s.add(0, Double.POSITIVE_INFINITY);
        s.add(0, 1);
        s.add(1, Double.NaN);
        s.add(2, Double.MAX_VALUE);
        s.add(2, Double.MAX_VALUE);
        assertEquals(Double.POSITIVE_INFINITY, s.value(0));
        assertTrue(Double.isNaN(s.value(1)));
        assertEquals(Double.POSITIVE_INFINITY, s.value(2));
    }
}
