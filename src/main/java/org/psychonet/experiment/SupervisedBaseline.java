package org.psychonet.experiment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.psychonet.learning.supervised.LabelNoise;
import org.psychonet.learning.supervised.GratingPrior;
import org.psychonet.learning.supervised.SupervisedTrainer;
import org.psychonet.model.TapNetwork;
import org.psychonet.stimulus.Grating64;

/**
 * For benchmarks only (the `supervised-bench` command): the authors' way of running Fig. 6, re-implemented
 * so it can be timed against psychonet's. Each grating is made one image at a time by rotating a
 * horizontal sinusoid with bilinear grid resampling (zero padding) and masking it; the sensitivity is
 * measured by central finite differences (ε = 1e-3), one orientation and one phase at a time, with a
 * single-image forward pass for each of θ ± ε. Not used by the experiment.
 */
public final class SupervisedBaseline {
    /** The authors' finite-difference step and phase count (11 phases over [0, π]). */
    public static final double EPS = 1e-3;
    public static final int PHASES = 11;

    private final Grating64 family;
    private final double[] aperture;
    private final int side;

    public SupervisedBaseline(Grating64 family) {
        this.family = family;
        this.aperture = family.aperture();
        this.side = family.height();
    }

    /** One image: a horizontal sinusoid rotated by θ with bilinear resampling, times the aperture. */
    public void render(double theta, double phase, float[] out, int offset) {
        double k = family.wavenumber();
        double c = (side - 1) / 2.0;
        // the source wave varies along columns; rotating the sampling grid by θ turns its wave vector to θ
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                double x = j - c;
                double y = c - i;
                double sx = x * cos + y * sin + c; // source column
                double sy = c - (-x * sin + y * cos); // source row
                out[offset + i * side + j] = (float) (bilinear(sx, sy, k, phase) * aperture[i * side + j]);
            }
        }
    }

    /** Bilinear sample of the source image cos(k·(col − c) + φ) at (col, row), zero outside the frame. */
    private double bilinear(double col, double row, double k, double phase) {
        int c0 = (int) Math.floor(col);
        int r0 = (int) Math.floor(row);
        double fc = col - c0;
        double fr = row - r0;
        double v = 0;
        for (int dr = 0; dr <= 1; dr++) {
            for (int dc = 0; dc <= 1; dc++) {
                int cc = c0 + dc;
                int rr = r0 + dr;
                if (cc < 0 || cc >= side || rr < 0 || rr >= side) {
                    continue;
                }
                double w = (dc == 0 ? 1 - fc : fc) * (dr == 0 ? 1 - fr : fr);
                v += w * Math.cos(k * (cc - (side - 1) / 2.0) + phase);
            }
        }
        return v;
    }

    /** A training batch, image by image. */
    public NDArray batch(NDManager m, double[] thetas, double[] phases) {
        int n = side * side;
        float[] x = new float[thetas.length * n];
        for (int i = 0; i < thetas.length; i++) {
            render(thetas[i], phases[i], x, i * n);
        }
        return m.create(x, new Shape(thetas.length, n));
    }

    /** One SGD step the authors' way (per-image stimuli; the same batched loss and update). */
    public double step(NDManager root, TapNetwork net, List<NDArray> params, GratingPrior prior,
                       LabelNoise noise, int batch, double lr, Random rng) {
        double[] theta = prior.sample(rng, batch);
        double[] phase = new double[batch];
        int bins = noise.bins();
        float[] target = new float[batch * bins];
        for (int i = 0; i < batch; i++) {
            phase[i] = Math.PI * rng.nextDouble();
            int b = LabelNoise.bin(theta[i], bins);
            if (rng.nextDouble() < noise.keep()[b]) {
                target[i * bins + b] = 1;
            }
        }
        try (NDManager step = root.newSubManager()) {
            return SupervisedTrainer.sgdStep(step, batch(step, theta, phase), target, bins, net, params, lr);
        }
    }

    /** First-layer D(θ) by finite differences, per orientation and phase, single-image forward passes. */
    public double[] sensitivity(NDManager root, TapNetwork net, int nThetas) {
        double[] d = new double[nThetas];
        int n = side * side;
        float[] a = new float[n];
        float[] b = new float[n];
        for (int t = 0; t < nThetas; t++) {
            double theta = Math.PI * t / nThetas;
            for (int p = 0; p < PHASES; p++) {
                double phase = Math.PI * p / (PHASES - 1);
                render(theta + EPS, phase, a, 0);
                render(theta - EPS, phase, b, 0);
                try (NDManager s = root.newSubManager()) {
                    NDArray up = net.forward(s.create(a, new Shape(1, 1, side, side))).get(0);
                    NDArray dn = net.forward(s.create(b, new Shape(1, 1, side, side))).get(0);
                    d[t] += up.sub(dn).div(2 * EPS).square().sum().getFloat() / PHASES;
                }
            }
        }
        return d;
    }
}
