package org.psychonet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psychonet.model.arch.ArchSpec;
import org.psychonet.model.arch.Architecture;
import org.psychonet.util.InputFiles;
import org.psychonet.util.InvalidInputException;

/**
 * torchvision's parameters in psychonet's networks and back. psychonet's ResNet18, VGG16-BN, AlexNet and small
 * CNN hold the same tensors in the same order as torchvision's modules (and the small CNN's generated
 * {@code model.py}), with two differences handled here: batch-norm buffers {@code num_batches_tracked} are not
 * kept, and VGG16-BN's convolutions carry a bias in torchvision that psychonet folds into the following batch
 * norm's running mean (exact in eval mode: γ(x + b − μ)/σ + β = γ(x − (μ − b))/σ + β).
 */
public final class TorchvisionWeights {
    private TorchvisionWeights() {
    }

    /** The architecture's width and classes as the state dict has them. */
    public static ArchSpec spec(Architecture arch, Map<String, TorchStateDict.Tensor> state, Path file) {
        TorchStateDict.Tensor first = null;
        TorchStateDict.Tensor last = null;
        for (TorchStateDict.Tensor t : state.values()) {
            if (first == null && t.shape().length == 4) {
                first = t;
            }
            if (t.shape().length == 2) {
                last = t;
            }
        }
        if (first == null || last == null) {
            throw mismatch(file, arch, "it has no convolution or no linear layer");
        }
        int out = (int) first.shape()[0];
        int width = switch (arch) {
            case RESNET18, SMALL -> out;
            default -> out > 0 && 64 % out == 0 ? 64 / out : -1;
        };
        if (width < 1) {
            throw mismatch(file, arch, "its first convolution has " + out + " channels");
        }
        return new ArchSpec(arch, width, (int) last.shape()[0]);
    }

    /** Copies a state dict into the network's parameters (converted to the network's precision). */
    public static void load(TapNetwork net, Architecture arch, Map<String, TorchStateDict.Tensor> state, Path file) {
        List<Map.Entry<String, TorchStateDict.Tensor>> torch = new ArrayList<>();
        for (Map.Entry<String, TorchStateDict.Tensor> e : state.entrySet()) {
            if (e.getValue().floating() && !e.getKey().endsWith("num_batches_tracked")) {
                torch.add(e);
            }
        }
        List<Pair<String, Parameter>> params = new ArrayList<>();
        net.block().getParameters().forEach(params::add);
        int j = 0;
        double[] pendingBias = null;
        for (Pair<String, Parameter> p : params) {
            String mine = p.getKey();
            NDArray a = p.getValue().getArray();
            if (j >= torch.size()) {
                throw mismatch(file, arch, "it has fewer tensors than psychonet's " + arch.label() + " (" + params.size()
                        + " without num_batches_tracked)");
            }
            Map.Entry<String, TorchStateDict.Tensor> t = torch.get(j++);
            requireSame(file, arch, mine, a.getShape(), t);
            double[] v = t.getValue().values();
            if (mine.endsWith("runningMean") && pendingBias != null) {
                v = v.clone();
                for (int i = 0; i < v.length; i++) {
                    v[i] -= pendingBias[i];
                }
                pendingBias = null;
            }
            if (mine.endsWith("_conv_weight") && j < torch.size() && torch.get(j).getKey().endsWith(".bias")
                    && torch.get(j).getValue().shape().length == 1 && !hasBias(params, mine)) {
                pendingBias = torch.get(j++).getValue().values(); // folded into the next batch norm
            }
            a.intern(a.getManager().create(v, a.getShape()).toType(a.getDataType(), false).duplicate());
        }
        if (j != torch.size()) {
            throw mismatch(file, arch, "it has " + (torch.size() - j) + " tensors more than psychonet's "
                    + arch.label() + ", from " + torch.get(j).getKey());
        }
    }

    private static boolean hasBias(List<Pair<String, Parameter>> params, String convWeight) {
        String bias = convWeight.substring(0, convWeight.length() - "weight".length()) + "bias";
        return params.stream().anyMatch(q -> q.getKey().equals(bias));
    }

