package org.psychonet.sensitivity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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
        return measure(net, family, thetas, layers, Renderer.fresh(family));
    }

    /**
     * A probe: a fixed stimulus set measured repeatedly (e.g. at every snapshot of a training run). Its
     * stimuli are rendered once and kept, so only use it for sets that fit in memory comfortably; for
     * networks that are affine in x it keeps only a basis of the derivative images' span (see
     * {@link DerivativeSubspace}).
     */
    public Probe probe(StimulusFamily family, double[] thetas) {
        return new Probe(family, thetas.clone());
    }

    private SensitivityProfile measure(Network net, StimulusFamily family, double[] thetas, List<String> layers,
                                       Renderer renderer) {
        return org.psychonet.model.NoGrad.run(() -> measureWithoutGrad(net, family, thetas, layers, renderer));
    }

    private SensitivityProfile measureWithoutGrad(Network net, StimulusFamily family, double[] thetas,
                                                  List<String> layers, Renderer renderer) {
        InvalidInputException.requireParameter(thetas.length >= 3, "thetas", "has " + thetas.length
                + " points; give at least 3 (e.g. 180)");
        int[] tapIndex = tapIndices(net, layers);
        checkShape(net, family);
        DataType type = net.dataType() != null ? net.dataType() : config.dataType();
        double[][] d = new double[layers.size()][thetas.length];
        double[][] err = config.method() == DerivativeMethod.EXACT ? null : new double[layers.size()][thetas.length];
        switch (config.method()) {
            case EXACT -> exact(net, family, thetas, tapIndex, type, d, renderer);
            case FD -> finiteDifference(net, family, thetas, tapIndex, type, d, err, renderer);
            case GRID -> grid(net, family, thetas, tapIndex, type, d, err, renderer);
            default -> throw new IllegalStateException();
        }
        return new SensitivityProfile(family.name(), family.axis(), thetas.clone(), List.copyOf(layers), d,
                config.method(), err);
    }

    private static int[] tapIndices(Network net, List<String> layers) {
        int[] tapIndex = new int[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            tapIndex[i] = net.layers().indexOf(layers.get(i));
            InvalidInputException.requireParameter(tapIndex[i] >= 0, "layers", "names '" + layers.get(i)
                    + "', which is not a layer of " + net.name() + "; it has " + String.join(", ", net.layers()));
        }
        return tapIndex;
    }

    /** Renders a chunk of stimuli (or their ∂x/∂θ) into a batch's manager. */
    private interface Renderer {
        NDArray render(NDManager into, double[] chunk, DataType type, boolean derivative);

        static Renderer fresh(StimulusFamily family) {
            return (into, chunk, type, derivative) -> derivative
                    ? StimulusBatch.derivative(into, family, chunk, type)
                    : StimulusBatch.render(into, family, chunk, type);
        }
    }

    /** See {@link #probe}. Close it to free the kept stimuli. */
    public final class Probe implements AutoCloseable {
        private final StimulusFamily family;
        private final double[] thetas;
        private final NDManager manager = NDManager.newBaseManager();
        private final java.util.Map<List<Object>, NDArray> kept = new java.util.HashMap<>();
        private DerivativeSubspace subspace;
        private boolean subspaceTried;

        private Probe(StimulusFamily family, double[] thetas) {
            this.family = family;
            this.thetas = thetas;
        }

        public double[] thetas() {
            return thetas.clone();
        }

        public StimulusFamily family() {
            return family;
        }

        /** Every layer of the network. */
        public SensitivityProfile measure(Network net) {
            return measure(net, net.layers());
        }

        public SensitivityProfile measure(Network net, List<String> layers) {
            if (net.affine() && config.method() == DerivativeMethod.EXACT && subspace() != null) {
                return affine(net, layers);
            }
            return SensitivityEngine.this.measure(net, family, thetas, layers, (into, chunk, type, derivative) -> {
                List<Object> key = List.of(java.util.Arrays.toString(chunk), type, derivative);
                NDArray a = kept.computeIfAbsent(key, k -> derivative
                        ? StimulusBatch.derivative(manager, family, chunk, type)
                        : StimulusBatch.render(manager, family, chunk, type));
                a.tempAttach(into); // borrowed: every result computed from it is freed with the batch
                return a;
            });
        }

        /** Dimension of the span of the derivative images, or −1 when it is too large to be worth keeping. */
        public int subspaceRank() {
            return subspace() == null ? -1 : subspace.rank();
        }

        private DerivativeSubspace subspace() {
            if (!subspaceTried) {
                subspaceTried = true;
                int rows = thetas.length * family.nuisanceCount();
                subspace = DerivativeSubspace.of(family, thetas, Math.min(MAX_SUBSPACE_RANK, rows / 2));
            }
            return subspace;
        }

        /** D for a network affine in x: Q = (J Bᵀ)ᵀ(J Bᵀ) per tap from r tangent images, then cᵀQc per stimulus. */
        private SensitivityProfile affine(Network net, List<String> layers) {
            int[] taps = tapIndices(net, layers);
            checkShape(net, family);
            DataType type = net.dataType() != null ? net.dataType() : config.dataType();
            int r = subspace.rank();
            double[][] d = new double[layers.size()][];
            try (NDManager m = NDManager.newBaseManager()) {
                Shape shape = new Shape(r).addAll(net.inputShape());
                NDArray b = m.create(subspace.basis(), new Shape(r, subspace.dimension())).toType(type, false)
                        .reshape(shape);
                NDList jb = net.tangent(m.zeros(shape, type), b);
                for (int l = 0; l < taps.length; l++) {
                    NDArray a = jb.get(taps[l]).reshape(r, -1).toType(DataType.FLOAT64, false);
                    d[l] = subspace.sensitivity(a.matMul(a.transpose()).toDoubleArray(), family.nuisanceCount());
                }
            }
            return new SensitivityProfile(family.name(), family.axis(), thetas.clone(), List.copyOf(layers), d,
                    config.method());
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    /** Above this many dimensions a probe propagates its images rather than a basis of their span. */
    private static final int MAX_SUBSPACE_RANK = 256;

    private static void checkShape(Network net, StimulusFamily family) {
        long[] in = net.inputShape().getShape();
        boolean ok = in.length == 3 && in[0] == family.channels() && in[1] == family.height()
                && in[2] == family.width();
        InvalidInputException.requireParameter(ok || net.inputShape().size() == family.size() && in.length != 3,
                "stimulus", family.name() + " gives images of shape (" + family.channels() + ", " + family.height()
                        + ", " + family.width() + ") but " + net.name() + " takes " + net.inputShape()
                        + "; choose a matching stimulus size or model");
    }

    /** θ values per batch so that a batch holds about {@code batchSize} stimuli. */
    private int thetasPerBatch(StimulusFamily family, int minimum) {
        return Math.max(minimum, Math.max(1, config.batchSize() / family.nuisanceCount()));
    }

    private void exact(Network net, StimulusFamily family, double[] thetas, int[] taps, DataType type,
                       double[][] d, Renderer renderer) {
        InvalidInputException.requireParameter(net.supportsTangent(), "method", "exact needs a network with "
                + "tangents; " + net.name() + " has none: use grid or fd");
        int per = thetasPerBatch(family, 1);
        try (Progress bar = Progress.start("sensitivity (exact)", thetas.length)) {
            for (int start = 0; start < thetas.length; start += per) {
                double[] chunk = slice(thetas, start, Math.min(thetas.length, start + per));
                try (NDManager m = NDManager.newBaseManager()) {
                    NDArray x = renderer.render(m, chunk, type, false).reshape(batchShape(net, chunk, family));
                    NDArray dx = renderer.render(m, chunk, type, true).reshape(x.getShape());
                    double[][] norms = net.tangentSquaredNorms(x, dx, taps);
                    int k = family.nuisanceCount();
                    for (int layer = 0; layer < taps.length; layer++) {
                        for (int row = 0; row < norms[layer].length; row++) {
                            d[layer][start + row / k] += norms[layer][row] / k;
                        }
                    }
                }
                bar.stepBy(chunk.length);
            }
        }
    }

    /**
     * Central differences at δ, and at δ/2 for the error estimate: D is the δ result, the estimate |D_δ − D_δ/2|
     * (for a smooth response the δ/2 result is four times closer, so this slightly overstates D_δ's error).
     */
    private void finiteDifference(Network net, StimulusFamily family, double[] thetas, int[] taps,
                                  DataType type, double[][] d, double[][] err, Renderer renderer) {
        double h = Double.isNaN(config.fdStep()) ? family.axis().defaultStep() : config.fdStep();
        int per = thetasPerBatch(family, 1);
        double[][] half = new double[d.length][thetas.length];
        try (Progress bar = Progress.start("sensitivity (fd)", thetas.length)) {
            for (int start = 0; start < thetas.length; start += per) {
                double[] chunk = slice(thetas, start, Math.min(thetas.length, start + per));
                try (NDManager m = NDManager.newBaseManager()) {
                    NDList xs = new NDList();
                    for (double step : new double[] {h, -h, h / 2, -h / 2}) {
                        double[] shifted = chunk.clone();
                        for (int i = 0; i < chunk.length; i++) {
                            shifted[i] += step;
                        }
                        xs.add(renderer.render(m, shifted, type, false).reshape(batchShape(net, chunk, family)));
                    }
                    long n = xs.get(0).getShape().get(0);
                    NDList y = net.forward(NDArrays.concat(xs));
                    NDList dy = new NDList();
                    NDList dyHalf = new NDList();
                    for (NDArray a : y) {
                        dy.add(a.get("0:" + n).sub(a.get(n + ":" + 2 * n)));
                        dyHalf.add(a.get(2 * n + ":" + 3 * n).sub(a.get(3 * n + ":")));
                    }
                    accumulate(dy, taps, family.nuisanceCount(), start, 1.0 / (2 * h), d);
                    accumulate(dyHalf, taps, family.nuisanceCount(), start, 1.0 / h, half);
                }
                bar.stepBy(chunk.length);
            }
        }
        for (int l = 0; l < d.length; l++) {
            for (int i = 0; i < thetas.length; i++) {
                err[l][i] = Math.abs(d[l][i] - half[l][i]);
            }
        }
    }

    /** One stimulus batch's outputs over a run of consecutive extended-grid indices. */
    private record Block(NDManager manager, NDList taps, int start, int count) {
    }

    /**
     * The stencil of order 2r across the θ grid; the error estimate is its difference from the stencil of order
     * 2r − 2 on the same outputs, which is small only where y(θ) is smooth at the grid's spacing.
     */
    private void grid(Network net, StimulusFamily family, double[] thetas, int[] taps, DataType type,
                      double[][] d, double[][] err, Renderer renderer) {
        int r = config.stencilHalfWidth();
        InvalidInputException.requireParameter(r >= 2 && r <= 6, "stencilHalfWidth", "must be 2 to 6 (the error "
                + "estimate compares the stencil with one of half-width r − 1), not " + r);
        double h = thetas[1] - thetas[0];
        for (int i = 1; i < thetas.length; i++) {
            double step = thetas[i] - thetas[i - 1];
            if (Math.abs(step - h) > 1e-9 * Math.max(1, Math.abs(h))) {
                throw InvalidInputException.parameter("method", "grid needs a uniform θ grid; use fd or exact "
                        + "for irregular grids");
            }
        }
        // With kinks in ∂x/∂θ a stencil may shift by up to r nodes, so 2r extra nodes are rendered per end.
        int[] shift = stencilShifts(family, thetas, h, r);
        int[] lowShift = stencilShifts(family, thetas, h, r - 1);
        double[][] low = new double[d.length][thetas.length];
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
                NDArray x = renderer.render(m, chunk, type, false).reshape(batchShape(net, chunk, family));
                NDList y = net.forward(x);
                NDList kept = new NDList();
                for (int t : taps) {
                    kept.add(y.get(t));
                }
                window.addLast(new Block(m, kept, start, end - start));
                int lastReady = Math.min(pad + thetas.length - 1, end - 1 - pad);
                if (lastReady >= nextCenter) {
                    differentiate(window, nextCenter, lastReady, pad, r, shift, h, k, d);
                    differentiate(window, nextCenter, lastReady, pad, r - 1, lowShift, h, k, low);
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
        for (int l = 0; l < d.length; l++) {
            for (int i = 0; i < thetas.length; i++) {
                err[l][i] = Math.abs(d[l][i] - low[l][i]);
            }
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
                throw InvalidInputException.parameter("thetas", "is too coarse a grid for the grid method near the "
                        + "kinks of " + family.name() + "; use more points or the exact method");
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
