package org.psychonet.util;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr that stays quiet when stderr is not a terminal (CI, pipes, tests).
 * Closing it finishes the bar.
 */
public final class Progress implements AutoCloseable {
    private static volatile Boolean forced;
    private final ProgressBar bar;
    private long done;

    private Progress(String task, long total) {
        this.bar = enabled()
                ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build()
                : null;
    }

    /** Starts a bar of {@code total} steps named {@code task}. */
    public static Progress start(String task, long total) {
        return new Progress(task, total);
    }

    /** Overrides terminal detection (null restores it). */
    public static void force(Boolean on) {
        forced = on;
    }

    /** True when bars are drawn: stderr is an interactive terminal, unless forced. */
    public static boolean enabled() {
        if (forced != null) {
            return forced;
        }
        return stderrIsTerminal() && System.getenv("CI") == null && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * Whether stderr (where bars go) is a terminal. {@code System.console()} answers for stdin and stdout, so
     * {@code psychonet … 2> log} typed in a terminal would put a bar's carriage returns and escape codes in the log;
     * on Linux the link /proc/self/fd/2 names the terminal device.
     */
    static boolean stderrIsTerminal() {
        try {
            java.nio.file.Path fd2 = java.nio.file.Path.of("/proc/self/fd/2");
            if (java.nio.file.Files.isSymbolicLink(fd2)) {
                String target = java.nio.file.Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux or not readable: fall back to the console check
        }
        return System.console() != null;
    }

    public void step() {
        stepBy(1);
    }

    public void stepBy(long n) {
        done += n;
        if (bar != null) {
            bar.stepBy(n);
        }
    }

    public long done() {
        return done;
    }

    public void message(String extra) {
        if (bar != null) {
            bar.setExtraMessage(extra);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
