package org.psychonet.learning.supervised;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.psychonet.model.TapNetwork;
import org.psychonet.stimulus.Grating64;

/**
 * Trains the Fig. 6 network by plain SGD on freshly drawn gratings (θ ~ p(θ), random phase, so no
 * image repeats) with cross-entropy over orientation bins and orientation-dependent label dropout.
 * A dropped label puts its mass on a null outcome the network does not predict, so it adds zero loss
 * and zero gradient (but still counts in the batch mean, as in the authors' setup).
 */
public final class SupervisedTrainer {
    /** Called after every step with (step, loss). */
    @FunctionalInterface
    public interface Listener {
        void step(int step, double loss);
    }

    private final SupervisedTraining settings;
    private final GratingPrior prior;
    private final LabelNoise noise;
    private final long seed;

    public SupervisedTrainer(SupervisedTraining settings, GratingPrior prior, LabelNoise noise, long seed) {
        if (noise.bins() != settings.bins()) {
            throw new IllegalArgumentException("label noise has " + noise.bins() + " bins, training " + settings.bins());
        }
        this.settings = settings;
        this.prior = prior;
        this.noise = noise;
        this.seed = seed;
    }

    /** Trains a fresh network (initialized from {@code seed}) and records its first-layer sensitivity. */
    public SupervisedTrace run(Listener listener) {
        Engine.getInstance().setRandomSeed((int) seed);
        Random data = new Random(seed * 0x9E3779B97F4A7C15L + 17);
        Grating64 family = new Grating64();
        int bins = settings.bins();
        try (NDManager root = NDManager.newBaseManager();
             OrientationGratings gratings = new OrientationGratings(root, family);
             SupervisedSensitivity probe = new SupervisedSensitivity(root, gratings, settings.sensitivityThetas(),
                     settings.phases());
             TapNetwork net = SupervisedNetwork.build(family.height(), settings.hidden(), bins,
                     settings.initScale(), seed)) {
            List<NDArray> params = trainable(net);
            List<Integer> steps = new ArrayList<>();
            List<double[]> snapshots = new ArrayList<>();
            steps.add(0);
            snapshots.add(probe.measure(net));
            double[] losses = new double[settings.steps()];
            long kept = 0;
            for (int s = 1; s <= settings.steps(); s++) {
                double[] theta = prior.sample(data, settings.batch());
                double[] phase = new double[theta.length];
                float[] target = new float[theta.length * bins];
                for (int i = 0; i < theta.length; i++) {
                    phase[i] = 2 * Math.PI * data.nextDouble();
                    int b = LabelNoise.bin(theta[i], bins);
                    if (data.nextDouble() < noise.keep()[b]) {
                        target[i * bins + b] = 1;
                        kept++;
                    }
                }
                losses[s - 1] = step(root, gratings, net, params, theta, phase, target);
                if (s % settings.measureEvery() == 0 || s == settings.steps()) {
                    steps.add(s);
                    snapshots.add(probe.measure(net));
                }
                if (listener != null) {
                    listener.step(s, losses[s - 1]);
                }
            }
            double[] acc = accuracyPerBin(root, gratings, net, data);
            return new SupervisedTrace(probe.thetas(), steps.stream().mapToInt(Integer::intValue).toArray(),
                    snapshots.toArray(new double[0][]), losses, acc,
                    kept / (double) ((long) settings.steps() * settings.batch()));
        }
    }

    /** One SGD step on a batch; returns the loss. All arrays of the step are freed with its scope. */
    private double step(NDManager root, OrientationGratings gratings, TapNetwork net, List<NDArray> params,
                        double[] theta, double[] phase, float[] target) {
        try (NDManager step = root.newSubManager()) {
            return sgdStep(step, gratings.render(step, theta, phase), target, settings.bins(), net, params,
                    settings.learningRate());
        }
    }

    /**
     * One plain SGD step of the cross-entropy on kept labels, Σ −log softmax(z)[y]·kept / batch, for images
     * {@code x} (batch, H·W) and kept 1-hot targets (batch·bins; all-zero rows are dropped labels).
     */
    public static double sgdStep(NDManager step, NDArray x, float[] target, int bins, TapNetwork net,
                                 List<NDArray> params, double learningRate) {
        long n = x.getShape().get(0);
        NDArray y = step.create(target, new Shape(n, bins));
        // the divisor as an array that lives until backward: div(Number) would make it over a Java buffer that DJL
        // frees at once while autograd keeps it (see TRelu)
        NDArray batch = step.create((float) n).toType(y.getDataType(), false);
        double loss;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDList out = net.block().forward(net.parameterStore(), new NDList(x), true);
            NDArray l = out.get(out.size() - 1).logSoftmax(1).mul(y).sum().neg().div(batch);
            gc.backward(l);
            loss = l.getFloat();
        }
        for (NDArray w : params) {
            try (NDArray g = w.getGradient()) {
                g.muli(learningRate);
                w.subi(g);
                g.subi(g); // gradients accumulate in the engine: clear for the next step
            }
        }
        return loss;
    }

    /** The network's parameters, marked for gradients, in a fixed order. */
    public static List<NDArray> trainable(TapNetwork net) {
        List<NDArray> params = new ArrayList<>();
        for (Parameter p : SupervisedNetwork.parameters(net).values()) {
            p.getArray().setRequiresGradient(true);
            params.add(p.getArray());
        }
        return params;
    }

    /** Held-out accuracy per bin: testPerBin images uniform within each bin, random phases. */
    private double[] accuracyPerBin(NDManager root, OrientationGratings gratings, TapNetwork net, Random data) {
        int bins = settings.bins();
        int m = settings.testPerBin();
        double[] theta = new double[bins * m];
        double[] phase = new double[bins * m];
        for (int b = 0; b < bins; b++) {
            for (int j = 0; j < m; j++) {
                theta[b * m + j] = (b + data.nextDouble()) * Math.PI / bins;
                phase[b * m + j] = 2 * Math.PI * data.nextDouble();
            }
        }
        double[] acc = new double[bins];
        try (NDManager step = root.newSubManager()) {
            NDArray x = gratings.render(step, theta, phase);
            NDList out = net.forward(x);
            long[] pred = out.get(out.size() - 1).argMax(1).toLongArray();
            for (int i = 0; i < pred.length; i++) {
                int b = i / m;
                if (pred[i] == LabelNoise.bin(theta[i], bins)) {
                    acc[b] += 1.0 / m;
                }
            }
        }
        return acc;
    }
}
