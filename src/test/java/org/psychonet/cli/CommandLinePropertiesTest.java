package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random option values for every command, driven through {@link Main#run(PrintWriter, String...)}: whatever a user
 * types, the answer is a result (exit 0, the output folder written) or one line on stderr with exit 2 and nothing
 * written — never a stack trace, never exit 1. Values come from pools of what users and adversaries type (negative,
 * zero, NaN, infinities, overflowing numbers, empty strings, garbage, odd paths such as /dev/zero, a FIFO, a
 * folder, a NUL character). Commands whose valid runs are long (linear, supervised, deepnets, reproduce) get values
 * that must be refused; sensitivity and stats get any value, their valid runs take a second.
 */
class CommandLinePropertiesTest {
    private static Path dir;
    private static Path fifo;
    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cli-property");
        t.setDaemon(true);
        return t;
    });

    /** Numbers as typed: valid small ones, and every kind of bad one. */
    static final List<String> NUMBERS = List.of("-1", "0", "1", "3", "NaN", "Infinity", "-Infinity", "1e400", "-0",
            "2147483648", "-2147483648", "9223372036854775808", "", " ", "abc", "1.5", "0x10", "1,000", "1.5.1", "٣");
    /** Paths and specs as typed. */
    static final List<String> PATHS = List.of("", " ", "/nonexistent/x", "/dev/zero", "/dev/null", "/", "FIFO", "DIR",
            "nul\u0000byte", "world", "world:", "world:size=0", "world:count=-1", "world:foo=1", "world:size=abc",
            "world:size=2147483648", "world:orientation=sideways", "linear:/dev/zero", "linear:", "saved:/", "1.5.1",
            "saved:DIR", "torchscript:/dev/null", "mlp", "identity", "resnet1000", "linear:nul\u0000byte");
    /** Words for closed sets. */
    static final List<String> WORDS = List.of("", "x", "exact", "grid", "fd", "float16", "float64", "none", "all",
            "gabor", "hue", "planewave", "grating64", "natural", "uniform", "control,x", ",", "output");

    /**
     * Values a long-running command must refuse at once, whatever the option's type: they are not numbers, not
     * paths that can be read, not words of any closed set. (Numbers that parse — negative, zero, NaN, huge — are
     * validated per option and command; the sweep that found the gaps is in /work/coord/status/inputs.md.)
     */
    static boolean refusable(String kind, String v) {
        return switch (kind) {
            case "n" -> List.of("", " ", "abc", "1,000", "0x10", "1.5.1").contains(v);
            case "p" -> List.of("", " ", "/nonexistent/x", "/dev/zero", "FIFO", "nul\u0000byte", "world:size=0",
                    "world:foo=1", "world:size=abc", "world:size=2147483648").contains(v);
            default -> List.of("", "x", "float16", ",").contains(v);
        };
    }

    record Case(String command, String[] base, String option, String value) {
        String[] args(Path out) {
            List<String> a = new ArrayList<>(Arrays.asList(command.split(" ")));
            a.addAll(Arrays.asList(base));
            if (value == null) {
                a.add(option);
            } else {
                a.add(option);
                a.add(value.equals("FIFO") ? fifo.toString() : value.equals("DIR") ? dir.toString()
                        : value.replace("saved:DIR", "saved:" + dir).replace(":DIR", ":" + dir));
            }
            a.add("--out");
            a.add(out.toString());
            return a.toArray(String[]::new);
        }

        @Override
        public String toString() {
            return command + " " + String.join(" ", base) + " " + option + " '" + value + "'";
        }
    }

    /** Each command's cheap base and its options by kind ("n" number, "p" path/spec, "w" word, "f" flag). */
    static final Map<String, Object[]> COMMANDS = Map.of(
            "sensitivity", new Object[] {new String[] {"--model", "identity", "--stimulus", "planewave", "--thetas",
                "3"}, Map.of("--model", "p", "--stimulus", "w", "--layers", "w", "--method", "w", "--thetas", "n",
                "--fd-step", "n", "--precision", "w", "--batch", "n", "--seed", "n", "--imagenet-normalize", "f")},
            "stats", new Object[] {new String[] {"--images", "world:size=32,count=3", "--patches", "0", "--threads",
                "1"}, Map.ofEntries(Map.entry("--images", "p"), Map.entry("--rotate", "n"), Map.entry("--hue-shift", "n"),
                Map.entry("--patches", "n"), Map.entry("--patch-size", "n"), Map.entry("--fit", "w"),
                Map.entry("--max-images", "n"), Map.entry("--resize", "n"), Map.entry("--threads", "n"),
                Map.entry("--components", "n"), Map.entry("--max-pixels", "n"), Map.entry("--seed", "n"))},
            "linear", new Object[] {new String[] {"--quick"}, Map.ofEntries(Map.entry("--depth", "n"),
                Map.entry("--method", "w"), Map.entry("--steps", "n"), Map.entry("--lr", "n"), Map.entry("--batch", "n"),
                Map.entry("--patches", "n"), Map.entry("--size", "n"), Map.entry("--images", "p"),
                Map.entry("--top-pcs", "n"), Map.entry("--track-every", "n"), Map.entry("--snapshot-every", "n"),
                Map.entry("--frequencies", "n"), Map.entry("--save-weights", "n"))},
            "supervised", new Object[] {new String[] {"--quick"}, Map.ofEntries(Map.entry("--condition", "w"),
                Map.entry("--seeds", "n"), Map.entry("--steps", "n"), Map.entry("--batch", "n"), Map.entry("--lr", "n"),
                Map.entry("--bins", "n"), Map.entry("--prior", "w"), Map.entry("--measure-every", "n"),
                Map.entry("--phases", "n"), Map.entry("--noise-sigma-min", "n"),
                Map.entry("--balance-fraction", "n"))},
            "deepnets", new Object[] {new String[] {"--quick"}, Map.ofEntries(Map.entry("--arch", "w"),
                Map.entry("--width", "n"), Map.entry("--input-size", "n"), Map.entry("--source-side", "n"),
                Map.entry("--train", "p"), Map.entry("--source-images", "n"), Map.entry("--rotate", "n"),
                Map.entry("--hue-shift", "n"), Map.entry("--steps", "n"), Map.entry("--batch", "n"),
                Map.entry("--lr", "n"), Map.entry("--checkpoint-every", "n"), Map.entry("--conditions", "w"),
                Map.entry("--tasks", "w"), Map.entry("--seeds", "n"), Map.entry("--thetas", "n"),
                Map.entry("--pooling-seeds", "n"), Map.entry("--bridge-images", "n"), Map.entry("--threads", "n"),
                Map.entry("--hue-steps", "n"), Map.entry("--method", "w"),
                Map.entry("--model", "p"))});

    /**
     * Inputs found to break the contract in commands this helper does not own, recorded in
     * /work/coord/status/inputs.md for their owners; skipped here (not hidden: each is listed) until fixed.
     */
    static final List<String> KNOWN = List.of();

    @BeforeContainer
    static void files() throws Exception {
        dir = Files.createTempDirectory("psychonet-cli");
        fifo = dir.resolve("fifo");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    }

    @AfterContainer
    static void clean() throws Exception {
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.of(List.copyOf(COMMANDS.keySet()).stream().sorted().toList()).flatMap(cmd -> {
            Object[] spec = COMMANDS.get(cmd);
            @SuppressWarnings("unchecked")
            Map<String, String> options = (Map<String, String>) spec[1];
            boolean slow = !cmd.equals("sensitivity") && !cmd.equals("stats");
            return Arbitraries.of(options.keySet().stream().sorted().toList()).flatMap(opt -> {
                String kind = options.get(opt);
                if (kind.equals("f")) {
                    return Arbitraries.just(new Case(cmd, (String[]) spec[0], opt, null));
                }
                List<String> pool = kind.equals("n") ? NUMBERS : kind.equals("p") ? PATHS : WORDS;
                List<String> values = slow ? pool.stream().filter(v -> refusable(kind, v)).toList() : pool;
                return Arbitraries.of(values).map(v -> new Case(cmd, (String[]) spec[0], opt, v));
            });
        });
    }

    @Property(tries = 40)
    void everyInputGetsAResultOrOneLine(@ForAll("cases") Case c) throws Exception {
        if (KNOWN.contains(c.toString())) {
            return;
        }
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        Future<Integer> f = RUNNER.submit(() -> Main.run(new PrintWriter(err, true), c.args(out)));
        int code;
        try {
            code = f.get(180, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail("still running after 180 s: " + c);
            return;
        }
        String e = err.toString().strip();
        try {
            assertFalse(e.contains("\tat ") || e.contains("internal error") || e.contains("Exception"),
                    "stack trace for " + c + ": " + e);
            assertTrue(code == 0 || code == 2, "exit " + code + " for " + c + ": " + e);
            if (code == 2) {
                assertEquals(1, e.lines().count(), "one line for " + c + ": " + e);
                assertFalse(Files.exists(out), "output written although refused: " + c);
            } else {
                assertTrue(Files.isRegularFile(out.resolve("result.json")), "exit 0 without a result: " + c);
            }
        } finally {
            deleteOut(out);
        }
    }

    /** Removes the output of one case (psychonet wrote it; the test owns the temp folder). */
    private static void deleteOut(Path out) throws Exception {
        if (!Files.exists(out)) {
            return;
        }
        try (var walk = Files.walk(out)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
