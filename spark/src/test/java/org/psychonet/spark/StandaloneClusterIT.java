package org.psychonet.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.cli.Main;
import org.psychonet.images.ImageFiles;
import org.psychonet.images.ImageSource;
import org.psychonet.images.ImageSources;

/**
 * psychonet on a real Spark standalone cluster: a master and a worker started on 127.0.0.1 from the Spark jars, jobs
 * submitted by the command line exactly as a user would ({@code stats --spark spark://…}, {@code sweep --spark …}),
 * executors in their own JVMs that receive psychonet-spark.jar and load PyTorch's natives from it. Results are
 * compared with the single-process commands; a worker killed mid-job must not change them. The cluster is stopped
 * at the end (processes this test started, by their handles).
 */
class StandaloneClusterIT {
    @TempDir
    static Path tmp;
    private static LocalStandalone cluster;
    private static Path photos;

    @BeforeAll
    static void startCluster() throws Exception {
        Path jar = Path.of(System.getProperty("psychonet.sparkJar"));
        assertTrue(Files.isRegularFile(jar), "the application jar is built before the integration tests: " + jar);
        List<Path> sparkJars = new ArrayList<>();
        for (String p : Files.readString(Path.of(System.getProperty("psychonet.sparkClasspath"))).strip()
                .split(java.io.File.pathSeparator)) {
            sparkJars.add(Path.of(p));
        }
        cluster = LocalStandalone.start(tmp.resolve("standalone"), sparkJars, 2, "2g");
        // what spark-submit would pass: the application jar for the executors, modest executors
        System.setProperty("spark.jars", jar.toString());
        System.setProperty("spark.executor.memory", "1g");
        // a fresh DJL cache for the executors: they must unpack PyTorch's natives from the application jar
        System.setProperty("spark.executorEnv.DJL_CACHE_DIR", tmp.resolve("executor-djl").toString());
        System.setProperty("spark.executorEnv.ENGINE_CACHE_DIR", tmp.resolve("executor-djl").toString());
        // a folder every executor can read (same machine), with one damaged file among the photographs
        photos = Files.createDirectories(tmp.resolve("photos"));
        ImageSource w = ImageSources.parse("world:size=72,count=40,seed=4");
        for (int i = 0; i < 40; i++) {
            ImageFiles.writePng(w.image(i), photos.resolve(String.format("p%02d.png", i)));
        }
        Files.writeString(photos.resolve("p17.png"), "truncated");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static void psychonet(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), args);
        assertEquals(0, code, String.join(" ", args) + ": " + err);
    }

    /** Every data file of two result folders is byte-identical (result.json: the summary's numbers too). */
    private static void assertSameResults(Path a, Path b) throws Exception {
        List<String> names = new ArrayList<>();
        try (var s = Files.list(a)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        for (String n : names) {
            if (n.equals("result.json")) {
                continue;
            }
            assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n);
        }
        JsonNode x = new ObjectMapper().readTree(a.resolve("result.json").toFile()).path("summary");
        JsonNode y = new ObjectMapper().readTree(b.resolve("result.json").toFile()).path("summary");
        for (String k : List.of("images_read", "images_skipped", "skipped", "pixels", "hue_pixels_counted",
                "cardinal_oblique_ratio", "patches", "pca_powerlaw_exponent", "pca_top_eigenvalues")) {
            assertEquals(x.path(k), y.path(k), k);
        }
    }

    @Test
    void statsOnTheClusterEqualsSingleProcessStats() throws Exception {
        String[] common = {"stats", "--images", photos.toString(), "--resize", "0", "--patches", "600",
            "--patch-size", "8", "--components", "4"};
        Path local = tmp.resolve("stats-local");
        Path onCluster = tmp.resolve("stats-cluster");
        psychonet(concat(common, "--out", local.toString()));
        psychonet(concat(common, "--spark", cluster.url(), "--out", onCluster.toString()));
        assertSameResults(local, onCluster);
        JsonNode r = new ObjectMapper().readTree(onCluster.resolve("result.json").toFile());
        assertEquals(39, r.path("summary").path("images_read").asInt());
        assertTrue(r.path("config").path("spark").asText().contains("master " + cluster.url()), r.toString());
        // the executors loaded libtorch from the jar they were sent, into their own cache (the patch covariance's
        // block products run on PyTorch there)
        try (var found = Files.walk(tmp.resolve("executor-djl"))) {
            assertTrue(found.anyMatch(p -> p.getFileName().toString().equals("libtorch_cpu.so")),
                    "PyTorch natives unpacked on the executors");
        }
        assertEquals("p17.png", r.path("summary").path("skipped").get(0).path("file").asText());
    }

    @Test
    void sweepOnTheClusterEqualsTheSequentialSweep() throws Exception {
        String[] common = {"sweep", "--models", "identity,mlp", "--stimulus", "gabor,hue", "--thetas", "6"};
        Path local = tmp.resolve("sweep-local");
        Path onCluster = tmp.resolve("sweep-cluster");
        psychonet(concat(common, "--out", local.toString()));
        psychonet(concat(common, "--spark", cluster.url(), "--out", onCluster.toString()));
        List<String> a = Files.readAllLines(local.resolve("sweep.csv"));
        List<String> b = Files.readAllLines(onCluster.resolve("sweep.csv"));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            String[] x = a.get(i).split(",");
            String[] y = b.get(i).split(",");
            // model, step, stimulus, layer, θ and unit identical; D and what follows from it equal to float32
            // rounding (the executors run PyTorch with one thread per task, the driver with every core)
            assertEquals(String.join(",", List.of(x).subList(0, 6)), String.join(",", List.of(y).subList(0, 6)));
            for (int k = 6; k < x.length && i > 0; k++) {
                double u = Double.parseDouble(x[k]);
                double v = Double.parseDouble(y[k]);
                assertEquals(u, v, 1e-6 * Math.abs(u), "row " + i + " column " + k);
            }
        }
        assertTrue(Files.isRegularFile(onCluster.resolve("sweep.parquet")), "Parquet on the cluster");
        assertTrue(Files.isRegularFile(onCluster.resolve("cardinal_ratio_gabor.png")));
    }

    /**
     * A worker (with its executor) killed while a stats job runs: Spark reruns the lost tasks on a replacement
     * worker, and the statistics are the same bits as in one process — no partition lost, none counted twice.
     */
    @Test
    void aWorkerKilledMidJobDoesNotChangeTheResult() throws Exception {
        String[] common = {"stats", "--images", "world:size=96,count=3072,seed=8", "--patches", "3000",
            "--patch-size", "8", "--components", "4"};
        Path local = tmp.resolve("kill-local");
        Path onCluster = tmp.resolve("kill-cluster");
        psychonet(concat(common, "--out", local.toString()));
        ExecutorService job = Executors.newSingleThreadExecutor();
        try {
            Future<?> run = job.submit(() -> psychonet(concat(common, "--spark", cluster.url(), "--out",
                    onCluster.toString())));
            int[] progress = awaitSomeTasksDone(run);
            Process victim = cluster.workers().get(0);
            cluster.killWorker(victim);
            assertTrue(victim.waitFor(30, TimeUnit.SECONDS), "the worker is gone");
            cluster.addWorker(2, "2g"); // a replacement, as a cluster manager would bring
            run.get(20, TimeUnit.MINUTES);
            assertTrue(progress[0] >= 1 && progress[0] < progress[1], "killed mid-job: " + progress[0] + " of "
                    + progress[1] + " tasks done");
        } finally {
            job.shutdownNow();
        }
        assertSameResults(local, onCluster);
        JsonNode r = new ObjectMapper().readTree(onCluster.resolve("result.json").toFile());
        assertEquals(3072, r.path("summary").path("images_read").asInt(), "every image counted once");
    }

    /** Waits until the job's stage has finished at least one task but not all; returns {done, total}. */
    private static int[] awaitSomeTasksDone(Future<?> run) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (System.nanoTime() < end) {
            if (run.isDone()) {
                run.get();
                throw new AssertionError("the job ended before a worker could be killed");
            }
            SparkSession s = SparkSession.getDefaultSession().isDefined() ? SparkSession.getDefaultSession().get()
                    : null;
            if (s != null) {
                for (int id : s.sparkContext().statusTracker().getActiveStageIds()) {
                    scala.Option<SparkStageInfo> info = s.sparkContext().statusTracker().getStageInfo(id);
                    if (info.isDefined() && info.get().numCompletedTasks() >= 1
                            && info.get().numCompletedTasks() < info.get().numTasks()) {
                        return new int[] {info.get().numCompletedTasks(), info.get().numTasks()};
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no task finished within 15 minutes");
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
