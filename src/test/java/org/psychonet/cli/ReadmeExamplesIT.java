package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs every example of README.md, in the README's order, in one scratch folder, each with small settings (a run
 * here proves the example's command, options and files fit together, not its science): psychonet commands
 * in-process with the settings below appended (a later value of an option replaces the README's), the scripts and
 * the Python worked example with Debian's /usr/bin/python3. Examples that need what is absent here (torch for the
 * export script, photographs) are reported as skipped, by line. So the README cannot drift from the program.
 */
class ReadmeExamplesIT {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    /** Examples too long even with small settings, by what they run: none may be added without a reason. */
    private static final Set<String> NOT_RUN = Set.of(
            "bench", "deepnets-bench", // comparisons with the authors' approach time real work by design
            "help");

    /**
     * README examples that fail because of a defect in psychonet (not in the README), with the defect and its
     * owner: listed as skipped with the reason. Remove an entry when the defect is fixed.
     */
    private static final java.util.Map<String, String> KNOWN_BROKEN = java.util.Map.of();

    private static String knownBroken(String text) {
        return KNOWN_BROKEN.entrySet().stream().filter(k -> text.contains(k.getKey())).map(java.util.Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /**
     * The README's settings made small: appended options replace the README's values; an option the command does
     * not have (any more) is left out, so this table cannot break a renamed command.
     */
    static List<String> small(List<String> args) {
        List<String> a = new ArrayList<>(args);
        String cmd = a.get(0);
        List<String> extra = new ArrayList<>();
        switch (cmd) {
            case "reproduce" -> {
                a.removeIf(s -> s.equals("--quick") || s.equals("--full"));
                extra.addAll(List.of("--tiny", "--only", "stats,fig6"));
            }
            case "sensitivity" -> {
                extra.addAll(List.of("--thetas", "4"));
                if (a.stream().noneMatch(s -> s.startsWith("linear:") || s.startsWith("saved:"))) {
                    extra.addAll(List.of("--size", "32")); // a linear: or saved: model sets the size itself
                }
            }
            case "stats" -> {
                for (int i = 0; i < a.size() - 1; i++) {
                    if (a.get(i).equals("--images") && a.get(i + 1).startsWith("world")) {
                        a.set(i + 1, "world:size=64,count=16");
                    }
                }
                extra.addAll(List.of("--patches", "500", "--patch-size", "8", "--fit", "2:20", "--max-images", "16"));
            }
            case "linear" -> {
                // a snapshot the README goes on to measure must exist: train up to the first --save-weights step
                int save = a.indexOf("--save-weights");
                String steps = save >= 0 && save + 1 < a.size() ? a.get(save + 1) : "20";
                extra.addAll(List.of("--quick", "--steps", steps, "--patches", "500", "--size", "8", "--top-pcs", "4",
                        "--seeds", "1", "--sgd-depths", "0", "--supervised-depths", "0"));
            }
            case "supervised" -> extra.addAll(List.of("--quick", "--steps", "3", "--seeds", "1", "--batch", "32",
                    "--measure-every", "3", "--bins", "12", "--phases", "2"));
            case "deepnets" -> extra.addAll(List.of("--quick", "--steps", "2", "--batch", "4", "--input-size", "32",
                    "--width", "4", "--hue-steps", "2", "--thetas", "8", "--controls", "init", "--seeds", "1", "--source-images", "8",
                    "--images", "8", "--threads", "1", "--pooling-seeds", "0", "--bridge-images", "0"));
            case "sweep" -> extra.addAll(List.of("--thetas", "4"));
            default -> {
            }
        }
        if (!a.contains("--help")) {
            extra.add("--overwrite");
            if (!a.contains("--out")) {
                extra.addAll(List.of("--out", "results")); // the default --out, in the scratch folder
            }
        }
        CommandLine.Model.CommandSpec spec = Main.commandLine().getSubcommands().get(cmd).getCommandSpec();
        for (int i = 0; i < extra.size(); i++) {
            CommandLine.Model.OptionSpec o = spec.findOption(extra.get(i));
            boolean takesValue = i + 1 < extra.size() && !extra.get(i + 1).startsWith("--");
            if (o != null) {
                a.add(extra.get(i));
                if (takesValue) {
                    a.add(extra.get(i + 1));
                }
            }
            if (takesValue) {
                i++;
            }
        }
        return a;
    }

    @Test
    void everyReadmeExampleRuns(@TempDir Path scratch) throws Exception {
        copy(Path.of("scripts"), scratch.resolve("scripts"));
        Path photos = Files.createDirectories(scratch.resolve("photos"));
        try (Stream<Path> s = Files.walk(Path.of("/usr/share/backgrounds"))) {
            s.filter(p -> p.toString().endsWith(".jpg") || p.toString().endsWith(".png")).sorted().limit(3)
                    .forEach(p -> copy(p, photos.resolve(p.getFileName())));
        }
        boolean havePhotos = Files.list(photos).findAny().isPresent();
        boolean haveTorch = python("import torch, torchvision");
        boolean havePlots = python("import pandas, matplotlib");
        List<String> failed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int ran = 0;
        for (ReadmeExamples.Example e : ReadmeExamples.read(Path.of("README.md"))) {
            String why = e.kind() == ReadmeExamples.Kind.PSYCHONET && NOT_RUN.contains(e.command()) ? "not run by design"
                    : e.kind() != ReadmeExamples.Kind.PSYCHONET && !Files.isExecutable(PYTHON) ? "no /usr/bin/python3"
                    : e.kind() == ReadmeExamples.Kind.PYTHON_SCRIPT && e.args().get(0).contains("torch") && !haveTorch
                    ? "no python3-torch" : e.kind() == ReadmeExamples.Kind.PYTHON_BLOCK && !havePlots
                    ? "no pandas/matplotlib" : e.args().contains("photos") && !havePhotos ? "no photographs"
                    : e.args().stream().anyMatch(s -> s.contains("torchscript:")) && !haveTorch
                    ? "no python3-torch to export the model" : e.args().contains("--spark") ? "Spark: spark/ module"
                    : e.text().contains("$HOME") ? "needs a file of the reader's ($HOME/…)"
                    : knownBroken(e.text()) != null ? "KNOWN DEFECT: " + knownBroken(e.text()) : null;
            if (why != null) {
                skipped.add(e + " (" + why + ")");
                continue;
            }
            ran++;
            long t0 = System.nanoTime();
            String outcome = switch (e.kind()) {
                case PSYCHONET -> psychonet(e, scratch);
                case PYTHON_SCRIPT -> process(scratch, e.exitCode(), cat(List.of(PYTHON.toString()), e.args()));
                case PYTHON_BLOCK -> {
                    Path py = scratch.resolve("example-" + e.line() + ".py");
                    Files.writeString(py, e.args().get(0));
                    yield process(scratch, 0, List.of(PYTHON.toString(), py.toString()));
                }
            };
            System.out.printf("README example %s: %s (%.1f s)%n", e, outcome == null ? "ok" : "FAILED",
                    (System.nanoTime() - t0) / 1e9);
            if (outcome != null) {
                failed.add(e + " → " + outcome);
            }
        }
        System.out.println("README examples skipped here: " + skipped);
        assertTrue(ran >= 10, "ran only " + ran + " README examples; skipped " + skipped);
        assertEquals(List.of(), failed);
        if (havePlots) {
            assertTrue(Files.size(scratch.resolve("fig5b.png")) > 1000, "the worked example draws Fig. 5b");
        }
    }

    /** null when the command exits as documented; else what it printed. */
    private static String psychonet(ReadmeExamples.Example e, Path scratch) {
        List<String> args = new ArrayList<>();
        for (String s : small(e.args())) {
            args.add(s.startsWith("--") || s.contains(":") || s.contains(",") || !looksLikePath(s) ? s
                    : scratch.resolve(s).toString());
        }
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            for (String scheme : List.of("linear:", "torchscript:", "saved:")) {
                if (s.startsWith(scheme) && !Path.of(s.substring(scheme.length())).isAbsolute()) {
                    args.set(i, scheme + scratch.resolve(s.substring(scheme.length())));
                }
            }
        }
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOverwrittenOptionsAllowed(true);
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(new String[0]));
        return code == e.exitCode() ? null : "exit " + code + " (README: " + e.exitCode() + ") for " + args + ": "
                + err.toString().strip();
    }

    /** Output folders and input files are relative paths in the README: they resolve in the scratch folder. */
    private static boolean looksLikePath(String s) {
        return s.contains("/") || s.equals("results") || s.equals("photos") || s.endsWith(".pt") || s.endsWith(".npy") || s.equals("dir")
                || s.equals("dir2") || s.equals("out");
    }

    private static String process(Path dir, int expected, List<String> command) throws IOException,
            InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return "timed out";
        }
        return p.exitValue() == expected ? null : "exit " + p.exitValue() + ": " + out.strip();
    }

    private static boolean python(String imports) {
        try {
            return Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c", imports)
                    .redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static List<String> cat(List<String> a, List<String> b) {
        List<String> r = new ArrayList<>(a);
        r.addAll(b);
        return r;
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
