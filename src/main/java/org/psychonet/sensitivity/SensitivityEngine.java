package org.psychonet.sensitivity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.psychonet.model.Network;
import org.psychonet.stimulus.StimulusBatch;
import org.psychonet.stimulus.StimulusFamily;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.Progress;

/**
 * Measures D(y; θ) = Σᵢ (∂yᵢ/∂θ)² (Methods, eq. 1) for every requested layer of a network, averaged
 * over the family's nuisance values. Stimuli are rendered in batches of whole tensors and every
 * layer is read from the same forward passes — never one sweep per layer.
 */
public final class SensitivityEngine {
    private final SensitivityConfig config;

    public SensitivityEngine(SensitivityConfig config) {
        this.config = config;
    }

    public SensitivityConfig config() {
        return config;
    }

    /** Measures every layer of the network. */
    public SensitivityProfile measure(Network net, StimulusFamily family, double[] thetas) {
        return measure(net, family, thetas, net.layers());
    }

    /**
     * @param layers the taps to report, a subset of {@code net.layers()} (all are computed in the same passes)
     */
    public SensitivityProfile measure(Network net, StimulusFamily family, double[] thetas, List<String> layers) {
        InvalidInputException.require(thetas.length >= 3, "the θ grid has " + thetas.length
                + " points; give at least 3 (e.g. --thetas 180)");
        checkShape(net, family);
        int[] tapIndex = new int[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            tapIndex[i] = net.layers().indexOf(layers.get(i));
            InvalidInputException.require(tapIndex[i] >= 0, "unknown layer '" + layers.get(i) + "'; "
                    + net.name() + " has layers " + String.join(", ", net.layers()));
        }
        DataType type = net.dataType() != null ? net.dataType() : config.dataType();
        double[][] d = new double[layers.size()][thetas.length];
        switch (config.method()) {
            case EXACT -> exact(net, family, thetas, tapIndex, type, d);
            case FD -> finiteDifference(net, family, thetas, tapIndex, type, d);
            case GRID -> grid(net, family, thetas, tapIndex, type, d);
            default -> throw new IllegalStateException();
        }
        return new SensitivityProfile(family.name(), family.axis(), thetas.clone(), List.copyOf(layers), d,
                config.method());
    }

    private static void checkShape(Network net, StimulusFamily family) {
        long[] in = net.inputShape().getShape();
        boolean ok = in.length == 3 && in[0] == family.channels() && in[1] == family.height()
                && in[2] == family.width();
        InvalidInputException.require(ok || net.inputShape().size() == family.size() && in.length != 3,
                "network " + net.name() + " takes inputs of shape " + net.inputShape() + " but " + family.name()
                        + " stimuli are (" + family.channels() + ", " + family.height() + ", " + family.width()
                        + "); choose a matching stimulus or model");
    }

    /** θ values per batch so that a batch holds about {@code batchSize} stimuli. */
    private int thetasPerBatch(StimulusFamily family, int minimum) {
        return Math.max(minimum, Math.max(1, config.batchSize() / family.nuisanceCount()));
    }

    private void exact(Network net, StimulusFamily family, double[] thetas, int[] taps, DataType type,
                       double[][] d) {
        if (!net.supportsTangent()) {
            throw new InvalidInputException("exact derivatives need a psychonet-built network; " + net.name()
                    + " has none: use --method grid or --method fd");
        }
        int per = thetasPerBatch(family, 1);
        try (Progress bar = Progress.start("sensitivity (exact)", thetas.length)) {
            for (int start = 0; start < thetas.length; start += per) {
                double[] chunk = slice(thetas, start, Math.min(thetas.length, start + per));
                try (NDManager m = NDManager.newBaseManager()) {
                    NDArray x = StimulusBatch.render(m, family, chunk, type).reshape(batchShape(net, chunk, family));
                    NDArray dx = StimulusBatch.derivative(m, family, chunk, type).reshape(x.getShape());
                    NDList dy = net.tangent(x, dx);
                    accumulate(dy, taps, family.nuisanceCount(), start, 1.0, d);
                }
                bar.stepBy(chunk.length);
            }
        }
    }

