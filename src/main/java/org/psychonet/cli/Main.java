package org.psychonet.cli;

import java.io.IOException;
import java.io.PrintWriter;
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
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String cmd = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println("psychonet: " + ex.getMessage().replace('\n', ' ') + "; see '" + cmd + " --help'");
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
