package org.psychonet.learning.cnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.psychonet.model.NetworkStore;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.arch.ArchSpec;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.Progress;

/**
 * Trains a psychonet CNN on a {@link CnnTask} with PyTorch's SGD: g = ∇L + λw, v ← μv + g, w ← w − η v
 * (Methods: momentum μ = 0.9, weight decay λ = 1e-4), batch norm in training mode. Classification minimizes the
 * softmax cross-entropy of the last tap; denoising the mean squared error of a {@link ConvDecoder} fed by one tap.
 *
 * <p>Batch k is drawn from a generator seeded by (seed, k) alone, so a run resumed from a checkpoint sees exactly
 * the batches an uninterrupted run would, and networks trained on equally large pools with one seed see the same
 * images in the same order (the pairing of conditions, issue 12.4). With one intra-op thread (see
 * {@link CnnThreads}) the same run ends with bitwise the same weights, and a resumed run with those of an
 * uninterrupted one.
 *
 * <p>Checkpoints (weights, decoder, momentum buffers, step, losses, snapshots, and the key of model, task, seed
 * and settings they belong to) are written atomically every {@code checkpointEvery} steps; a checkpoint with
 * another key is refused with one line, never resumed. Snapshots of the weights taken during training (the time
 * course of issue 12.3) go to a {@link SnapshotSink}.
 *
 * <p>Autograd runs through PyTorch directly with grad mode switched on for the calling thread only, not through
 * DJL's GradientCollector, which allows one collecting thread per JVM: several networks can train at once, one
 * per thread ({@link CnnParallel}).
 */
public final class CnnTrainer {
    private static final String MOMENTUM = "momentum.bin";
    private static final String STATE = "state.json";
    private static final String DECODER = "decoder.params";
    private static final String SNAPSHOTS = "snapshots";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What training did.
     *
     * @param steps         steps of the schedule
     * @param resumedFrom   step the run was resumed from (0: started fresh)
     * @param loss          loss per step
     * @param finalLoss     mean loss over the last tenth of the steps
     * @param finalAccuracy classification: training accuracy over the last tenth (NaN for denoising)
     * @param baselineLoss  what learning nothing scores: ln(classes) for classification; for denoising the mean
     *                      squared clean target (the loss of a zero output)
     * @param seconds       wall time of this session
     */
    public record Outcome(int steps, int resumedFrom, double[] loss, double finalLoss, double finalAccuracy,
                          double baselineLoss, double seconds) {
    }

    /** Receives weight snapshots (DJL's parameter format) as training passes the requested steps. */
    @FunctionalInterface
    public interface SnapshotSink {
        void accept(int step, byte[] weights) throws IOException;
    }

    /**
     * One network's training.
     *
     * @param net           the network (trained in place)
     * @param spec          its architecture (recorded with checkpoints)
     * @param task          what it learns
     * @param decoder       the decoder for a {@link DenoisingTask} (initialized; trained with the net), else null
     * @param decoderInput  the tap the decoder reads
     * @param seed          seed of the batch order (and of nothing else)
     * @param checkpointDir where checkpoints go and are resumed from (null: none)
     * @param provenance    description stored with checkpoints and part of their key (condition, images, …)
     * @param untilStep     stop after this step with a checkpoint (to split training across sessions)
     * @param snapshotSteps steps (0 … steps) after which the weights are handed to {@code sink}
     * @param sink          receives snapshots (null: none)
     * @param progress      draw a progress bar (off when several networks train at once)
     */
    public record Run(TapNetwork net, ArchSpec spec, CnnTask task, ConvDecoder decoder, String decoderInput, long seed,
                      Path checkpointDir, Object provenance, int untilStep, int[] snapshotSteps,
                      SnapshotSink sink, boolean progress) {

        /** Trains {@code net} on {@code task} with batches drawn from {@code seed}, no checkpoints or snapshots. */
        public static Run of(TapNetwork net, ArchSpec spec, CnnTask task, long seed) {
            return new Run(net, spec, task, null, null, seed, null, Map.of(), Integer.MAX_VALUE, new int[0], null,
                    true);
        }

        public Run withDecoder(ConvDecoder d, String tap) {
            return new Run(net, spec, task, d, tap, seed, checkpointDir, provenance, untilStep, snapshotSteps, sink,
                    progress);
        }

        public Run withCheckpoints(Path dir, Object prov) {
            return new Run(net, spec, task, decoder, decoderInput, seed, dir, prov, untilStep,
                    snapshotSteps, sink, progress);
        }

        public Run until(int step) {
            return new Run(net, spec, task, decoder, decoderInput, seed, checkpointDir, provenance, step,
                    snapshotSteps, sink, progress);
        }

        public Run withSnapshots(int[] steps, SnapshotSink s) {
            return new Run(net, spec, task, decoder, decoderInput, seed, checkpointDir, provenance, untilStep,
                    steps.clone(), s, progress);
        }

        public Run quiet() {
            return new Run(net, spec, task, decoder, decoderInput, seed, checkpointDir, provenance, untilStep,
                    snapshotSteps, sink, false);
        }
    }