    /** Parameter kinds must correspond (weight/gamma, bias/beta, running mean, running variance) and shapes agree. */
    private static void requireSame(Path file, Architecture arch, String mine, Shape shape,
                                    Map.Entry<String, TorchStateDict.Tensor> t) {
        String theirs = t.getKey();
        String kind = theirs.substring(theirs.lastIndexOf('.') + 1);
        boolean ok = switch (kind) {
            case "weight" -> mine.endsWith("weight") || mine.endsWith("gamma");
            case "bias" -> mine.endsWith("bias") || mine.endsWith("beta");
            case "running_mean" -> mine.endsWith("runningMean");
            case "running_var" -> mine.endsWith("runningVar");
            default -> false;
        };
        if (!ok || !Arrays.equals(shape.getShape(), t.getValue().shape())) {
            throw mismatch(file, arch, "its " + theirs + " " + Arrays.toString(t.getValue().shape())
                    + " does not match psychonet's " + mine + " " + shape);
        }
    }

    private static InvalidInputException mismatch(Path file, Architecture arch, String why) {
        return InvalidInputException.parameter("model", "names " + InputFiles.show(file) + ", which is not a "
                + "torchvision " + arch.label() + " state dict: " + why);
    }

    /** The state-dict keys of torchvision's module for this architecture (psychonet's small CNN: its model.py). */
    public static List<String> keys(Architecture arch) {
        List<String> k = new ArrayList<>();
        switch (arch) {
            case RESNET18 -> {
                k.add("conv1.weight");
                bn(k, "bn1");
                for (int layer = 1; layer <= 4; layer++) {
                    for (int block = 0; block < 2; block++) {
                        String p = "layer" + layer + "." + block + ".";
                        k.add(p + "conv1.weight");
                        bn(k, p + "bn1");
                        k.add(p + "conv2.weight");
                        bn(k, p + "bn2");
                        if (layer > 1 && block == 0) {
                            k.add(p + "downsample.0.weight");
                            bn(k, p + "downsample.1");
                        }
                    }
                }
                k.add("fc.weight");
                k.add("fc.bias");
            }
            case VGG16BN -> {
                int i = 0;
                for (int c : new int[] {1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0}) {
                    if (c == 0) {
                        i++;
                        continue;
                    }
                    k.add("features." + i + ".weight");
                    k.add("features." + i + ".bias");
                    bn(k, "features." + (i + 1));
                    i += 3;
                }
                for (int j : new int[] {0, 3, 6}) {
                    k.add("classifier." + j + ".weight");
                    k.add("classifier." + j + ".bias");
                }
            }
            case ALEXNET, ALEXNET_NONOVERLAP -> {
                for (String m : new String[] {"features.0", "features.3", "features.6", "features.8", "features.10",
                    "classifier.1", "classifier.4", "classifier.6"}) {
                    k.add(m + ".weight");
                    k.add(m + ".bias");
                }
            }
            case SMALL -> {
                for (int c = 1; c <= 4; c++) {
                    k.add("conv" + c + ".0.weight");
                    bn(k, "conv" + c + ".1");
                }
                k.add("fc.weight");
                k.add("fc.bias");
            }
            default -> throw new IllegalArgumentException(arch.label() + " has no torchvision counterpart");
        }
        return k;
    }

    private static void bn(List<String> k, String prefix) {
        for (String s : new String[] {"weight", "bias", "running_mean", "running_var", "num_batches_tracked"}) {
            k.add(prefix + "." + s);
        }
    }

    /**
     * The network's parameters under torchvision's names, ready for {@code load_state_dict}: VGG16-BN convolutions
     * get a zero bias (psychonet's running mean already holds it), batch norms a {@code num_batches_tracked} of 0.
     *
     * @param names torchvision's state-dict keys for this architecture, in order
     */
    public static Map<String, TorchStateDict.Tensor> export(TapNetwork net, List<String> names) {
        Map<String, TorchStateDict.Tensor> out = new LinkedHashMap<>();
        List<Pair<String, Parameter>> params = new ArrayList<>();
        net.block().getParameters().forEach(params::add);
        int j = 0;
        for (Pair<String, Parameter> p : params) {
            NDArray a = p.getValue().getArray();
            String name = names.get(j++);
            out.put(name, new TorchStateDict.Tensor(a.getShape().getShape(), "float32",
                    a.toType(DataType.FLOAT64, false).toDoubleArray()));
            if (p.getKey().endsWith("_conv_weight") && !hasBias(params, p.getKey()) && names.get(j).endsWith(".bias")) {
                out.put(names.get(j++), new TorchStateDict.Tensor(new long[] {a.getShape().get(0)}, "float32",
                        new double[(int) a.getShape().get(0)]));
            }
            if (p.getKey().endsWith("runningVar")) {
                out.put(names.get(j++), new TorchStateDict.Tensor(new long[0], "int64", new double[] {0}));
            }
        }
        return out;
    }
}
