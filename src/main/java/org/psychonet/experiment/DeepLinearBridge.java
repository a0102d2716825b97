package org.psychonet.experiment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.psychonet.images.RgbImage;
import org.psychonet.images.World;
import org.psychonet.learning.cnn.CnnThreads;
import org.psychonet.learning.cnn.ImagePool;
import org.psychonet.stimulus.Gabor;
import org.psychonet.stimulus.StimulusBatch;

/**
 * The bridge to Figs 4–5 (issue 12.6): the depth-1 linear autoencoder, trained on grey patches of the same
 * worlds the CNNs see, probed with the same Gabor.
 *
 * <p>Patches are the CNN's own training crops (random resized crops of the world's source images, standardized),
 * averaged over the colour channels. Full-batch gradient descent on L(W) = (1/N) Σ ‖x − Wx‖² from W₀ = 0 (the
 * small-initialization limit of the paper's linear networks) has the closed form I − W_t = (I − 2ηΣ)^t with Σ the
 * patches' second-moment matrix, so W_t at t = 4^j steps comes from repeated squaring. The step is 2η = 1/λ_max:
 * t counts steps of the largest stable size. D(θ) = (1/K) Σ_φ ‖W_t ∂x/∂θ‖² over the Gabor's K phases.
 */
public final class DeepLinearBridge {

    /** Snapshots at t = 4^j, j = 0 … STEPS_LOG4. */
    static final int STEPS_LOG4 = 8;

    /**
     * One world condition and seed.
     *
     * @param ratio      cardinal/oblique ratio of the output's normalized √D at each time
     * @param loss       reconstruction loss over its initial value at each time
     * @param profile    normalized √D over θ at each time
     */
    public record Run(DeepNetworks.Condition condition, int seedIndex, double[] ratio, double[] loss,
                      double[][] profile) {
    }

    /**
     * @param steps      the snapshot times t (steps of size 1/λ_max)
     * @param claimStep  index of the time the claims are judged at: the first at which the loss is below half its
     *                   initial value in the natural world of seed 0 (defined by the data, not chosen)
     */
    public record Result(int patchSide, int patches, long[] steps, int claimStep, List<Run> runs) {
        public List<Run> of(DeepNetworks.Condition c) {
            return runs.stream().filter(r -> r.condition() == c).toList();
        }
    }

    private DeepLinearBridge() {
    }

    static Result run(DeepNetworks.Config config, long seed, double[] thetaGrid, DeepNetworks.Probe probe)
            throws Exception {
        int side = config.inputSize();
        Gabor.Config g0 = Gabor.Config.paper().scaledTo(side);
        Gabor grey = new Gabor(new Gabor.Config(side, g0.cyclesPer100() * probe.frequencyFactor(),
                g0.sigma() * probe.sigmaFactor(), config.phases(), 1));
        double[] deg = new double[thetaGrid.length];
        for (int i = 0; i < deg.length; i++) {
            deg[i] = grey.axis().toDisplay(thetaGrid[i]);
        }
        long[] steps = new long[STEPS_LOG4 + 1];
        for (int j = 0; j <= STEPS_LOG4; j++) {
            steps[j] = 1L << (2 * j);
        }
        List<DeepNetworks.Condition> conditions = config.conditions().stream()
                .filter(c -> c.world() && !c.aboutHue() || c == DeepNetworks.Condition.NATURAL).toList();
        List<Run> runs = new ArrayList<>();
        CnnThreads.single(() -> {
            for (int k = 0; k < config.seeds(); k++) {
                for (DeepNetworks.Condition c : conditions) {
                    runs.add(one(config, c, k, seed + k, grey, thetaGrid, deg, steps));
                }
            }
            return null;
        });
        int claim = steps.length - 1;
        Run ref = runs.stream().filter(r -> r.condition() == DeepNetworks.Condition.NATURAL).findFirst().orElse(null);
        if (ref != null) {
            for (int j = 0; j < steps.length; j++) {
                if (ref.loss()[j] < 0.5) {
                    claim = j;
                    break;
                }
            }
        }
        return new Result(side, config.bridgeImages(), steps, claim, runs);
    }

