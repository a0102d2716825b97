package org.psychonet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.psychonet.report.Provenance;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.NonFiniteLossException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The psychonet command line. */
@Command(name = "psychonet", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Psychophysics on artificial neural networks (Benjamin et al., Nat. Commun. 2022).",
        subcommands = {SensitivityCommand.class, StatsCommand.class, LinearCommand.class, SupervisedCommand.class,
            DeepNetsCommand.class, ReproduceCommand.class, SweepCommand.class, BenchCommand.class, DeepBenchCommand.class,
            SupervisedBenchCommand.class, ExportCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {

    /** Exit code of a defect of psychonet (a stack trace is printed). */
    public static final int INTERNAL_ERROR = 1;
    /** Exit code for bad input: the line says what to change. */
    public static final int BAD_INPUT = 2;
    /** Exit code when training diverged (the loss became NaN or infinite). */
    public static final int DIVERGED = 3;
    /** Exit code when the environment failed: a full disk, a folder that became unwritable, too little memory. */
    public static final int ENVIRONMENT = 4;
    /** Exit code of an interrupted run (as a shell reports SIGINT). */
    public static final int INTERRUPTED = 130;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this directly). */
    public static int run(String... args) {
        return run(new PrintWriter(System.err, true), args);
    }

    /** Runs with the given error stream (tests read what a user would see). */
    public static int run(PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setErr(err);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) { // an Error passes picocli's handler
            err.println("psychonet: " + message(e, ENVIRONMENT));
            err.flush();
            return ENVIRONMENT;
        }
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // bench gathers every comparison with the authors' approach: engine (its own), fig2c, linear, fig6
        cl.getSubcommands().get("bench").addSubcommand("fig2c", new DeepBenchCommand())
                .addSubcommand("linear", new LinearBenchCommand()).addSubcommand("fig6", new SupervisedBenchCommand());
        showDefaults(cl);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String cmd = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println("psychonet: " + describe(ex) + didYouMean(ex) + "; see '" + cmd + " --help'");
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            int code = exitCode(ex);
            if (code == INTERNAL_ERROR) {
                err.println("psychonet: internal error: " + ex);
                ex.printStackTrace(err);
            } else {
                err.println("psychonet: " + message(ex, code));
            }
            err.flush();
            return code;
        });
        return cl;
    }

    /** The one line for a command line picocli could not parse: an unknown command is called that. */
    static String describe(CommandLine.ParameterException ex) {
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-") && !spec.subcommands().isEmpty()
                && spec.positionalParameters().isEmpty()) {
            return "unknown command '" + u.getUnmatched().get(0) + "'";
        }
        return ex.getMessage().replace('\n', ' ');
    }

    /**
     * "; did you mean 'sensitivity'?" for a mistyped command or option: the visible names closest to what was typed
     * (edit distance with transpositions, at most a quarter of the word and at least 2), or "" when none is close.
     */
    static String didYouMean(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return "";
        }
        String typed = u.getUnmatched().get(0);
        int eq = typed.indexOf('=');
        if (typed.startsWith("-") && eq > 0) {
            typed = typed.substring(0, eq);
        }
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        List<String> names = new java.util.ArrayList<>();
        if (typed.startsWith("-")) {
            spec.options().stream().filter(o -> !o.hidden()).forEach(o -> names.addAll(List.of(o.names())));
        } else {
            spec.subcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    names.add(name);
                }
            });
        }
        int limit = Math.max(2, typed.length() / 4);
        int best = Integer.MAX_VALUE;
        List<String> closest = new java.util.ArrayList<>();
        for (String n : names.stream().distinct().sorted().toList()) {
            int d = distance(typed.toLowerCase(java.util.Locale.ROOT), n.toLowerCase(java.util.Locale.ROOT));
            if (d <= limit && d < best) {
                best = d;
                closest.clear();
            }
            if (d <= limit && d == best) {
                closest.add(n);
            }
        }
        if (closest.isEmpty()) {
            return "";
        }
        return "; did you mean " + closest.stream().map(n -> "'" + n + "'")
                .collect(java.util.stream.Collectors.joining(" or ")) + "?";
    }

    /** Edit distance counting insertions, deletions, substitutions and swaps of neighbours as one each. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * Every option's default in --help: an option with a default value whose description does not already say its
     * default gets "(default: VALUE)" appended, for every command, so no command can forget one. (Options whose
     * default depends on a profile say so in their own words, e.g. "default: quick 300, full 3000".)
     */
    static void showDefaults(CommandLine cl) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        for (CommandLine.Model.OptionSpec o : List.copyOf(spec.options())) {
            if (o.usageHelp() || o.versionHelp() || o.group() != null || o.arity().max() == 0
                    || o.defaultValue() == null || String.join(" ", o.description()).toLowerCase(java.util.Locale.ROOT)
                    .contains("default")) {
                continue;
            }
            String[] d = o.description().clone();
            String last = d.length == 0 ? "" : d[d.length - 1].strip();
            if (d.length == 0) {
                d = new String[] {""};
            }
            d[d.length - 1] = (last.endsWith(".") ? last.substring(0, last.length() - 1) : last)
                    + (last.isEmpty() ? "" : " ") + "(default: ${DEFAULT-VALUE})" + (last.endsWith(".") ? "." : "");
            spec.remove(o);
            spec.addOption(o.toBuilder().description(d).build());
        }
        cl.getSubcommands().values().forEach(Main::showDefaults);
    }

    /** The exit code of a failure: the first cause that says what kind it is. */
    static int exitCode(Throwable ex) {
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof InvalidInputException) {
                return BAD_INPUT;
            }
            if (c instanceof NonFiniteLossException) {
                return DIVERGED;
            }
            if (c instanceof InterruptedException || c instanceof java.nio.channels.ClosedByInterruptException) {
                return INTERRUPTED;
            }
            if (c instanceof IOException || c instanceof OutOfMemoryError) {
                return ENVIRONMENT;
            }
        }
        return INTERNAL_ERROR;
    }

    /** One line for a failure of kind {@code code}. */
    static String message(Throwable ex, int code) {
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (code == BAD_INPUT && c instanceof InvalidInputException bad) {
                return Flags.userMessage(bad);
            }
            if (code == DIVERGED && c instanceof NonFiniteLossException d) {
                return Flags.userMessage(new InvalidInputException(d.getMessage()));
            }
            if (code == INTERRUPTED && (c instanceof InterruptedException
                    || c instanceof java.nio.channels.ClosedByInterruptException)) {
                return "interrupted" + (c.getMessage() == null ? "" : ": " + c.getMessage()) + "; nothing was written";
            }
            if (code == ENVIRONMENT && c instanceof OutOfMemoryError) {
                return "out of memory (" + c.getMessage() + "); give Java more (PSYCHONET_JAVA_OPTS=-Xmx16g) or use "
                        + "smaller settings; nothing was written";
            }
            if (code == ENVIRONMENT && c instanceof IOException io) {
                String what = io instanceof java.nio.file.FileSystemException fs && fs.getFile() != null
                        ? fs.getFile() + ": " + (fs.getReason() != null ? fs.getReason() : io.getClass().getSimpleName())
                        : String.valueOf(io.getMessage());
                return "the environment failed: " + what.replace('\n', ' ') + " (" + io.getClass().getSimpleName()
                        + "); free disk space or fix the folder's permissions and run again; nothing was written";
            }
        }
        return String.valueOf(ex.getMessage());
    }

    /** --version. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"psychonet " + Provenance.version() + " (" + Provenance.gitCommit() + ")"};
        }
    }
}