    private void finiteDifference(Network net, StimulusFamily family, double[] thetas, int[] taps,
                                  DataType type, double[][] d) {
        double h = Double.isNaN(config.fdStep()) ? family.axis().defaultStep() : config.fdStep();
        int per = thetasPerBatch(family, 1);
        try (Progress bar = Progress.start("sensitivity (fd)", thetas.length)) {
            for (int start = 0; start < thetas.length; start += per) {
                double[] chunk = slice(thetas, start, Math.min(thetas.length, start + per));
                double[] plus = chunk.clone();
                double[] minus = chunk.clone();
                for (int i = 0; i < chunk.length; i++) {
                    plus[i] += h;
                    minus[i] -= h;
                }
                try (NDManager m = NDManager.newBaseManager()) {
                    NDArray xp = StimulusBatch.render(m, family, plus, type).reshape(batchShape(net, chunk, family));
                    NDArray xm = StimulusBatch.render(m, family, minus, type).reshape(xp.getShape());
                    long n = xp.getShape().get(0);
                    NDList y = net.forward(NDArrays.concat(new NDList(xp, xm)));
                    NDList dy = new NDList();
                    for (NDArray a : y) {
                        dy.add(a.get("0:" + n).sub(a.get(n + ":")));
                    }
                    accumulate(dy, taps, family.nuisanceCount(), start, 1.0 / (2 * h), d);
                }
                bar.stepBy(chunk.length);
            }
        }
    }

    /** One stimulus batch's outputs over a run of consecutive extended-grid indices. */
    private record Block(NDManager manager, NDList taps, int start, int count) {
    }

    private void grid(Network net, StimulusFamily family, double[] thetas, int[] taps, DataType type,
                      double[][] d) {
        int r = config.stencilHalfWidth();
        double h = thetas[1] - thetas[0];
        for (int i = 1; i < thetas.length; i++) {
            double step = thetas[i] - thetas[i - 1];
            if (Math.abs(step - h) > 1e-9 * Math.max(1, Math.abs(h))) {
                throw new InvalidInputException("--method grid needs a uniform θ grid; use fd or exact for "
                        + "irregular grids");
            }
        }
        // With kinks in ∂x/∂θ a stencil may shift by up to r nodes, so 2r extra nodes are rendered per end.
        int[] shift = stencilShifts(family, thetas, h, r);
        int pad = family.kinks().length > 0 ? 2 * r : r;
        int total = thetas.length + 2 * pad;
        double[] extended = new double[total];
        for (int i = 0; i < total; i++) {
            extended[i] = thetas[0] + (i - pad) * h;
        }
        int k = family.nuisanceCount();
        int per = thetasPerBatch(family, pad);
        Deque<Block> window = new ArrayDeque<>();
        int nextCenter = pad;
        try (Progress bar = Progress.start("sensitivity (grid)", total)) {
            for (int start = 0; start < total; start += per) {
                int end = Math.min(total, start + per);
                NDManager m = NDManager.newBaseManager();
                double[] chunk = slice(extended, start, end);
                NDArray x = StimulusBatch.render(m, family, chunk, type).reshape(batchShape(net, chunk, family));
                NDList y = net.forward(x);
                NDList kept = new NDList();
                for (int t : taps) {
                    kept.add(y.get(t));
                }
                window.addLast(new Block(m, kept, start, end - start));
                int lastReady = Math.min(pad + thetas.length - 1, end - 1 - pad);
                if (lastReady >= nextCenter) {
                    differentiate(window, nextCenter, lastReady, pad, r, shift, h, k, d);
                    nextCenter = lastReady + 1;
                }
                while (!window.isEmpty() && window.peekFirst().start() + window.peekFirst().count() <= nextCenter - pad) {
                    window.pollFirst().manager().close();
                }
                bar.stepBy(end - start);
            }
        } finally {
            window.forEach(b -> b.manager().close());
        }
    }

