package org.psychonet.learning.cnn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.psychonet.model.NetworkStore;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.arch.ArchSpec;
import org.psychonet.util.Progress;

/**
 * Trains a psychonet CNN on an {@link ImageClassTask} with PyTorch's SGD: g = ∇L + λw,
 * v ← μv + g, w ← w − η v (momentum μ = 0.9, weight decay λ = 1e-4), softmax cross-entropy on the last
 * tap, batch norm in training mode. Batch k is drawn from a generator seeded by (seed, k), so a run
 * resumed from a checkpoint sees exactly the batches an uninterrupted run would, and (one intra-op thread,
 * see {@link CnnThreads}) ends with bitwise the same weights. Checkpoints (weights, momentum buffers, step,
 * losses, and the key of model, task, seed and settings they belong to) are written atomically every
 * {@code checkpointEvery} steps; a checkpoint with another key is refused, never resumed.
 */
public final class CnnTrainer {
    private static final String MOMENTUM = "momentum.bin";
    private static final String STATE = "state.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What training did. */
    public record Outcome(int steps, int resumedFrom, double[] loss, double finalLoss, double finalAccuracy,
                          double chanceLoss, double seconds) {
        public Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("steps", steps);
            m.put("resumed_from_step", resumedFrom);
            m.put("final_loss", finalLoss);
            m.put("chance_loss", chanceLoss);
            m.put("final_train_accuracy", finalAccuracy);
            m.put("seconds", seconds);
            return m;
        }
    }

    private final CnnTrainingConfig config;

    public CnnTrainer(CnnTrainingConfig config) {
        this.config = config;
    }

    /**
     * Trains {@code net} in place.
     *
     * @param checkpointDir where checkpoints go and are resumed from (null: no checkpoints)
     * @param provenance    description stored beside checkpointed weights (arch, task, transforms, seed)
     */
    public Outcome train(TapNetwork net, ArchSpec spec, ImageClassTask task, long seed, Path checkpointDir,
                         Map<String, Object> provenance) throws IOException {
        return train(net, spec, task, seed, checkpointDir, provenance, config.steps());
    }

    /**
     * As {@link #train(TapNetwork, ArchSpec, ImageClassTask, long, Path, Map)}, but stops after step
     * {@code untilStep} with a checkpoint, to split training across sessions; a later call resumes.
     */
    public Outcome train(TapNetwork net, ArchSpec spec, ImageClassTask task, long seed, Path checkpointDir,
                         Map<String, Object> provenance, int untilStep) throws IOException {
        try {
            return CnnThreads.single(() -> trainOneThread(net, spec, task, seed, checkpointDir, provenance,
                    untilStep));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private Outcome trainOneThread(TapNetwork net, ArchSpec spec, ImageClassTask task, long seed,
                                   Path checkpointDir, Map<String, Object> provenance, int untilStep)
            throws IOException {
        long t0 = System.nanoTime();
        List<Parameter> params = new ArrayList<>();
        for (Pair<String, Parameter> p : net.model().getBlock().getParameters()) {
            if (p.getValue().requiresGradient()) {
                params.add(p.getValue());
            }
        }
        NDManager keep = net.model().getNDManager().newSubManager();
        List<NDArray> velocity = new ArrayList<>();
        for (Parameter p : params) {
            velocity.add(keep.zeros(p.getArray().getShape(), p.getArray().getDataType()));
        }
        double[] losses = new double[config.steps()];
        int start = 0;
        JsonNode key = key(net, task, seed, provenance);
        if (checkpointDir != null && NetworkStore.exists(checkpointDir) && Files.isRegularFile(
                checkpointDir.resolve(STATE))) {
            start = resume(net, checkpointDir, velocity, losses, key);
        }
        for (Parameter p : params) {
            p.getArray().setRequiresGradient(true); // after a resume: loading replaces the arrays
        }
        int size = (int) net.inputShape().get(1);
        int per = 3 * size * size;
        float[] data = new float[config.batch() * per];
        int[] target = new int[config.batch()];
        ParameterStore ps = new ParameterStore(net.model().getNDManager(), false);
        int correctTail = 0;
        int seenTail = 0;
        int tail = Math.max(1, config.steps() / 10);
        try (Progress bar = Progress.start("training " + net.name(), config.steps())) {
            bar.stepBy(start);
            int end = Math.min(config.steps(), untilStep);
            for (int step = start; step < end; step++) {
                Random rng = new Random(seed * 0x9E3779B97F4A7C15L + step);
                task.sample(rng, size, config.minCropScale(), config.flips(), data, target);
                try (NDManager m = net.model().getNDManager().newSubManager()) {
                    // Copies into tensor-owned memory: an array created from a Java buffer can be
                    // released before backward reads it again (seen as corrupted first-layer gradients).
                    NDArray x = m.create(data, new Shape(config.batch(), 3, size, size))
                            .toType(net.dataType(), true).duplicate();
                    NDArray y = m.create(target).duplicate();
                    NDArray loss;
                    NDArray logits;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDList out = net.model().getBlock().forward(ps, new NDList(x), true);
                        logits = out.get(out.size() - 1);
                        NDArray logp = logits.logSoftmax(1);
                        loss = logp.mul(y.oneHot((int) logits.getShape().get(1), logp.getDataType())).sum(new int[] {1}).neg().mean();
                        gc.backward(loss);
                    }
                    double lr = config.rate(step);
                    for (int i = 0; i < params.size(); i++) {
                        NDArray w = params.get(i).getArray();
                        NDArray v = velocity.get(i);
                        // temporaries are closed here: they belong to the model's manager, not the step's
                        try (NDArray g = w.getGradient(); NDArray decay = w.mul(config.weightDecay())) {
                            v.muli(config.momentum()).addi(g).addi(decay);
                            g.muli(0);
                        }
                        try (NDArray delta = v.mul(lr)) {
                            w.subi(delta);
                        }
                    }
                    losses[step] = loss.getFloat();
                    if (step >= config.steps() - tail) {
                        long[] pred = logits.argMax(1).toType(DataType.INT64, false).toLongArray();
                        for (int b = 0; b < pred.length; b++) {
                            correctTail += pred[b] == target[b] ? 1 : 0;
                        }
                        seenTail += pred.length;
                    }
                }
                bar.step();
                bar.message(String.format("loss %.3f", losses[step]));
                if (checkpointDir != null && config.checkpointEvery() > 0 && (step + 1) % config.checkpointEvery() == 0
                        && step + 1 < config.steps()) {
                    checkpoint(net, spec, provenance, key, checkpointDir, velocity, losses, step + 1);
                }
            }
        }
        int done = Math.max(start, Math.min(config.steps(), untilStep));
        if (checkpointDir != null) {
            checkpoint(net, spec, provenance, key, checkpointDir, velocity, losses, done);
        }
        keep.close();
        for (Parameter p : params) {
            p.getArray().setRequiresGradient(false);
        }
        double tailLoss = 0;
        for (int s = config.steps() - tail; s < config.steps(); s++) {
            tailLoss += losses[s];
        }
        return new Outcome(config.steps(), start, losses, tailLoss / tail,
                seenTail == 0 ? Double.NaN : (double) correctTail / seenTail, Math.log(task.classes()),
                (System.nanoTime() - t0) / 1e9);
    }

    private void checkpoint(TapNetwork net, ArchSpec spec, Map<String, Object> provenance, JsonNode key, Path dir,
                            List<NDArray> velocity, double[] losses, int step) throws IOException {
        Map<String, Object> training = new LinkedHashMap<>(provenance);
        training.put("config", config);
        training.put("steps_done", step);
        NetworkStore.save(net, spec, training, dir);
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
        double[] done = new double[step];
        System.arraycopy(losses, 0, done, 0, step);
        state.put("loss", done);
        Path tmpState = Files.createTempFile(dir, ".state", ".tmp");
        JSON.writeValue(tmpState.toFile(), state);
        Files.move(tmpState, dir.resolve(STATE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * What a checkpoint is valid for: the whole model (architecture, widths, input shape, initialization seed),
     * its precision, the task and images, the training seed and every training setting. A resume with any of
     * them different would continue someone else's run (issue 10, item 4).
     */
    private JsonNode key(TapNetwork net, ImageClassTask task, long seed, Map<String, Object> provenance) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("model", net.describe());
        k.put("data_type", net.dataType().name());
        k.put("task", task.describe());
        k.put("seed", seed);
        k.put("training", config);
        k.put("provenance", provenance);
        try {
            return JSON.readTree(JSON.writeValueAsString(k)); // as read back from disk (9 is an int there, not a long)
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first place where two keys differ, as "path = saved, not wanted"; null when they are equal. */
    static String firstDifference(String path, JsonNode saved, JsonNode wanted) {
        if (saved != null && wanted != null && saved.isObject() && wanted.isObject()) {
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
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

    /** Loads a checkpoint made with the same key; returns the step to continue from. */
    private int resume(TapNetwork net, Path dir, List<NDArray> velocity, double[] losses, JsonNode key)
            throws IOException {
        JsonNode state = JSON.readTree(dir.resolve(STATE).toFile());
        String diff = firstDifference("", state.get("key"), key);
        if (diff != null) {
            throw new org.psychonet.util.InvalidInputException("the checkpoint in " + dir + " belongs to another run ("
                    + diff + "); give another checkpoint folder, or the settings it was made with");
        }
        int step = Math.min(state.get("step").asInt(), config.steps());
        NetworkStore.loadInto(net, dir);
        try (DataInputStream is = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(dir.resolve(MOMENTUM))))) {
            int n = is.readInt();
            if (n != velocity.size()) {
                throw new IOException("momentum buffers do not match the network");
            }
            for (int k = 0; k < velocity.size(); k++) {
                NDArray v = velocity.get(k);
                float[] f = new float[is.readInt()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = is.readFloat();
                }
                NDArray a = v.getManager().create(f, v.getShape()).toType(v.getDataType(), true).duplicate();
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
