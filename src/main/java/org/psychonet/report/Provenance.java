package org.psychonet.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
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

    /** The block every result.json carries. */
    public static Map<String, Object> describe(String command, Instant started, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put(org.psychonet.util.output.SafeOutput.PROVENANCE_KEY, VERSION);
        m.put("git_commit", gitCommit());
        m.put("seed", seed);
        m.put("started", started.toString());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        return m;
    }
}
