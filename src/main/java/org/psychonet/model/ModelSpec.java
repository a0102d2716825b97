package org.psychonet.model;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Map;
import org.psychonet.model.arch.ArchSpec;
import org.psychonet.model.arch.Architecture;
import org.psychonet.util.InputFiles;
import org.psychonet.util.InvalidInputException;

/**
 * A model as the user names it, parsed once: {@code identity}, {@code linear:W.npy}, {@code mlp}, an
 * architecture ({@code resnet18}, {@code vgg16bn}, {@code alexnet}, {@code alexnet-nonoverlap}, {@code small};
 * random initialization from the seed), {@code torchscript:FILE.pt} (an exported PyTorch module) or
 * {@code saved:DIR} (a network psychonet trained and saved). Parsing checks the syntax and that named files
 * exist; {@link #build} makes the network for a given stimulus shape.
 */
public sealed interface ModelSpec {
    /** The accepted forms, for messages and help (a constant for annotations; a test keeps it complete). */
    String FORMS = "identity, linear:W.npy, mlp, resnet18, vgg16bn, alexnet, alexnet-nonoverlap, small, small-nobn, "
            + "vit, torchscript:FILE.pt, torchvision:ARCH:FILE.pth, saved:DIR";

    /** The spec as the user would type it. */
    String text();

    /**
     * The network for stimuli of shape (C, H, W).
     *
     * @param type precision of psychonet-built networks (float32, or float64 for validation)
     * @param seed seed of random initializations
     */
    Network build(Shape inputShape, DataType type, long seed);

    /**
     * The stimulus side the model expects, when it says: a saved network's input size, or for a linear map the
     * side s with C·s² = its input columns. Empty when the model takes any size or does not say.
     */
    default java.util.OptionalInt inputSide(int channels) {
        return java.util.OptionalInt.empty();
    }

    /** Parses a spec; bad syntax or a missing file is bad input for parameter {@code model}. */
    static ModelSpec parse(String text) {
        InvalidInputException.requireParameter(text != null && !text.isBlank(), "model",
                "is empty; give one of " + FORMS);
        if (text.equals("identity")) {
            return new Identity();
        }
        if (text.equals("mlp")) {
            return new RandomMlp();
        }
        if (Architecture.isLabel(text)) {
            return new Builtin(Architecture.parse(text));
        }
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        String arg = colon < 0 ? "" : text.substring(colon + 1);
        switch (kind) {
            case "linear" -> {
                Path p = Path.of(arg);
                requireFile(p, "weight file", "give linear:PATH.npy with a float32/float64 matrix of shape (out, in)");
                return new Linear(p);
            }
            case "torchscript" -> {
                Path p = Path.of(arg);
                requireFile(p, "TorchScript file", "give torchscript:PATH.pt (see README: importing PyTorch models)");
                return new TorchScript(p);
            }
            case "torchvision" -> {
                int second = arg.indexOf(':');
                InvalidInputException.requireParameter(second > 0, "model", "'" + text + "' lacks a file; give "
                        + "torchvision:ARCH:FILE.pth, e.g. torchvision:resnet18:resnet18-f37072fd.pth");
                String arch = arg.substring(0, second).replace("vgg16_bn", "vgg16bn");
                Path p = Path.of(arg.substring(second + 1));
                requireFile(p, "state dict", "give torchvision:ARCH:FILE.pth with a file written by "
                        + "torch.save(model.state_dict(), FILE.pth)");
                InvalidInputException.requireParameter(Architecture.isLabel(arch) && !arch.equals("vit"), "model", "'"
                        + text + "' names architecture '" + arch + "'; psychonet loads state dicts of resnet18, "
                        + "vgg16_bn, alexnet and small");
                return new Torchvision(Architecture.parse(arch), p);
            }
            case "saved" -> {
                Path d = Path.of(arg);
                NetworkStore.requireSaved(d);
                return new Saved(d);
            }
            default -> throw InvalidInputException.parameter("model", "'" + text + "' is unknown; choose one of "
                    + FORMS);
        }
    }

