package org.psychonet.learning.linear;

import ai.djl.ndarray.types.DataType;
import java.util.SplittableRandom;

/**
 * Benchmark for BENCHMARKS.md: {@code fullbatch} (exact GD through Σ) for 1,000 steps at d = 1,024 against the
 * same number of {@code sgd} epochs over 100,000 patches (batch 16,384). SGD's cost per minibatch does not depend
 * on the data's values, so a few minibatches are timed and scaled to whole epochs (6 full batches and one of
 * 1,696 patches per epoch).
 *
 * <p>Run: {@code java -cp target/psychonet.jar org.psychonet.learning.linear.LinearBenchmark [d] [steps] [sgdBatches]}.
 */
public final class LinearBenchmark {
    private LinearBenchmark() {
    }

    /** Seconds measured: fullbatch in the PCA and pixel bases, and sgd scaled to {@code steps} epochs. */
    public record Result(int d, int steps, double fullbatchPcSeconds, double fullbatchPixelSeconds,
                         double sgdSecondsPerMinibatch, double sgdSeconds) {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? (int) Math.round(Math.sqrt(Integer.parseInt(args[0]))) : 32;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int sgdBatches = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        run(size, steps, sgdBatches);
    }

    /** Runs the benchmark at patch side {@code size} and prints the table. */
    public static Result run(int size, int steps, int sgdBatches) {
        int d = size * size;
        int patches = 100_000;
        int batch = 16_384;
        LinearArchitecture arch = LinearArchitecture.depth(1);
        LinearPatchData data = LinearSyntheticData.powerLaw(size, 0, 1);
        LinearObjective obj = LinearObjective.mse(d);
        double[][] w0 = LinearInit.uniform(arch, d, 1);
        try (LinearBasis basis = data.basis();
             LinearCovariance diag = LinearCovariance.diagonal(data.eigenvalues());
             LinearCovariance dense = LinearCovariance.dense(basis.covariance(), d)) {
            double pcSeconds;
            try (LinearFullBatchTrainer t = new LinearFullBatchTrainer(
                    new LinearWeights(arch, d, basis.layersToPc(arch, w0), DataType.FLOAT64), diag, obj, basis, 1.0)) {
                long t0 = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    t.step();
                }
                t.productPc();
                pcSeconds = (System.nanoTime() - t0) / 1e9;
            }
            double pixelSeconds;
            try (LinearFullBatchTrainer t = new LinearFullBatchTrainer(
                    new LinearWeights(arch, d, w0, DataType.FLOAT64), dense, obj, basis, 1.0)) {
                long t0 = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    t.step();
                }
                t.productPixel();
                pixelSeconds = (System.nanoTime() - t0) / 1e9;
            }
            // SGD: one epoch's worth of rows is enough to time minibatches of the paper's size
            SplittableRandom rng = new SplittableRandom(2);
            float[] x = new float[batch * d];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextGaussian();
            }
            double perBatch;
            try (LinearSgdTrainer sgd = new LinearSgdTrainer(new LinearWeights(arch, d, w0, DataType.FLOAT32), x, batch,
                    obj, basis, batch, 1.0, 3)) {
                sgd.step(); // warm-up
                long t0 = System.nanoTime();
                for (int s = 0; s < sgdBatches; s++) {
                    sgd.step();
                }
                perBatch = (System.nanoTime() - t0) / 1e9 / sgdBatches;
            }
            double perEpoch = perBatch * (patches / batch + (patches % batch) / (double) batch);
            double sgdSeconds = perEpoch * steps;
            System.out.printf("d = %d, depth 1%n", d);
            System.out.printf("fullbatch, PCA basis:   %d steps in %.2f s (%.2f ms/step)%n", steps, pcSeconds,
                    1e3 * pcSeconds / steps);
            System.out.printf("fullbatch, pixel basis: %d steps in %.2f s (%.2f ms/step)%n", steps, pixelSeconds,
                    1e3 * pixelSeconds / steps);
            System.out.printf("sgd float32, batch %d: %.3f s/minibatch (mean of %d), %.2f s/epoch of %d patches, "
                    + "%d epochs ≈ %.0f s (scaled)%n", batch, perBatch, sgdBatches, perEpoch, patches, steps, sgdSeconds);
            System.out.printf("ratio sgd/fullbatch: PCA basis %.0f×, pixel basis %.0f×%n", sgdSeconds / pcSeconds,
                    sgdSeconds / pixelSeconds);
            return new Result(d, steps, pcSeconds, pixelSeconds, perBatch, sgdSeconds);
        }
    }
}
