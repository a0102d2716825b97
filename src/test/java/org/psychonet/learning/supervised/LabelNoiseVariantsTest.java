package org.psychonet.learning.supervised;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Fig. 6d variants and the silent band: what each one holds constant, and what it does not. */
class LabelNoiseVariantsTest {
    private static final int BINS = 60;
    private static final GratingPrior P = GratingPrior.PEAK90;

    private static double p(int b) {
        return P.density(LabelNoise.center(b, BINS));
    }

    @Test
    void equalLabelledCountGivesEveryOrientationTheSameNumberOfLabels() {
        LabelNoise n = LabelNoise.equalLabelledCount(P, BINS);
        double ref = p(0) * n.keep()[0];
        for (int b = 0; b < BINS; b++) {
            assertEquals(ref, p(b) * n.keep()[b], 1e-15);
            assertTrue(n.keep()[b] > 0 && n.keep()[b] <= 1);
        }
        assertEquals(1.0, n.keep()[0], 1e-3); // the rarest bins keep every label
        assertEquals(1.0 / 3, n.keep()[30], 2e-3); // p ratio 3:1 at the peak
    }

    @Test
    void theMethodsRuleStillGivesCommonOrientationsMoreLabelledExamples() {
        // the point: balanced information is not balanced gradient counts
        LabelNoise n = LabelNoise.balanced(P, BINS, 1.0);
        double common = p(30) * n.keep()[30];
        double rare = p(0) * n.keep()[0];
        assertTrue(common / rare > 2 && common / rare < 3, "labelled-count ratio " + common / rare);
    }

    @Test
    void authorsNotebookRuleIsComputedAsTheNotebookDoes() {
        LabelNoise n = LabelNoise.authorsNotebook(P, BINS);
        // independently: θ_0 = 0, p = 1/(2π); H = 1.3(1 − 0.15·2π) → σ from the exact H_b
        double h0 = 1.3 * (1 - 0.15 * 2 * Math.PI);
        assertEquals(h0, BinaryEntropy.of(n.keep()[0]), 3e-4);
        // the notebook samples p at linspace(0, π, 60): bin 59 sits at θ = π, as common as θ = 0
        assertEquals(n.keep()[0], n.keep()[BINS - 1], 0);
        for (int b = 0; b < BINS; b++) {
            assertTrue(n.keep()[b] >= 0.5 && n.keep()[b] < 1);
        }
        // p·I is lower at common orientations under this rule (≈ 2.8× at the peak)
        double theta = 29 * Math.PI / 59;
        double common = P.density(theta) * BinaryEntropy.information(n.keep()[29]);
        double rare = P.density(0) * BinaryEntropy.information(n.keep()[0]);
        assertTrue(rare / common > 2.3 && rare / common < 3.3, "p·I ratio rare/common " + rare / common);
    }

    @Test
    void silentBandDropsEveryLabelAroundTheMostCommonOrientation() {
        LabelNoise n = LabelNoise.silentBand(BINS, P.mostCommon(), Math.toRadians(15));
        int silent = 0;
        for (int b = 0; b < BINS; b++) {
            double c = Math.toDegrees(LabelNoise.center(b, BINS));
            boolean in = Math.abs(c - 90) <= 15;
            assertEquals(in ? 0 : 1, n.keep()[b], 0, "bin centred at " + c);
            silent += in ? 1 : 0;
        }
        assertEquals(10, silent);
        // a band around 0° wraps to 180°
        LabelNoise w = LabelNoise.silentBand(BINS, 0, Math.toRadians(4));
        assertEquals(0, w.keep()[0], 0);
        assertEquals(0, w.keep()[BINS - 1], 0);
        assertEquals(1, w.keep()[2], 0);
    }

    @Test
    void conditionsParseFromTheirLabels() {
        for (SupervisedCondition c : SupervisedCondition.values()) {
            assertEquals(c, SupervisedCondition.parse(c.label()));
        }
        assertEquals("balanced-notebook", SupervisedCondition.BALANCED_NOTEBOOK.label());
    }
}