    private static Run one(DeepNetworks.Config config, DeepNetworks.Condition c, int k, long s, Gabor grey,
                           double[] thetaGrid, double[] deg, long[] steps) {
        int side = config.inputSize();
        int d = side * side;
        int n = config.bridgeImages();
        // the same images as the CNN's pool of this condition and seed (orientation worlds: the hue prior is natural)
        World w = new World(World.Config.defaults().withSize(config.sourceSide()).withCount(n).withSeed(s)
                .withPairedLeaves().withOrientation(c.orientation()));
        float[] x = new float[n * d];
        float[] crop = new float[3 * d];
        Random rng = new Random(s * 0x9E3779B97F4A7C15L + 12345);
        for (int i = 0; i < n; i++) {
            RgbImage im = w.image(i);
            ImagePool p = ImagePool.withCapacity(1, config.sourceSide());
            p.add(im.data());
            p.crop(0, rng, side, config.training().minCropScale(), false, crop, 0);
            for (int q = 0; q < d; q++) {
                x[i * d + q] = (crop[q] + crop[d + q] + crop[2 * d + q]) / 3;
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray xs = m.create(x, new Shape(n, d)).toType(DataType.FLOAT64, false);
            NDArray sigma = xs.transpose().matMul(xs).div(n);
            double lmax = largestEigenvalue(sigma);
            NDArray eye = m.eye(d).toType(DataType.FLOAT64, false);
            NDArray a = eye.sub(sigma.div(lmax)); // I − 2ηΣ with 2η = 1/λ_max
            NDArray dx = StimulusBatch.derivative(m, grey, thetaGrid, DataType.FLOAT64)
                    .reshape(new Shape(-1, d)); // (θ·phase, d)
            int phases = grey.nuisanceCount();
            double loss0 = sigma.mul(eye).sum().getDouble(); // tr Σ, the loss of W = 0
            double[] ratio = new double[steps.length];
            double[] loss = new double[steps.length];
            double[][] profile = new double[steps.length][];
            NDArray power = a; // A^(4^j), starting at A^1
            for (int j = 0; j < steps.length; j++) {
                NDArray wt = eye.sub(power); // W_t = I − A^t
                NDArray y = dx.matMul(wt.transpose()); // rows W_t ∂x/∂θ
                double[] sq = y.square().sum(new int[] {1}).toDoubleArray();
                double[] dTheta = new double[deg.length];
                for (int t = 0; t < deg.length; t++) {
                    for (int p = 0; p < phases; p++) {
                        dTheta[t] += sq[t * phases + p] / phases;
                    }
                }
                profile[j] = normalized(dTheta);
                ratio[j] = DeepMetrics.cardinalObliqueRatio(deg, profile[j], config.windowDeg());
                NDArray a2 = power.matMul(power);
                loss[j] = a2.mul(sigma).sum().getDouble() / loss0; // tr(A^2t Σ) / tr Σ, both symmetric
                power = a2.matMul(a2); // A^(4^(j+1))
            }
            return new Run(c, k, ratio, loss, profile);
        }
    }

    private static double[] normalized(double[] d) {
        double[] r = new double[d.length];
        double s = 0;
        for (int i = 0; i < d.length; i++) {
            r[i] = Math.sqrt(Math.max(0, d[i]));
            s += r[i];
        }
        for (int i = 0; i < r.length; i++) {
            r[i] = s > 0 ? r[i] / s : 0;
        }
        return r;
    }

    /** λ_max of a symmetric positive semi-definite matrix by power iteration. */
    private static double largestEigenvalue(NDArray sigma) {
        NDManager m = sigma.getManager();
        long d = sigma.getShape().get(0);
        NDArray v = m.ones(new Shape(d, 1), DataType.FLOAT64).div(Math.sqrt(d));
        double lambda = 0;
        for (int i = 0; i < 200; i++) {
            NDArray u = sigma.matMul(v);
            double norm = Math.sqrt(u.square().sum().getDouble());
            v = u.div(norm);
            if (Math.abs(norm - lambda) < 1e-12 * norm) {
                lambda = norm;
                break;
            }
            lambda = norm;
        }
        return lambda;
    }
}
