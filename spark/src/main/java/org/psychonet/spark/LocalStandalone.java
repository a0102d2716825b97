package org.psychonet.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone cluster on this machine — one master and one or more workers, all on 127.0.0.1 — started from
 * the Spark jars (org.apache.spark.deploy.master.Master and worker.Worker), so no Spark distribution is needed. Used
 * by the integration tests and by {@code spark/bin/standalone} to try {@code --spark spark://127.0.0.1:PORT}.
 * Executors are launched by the worker from {@code HOME/jars} (links to the Spark jars, as a distribution's
 * {@code jars/} folder); the application's own jar reaches them through {@code spark.jars}.
 */
public final class LocalStandalone implements AutoCloseable {
    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
    private final Path home;
    private final String classPath;
    private final int port;
    private final int uiPort;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();

    private LocalStandalone(Path home, String classPath, int port, int uiPort, Process master) {
        this.home = home;
        this.classPath = classPath;
        this.port = port;
        this.uiPort = uiPort;
        this.master = master;
    }

    /**
     * Starts a master (ports chosen free) and one worker with {@code cores} cores and {@code memory} (e.g. "2g"),
     * and waits until the worker has registered.
     *
     * @param home      a folder of its own: jars/ links, work/ (executors' folders), logs/
     * @param sparkJars the Spark jars (spark/target/spark-classpath.txt)
     */
    public static LocalStandalone start(Path home, List<Path> sparkJars, int cores, String memory) throws Exception {
        return start(home, sparkJars, cores, memory, 0);
    }

    /** As above with the master on {@code port} (0: a free one). */
    public static LocalStandalone start(Path home, List<Path> sparkJars, int cores, String memory, int port)
            throws Exception {
        Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("logs"));
        Files.createDirectories(home.resolve("work"));
        for (Path jar : sparkJars) {
            Path link = home.resolve("jars").resolve(jar.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, jar.toAbsolutePath());
            }
        }
        String cp = String.join(java.io.File.pathSeparator, sparkJars.stream().map(Path::toString).toList());
        int p = port > 0 ? port : freePort();
        int ui = freePort();
        Process master = launch(home, cp, "master", List.of("org.apache.spark.deploy.master.Master", "--host",
                "127.0.0.1", "--port", String.valueOf(p), "--webui-port", String.valueOf(ui)));
        LocalStandalone c = new LocalStandalone(home, cp, p, ui, master);
        try {
            c.addWorker(cores, memory);
        } catch (Exception e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The master URL, spark://127.0.0.1:PORT. */
    public String url() {
        return "spark://127.0.0.1:" + port;
    }

    /** Starts another worker and waits until the master counts it alive. */
    public Process addWorker(int cores, String memory) throws Exception {
        int n = workers.size() + 1;
        Process w = launch(home, classPath, "worker-" + n, List.of("org.apache.spark.deploy.worker.Worker", "--host",
                "127.0.0.1", "--cores", String.valueOf(cores), "--memory", memory, "--webui-port",
                String.valueOf(freePort()), "--work-dir", home.resolve("work").toString(), url()));
        workers.add(w);
        awaitWorkers(aliveCount() + 1, Duration.ofMinutes(3), w);
        return w;
    }

    /**
     * Kills a worker and the executors it launched at once (SIGKILL), as a machine lost mid-job: Spark must rerun
     * the lost tasks elsewhere.
     */
    public void killWorker(Process w) {
        w.descendants().forEach(ProcessHandle::destroyForcibly);
        w.destroyForcibly();
        workers.remove(w);
    }

    public List<Process> workers() {
        return List.copyOf(workers);
    }

    /** Workers the master counts alive (from its status page). */
    public int aliveCount() throws IOException, InterruptedException {
        try {
            String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + uiPort + "/json/")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = ALIVE_WORKERS.matcher(json);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (java.net.ConnectException e) {
            return 0;
        }
    }

    private void awaitWorkers(int n, Duration timeout, Process w) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (aliveCount() < n) {
            if (!w.isAlive() || !master.isAlive()) {
                throw new IllegalStateException("the standalone " + (master.isAlive() ? "worker" : "master")
                        + " exited; see " + home.resolve("logs"));
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("no worker registered with " + url() + " within " + timeout
                        + "; see " + home.resolve("logs"));
            }
            Thread.sleep(500);
        }
    }

    /** Stops every worker (with its executors) and the master. */
    @Override
    public void close() {
        for (Process w : List.copyOf(workers)) {
            killWorker(w);
        }
        master.descendants().forEach(ProcessHandle::destroyForcibly);
        master.destroy();
        try {
            if (!master.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                master.destroyForcibly();
            }
        } catch (InterruptedException e) {
            master.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** PIDs of the master and workers (for spark/bin/standalone's stop). */
    public List<Long> pids() {
        List<Long> p = new ArrayList<>();
        p.add(master.pid());
        workers.forEach(w -> p.add(w.pid()));
        return p;
    }

    private static Process launch(Path home, String cp, String name, List<String> mainAndArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
        cmd.add("-cp");
        cmd.add(cp);
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOG_DIR", home.resolve("logs").toString());
        pb.environment().put("TORCH_CPP_LOG_LEVEL", "ERROR");
        pb.redirectErrorStream(true);
        pb.redirectOutput(home.resolve("logs").resolve(name + ".log").toFile());
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * {@code start HOME CLASSPATH_FILE [PORT] [CORES] [MEMORY]}: starts a master (default port 7077, Spark's) and a
     * worker, writes HOME/pids, prints the master URL and stays running until stopped; {@code stop HOME}: ends the
     * processes listed in HOME/pids.
     */
    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("stop")) {
            Path pids = Path.of(args[1], "pids");
            for (String line : Files.readAllLines(pids)) {
                ProcessHandle.of(Long.parseLong(line.strip())).ifPresent(p -> {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroy();
                });
            }
            Files.delete(pids);
            return;
        }
        if (args.length < 3 || !args[0].equals("start")) {
            System.err.println("usage: start HOME CLASSPATH_FILE [PORT] [CORES] [MEMORY] | stop HOME");
            System.exit(2);
        }
        List<Path> jars = new ArrayList<>();
        for (String p : Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).strip()
                .split(java.io.File.pathSeparator)) {
            jars.add(Path.of(p));
        }
        Path home = Path.of(args[1]).toAbsolutePath();
        LocalStandalone c = start(home, jars, args.length > 4 ? Integer.parseInt(args[4])
                : Runtime.getRuntime().availableProcessors(), args.length > 5 ? args[5] : "4g",
                args.length > 3 ? Integer.parseInt(args[3]) : 7077);
        List<String> lines = new ArrayList<>();
        c.pids().forEach(p -> lines.add(String.valueOf(p)));
        lines.add(String.valueOf(ProcessHandle.current().pid()));
        Files.write(home.resolve("pids"), lines);
        System.out.println(c.url());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(c::close));
        c.master.waitFor();
    }
}
