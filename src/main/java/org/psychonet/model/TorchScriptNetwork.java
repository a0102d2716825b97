package org.psychonet.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psychonet.util.InputFiles;
import org.psychonet.util.InvalidInputException;

/**
 * A TorchScript module (traced or scripted) whose forward returns the activations of its taps: a tensor, a
 * tuple or list of tensors (nested ones are flattened in order), or a dict of tensors (one tap per key). Tap
 * names come from FILE.pt.layers (one name a line) when present, else from the dict's keys, else tap0, tap1, ….
 * The module runs in the precision of its parameters (export it in float64 to measure in float64).
 *
 * <p>Exact tangents come from PyTorch's own autograd by double backward: with every tap flattened and
 * concatenated into Y(x), g(U) = ∂(Y·U)/∂x = JᵀU is computed with its graph kept, and ∂(g·dx)/∂U = J dx is the
 * Jacobian-vector product of every tap at once — exact for any layer autograd can differentiate twice (conv,
 * batch norm, pooling, ReLU, GELU, LayerNorm, attention, …); see {@link TorchKernels#jvp}. Pitfalls met on the
 * way, each of which gave errors, wrong numbers or a leak: (1) DJL loads modules in inference mode unless asked
 * for "trainParam" (parameters become inference tensors that autograd refuses to save); (2) DJL's
 * Block.forward(training = true) also switches the module to train mode (batch norm then uses batch statistics,
 * dropout drops), so the module is called directly with grad enabled and left in eval mode; (3) Tensor.backward
 * accumulates into every leaf that requires grad, so a seed that is also part of the first target gets y added
 * to its gradient; (4) Tensor.backward with create_graph leaves x.grad holding the graph that holds x — a
 * reference cycle that frees nothing (≈ 10× the input per batch) — so the two derivatives are taken with
 * torch.autograd.grad inside a TorchScript kernel, which writes no .grad.
 */
public final class TorchScriptNetwork implements Network {
    private final Path file;
    private final Model model;
    private final PtSymbolBlock block;
    private final Shape inputShape;
    private final DataType dataType;
    private final List<String> layers;
    private final int[] order; // module output index of each tap, in layers() order

    private TorchScriptNetwork(Path file, Model model, Shape inputShape, DataType dataType, List<String> layers,
                               int[] order) {
        this.file = file;
        this.model = model;
        this.block = (PtSymbolBlock) model.getBlock();
        this.inputShape = inputShape;
        this.dataType = dataType;
        this.layers = layers;
        this.order = order;
    }