    /**
     * For each grid point, the smallest shift s (|s| ≤ r) that keeps all stencil nodes θ + (s−r…s+r)h on
     * the same side of every kink of the family; 0 for smooth families.
     */
    static int[] stencilShifts(StimulusFamily family, double[] thetas, double h, int r) {
        int[] shift = new int[thetas.length];
        double[] kinks = family.kinks();
        if (kinks.length == 0) {
            return shift;
        }
        double period = family.axis().period();
        for (int i = 0; i < thetas.length; i++) {
            shift[i] = Integer.MIN_VALUE;
            for (int a = 0; a <= r && shift[i] == Integer.MIN_VALUE; a++) {
                for (int s : a == 0 ? new int[] {0} : new int[] {-a, a}) {
                    double lo = thetas[i] + (s - r) * h;
                    double hi = thetas[i] + (s + r) * h;
                    if (!kinkInside(kinks, period, lo, hi)) {
                        shift[i] = s;
                        break;
                    }
                }
            }
            if (shift[i] == Integer.MIN_VALUE) {
                throw new InvalidInputException("the θ grid is too coarse for --method grid near the kinks of "
                        + family.name() + "; use more --thetas or --method exact");
            }
        }
        return shift;
    }

    private static boolean kinkInside(double[] kinks, double period, double lo, double hi) {
        for (double kink : kinks) {
            // the kink and its periodic copies
            double first = kink + Math.ceil((lo - kink) / period) * period;
            for (double c = first; c <= hi; c += period) {
                if (c > lo + 1e-12 && c < hi - 1e-12) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Applies the (possibly shifted) stencils to centers a..b (extended indices) using the window's blocks. */
    private static void differentiate(Deque<Block> window, int a, int b, int pad, int r, int[] shift, double h,
                                      int k, double[][] d) {
        int windowStart = window.peekFirst().start();
        try (NDManager m = NDManager.newBaseManager()) {
            for (int layer = 0; layer < d.length; layer++) {
                NDList parts = new NDList();
                for (Block blk : window) {
                    parts.add(blk.taps().get(layer));
                }
                NDArray all = parts.size() == 1 ? parts.get(0).duplicate() : NDArrays.concat(parts);
                all.attach(m);
                NDArray flat = all.reshape(all.getShape().get(0), -1);
                // runs of consecutive centers sharing one shift are differentiated together
                int runStart = a;
                while (runStart <= b) {
                    int s = shift[runStart - pad];
                    int runEnd = runStart;
                    while (runEnd + 1 <= b && shift[runEnd + 1 - pad] == s) {
                        runEnd++;
                    }
                    double[] w = Stencil.weights(r, s);
                    NDArray acc = null;
                    for (int j = 0; j < w.length; j++) {
                        if (Math.abs(w[j]) < 1e-14) {
                            continue;
                        }
                        int offset = s - r + j;
                        long from = (long) (runStart + offset - windowStart) * k;
                        long to = (long) (runEnd + offset - windowStart + 1) * k;
                        NDArray term = flat.get(from + ":" + to).mul(w[j] / h);
                        acc = acc == null ? term : acc.add(term);
                    }
                    double[] perStimulus = acc.square().sum(new int[] {1}).toType(DataType.FLOAT64, false)
                            .toDoubleArray();
                    for (int row = 0; row < perStimulus.length; row++) {
                        d[layer][runStart - pad + row / k] += perStimulus[row] / k;
                    }
                    runStart = runEnd + 1;
                }
            }
        }
    }

    /** Adds the nuisance-averaged Σ (scale·dy)² of every stimulus row into d. */
    private static void accumulate(NDList dy, int[] taps, int k, int thetaStart, double scale, double[][] d) {
        for (int layer = 0; layer < taps.length; layer++) {
            NDArray a = dy.get(taps[layer]);
            double[] perStimulus = a.reshape(a.getShape().get(0), -1).mul(scale).square().sum(new int[] {1})
                    .toType(DataType.FLOAT64, false).toDoubleArray();
            for (int row = 0; row < perStimulus.length; row++) {
                d[layer][thetaStart + row / k] += perStimulus[row] / k;
            }
        }
    }

    private static ai.djl.ndarray.types.Shape batchShape(Network net, double[] chunk, StimulusFamily family) {
        long n = (long) chunk.length * family.nuisanceCount();
        return new ai.djl.ndarray.types.Shape(n).addAll(net.inputShape());
    }

    private static double[] slice(double[] a, int from, int to) {
        double[] r = new double[to - from];
        System.arraycopy(a, from, r, 0, r.length);
        return r;
    }
}
