package org.psychonet.util;

/**
 * Training diverged: the loss became NaN or infinite. Trainers (or the experiments that drive them) throw it at the
 * first non-finite loss, naming the run and the step; the CLI turns it into one line and exit code 3, and nothing is
 * written. The usual remedy is a smaller learning rate.
 */
public class NonFiniteLossException extends RuntimeException {
    private final long step;
    private final double loss;

    /**
     * @param what the run, e.g. "linear depth2"
     * @param step the step whose loss is not finite
     * @param loss the loss (NaN or ±Infinity)
     */
    public NonFiniteLossException(String what, long step, double loss) {
        super("the loss of " + what + " became " + loss + " at step " + step
                + "; training diverged: lower `learningRate` (or check the data)");
        this.step = step;
        this.loss = loss;
    }

    /** Throws unless {@code loss} is finite. */
    public static void check(String what, long step, double loss) {
        if (!Double.isFinite(loss)) {
            throw new NonFiniteLossException(what, step, loss);
        }
    }

    public long step() {
        return step;
    }

    public double loss() {
        return loss;
    }
}
