package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** A CLI that helps: did-you-mean, every default in --help, one meaning per option name, one summary line at the end. */
class CliHelpTest {

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), args);
        return new Run(code, err.toString());
    }

    @Test
    void aMistypedCommandOrOptionGetsASuggestion() {
        Run cmd = run("sensitivty", "--model", "identity");
        assertEquals(Main.BAD_INPUT, cmd.code());
        assertTrue(cmd.err().startsWith("psychonet: unknown command 'sensitivty'; did you mean 'sensitivity'?; see "
                + "'psychonet --help'"), cmd.err());
        assertEquals(1, cmd.err().strip().lines().count(), "one line: " + cmd.err());

        Run opt = run("sensitivity", "--model", "identity", "--stimlus", "hue", "--out", "x");
        assertEquals(Main.BAD_INPUT, opt.code());
        assertTrue(opt.err().contains("did you mean '--stimulus'?"), opt.err());
        assertTrue(run("linear", "--stps", "5").err().contains("did you mean '--steps'?"));

        Run nothing = run("sensitivity", "--model", "identity", "--zzzzzzzz", "--out", "x");
        assertEquals(Main.BAD_INPUT, nothing.code());
        assertFalse(nothing.err().contains("did you mean"), "no suggestion when nothing is close: " + nothing.err());
    }

    @Test
    void everyDefaultIsInTheHelp() {
        List<String> missing = new ArrayList<>();
        walk(Main.commandLine(), (name, o) -> {
            String help = String.join(" ", o.description()).toLowerCase(Locale.ROOT);
            boolean flag = o.arity().max() == 0;
            boolean needsNone = flag || o.required() || o.usageHelp() || o.versionHelp() || o.hidden()
                    || o.group() != null;
            if (!needsNone && !help.contains("default")) {
                missing.add(name + " " + o.longestName());
            }
        });
        assertEquals(List.of(), missing, "options whose --help does not state the default");
        String help = Main.commandLine().getSubcommands().get("sensitivity").getUsageMessage().replaceAll("\\s+", " ");
        assertTrue(help.contains("gabor, hue, planewave or grating64 (default: gabor)."), help);
        assertTrue(help.contains("(default: float32") && help.contains("(default: 64)"), help);
        assertTrue(help.contains("exceeds 1 % for a layer"), "a % in a description is escaped as %%: " + help);
    }

    @Test
    void everyHelpRendersWithoutWarnings() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.err;
        List<String> helps = new ArrayList<>();
        try (java.io.PrintStream capture = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)) {
            System.setErr(capture);
            collect(Main.commandLine(), helps);
        } finally {
            System.setErr(saved);
        }
        assertTrue(helps.size() >= 10, "commands: " + helps.size());
        assertEquals("", bytes.toString(java.nio.charset.StandardCharsets.UTF_8), "picocli warned while rendering --help "
                + "(a '%' in a description must be written '%%')");
    }

    private static void collect(CommandLine cl, List<String> helps) {
        helps.add(cl.getUsageMessage());
        cl.getSubcommands().forEach((n, sub) -> {
            if (sub.getCommandSpec().name().equals(n)) {
                collect(sub, helps);
            }
        });
    }

    @Test
    void oneMeaningPerOptionName() {
        Map<String, Map<String, List<String>>> kinds = new TreeMap<>();
        walk(Main.commandLine(), (name, o) -> {
            Class<?> t = o.type();
            String kind = t == boolean.class || t == Boolean.class ? "flag"
                    : t == int.class || t == Integer.class || t == long.class || t == Long.class ? "integer"
                    : t == double.class || t == Double.class ? "number" : "text";
            for (String n : o.names()) {
                kinds.computeIfAbsent(n, k -> new TreeMap<>()).computeIfAbsent(kind, k -> new ArrayList<>()).add(name);
            }
        });
        List<String> mixed = new ArrayList<>();
        kinds.forEach((n, byKind) -> {
            // linear --lr is text only because it also takes "auto": still a learning rate
            if (byKind.size() > 1 && !n.equals("--lr")) {
                mixed.add(n + " " + byKind);
            }
        });
        assertEquals(List.of(), mixed, "option names that mean a number in one command and text in another");
    }

    @Test
    void aCommandEndsWithOneSummaryLine(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sens");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.err;
        Run r;
        try (java.io.PrintStream capture = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)) {
            System.setErr(capture);
            r = run("sensitivity", "--model", "identity", "--stimulus", "gabor", "--thetas", "8", "--out",
                    out.toString());
        } finally {
            System.setErr(saved);
        }
        String err = r.err() + bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, r.code(), err);
        List<String> lines = err.strip().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("psychonet sensitivity: done in \\d+\\.\\d s — results in .*sens \\(result\\.json\\)"),
                last);
        assertTrue(Files.isRegularFile(out.resolve("result.json")));
        assertEquals("3 min 05 s", RunCommand.elapsed(java.time.Duration.ofSeconds(185)));
        assertEquals("1 h 02 min", RunCommand.elapsed(java.time.Duration.ofSeconds(3725)));
    }

    private static void walk(CommandLine cl, java.util.function.BiConsumer<String, OptionSpec> each) {
        CommandSpec spec = cl.getCommandSpec();
        String name = spec.qualifiedName(" ").replaceFirst("^psychonet ?", "");
        for (OptionSpec o : spec.options()) {
            each.accept(name, o);
        }
        cl.getSubcommands().forEach((n, sub) -> {
            if (sub.getCommandSpec().name().equals(n)) { // aliases once
                walk(sub, each);
            }
        });
    }
}