    private final CnnTrainingConfig config;

    public CnnTrainer(CnnTrainingConfig config) {
        this.config = config;
    }

    public CnnTrainingConfig config() {
        return config;
    }

    /** Trains with checkpoints in {@code checkpointDir} (null: none); {@code provenance} is part of their key. */
    public Outcome train(TapNetwork net, ArchSpec spec, ImageClassTask task, long seed, Path checkpointDir,
                         Object provenance) throws IOException {
        return train(Run.of(net, spec, task, seed).withCheckpoints(checkpointDir, provenance));
    }

    /** As above, stopping after step {@code untilStep} with a checkpoint; a later call resumes. */
    public Outcome train(TapNetwork net, ArchSpec spec, ImageClassTask task, long seed, Path checkpointDir,
                         Object provenance, int untilStep) throws IOException {
        return train(Run.of(net, spec, task, seed).withCheckpoints(checkpointDir, provenance).until(untilStep));
    }

    /** Trains on one intra-op thread (see {@link CnnThreads}). */
    public Outcome train(Run run) throws IOException {
        if (run.task() instanceof DenoisingTask && run.decoder() == null) {
            throw new IllegalArgumentException("a denoising task needs a decoder");
        }
        try {
            return CnnThreads.single(() -> trainOneThread(run));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** The trainable parameters of the net, then of the decoder, in a fixed order. */
    private static List<Parameter> trainable(Run run) {
        List<Parameter> params = new ArrayList<>();
        for (Pair<String, Parameter> p : run.net().model().getBlock().getParameters()) {
            if (p.getValue().requiresGradient()) {
                params.add(p.getValue());
            }
        }
        if (run.decoder() != null) {
            for (Pair<String, Parameter> p : run.decoder().getParameters()) {
                if (p.getValue().requiresGradient()) {
                    params.add(p.getValue());
                }
            }
        }
        return params;
    }

    private Outcome trainOneThread(Run run) throws IOException {
        long t0 = System.nanoTime();
        TapNetwork net = run.net();
        Path ck = run.checkpointDir();
        NDManager keep = net.model().getNDManager().newSubManager();
        List<Parameter> params = trainable(run);
        List<NDArray> velocity = new ArrayList<>();
        for (Parameter p : params) {
            velocity.add(keep.zeros(p.getArray().getShape(), p.getArray().getDataType()));
        }
        Set<Integer> snapshots = new LinkedHashSet<>();
        for (int s : run.snapshotSteps()) {
            if (s >= 0 && s <= config.steps()) {
                snapshots.add(s);
            }
        }
        double[] losses = new double[config.steps()];
        int start = 0;
        JsonNode key = key(run);
        if (ck != null && NetworkStore.exists(ck) && Files.isRegularFile(ck.resolve(STATE))) {
            start = resume(run, velocity, losses, key);
            replaySnapshots(run, start, snapshots);
        }
        if (start == 0 && snapshots.contains(0)) {
            snapshot(run, 0);
        }
        for (Parameter p : params) {
            p.getArray().setRequiresGradient(true); // after a resume: loading replaces the arrays
        }
        int size = (int) net.inputShape().get(1);
        int per = 3 * size * size;
        boolean denoising = run.task() instanceof DenoisingTask;
        float[] inputs = new float[config.batch() * per];
        float[] targets = denoising ? new float[config.batch() * per] : null;
        int[] labels = new int[config.batch()];
        ParameterStore ps = new ParameterStore(net.model().getNDManager(), false);
        int decoderTap = denoising ? net.layers().indexOf(run.decoderInput()) : -1;
        if (denoising && decoderTap < 0) {
            throw new IllegalArgumentException("decoder input '" + run.decoderInput() + "' is not a layer of "
                    + net.name() + " " + net.layers());
        }
        int correctTail = 0;
        int seenTail = 0;
        int tail = Math.max(1, config.steps() / 10);
        double baseline = 0;
        int baselineSteps = 0;
        int end = Math.min(config.steps(), run.untilStep());
        try (Progress bar = run.progress() ? Progress.start("training " + net.name(), config.steps()) : null) {
            if (bar != null) {
                bar.stepBy(start);
            }
            for (int step = start; step < end; step++) {
                Random rng = new Random(run.seed() * 0x9E3779B97F4A7C15L + step);
                run.task().sample(rng, size, config.minCropScale(), config.flips(), inputs, targets, labels);
                try (NDManager m = net.model().getNDManager().newSubManager()) {
                    Shape shape = new Shape(config.batch(), 3, size, size);
                    NDArray x = m.create(inputs, shape).toType(net.dataType(), false).duplicate();
                    NDArray loss;
                    NDArray logits = null;
                    // grad mode for this thread only (PyTorch keeps it per thread); every array the graph holds is
                    // open until backward has run (see TRelu for what happens otherwise)
                    JniUtils.setGradMode(true);
                    try {
                        NDList out = net.model().getBlock().forward(ps, new NDList(x), true);
                        if (denoising) {
                            NDArray clean = m.create(targets, shape).toType(net.dataType(), false).duplicate();
                            NDArray recon = run.decoder().forward(ps, new NDList(out.get(decoderTap)), true)
                                    .singletonOrThrow();
                            loss = recon.sub(clean).square().mean();
                        } else {
                            logits = out.get(out.size() - 1);
                            NDArray y = m.create(labels).duplicate();
                            NDArray logp = logits.logSoftmax(1);
                            loss = logp.mul(y.oneHot((int) logits.getShape().get(1), logp.getDataType()))
                                    .sum(new int[] {1}).neg().mean();
                        }
                        JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
                    } finally {
                        JniUtils.setGradMode(false);
                    }
                    losses[step] = loss.getFloat();
                    if (!Double.isFinite(losses[step])) {
                        throw new TrainingDivergedException(step + 1, losses[step], config.learningRate());
                    }
                    update(params, velocity, config.rate(step));
                    if (denoising) {
                        double s = 0;
                        for (float t : targets) {
                            s += (double) t * t;
                        }
                        baseline += s / targets.length;
                        baselineSteps++;
                    } else if (step >= config.steps() - tail) {
                        long[] pred = logits.argMax(1).toType(DataType.INT64, false).toLongArray();
                        for (int b = 0; b < pred.length; b++) {
                            correctTail += pred[b] == labels[b] ? 1 : 0;
                        }
                        seenTail += pred.length;
                    }
                }
                if (bar != null) {
                    bar.step();
                    bar.message(String.format("loss %.3f", losses[step]));
                }
                if (snapshots.contains(step + 1)) {
                    snapshot(run, step + 1);
                }
                if (ck != null && config.checkpointEvery() > 0 && (step + 1) % config.checkpointEvery() == 0
                        && step + 1 < end) {
                    checkpoint(run, key, velocity, losses, step + 1);
                }
            }
        }
        int done = Math.max(start, end);
        if (ck != null) {
            checkpoint(run, key, velocity, losses, done);
        }
        keep.close();
        for (Parameter p : params) {
            p.getArray().setRequiresGradient(false);
        }
        double tailLoss = 0;
        for (int s = config.steps() - tail; s < config.steps(); s++) {
            tailLoss += losses[s];
        }
        double base = denoising ? (baselineSteps > 0 ? baseline / baselineSteps : Double.NaN)
                : Math.log(((ImageClassTask) run.task()).classes());
        return new Outcome(config.steps(), start, losses, tailLoss / tail,
                seenTail == 0 ? Double.NaN : (double) correctTail / seenTail, base, (System.nanoTime() - t0) / 1e9);
    }

    /** v ← μv + g + λw; w ← w − η v; the gradient is cleared for the next step. */
    private void update(List<Parameter> params, List<NDArray> velocity, double lr) {
        for (int i = 0; i < params.size(); i++) {
            NDArray w = params.get(i).getArray();
            NDArray v = velocity.get(i);
            // temporaries are closed here: they belong to the model's manager, not the step's
            try (NDArray g = w.getGradient(); NDArray decay = w.mul(config.weightDecay())) {
                v.muli(config.momentum()).addi(g).addi(decay);
                g.subi(g);
            }
            try (NDArray delta = v.mul(lr)) {
                w.subi(delta);
            }
        }
    }

    /** The network's weights in DJL's parameter format. */
    public static byte[] weights(TapNetwork net) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream os = new DataOutputStream(b)) {
            net.model().getBlock().saveParameters(os);
        }
        return b.toByteArray();
    }

