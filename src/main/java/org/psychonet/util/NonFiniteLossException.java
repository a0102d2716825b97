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
        this(what, step, "loss", loss);
    }

    /**
     * @param quantity what became non-finite, e.g. "loss" or "sensitivity" (a last step can leave NaN weights
     *                 behind a finite loss)
     */
    public NonFiniteLossException(String what, long step, String quantity, double value) {
        super("the " + quantity + " of " + what + " became " + value + " at step " + step
                + "; training diverged: lower `learningRate` (or check the data)");
        this.step = step;
        this.loss = value;
    }

    /** Throws unless {@code loss} is finite. */
    public static void check(String what, long step, double loss) {
        if (!Double.isFinite(loss)) {
            throw new NonFiniteLossException(what, step, loss);
        }
    }

    /** Throws at the first non-finite value of {@code quantity} measured after {@code step}. */
    public static void check(String what, long step, String quantity, double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new NonFiniteLossException(what, step, quantity, v);
            }
        }
    }

    public long step() {
        return step;
    }

    public double loss() {
        return loss;
    }
}
