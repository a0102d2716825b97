package org.psychonet.learning.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.psychonet.theory.SupervisedLinearTheory;
import org.psychonet.util.InvalidInputException;

class SupervisedLinearTest {

    @Test
    void fullBatchDepthOneFollowsEquationTenAndLearnsHighVarianceFirst() {
        SupervisedLinear.Config c = SupervisedLinear.Config.defaults(1);
        c = new SupervisedLinear.Config(1, c.variances(), c.correlation(), c.orthogonal(), 2048, 0, 1500, 0, 10);
        SupervisedLinear.Run r = SupervisedLinear.run(c, 0);
        // full-batch GD from a small start is the discretised eq. 10 (N = 1) up to the step size and the sample's
        // small off-diagonal covariances
        assertTrue(SupervisedLinearTheory.r2(r, SupervisedLinearTheory.curves(r)) > 0.995, "theory R² " + SupervisedLinearTheory.r2(r, SupervisedLinearTheory.curves(r)));
        assertEquals(-1.0, r.order(), 1e-12);
        assertTrue(r.orthogonalPeak() < 0.1, "orthogonal feature learned: " + r.orthogonalPeak());
        // eq. 11's asymptote t/λ = ρ/√λ
        for (int i = 0; i < 5; i++) {
            assertEquals(0.8 / Math.sqrt(c.variances()[i]), r.asymptote()[i], 0.1 * r.asymptote()[i]);
        }
    }

    @Test
    void depthTwoFromARandomStartIsTheConservedQuantityForm() {
        SupervisedLinear.Config c = SupervisedLinear.Config.defaults(2);
        c = new SupervisedLinear.Config(2, c.variances(), c.correlation(), c.orthogonal(), 2048, 0, 3000, 0, 10);
        SupervisedLinear.Run r = SupervisedLinear.run(c, 1);
        assertTrue(SupervisedLinearTheory.r2(r, SupervisedLinearTheory.curves(r)) > 0.95, "theory R² " + SupervisedLinearTheory.r2(r, SupervisedLinearTheory.curves(r)));
        assertEquals(-1.0, r.order(), 1e-12);
    }

    @Test
    void rejectsImpossibleSettingsByParameterName() {
        SupervisedLinear.Config c = SupervisedLinear.Config.defaults(1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SupervisedLinear.run(
                new SupervisedLinear.Config(1, c.variances(), 1.5, 0, 100, 0, 10, 0, 1), 0));
        assertTrue(e.getMessage().contains("correlation"), e.getMessage());
    }
}
