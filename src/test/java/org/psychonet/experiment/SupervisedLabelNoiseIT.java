package org.psychonet.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.cli.Main;
import org.psychonet.experiment.SupervisedLabelNoise.ConditionResult;
import org.psychonet.experiment.SupervisedLabelNoise.Config;
import org.psychonet.experiment.SupervisedLabelNoise.Result;
import org.psychonet.experiment.SupervisedLabelNoise.SeedResult;
import org.psychonet.learning.SupervisedCondition;
import org.psychonet.learning.SupervisedTraining;
import org.psychonet.report.SupervisedReport;

/**
 * The "Must hold" list at the --quick profile: one run of all four conditions × 3 seeds,
 * shared by the tests below. Thresholds are the issue's; a failure here is a failed replication.
 */
class SupervisedLabelNoiseIT {
    @TempDir
    static Path dir;
    private static Result quick;

    @BeforeAll
    static void runQuickProfile() throws Exception {
        quick = new SupervisedLabelNoise().run(Config.quick(), 0, dir);
        SupervisedReport.write(quick, dir);
    }

    private static ConditionResult condition(SupervisedCondition c) {
        return quick.condition(c);
    }

    private static String values(double[] v) {
        return Arrays.toString(v);
    }

    @Test
    void controlEndsFlat() {
        double[] cv = condition(SupervisedCondition.CONTROL).metric(SeedResult::cv);
        assertEquals(3, cv.length);
        for (double v : cv) {
            assertTrue(v < SupervisedLabelNoise.CONTROL_MAX_CV, "control CV per seed " + values(cv));
        }
    }

    @Test
    void frequencySensitivityFollowsThePrior() {
        double[] c = condition(SupervisedCondition.FREQUENCY).metric(SeedResult::corrWithPrior);
        for (double v : c) {
            assertTrue(v > SupervisedLabelNoise.FREQUENCY_MIN_CORR, "corr_with_prior per seed " + values(c));
        }
    }

    @Test
    void noiseSensitivityFollowsInformation() {
        double[] c = condition(SupervisedCondition.NOISE).metric(SeedResult::corrWithInformation);
        for (double v : c) {
            assertTrue(v > SupervisedLabelNoise.NOISE_MIN_CORR, "corr_with_information per seed " + values(c));
        }
    }

    /** Fig. 6d: with p(θ)·I(θ) constant, sensitivity still follows p(θ). */
    @Test
    void balancedSensitivityStillFollowsThePrior() {
        double[] c = condition(SupervisedCondition.BALANCED).metric(SeedResult::corrWithPrior);
        for (double v : c) {
            assertTrue(v > SupervisedLabelNoise.BALANCED_MIN_CORR_EACH, "corr_with_prior per seed " + values(c));
        }
        double mean = Arrays.stream(c).average().orElseThrow();
        assertTrue(mean > SupervisedLabelNoise.BALANCED_MIN_CORR_MEAN, "mean corr_with_prior " + mean);
    }

    @Test
    void claimsReportTheSameVerdicts() {
        assertEquals(7, quick.claims().size());
        for (Claim k : quick.claims()) {
            assertTrue(k.holds(), k.id() + ": " + k.value() + " " + k.bound());
        }
        assertTrue(quick.entropyInverseError() < SupervisedLabelNoise.ENTROPY_TOLERANCE);
        assertTrue(quick.balanceSpread() < SupervisedLabelNoise.BALANCE_TOLERANCE);
    }

    @Test
    void writesFiguresAndData() throws Exception {
        for (SupervisedCondition c : SupervisedCondition.values()) {
            for (String f : List.of("_heatmap.png", "_profile.png", "_sensitivity.csv", "_profile.csv")) {
                Path p = dir.resolve(c.label() + f);
                assertTrue(Files.size(p) > 100, p.toString());
            }
        }
        List<String> acc = Files.readAllLines(dir.resolve("accuracy_per_bin.csv"));
        assertEquals(1 + 4 * 3 * 60, acc.size());
        List<String> sens = Files.readAllLines(dir.resolve("control_sensitivity.csv"));
        assertEquals(1 + 3 * 7 * 60, sens.size()); // seeds × snapshots (0,10,…,60) × θ
    }

    @Test
    void sameSeedSameNumbers() throws Exception {
        SupervisedTraining p = SupervisedTraining.paper();
        Config tiny = Config.quick().withConditions(List.of(SupervisedCondition.BALANCED)).withSeeds(1)
                .withTraining(new SupervisedTraining(p.bins(), p.hidden(), 32, 3, p.learningRate(), p.initScale(), 1,
                        12, 2, 2));
        Result a = new SupervisedLabelNoise().run(tiny, 7, dir);
        Result b = new SupervisedLabelNoise().run(tiny, 7, dir);
        Result c = new SupervisedLabelNoise().run(tiny, 8, dir);
        SeedResult sa = a.conditions().get(0).seeds().get(0);
        SeedResult sb = b.conditions().get(0).seeds().get(0);
        SeedResult sc = c.conditions().get(0).seeds().get(0);
        for (int k = 0; k < sa.trace().steps().length; k++) {
            assertArrayEquals(sa.trace().sensitivity()[k], sb.trace().sensitivity()[k], 0);
        }
        assertArrayEquals(sa.trace().loss(), sb.trace().loss(), 0);
        assertArrayEquals(sa.accuracyPerBin(), sb.accuracyPerBin(), 0);
        assertEquals(sa.corrWithPrior(), sb.corrWithPrior(), 0);
        assertFalse(Arrays.equals(sa.trace().finalSensitivity(), sc.trace().finalSensitivity()),
                "another seed must give another network");
    }
}