    /** A named input file must be a readable regular file (a folder, FIFO or device is named for what it is). */
    private static void requireFile(Path p, String what, String remedy) {
        String problem = InputFiles.problem(p);
        InvalidInputException.requireParameter(problem == null, "model", "names " + what + " " + InputFiles.show(p)
                + ", which " + problem + "; " + remedy);
    }

    /** The pixels themselves: y = vec(x). */
    record Identity() implements ModelSpec {
        @Override
        public String text() {
            return "identity";
        }

        @Override
        public Network build(Shape inputShape, DataType type, long seed) {
            return LinearNetwork.identity(inputShape);
        }
    }

    /** A small random ReLU network, 2 hidden layers of 64, 10 outputs. */
    record RandomMlp() implements ModelSpec {
        @Override
        public String text() {
            return "mlp";
        }

        @Override
        public Network build(Shape inputShape, DataType type, long seed) {
            return Mlp.build(inputShape, new int[] {64, 64}, 10, type, seed);
        }
    }

    /** y = W·vec(x) with W read from a .npy file of shape (out, in). */
    record Linear(Path file) implements ModelSpec {
        @Override
        public String text() {
            return "linear:" + file;
        }

        @Override
        public java.util.OptionalInt inputSide(int channels) {
            org.psychonet.util.Npy.Array a = org.psychonet.util.Npy.read(file);
            if (a.shape().length != 2) {
                return java.util.OptionalInt.empty();
            }
            long in = a.shape()[1] / channels;
            long side = Math.round(Math.sqrt(in));
            return side * side == in && a.shape()[1] % channels == 0 ? java.util.OptionalInt.of((int) side)
                    : java.util.OptionalInt.empty();
        }

        @Override
        public Network build(Shape inputShape, DataType type, long seed) {
            return LinearNetwork.fromNpy(file, inputShape, type);
        }
    }

    /** One of psychonet's architectures at its standard (torchvision) size, randomly initialized. */
    record Builtin(Architecture arch) implements ModelSpec {
        @Override
        public String text() {
            return arch.label();
        }

        @Override
        public Network build(Shape inputShape, DataType type, long seed) {
            return ArchSpec.standard(arch).build(inputShape, type, seed);
        }
    }

    /** A TorchScript module whose forward returns a tuple of tap outputs. */
    record TorchScript(Path file) implements ModelSpec {
        @Override
        public String text() {
            return "torchscript:" + file;
        }

        @Override
        public Network build(Shape inputShape, DataType type, long seed) {
            return TorchScriptNetwork.load(file, inputShape);
        }
    }

    /**
     * One of psychonet's architectures holding the weights of a torchvision state dict (e.g. ImageNet-pretrained
     * weights on disk): exact tangents and psychonet's fast engine without an export step.
     */
    record Torchvision(Architecture arch, Path file) implements ModelSpec {
        @Override
        public String text() {
            return "torchvision:" + arch.label() + ":" + file;
        }

        @Override
        public Network build(Shape inputShape, DataType type, long seed) {
            Map<String, TorchStateDict.Tensor> state = TorchStateDict.read(file);
            TapNetwork net = TorchvisionWeights.spec(arch, state, file).build(inputShape, type, seed);
            try {
                TorchvisionWeights.load(net, arch, state, file);
            } catch (RuntimeException e) {
                net.close();
                throw e;
            }
            return net;
        }
    }

    /** A network psychonet trained and saved (weights + network.json). */
    record Saved(Path dir) implements ModelSpec {
        @Override
        public String text() {
            return "saved:" + dir;
        }

        @Override
        public java.util.OptionalInt inputSide(int channels) {
            return java.util.OptionalInt.of((int) NetworkStore.inputShape(dir).get(1));
        }

        @Override
        public Network build(Shape inputShape, DataType type, long seed) {
            Shape saved = NetworkStore.inputShape(dir);
            InvalidInputException.requireParameter(saved.equals(inputShape), "model", "is a network trained on "
                    + "inputs " + saved + " but the stimuli are " + inputShape
                    + "; measure it with stimuli of the size it was trained at");
            return NetworkStore.load(dir, type);
        }
    }
}
