package org.psychonet.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.learning.linear.LinearMethod;
import org.psychonet.learning.supervised.SupervisedCondition;
import org.psychonet.learning.supervised.SupervisedTraining;

/**
 * Issue 13's must-hold, on tiny runs of the linear and supervised experiments that make every kind of claim: every
 * paper claim's bound is the one written in its spec (with its figure) before the run, and no paper claim compares
 * a single run's difference with 0.
 */
class ClaimsWrittenBeforeTheRunIT {
    @TempDir
    Path dir;

    private static LinearDynamics.Config tinyLinear() {
        LinearDynamics.Config q = LinearDynamics.Config.quick();
        return q.withData("synthetic", 2000, 8).withTraining(LinearMethod.FULLBATCH, 400, 0).withTopPcs(12)
                .withFrequencies(LinearDynamics.Config.frequencyGrid(8))
                .withStudy(new LinearDynamics.Study(2, List.of(1), 256, 0, List.of(1)));
    }

    private static SupervisedLabelNoise.Config tinySupervised() {
        SupervisedTraining p = SupervisedTraining.paper();
        return SupervisedLabelNoise.Config.quick().withSeeds(2).withConditions(SupervisedCondition.all())
                .withTraining(new SupervisedTraining(p.bins(), new int[] {32, 16}, 32, 4, p.learningRate(),
                        p.initScale(), 2, 12, 2, 2));
    }

    @Test
    void everyPaperClaimIsHeldToItsWrittenBoundAndNoneIsOneRunAgainstZero() throws Exception {
        List<Claim> claims = new ArrayList<>(new LinearDynamics().run(tinyLinear(), 0, dir).claims());
        int linear = claims.size();
        claims.addAll(new SupervisedLabelNoise().run(tinySupervised(), 0, dir).claims());
        List<ClaimSpec> specs = new ArrayList<>(LinearDynamicsClaims.SPECS);
        specs.addAll(SupervisedLabelNoiseClaims.SPECS);
        int paper = 0;
        for (Claim c : claims) {
            List<ClaimSpec> made = specs.stream().filter(s -> s.made(c)).toList();
            assertEquals(1, made.size(), c.id() + " is made by " + made.size() + " written specs");
            assertFalse(c.figure() == null || c.figure().isBlank(), c.id() + " has no figure");
            assertTrue(c.statement().length() > 40, c.id() + " does not say what it tests");
            if (c.kind() == Claim.Kind.PAPER) {
                paper++;
                assertFalse(c.threshold() == 0 && !c.comparator().usesStandardError(),
                        c.id() + " compares one run against 0");
                if (c.comparator().usesStandardError()) {
                    assertTrue(c.value().n() >= 2, c.id() + " judges seed noise from " + c.value().n() + " run");
                }
            }
        }
        // every spec is exercised by these runs
        for (ClaimSpec s : specs) {
            assertTrue(claims.stream().anyMatch(s::made), "no claim made from " + s.id());
        }
        assertTrue(linear > 20 && paper > 30, linear + " linear claims, " + paper + " paper claims");
    }
}
