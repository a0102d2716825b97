package org.psychonet.learning.cnn;

/** Training stopped because the loss became NaN or infinite (issue 10.8: say which step, never report garbage). */
public final class TrainingDivergedException extends RuntimeException {
    private final int step;

    public TrainingDivergedException(int step, double loss, double learningRate) {
        super("training diverged at step " + step + " (loss " + loss + "); give a smaller learning rate than "
                + learningRate);
        this.step = step;
    }

    public int step() {
        return step;
    }
}
