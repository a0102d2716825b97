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
import org.psychonet.learning.supervised.SupervisedCondition;
import org.psychonet.learning.supervised.SupervisedTraining;
import org.psychonet.report.SupervisedReport;

/**
 * The --quick profile: one run of every condition × 3 seeds, shared by the tests below. The thresholds are
 * SupervisedLabelNoiseClaims'; a paper claim that fails there is a failed replication, reported, not a test failure.
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

    /**
     * Every claim is made from its written spec and reports its own verdict: the bound is the spec's, the value is
     * the mean over the seeds of the condition's per-seed metric, and holds() follows from them. The paper claims'
     * verdicts are printed, not asserted: a claim that fails at the quick profile is a result.
     */
    @Test
    void claimsAreTheSpecsWithTheirMeasuredValues() {
        List<Claim> claims = quick.claims();
        // 2 checks + control (1) + noise (2) + frequency (2) + balanced (2) + balanced-count (1)
        // + balanced-notebook (1) + silent-common (1)
        assertEquals(12, claims.size());
        for (Claim k : claims) {
            long specs = SupervisedLabelNoiseClaims.SPECS.stream().filter(s -> s.made(k)).count();
            assertEquals(1, specs, k.id() + " is made by " + specs + " specs");
            assertEquals(k.comparator().test(k.value(), k.threshold(), k.upper()), k.holds());
            System.out.println(k.id() + ": " + k.value() + " " + k.bound() + " → " + (k.holds() ? "holds" : "fails"));
        }
        double[] c = condition(SupervisedCondition.FREQUENCY).metric(SeedResult::corrWithPrior);
        Claim f = claims.stream().filter(k -> k.id().equals("supervised.frequency_prior")).findFirst().orElseThrow();
        assertEquals(Arrays.stream(c).average().orElseThrow(), f.value().mean(), 1e-12);
        assertEquals(3, f.value().n());
        Claim silent = claims.stream().filter(k -> k.id().equals("supervised.silent_common")).findFirst()
                .orElseThrow();
        double[] r = condition(SupervisedCondition.SILENT_COMMON).metric(SeedResult::sensitivityRatio);
        assertEquals(Arrays.stream(r).map(Math::log).average().orElseThrow(), silent.value().mean(), 1e-12);
    }

    /** The reproduce cache stores the whole record: it must read back into the same type with the same content. */
    @Test
    void resultRoundTripsThroughJson() throws Exception {
        var mapper = org.psychonet.report.Json.MAPPER;
        String a = mapper.writeValueAsString(quick);
        assertEquals(a, mapper.writeValueAsString(mapper.readValue(a, Result.class)));
    }

    /** The implementation checks hold (they are properties of psychonet, not findings). */
    @Test
    void checksHold() {
        for (Claim k : quick.claims()) {
            if (k.kind() == Claim.Kind.CHECK) {
                assertTrue(k.holds(), k.id() + ": " + k.value() + " " + k.bound());
            }
        }
    }

    @Test
    void writesFiguresAndData() throws Exception {
        for (SupervisedCondition c : SupervisedCondition.all()) {
            for (String f : List.of("_heatmap.png", "_profile.png", "_sensitivity.csv", "_profile.csv")) {
                Path p = dir.resolve(c.label() + f);
                assertTrue(Files.size(p) > 100, p.toString());
            }
        }
        List<String> acc = Files.readAllLines(dir.resolve("accuracy_per_bin.csv"));
        assertEquals(1 + SupervisedCondition.all().size() * 3 * 60, acc.size());
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
