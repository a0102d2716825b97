package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.model.NetworkStore;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.arch.ArchSpec;

/**
 * Issue 10.13: a measure-only run reads no training images and fits in a 1 GB heap (it used to build 1,000
 * training images of 636² it never used and die with OutOfMemoryError).
 */
class DeepNetsMemoryIT {
    @TempDir
    Path dir;

    private static String run(Path cwd, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/time"))) {
            cmd.addAll(List.of("/usr/bin/time", "-f", "peak-rss-kb %M"));
        }
        cmd.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "deepnets did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void aSavedNetworkIsMeasuredInAOneGigabyteHeap() throws Exception {
        Path saved = dir.resolve("net");
        ArchSpec spec = new ArchSpec("small", 16, 4);
        try (TapNetwork net = spec.build(new Shape(3, 64, 64), DataType.FLOAT32, 3)) {
            NetworkStore.save(net, spec, Map.of("note", "untrained, for the memory test"), saved);
        }
        Path out = dir.resolve("out");
        run(dir, "deepnets", "--model", "saved:" + saved, "--out", out.toString());
        assertTrue(Files.isRegularFile(out.resolve("orientation.csv")));
        assertTrue(Files.readString(out.resolve("result.json")).contains("\"inputSize\" : 64"),
                "measured at the size the network was saved with");
    }

    /** Peak resident memory in MB reported by /usr/bin/time, or −1. */
    private static long peakMb(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("peak-rss-kb (\\d+)").matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }

    @Test
    void trainingOnAPhotoFolderStreamsItsImagesInBoundedMemoryAndSkipsUnreadableFiles() throws Exception {
        Path photos = Path.of("/usr/share/backgrounds");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(photos), "Debian's backgrounds not installed");
        // the large wallpapers (up to 4K) plus one file that is not an image
        Path folder = Files.createDirectories(dir.resolve("photos"));
        try (java.util.stream.Stream<Path> s = Files.walk(photos)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".jpg")).sorted().limit(6)
                    .toList()) {
                Files.copy(p, folder.resolve(p.getFileName()));
            }
        }
        Files.writeString(folder.resolve("zz-broken.jpg"), "not a jpeg");
        Path out = dir.resolve("photos-out");
        String log = run(dir, "deepnets", "--train", folder.toString(), "--input-size", "32", "--seeds", "2",
                "--steps", "4", "--batch", "8", "--thetas", "12", "--hue-steps", "1", "--pooling-seeds", "0",
                "--out", out.toString());
        String networks = Files.readString(out.resolve("networks.csv"));
        assertTrue(networks.contains("photos-rotated") && networks.contains("photos-hue-shifted"), networks);
        for (String line : networks.lines().skip(1).toList()) {
            assertEquals("1", line.split(",")[9], "the broken file is skipped and counted: " + line);
        }
        long peak = peakMb(log);
        assertTrue(peak < 0 || peak < 3000, "peak resident memory " + peak + " MB (it grew past 24 GB before)");
    }
}
