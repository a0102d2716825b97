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
        return System.console() != null && System.getenv("CI") == null;
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
