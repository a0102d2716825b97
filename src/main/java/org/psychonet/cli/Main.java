package org.psychonet.cli;

import java.io.PrintWriter;
import org.psychonet.report.Provenance;
import org.psychonet.util.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The psychonet command line. */
@Command(name = "psychonet", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Psychophysics on artificial neural networks (Benjamin et al., Nat. Commun. 2022).",
        subcommands = {SensitivityCommand.class, StatsCommand.class, LinearCommand.class, SupervisedCommand.class,
            DeepNetsCommand.class, ReproduceCommand.class, BenchCommand.class, DeepBenchCommand.class,
            SupervisedBenchCommand.class, ExportCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {

    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this directly). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    /** Runs with the given error stream (tests read what a user would see). */
    public static int run(PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setErr(err);
        return cl.execute(args);
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
            Throwable cause = ex;
            while (!(cause instanceof InvalidInputException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            PrintWriter err = line.getErr();
            if (cause instanceof InvalidInputException bad) {
                err.println("psychonet: " + Flags.userMessage(bad));
                err.flush();
                return BAD_INPUT;
            }
            err.println("psychonet: internal error: " + ex);
            ex.printStackTrace(err);
            err.flush();
            return 1;
        });
        return cl;
    }

    /** --version. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"psychonet " + Provenance.version() + " (" + Provenance.gitCommit() + ")"};
        }
    }
}
