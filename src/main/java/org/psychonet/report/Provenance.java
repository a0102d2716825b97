package org.psychonet.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Where a result came from: psychonet version, git commit, machine, and when. */
public final class Provenance {
    private static final String VERSION = loadVersion();
    private static final String COMMIT = computeCommit();

    private Provenance() {
    }

    public static String version() {
        return VERSION;
    }

    public static String gitCommit() {
        return COMMIT;
    }

    private static String computeCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").directory(codeRoot().toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0 || out.length() < 7) {
                return "unknown";
            }
            Process dirty = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                    .directory(codeRoot().toFile()).redirectErrorStream(true).start();
            String changes = new String(dirty.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            dirty.waitFor(5, TimeUnit.SECONDS);
            return changes.isEmpty() ? out : out + "-dirty";
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Path codeRoot() {
        try {
            Path p = Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.getParent() != null ? p.getParent() : p;
        } catch (Exception e) {
            return Path.of(".");
        }
    }

    private static String loadVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("/psychonet.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }

    /**
     * The one block of a result.json that differs between two identical runs: when, where and how long. Everything
     * else in result.json is the same bytes for the same code, input and seed.
     *
     * @param started ISO-8601 start time
     * @param timings named wall-clock durations, seconds
     */
    @JsonPropertyOrder({"started", "java", "os", "cores", "timings"})
    public record Run(String started, String java, String os, int cores, Map<String, Double> timings) {
        public static Run of(Instant started, Map<String, Double> timings) {
            return new Run(started.toString(), System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    Runtime.getRuntime().availableProcessors(), timings);
        }
    }
}
