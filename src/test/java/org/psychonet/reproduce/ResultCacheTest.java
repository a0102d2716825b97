package org.psychonet.reproduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.experiment.Claim;
import org.psychonet.experiment.Experiment;
import org.psychonet.experiment.ExperimentResult;
import org.psychonet.report.Json;
import org.psychonet.util.InvalidInputException;

/** The cache of typed results: read back into the same record, locked, checked, repaired (issue 10 items 5, 9, 11). */
class ResultCacheTest {
    @TempDir
    Path dir;

    record Config(int n) {
    }

    /** A result with the shapes real ones have: arrays, NaN, nested records, claims. */
    record Result(double[] values, double missing, Inner inner, List<Claim> claims) implements ExperimentResult {
        @Override
        public Summary summary() {
            return new Summary(values.length);
        }
    }

    record Inner(String name, long[] steps) {
    }

    record Summary(int count) {
    }

    /** Counts its runs; writes one artifact. */
    static final class Counting implements Experiment<Config, Result> {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public String id() {
            return "fake";
        }

        @Override
        public Result run(Config config, long seed, Path artifacts) throws IOException {
            runs.incrementAndGet();
            Files.writeString(artifacts.resolve("weights.bin"), "w" + seed);
            double[] v = new double[config.n()];
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.sqrt(i + seed) / 3;
            }
            return new Result(v, Double.NaN, new Inner("x", new long[] {0, 50, 100}),
                    List.of(Claim.check("fake.claim", "Fig. 0", "a fake claim").measured("m", v[1]).above(0)));
        }
    }

    private static Step<Config, Result> step(Counting e) {
        return new Step<>("fake", "Fake", List.of("fig0"), new Config(5), e, Result.class, (r, d) -> { });
    }

    @Test
    void aResultIsReadBackIntoTheSameRecordAndItsArtifactsAppear() throws Exception {
        Counting e = new Counting();
        Step<Config, Result> s = step(e);
        Result fresh;
        String key;
        try (ResultCache c = ResultCache.open(dir.resolve("cache"), Json.MAPPER)) {
            key = c.key(s, 3, "v");
            fresh = c.compute(s, key, 3, "v");
        }
        try (ResultCache c = ResultCache.open(dir.resolve("cache"), Json.MAPPER)) {
            Result back = c.lookup(key, Result.class, m -> { }).orElseThrow();
            assertArrayEquals(fresh.values(), back.values(), "doubles round-trip exactly");
            assertTrue(Double.isNaN(back.missing()), "NaN comes back as NaN");
            assertArrayEquals(fresh.inner().steps(), back.inner().steps());
            assertEquals(fresh.claims(), back.claims());
            Path out = Files.createDirectories(dir.resolve("out"));
            c.linkArtifacts(key, out);
            assertEquals("w3", Files.readString(out.resolve("weights.bin")));
        }
        assertEquals(1, e.runs.get());
    }

    @Test
    void aDamagedEntryIsMovedAsideWithANoticeAndRecomputed() throws Exception {
        Counting e = new Counting();
        Step<Config, Result> s = step(e);
        String key;
        try (ResultCache c = ResultCache.open(dir.resolve("cache"), Json.MAPPER)) {
            key = c.key(s, 1, "v");
            c.compute(s, key, 1, "v");
        }
        Path entry = dir.resolve("cache").resolve(key);
        for (String damage : List.of("truncate", "delete", "edit")) {
            switch (damage) {
                case "truncate" -> Files.writeString(entry.resolve("result.json"), "{\"id\": \"fa");
                case "delete" -> Files.delete(entry.resolve("artifacts/weights.bin"));
                default -> Files.writeString(entry.resolve("artifacts/weights.bin"), "edited");
            }
            List<String> notices = new ArrayList<>();
            try (ResultCache c = ResultCache.open(dir.resolve("cache"), Json.MAPPER)) {
                assertTrue(c.lookup(key, Result.class, notices::add).isEmpty(), damage);
                c.compute(s, key, 1, "v");
                assertTrue(c.lookup(key, Result.class, notices::add).isPresent(), damage);
            }
            assertEquals(1, notices.size(), damage + ": " + notices);
            assertTrue(notices.get(0).contains("damaged") && notices.get(0).contains(key), notices.get(0));
        }
        try (Stream<Path> l = Files.list(dir.resolve("cache"))) {
            assertEquals(3, l.filter(p -> p.getFileName().toString().contains(".damaged-")).count(),
                    "each damaged entry kept aside, never deleted");
        }
    }

    @Test
    void aSecondRunOnTheSameCacheIsRefusedNamingTheHolder() throws Exception {
        try (ResultCache c = ResultCache.open(dir.resolve("cache"), Json.MAPPER)) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> ResultCache.open(dir.resolve("cache"), Json.MAPPER));
            assertEquals("cache", e.parameterName().orElse(null));
            assertTrue(e.getMessage().contains("PID " + ProcessHandle.current().pid()), e.getMessage());
        }
        try (ResultCache c = ResultCache.open(dir.resolve("cache"), Json.MAPPER)) {
            assertTrue(Files.isDirectory(c.root()), "free again once the first run closed it");
        }
    }

    @Test
    void aCacheThatStayedEmptyIsRemovedAndStaleTemporariesOfDeadRunsAreSwept() throws Exception {
        try (ResultCache c = ResultCache.open(dir.resolve("cache"), Json.MAPPER)) {
            assertTrue(Files.isDirectory(c.root()));
        }
        assertFalse(Files.exists(dir.resolve("cache")), "a failed first run leaves no empty cache folder");
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path stale = Files.createDirectories(dir.resolve("c2/.fake-1.tmp-" + p.pid() + "-ab12"));
        Path live = Files.createDirectories(dir.resolve("c2/.fake-2.tmp-" + ProcessHandle.current().pid() + "-cd34"));
        try (ResultCache c = ResultCache.open(dir.resolve("c2"), Json.MAPPER)) {
            assertFalse(Files.exists(stale), "left by a killed run");
            assertTrue(Files.exists(live), "a live run's");
        }
    }
}