    /**
     * Loads FILE.pt and probes it with one zero input of {@code inputShape} to find its taps.
     *
     * @throws InvalidInputException when the file is not TorchScript or does not accept the input
     */
    public static TorchScriptNetwork load(Path file, Shape inputShape) {
        String problem = InputFiles.problem(file);
        InvalidInputException.requireParameter(problem == null, "model", "names TorchScript file "
                + InputFiles.show(file) + ", which " + problem + "; give torchscript:PATH.pt (see README)");
        Model model = Model.newInstance(file.getFileName().toString(), "PyTorch");
        try {
            Path abs = file.toAbsolutePath();
            // trainParam: parameters as ordinary tensors, so that autograd can differentiate through them
            model.load(abs.getParent(), abs.getFileName().toString(), Map.of("mapLocation", "true",
                    "trainParam", "true"));
            if (!(model.getBlock() instanceof PtSymbolBlock)) {
                throw new IOException("not a TorchScript module");
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw InvalidInputException.parameter("model", "names " + InputFiles.show(file)
                    + ", which cannot be loaded as TorchScript (" + firstLine(e.getMessage())
                    + "); export it with torch.jit.trace or torch.jit.script (see README)");
        }
        PtSymbolBlock block = (PtSymbolBlock) model.getBlock();
        block.freezeParameters(true); // no gradients for the weights: only the input's are needed
        DataType type = parameterType(block);
        NDList probe;
        try (NDManager m = model.getNDManager().newSubManager()) {
            probe = block.forward(new ai.djl.training.ParameterStore(m, false),
                    new NDList(m.zeros(new Shape(1).addAll(inputShape), type)), false);
            List<String> names = new ArrayList<>();
            for (NDArray a : probe) {
                names.add(a.getName());
            }
            int[] order = new int[probe.size()];
            List<String> layers = names(file, names, order);
            return new TorchScriptNetwork(file, model, inputShape, type, layers, order);
        } catch (InvalidInputException e) {
            model.close();
            throw e;
        } catch (RuntimeException e) {
            model.close();
            throw InvalidInputException.parameter("model", InputFiles.show(file) + " does not take inputs of shape "
                    + "(1, " + inputShape.toString().replaceAll("[()]", "") + ") in " + type.toString().toLowerCase()
                    + " (" + firstLine(e.getMessage()) + "); choose a matching stimulus size");
        }
    }

    /** The precision of the module's first floating-point parameter (float32 for a module without any). */
    private static DataType parameterType(PtSymbolBlock block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            DataType t = p.getValue().getArray().getDataType();
            if (t == DataType.FLOAT64 || t == DataType.FLOAT32) {
                return t;
            }
        }
        return DataType.FLOAT32;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "error";
        }
        int i = s.indexOf('\n');
        return InputFiles.oneLine(i < 0 ? s : s.substring(0, i));
    }

    /**
     * Tap names, and in {@code order} the module output each comes from. A sidecar FILE.pt.layers names the
     * outputs in order, or — for a dict-returning module — by key, in the order the sidecar lists them.
     */
    private static List<String> names(Path file, List<String> keys, int[] order) {
        int taps = keys.size();
        boolean keyed = keys.stream().allMatch(k -> k != null && !k.isEmpty());
        Path sidecar = Path.of(file + ".layers");
        List<String> names = new ArrayList<>();
        if (Files.isRegularFile(sidecar)) {
            try {
                for (String line : Files.readAllLines(sidecar)) {
                    if (!line.isBlank()) {
                        names.add(line.strip());
                    }
                }
            } catch (IOException e) {
                throw InvalidInputException.parameter("model", "has a tap-name file " + InputFiles.show(sidecar)
                        + " that cannot be read (" + e.getMessage() + ")");
            }
            InvalidInputException.requireParameter(names.size() == taps, "model", "has a tap-name file "
                    + InputFiles.show(sidecar) + " naming " + names.size() + " layers but the module returns " + taps
                    + " tensors; give one name a line per returned tensor");
            for (int i = 0; i < taps; i++) {
                order[i] = keyed ? keys.indexOf(names.get(i)) : i;
                InvalidInputException.requireParameter(order[i] >= 0, "model", "has a tap-name file "
                        + InputFiles.show(sidecar) + " naming '" + names.get(i) + "', which is not a key of the dict "
                        + "the module returns (" + String.join(", ", keys) + ")");
            }
            return List.copyOf(names);
        }
        List<String> sorted = new ArrayList<>(keys);
        if (keyed) {
            sorted.sort(null); // a dict's keys, in a fixed order
        }
        for (int i = 0; i < taps; i++) {
            order[i] = keyed ? keys.indexOf(sorted.get(i)) : i;
            names.add(keyed ? sorted.get(i) : "tap" + i);
        }
        return List.copyOf(names);
    }

    @Override
    public String name() {
        return "torchscript:" + file.getFileName();
    }

    @Override
    public List<String> layers() {
        return layers;
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    /** The module's outputs in tap order, attached to {@code into}. */
    private NDList taps(NDList out, NDManager into) {
        NDList r = new NDList();
        for (int i : order) {
            NDArray a = out.get(i);
            a.attach(into);
            r.add(a);
        }
        return r;
    }

    @Override
    public NDList forward(NDArray x) {
        return taps(block.forward(new ai.djl.training.ParameterStore(x.getManager(), false), new NDList(x), false),
                x.getManager());
    }

    @Override
    public boolean supportsTangent() {
        return true;
    }

    @Override
    public NDList tangent(NDArray x, NDArray dx) {
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try {
            NDArray leaf = x.duplicate(); // a fresh leaf: the caller's x may be reused or kept
            leaf.setRequiresGradient(true);
            // called directly with grad enabled: Block.forward(training = true) would switch to train mode
            NDList ys = IValueUtils.forward(block, new NDList(leaf), true);
            long n = x.getShape().get(0);
            NDList flat = new NDList();
            for (NDArray y : ys) {
                flat.add(y.reshape(n, -1));
            }
            NDArray all = flat.size() == 1 ? flat.get(0) : NDArrays.concat(flat, 1);
            NDArray jv = TorchKernels.jvp(all, leaf, dx);
            NDList out = new NDList();
            long at = 0;
            for (NDArray y : ys) {
                long w = y.size() / n;
                out.add(jv.get(":, " + at + ":" + (at + w)).reshape(y.getShape()));
                at += w;
            }
            NDList ordered = new NDList();
            for (int i : order) {
                ordered.add(out.get(i));
            }
            return ordered;
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name());
        m.put("file", file.toAbsolutePath().toString());
        m.put("layers", layers);
        m.put("input_shape", inputShape.toString());
        m.put("precision", dataType.toString().toLowerCase());
        m.put("tangent", "double backward through PyTorch autograd (exact)");
        return m;
    }

    @Override
    public void close() {
        model.close();
    }
}