    /** Loads weights made by {@link #weights} into a network of the same architecture. */
    public static void loadWeights(TapNetwork net, byte[] weights) throws IOException {
        try (DataInputStream is = new DataInputStream(new java.io.ByteArrayInputStream(weights))) {
            net.model().getBlock().loadParameters(net.model().getNDManager(), is);
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException("weights do not match " + net.name(), e);
        }
        NetworkStore.ownMemory(net);
    }

    private void snapshot(Run run, int step) throws IOException {
        if (run.sink() == null) {
            return;
        }
        byte[] w = weights(run.net());
        if (run.checkpointDir() != null) {
            Path dir = run.checkpointDir().resolve(SNAPSHOTS);
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".step", ".tmp");
            Files.write(tmp, w);
            Files.move(tmp, dir.resolve("step-" + step + ".params"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        run.sink().accept(step, w);
    }

    /** After a resume: hands the snapshots taken before the checkpoint to the sink again, from disk. */
    private void replaySnapshots(Run run, int upTo, Set<Integer> wanted) throws IOException {
        if (run.sink() == null) {
            return;
        }
        for (int s : wanted) {
            if (s <= upTo) {
                Path f = run.checkpointDir().resolve(SNAPSHOTS).resolve("step-" + s + ".params");
                if (!Files.isRegularFile(f)) {
                    throw new InvalidInputException("the checkpoint in " + run.checkpointDir() + " lacks the snapshot "
                            + "of step " + s + "; give a new checkpoint folder");
                }
                run.sink().accept(s, Files.readAllBytes(f));
            }
        }
    }

    /**
     * What a checkpoint is valid for: the whole model (architecture, widths, input shape, initialization seed),
     * its precision, the task and images, the training seed and every training setting. A resume with any of
     * them different would continue someone else's run (issue 10, item 4).
     */
    private JsonNode key(Run run) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("model", run.net().describe());
        k.put("data_type", run.net().dataType().name());
        k.put("decoder", run.decoder() == null ? null : run.decoder().describe());
        k.put("task", run.task().describe());
        k.put("seed", run.seed());
        k.put("training", config);
        k.put("snapshots", Arrays.stream(run.snapshotSteps()).sorted().boxed().toList());
        k.put("provenance", run.provenance());
        try {
            return JSON.readTree(JSON.writeValueAsString(k)); // as read back from disk (9 is an int there, not a long)
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first place where two keys differ, as "path = saved, not wanted"; null when they are equal. */
    static String firstDifference(String path, JsonNode saved, JsonNode wanted) {
        if (saved != null && wanted != null && saved.isObject() && wanted.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            wanted.fieldNames().forEachRemaining(names::add);
            saved.fieldNames().forEachRemaining(names::add);
            for (String f : names) {
                String d = firstDifference(path.isEmpty() ? f : path + "." + f, saved.get(f), wanted.get(f));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (saved != null && wanted != null && saved.isArray() && wanted.isArray() && saved.size() == wanted.size()) {
            for (int i = 0; i < saved.size(); i++) {
                String d = firstDifference(path + "[" + i + "]", saved.get(i), wanted.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (saved != null && saved.equals(wanted)) {
            return null;
        }
        return (path.isEmpty() ? "key" : path) + " = " + (saved == null ? "(none)" : saved) + ", not "
                + (wanted == null ? "(none)" : wanted);
    }

    private void checkpoint(Run run, JsonNode key, List<NDArray> velocity, double[] losses, int step)
            throws IOException {
        Path dir = run.checkpointDir();
        com.fasterxml.jackson.databind.node.ObjectNode training = run.provenance() == null ? JSON.createObjectNode()
                : JSON.valueToTree(run.provenance());
        training.set("config", JSON.valueToTree(config));
        training.put("steps_done", step);
        NetworkStore.save(run.net(), run.spec(), training, dir);
        if (run.decoder() != null) {
            Path tmpDec = Files.createTempFile(dir, ".decoder", ".tmp");
            try (DataOutputStream os = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmpDec)))) {
                run.decoder().saveParameters(os);
            }
            Files.move(tmpDec, dir.resolve(DECODER), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        Path tmp = Files.createTempFile(dir, ".momentum", ".tmp");
        try (DataOutputStream os = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            os.writeInt(velocity.size());
            for (NDArray v : velocity) {
                float[] f = v.toType(DataType.FLOAT32, false).toFloatArray();
                os.writeInt(f.length);
                for (float x : f) {
                    os.writeFloat(x);
                }
            }
        }
        Files.move(tmp, dir.resolve(MOMENTUM), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("step", step);
        state.put("key", key);
        state.put("loss", Arrays.copyOf(losses, step));
        Path tmpState = Files.createTempFile(dir, ".state", ".tmp");
        JSON.writeValue(tmpState.toFile(), state);
        Files.move(tmpState, dir.resolve(STATE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Loads a checkpoint made with the same key (net and decoder weights, losses); returns its step. */
    private int resume(Run run, List<NDArray> velocity, double[] losses, JsonNode key) throws IOException {
        Path dir = run.checkpointDir();
        JsonNode state = JSON.readTree(dir.resolve(STATE).toFile());
        String diff = firstDifference("", state.get("key"), key);
        if (diff != null) {
            throw new InvalidInputException("the checkpoint in " + dir + " belongs to another run (" + diff
                    + "); give another checkpoint folder, or the settings it was made with");
        }
        int step = Math.min(state.get("step").asInt(), config.steps());
        NetworkStore.loadInto(run.net(), dir);
        if (run.decoder() != null) {
            try (DataInputStream is = new DataInputStream(new BufferedInputStream(
                    Files.newInputStream(dir.resolve(DECODER))))) {
                run.decoder().loadParameters(run.net().model().getNDManager(), is);
            } catch (ai.djl.MalformedModelException e) {
                throw new InvalidInputException("the decoder in " + dir + " does not match (" + e.getMessage()
                        + "); give a new checkpoint folder");
            }
            for (Pair<String, Parameter> p : run.decoder().getParameters()) {
                NDArray a = p.getValue().getArray();
                a.intern(a.duplicate()); // tensor-owned memory (duplicate is a native clone)
            }
        }
        try (DataInputStream is = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(dir.resolve(MOMENTUM))))) {
            int n = is.readInt();
            if (n != velocity.size()) {
                throw new InvalidInputException("the momentum buffers in " + dir + " do not match the network; give a "
                        + "new checkpoint folder");
            }
            for (int k = 0; k < velocity.size(); k++) {
                NDArray v = velocity.get(k);
                float[] f = new float[is.readInt()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = is.readFloat();
                }
                NDArray a = v.getManager().create(f, v.getShape()).toType(v.getDataType(), false).duplicate();
                velocity.set(k, a);
                v.close();
            }
        }
        JsonNode l = state.get("loss");
        for (int i = 0; i < Math.min(step, l.size()); i++) {
            losses[i] = l.get(i).asDouble();
        }
        return step;
    }
}
