package org.psychonet.scratch;

import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;
import org.psychonet.learning.linear.*;
import org.psychonet.learning.linear.*;
import org.psychonet.theory.*;
import org.psychonet.util.Statistics;

class Depth3Scratch {
    @Test
    void study() throws Exception {
        String src = System.getProperty("src", "synthetic");
        int depth = Integer.getInteger("depth", 3);
        long steps = Long.getLong("steps", 2000);
        LinearPatchData data = LinearPatchSources.load(src, 16, src.equals("synthetic") ? 0 : 20000, 0);
        int d = data.dim();
        int k = 50;
        double[] lambda = data.eigenvalues();
        LinearObjective obj = LinearObjective.mse(d);
        double lr = 0.12 / (2 * obj.scale() * lambda[0]);
        LinearArchitecture arch = LinearArchitecture.depth(depth);
        try (LinearBasis basis = data.basis()) {
            double[][] w0 = LinearInit.uniform(arch, d, 0 * 1_000_003L + arch.label().hashCode());
            LinearModeInit init = LinearModeInit.fromWeights(arch, w0, basis, k);
            LinearFullBatchTrainer tr = new LinearFullBatchTrainer(new LinearWeights(arch, d, basis.layersToPc(arch, w0), DataType.FLOAT64),
                    LinearCovariance.diagonal(lambda), obj, basis, lr);
            int every = 10;
            int n = (int) (steps / every) + 1;
            double[] times = new double[n];
            double[][] p = new double[k][n];
            double[][] cos = new double[k][n];
            for (int s = 0, c = 0; s <= steps; s++) {
                if (s % every == 0) {
                    double[] w = tr.productPc();
                    double[] cs = LayerAlignment.cosines(tr.weights().matrices(), d, k);
                    times[c] = lr * s;
                    for (int i = 0; i < k; i++) { p[i][c] = w[i * d + i]; cos[i][c] = cs[i]; }
                    c++;
                }
                if (s < steps) tr.step();
            }
            LinearModeTheory th = new LinearModeTheory(arch, obj.scale(), RateStatistic.VARIANCE);
            double[][] pt = th.proportion(lambda, init, times);
            System.out.println("pooled R2 plain = " + Statistics.pooledR2(p, pt));
            for (double level : new double[] {0.5, 0.8, 0.9, 0.95, 0.99}) {
                LinearModeTheory.Aligned al = th.fromAlignment(lambda, times, p, cos, level);
                double[] r = al.r2(p, pt);
                int aligned = 0;
                for (double a : al.alignedAt()) aligned += Double.isNaN(a) ? 0 : 1;
                System.out.println("level " + level + ": corrected R2 = " + r[0] + " plain on same points = " + r[1] + " PCs aligned " + aligned);
            }
            for (int i : new int[] {0, 1, 2, 4, 9, 19, 29, 49}) {
                StringBuilder sb = new StringBuilder("PC " + (i + 1) + " λ=" + String.format("%.3g", lambda[i]) + " p0=" + String.format("%.2e", init.proportion()[i]) + " D0=" + String.format("%.2e", init.sensitivity()[i]) + ": ");
                for (int c = 0; c < n; c += n / 20) {
                    sb.append(String.format("[%d p=%.3f th=%.3f cos=%.2f] ", c * every, p[i][c], pt[i][c], cos[i][c]));
                }
                System.out.println(sb);
                System.out.println("   R2 = " + Statistics.r2(p[i], pt[i]) + "  t_align(cos>=0.9) = " + LearningCurves.crossing(times, cos[i], 0.9) / lr + " t_half = " + LearningCurves.crossing(times, p[i], 0.5) / lr + " theory t_half = " + LearningCurves.crossing(times, pt[i], 0.5) / lr);
            }
            tr.close();
        }
    }
}
