package org.psychonet.model;

import ai.djl.Model;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psychonet.util.InvalidInputException;

/**
 * A TorchScript module (e.g. torchvision's pretrained ResNet18, exported as in the README) whose
 * forward returns a tuple of layer activations, one per tap. Tap names come from FILE.pt.layers (one
 * name a line) when present, otherwise tap0, tap1, …. The module runs as traced, in float32; psychonet
 * has no tangent for it, so sensitivity uses {@code --method grid} or {@code fd}.
 */
public final class TorchScriptNetwork implements Network {
    private final Path file;
    private final Model model;
    private final Block block;
    private final ParameterStore ps;
    private final Shape inputShape;
    private final List<String> layers;

    private TorchScriptNetwork(Path file, Model model, Shape inputShape, List<String> layers) {
        this.file = file;
        this.model = model;
        this.block = model.getBlock();
        this.ps = new ParameterStore(model.getNDManager(), false);
        this.inputShape = inputShape;
        this.layers = layers;
    }

    /**
     * Loads FILE.pt and probes it with one zero input of {@code inputShape} to count its taps.
     *
     * @throws InvalidInputException when the file is missing, not TorchScript, or does not accept the input
     */
    public static TorchScriptNetwork load(Path file, Shape inputShape) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("TorchScript file " + file + " does not exist; give "
                    + "torchscript:PATH.pt (see README: exporting torchvision models)");
        }
        Model model = Model.newInstance(file.getFileName().toString(), "PyTorch");
        try {
            String stem = file.getFileName().toString();
            stem = stem.endsWith(".pt") ? stem.substring(0, stem.length() - 3) : stem;
            Path dir = file.toAbsolutePath().getParent();
            model.load(dir, stem, Map.of("mapLocation", "true"));
            if (!Files.isRegularFile(dir.resolve(stem + ".pt"))) {
                throw new IOException("expected a .pt file");
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new InvalidInputException("cannot load " + file + " as TorchScript (" + e.getMessage()
                    + "); export it with torch.jit.trace or torch.jit.script (see README)");
        }
        TorchScriptNetwork net;
        int taps;
        try {
            net = new TorchScriptNetwork(file, model, inputShape, List.of());
            try (var m = model.getNDManager().newSubManager()) {
                NDArray probe = m.zeros(new Shape(1).addAll(inputShape), DataType.FLOAT32);
                taps = net.block.forward(net.ps, new NDList(probe), false).size();
            }
        } catch (RuntimeException e) {
            model.close();
            throw new InvalidInputException("TorchScript module " + file + " does not take inputs of shape (1, "
                    + inputShape + ") (" + firstLine(e.getMessage()) + "); choose a matching stimulus size");
        }
        return new TorchScriptNetwork(file, model, inputShape, names(file, taps));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "error";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    private static List<String> names(Path file, int taps) {
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
                throw new InvalidInputException("cannot read " + sidecar + " (" + e.getMessage() + ")");
            }
            if (names.size() != taps) {
                throw new InvalidInputException(sidecar + " names " + names.size() + " layers but the module returns "
                        + taps + " tensors; give one name a line per returned tensor");
            }
            return List.copyOf(names);
        }
        for (int i = 0; i < taps; i++) {
            names.add("tap" + i);
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
        return DataType.FLOAT32;
    }

    @Override
    public NDList forward(NDArray x) {
        NDList out = block.forward(ps, new NDList(x), false);
        for (NDArray a : out) {
            a.attach(x.getManager());
        }
        return out;
    }

    @Override
    public boolean supportsTangent() {
        return false;
    }

    @Override
    public NDList tangent(NDArray x, NDArray dx) {
        throw new UnsupportedOperationException("TorchScript networks have no tangent; use --method grid or fd");
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name());
        m.put("file", file.toAbsolutePath().toString());
        m.put("layers", layers);
        m.put("input_shape", inputShape.toString());
        return m;
    }

    @Override
    public void close() {
        model.close();
    }
}
