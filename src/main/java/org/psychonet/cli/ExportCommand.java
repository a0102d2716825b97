package org.psychonet.cli;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.psychonet.model.ModelSpec;
import org.psychonet.model.NetworkStore;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.TorchStateDict;
import org.psychonet.model.TorchvisionWeights;
import org.psychonet.model.arch.ArchSpec;
import org.psychonet.model.arch.Architecture;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.output.SafeOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code psychonet export}: a psychonet network as a PyTorch state dict under torchvision's parameter names
 * ({@code model.pth}), with {@code model.py} that builds the matching module and loads it — torchvision's own
 * resnet18 / vgg16_bn / alexnet, or the small CNN's module — so that
 * {@code torchvision.models.resnet18(num_classes=K).load_state_dict(torch.load("model.pth"))} works.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a psychonet network as a PyTorch state dict (model.pth) with model.py to load it.")
public final class ExportCommand extends RunCommand {

    @Option(names = "--model", required = true, description = "saved:DIR (a trained network), or resnet18, vgg16bn, "
            + "alexnet, small (random initialization from --seed).")
    String modelSpec;

    @Option(names = "--size", defaultValue = "224", description = "Input side of a randomly initialized network "
            + "(default: ${DEFAULT-VALUE}; a saved network keeps its own).")
    int size;

    private ArchSpec arch;
    private Shape input;

    @Override
    protected String name() {
        return "export";
    }

    @Override
    protected void validate() {
        ModelSpec spec = ModelSpec.parse(modelSpec);
        if (spec instanceof ModelSpec.Saved s) {
            arch = NetworkStore.spec(s.dir());
            input = NetworkStore.inputShape(s.dir());
        } else if (spec instanceof ModelSpec.Builtin b) {
            arch = ArchSpec.standard(b.arch());
            input = new Shape(3, size, size);
        } else {
            throw InvalidInputException.parameter("model", "'" + modelSpec + "' is not a psychonet network; give "
                    + "saved:DIR or one of resnet18, vgg16bn, alexnet, small");
        }
        Architecture a = arch.arch();
        InvalidInputException.requireParameter(a != Architecture.VIT && a != Architecture.ALEXNET_NONOVERLAP, "model",
                "'" + modelSpec + "' is a " + a.label() + ", which has no torchvision module to load into");
        if (a != Architecture.SMALL) {
            ArchSpec standard = ArchSpec.standard(a);
            InvalidInputException.requireParameter(arch.width() == standard.width(), "model", "'" + modelSpec
                    + "' has width " + arch.width() + ", not torchvision's " + standard.width()
                    + "; only torchvision's own widths load into torchvision's modules");
            InvalidInputException.requireParameter(a == Architecture.RESNET18 || input.get(1) == 224, "model", "'"
                    + modelSpec + "' takes " + input.get(1) + " px inputs; torchvision's " + a.label()
                    + " classifier is sized for 224 px");
        }
    }

    @Override
    protected Object config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("model", modelSpec);
        c.put("arch", arch.arch().label());
        c.put("width", arch.width());
        c.put("classes", arch.classes());
        c.put("input_shape", input.toString());
        return c;
    }

    @Override
    protected Map<String, Object> run(SafeOutput output) throws Exception {
        ModelSpec spec = ModelSpec.parse(modelSpec);
        try (TapNetwork net = (TapNetwork) spec.build(input, DataType.FLOAT32, seed)) {
            TorchStateDict.write(output.file("model.pth"),
                    TorchvisionWeights.export(net, TorchvisionWeights.keys(arch.arch())));
        }
        Files.writeString(output.file("model.py"), modelPy());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("files", new String[] {"model.pth", "model.py"});
        System.err.println("psychonet export: load it with  import torch, model; net = model.load('model.pth')");
        return s;
    }

    /** A small module file: build() makes the matching PyTorch module, load() fills it with model.pth. */
    private String modelPy() {
        String header = "\"\"\"Written by psychonet export: " + arch.arch().label() + " (width " + arch.width()
                + ", " + arch.classes() + " classes), inputs of shape (N, " + input.get(0) + ", " + input.get(1)
                + ", " + input.get(2) + ").\n\n    import torch, model\n    net = model.load(\"model.pth\")\n"
                + "\"\"\"\nimport torch\n";
        String build = switch (arch.arch()) {
            case RESNET18 -> "import torchvision\n\n\ndef build():\n    return torchvision.models.resnet18(num_classes="
                    + arch.classes() + ")\n";
            case VGG16BN -> "import torchvision\n\n\ndef build():\n    return torchvision.models.vgg16_bn(num_classes="
                    + arch.classes() + ")\n";
            case ALEXNET -> "import torchvision\n\n\ndef build():\n    return torchvision.models.alexnet(num_classes="
                    + arch.classes() + ")\n";
            default -> smallCnn();
        };
        return header + build + "\n\ndef load(path=\"model.pth\"):\n    net = build()\n"
                + "    net.load_state_dict(torch.load(path, map_location=\"cpu\"))\n    return net.eval()\n";
    }

    /** psychonet's small CNN as a PyTorch module with the same tensors in the same order. */
    private String smallCnn() {
        int w = arch.width();
        return """
                import torch.nn as nn
                import torch.nn.functional as F


                def unit(cin, cout, k):
                    return nn.Sequential(nn.Conv2d(cin, cout, k, padding=k // 2, bias=False), nn.BatchNorm2d(cout),
                                         nn.ReLU())


                class SmallCnn(nn.Module):
                    \"""psychonet's small CNN: four conv-BN-ReLU stages with 2x2 max-pools between, global average
                    pooling, a linear read-out. forward returns the logits.\"""

                    def __init__(self):
                        super().__init__()
                        self.conv1 = unit(3, %d, 5)
                        self.conv2 = unit(%d, %d, 3)
                        self.conv3 = unit(%d, %d, 3)
                        self.conv4 = unit(%d, %d, 3)
                        self.fc = nn.Linear(%d, %d)

                    def forward(self, x):
                        x = F.max_pool2d(self.conv1(x), 2)
                        x = F.max_pool2d(self.conv2(x), 2)
                        x = F.max_pool2d(self.conv3(x), 2)
                        return self.fc(self.conv4(x).mean(dim=(2, 3)))


                def build():
                    return SmallCnn()
                """.formatted(w, w, 2 * w, 2 * w, 4 * w, 4 * w, 4 * w, 4 * w, arch.classes());
    }
}
