"""Exports a torchvision model as a TorchScript module whose forward returns a tuple of tap activations —
the format `psychonet sensitivity --model torchscript:FILE.pt` reads — with the tap names in FILE.pt.layers.
Runs offline: weights are random (--weights none), the file you name (--weights PATH.pth, a state dict), or
torchvision's pretrained ones (--weights DEFAULT, which needs them in torch's cache or a download).

    python3 scripts/export_torchvision.py resnet18 --weights none --out resnet18.pt
    python3 scripts/export_torchvision.py vgg16_bn --weights ~/vgg16_bn-6c64b313.pth --out vgg16_bn.pt
    python3 scripts/export_torchvision.py resnet18 --taps stem=maxpool,layer4.1,fc --precision float64

Default taps follow the paper (Methods): resnet18 — the stem and each residual block, then fc; vgg16_bn and
alexnet — after each conv's ReLU, each max-pool and each linear layer (fc6/fc7 after their ReLU, as psychonet's
built-in networks tap them); vit_b_16 — each transformer block. --taps takes module names (as in
model.named_modules(), "output" for the model's own return value), each optionally prefixed by a tap name
("stem=maxpool"). A module that returns a dict or tuple gives one tap per tensor (name.key or name.index).
psychonet computes exact derivatives of any such module by double backward through PyTorch's autograd (see
README), so no other export step is needed. Inputs are the images as psychonet renders them; stimuli are
ImageNet-standardized by psychonet when asked (--imagenet-normalize), not by the module.
"""
import argparse
import collections
import sys

import torch
import torchvision

PAPER_TAPS = {
    "resnet18": ["stem=maxpool"] + ["layer%d.%d" % (i, j) for i in range(1, 5) for j in range(2)] + ["fc"],
    "alexnet": ["conv1=features.1", "pool1=features.2", "conv2=features.4", "pool2=features.5",
                "conv3=features.7", "conv4=features.9", "conv5=features.11", "pool5=features.12",
                "fc6=classifier.2", "fc7=classifier.5", "fc8=classifier.6"],
    "vit_b_16": ["block%d=encoder.layers.encoder_layer_%d" % (i + 1, i) for i in range(12)],
}


def vgg_taps(model):
    taps, block, conv = [], 1, 1
    for i, layer in enumerate(model.features):
        if isinstance(layer, torch.nn.ReLU):
            taps.append("conv%d_%d=features.%d" % (block, conv, i))
            conv += 1
        elif isinstance(layer, torch.nn.MaxPool2d):
            taps.append("pool%d=features.%d" % (block, i))
            block, conv = block + 1, 1
    return taps + ["fc6=classifier.1", "fc7=classifier.4", "fc8=classifier.6"]


def default_taps(arch, model):
    if arch in PAPER_TAPS:
        return PAPER_TAPS[arch]
    if arch.startswith("vgg"):
        return vgg_taps(model)
    return ["output"]


def tensors(name, value):
    """(name, tensor) pairs of a module's output: a tensor, or a dict/tuple/list of them."""
    if isinstance(value, torch.Tensor):
        return [(name, value)]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in tensors("%s.%s" % (name, k), v)]
    if isinstance(value, (tuple, list)):
        return [p for i, v in enumerate(value) for p in tensors("%s.%d" % (name, i), v)]
    return []


class Taps(torch.nn.Module):
    """Runs the model and returns the outputs of the tapped modules, in the order given, as a tuple."""

    def __init__(self, model, taps):
        super().__init__()
        self.model = model
        self.taps = taps  # [(tap name, module name)]
        self.seen = {}
        modules = dict(model.named_modules())
        for _, module in taps:
            if module == "output":
                continue
            if module not in modules:
                sys.exit("--taps: the model has no module '%s'; its modules are listed by "
                         "[n for n, _ in model.named_modules()]" % module)
            modules[module].register_forward_hook(self._hook(module))

    def _hook(self, module):
        def hook(_, __, output):
            self.seen[module] = output
        return hook

    def forward(self, x):
        self.seen = {}
        out = self.model(x)
        result = []
        for name, module in self.taps:
            value = out if module == "output" else self.seen[module]
            result.extend(t for _, t in tensors(name, value))
        return tuple(result)

    def names(self, x):
        self.seen = {}
        out = self.model(x)
        return [n for name, module in self.taps
                for n, _ in tensors(name, out if module == "output" else self.seen[module])]


def build(arch, weights, num_classes, seed):
    torch.manual_seed(seed)
    builder = getattr(torchvision.models, arch, None)
    if builder is None:
        sys.exit("unknown torchvision model '%s'" % arch)
    if weights == "DEFAULT":
        return builder(weights="DEFAULT")
    kwargs = {} if num_classes is None else {"num_classes": num_classes}
    model = builder(weights=None, **kwargs)
    if weights != "none":
        state = torch.load(weights, map_location="cpu")
        for key in ("state_dict", "model"):
            if isinstance(state, dict) and key in state and isinstance(state[key], dict):
                state = state[key]
        model.load_state_dict(state)
    return model


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("arch", help="torchvision model name, e.g. resnet18, vgg16_bn, alexnet, vit_b_16")
    p.add_argument("--weights", default="none", help="none (random, seeded), DEFAULT (pretrained) or PATH.pth")
    p.add_argument("--taps", help="comma-separated [name=]module list (default: the paper's taps)")
    p.add_argument("--precision", choices=["float32", "float64"], default="float32")
    p.add_argument("--size", type=int, default=224, help="input side (default 224)")
    p.add_argument("--num-classes", type=int, help="outputs of the last layer (random weights only)")
    p.add_argument("--seed", type=int, default=0, help="seed of random weights")
    p.add_argument("--out", help="TorchScript file to write (default ARCH.pt)")
    p.add_argument("--state-dict-out", help="also save the model's state dict here (e.g. for psychonet's "
                   "--model torchvision:ARCH:FILE.pth)")
    a = p.parse_args(argv)
    model = build(a.arch, a.weights, a.num_classes, a.seed).eval()
    for m in model.modules():  # tapped tensors must not be overwritten by later in-place ops
        if hasattr(m, "inplace"):
            m.inplace = False
    dtype = torch.float64 if a.precision == "float64" else torch.float32
    model = model.to(dtype)
    spec = a.taps.split(",") if a.taps else default_taps(a.arch, model)
    taps = [(t.split("=", 1)[0], t.split("=", 1)[1]) if "=" in t else (t, t) for t in spec]
    wrapper = Taps(model, taps).eval()
    example = torch.zeros(1, 3, a.size, a.size, dtype=dtype)
    with torch.no_grad():
        names = wrapper.names(example)
        traced = torch.jit.trace(wrapper, example, check_trace=False)
    out = a.out or a.arch + ".pt"
    traced.save(out)
    with open(out + ".layers", "w") as f:
        f.write("\n".join(names) + "\n")
    if a.state_dict_out:
        torch.save(collections.OrderedDict((k, v.float() if v.is_floating_point() else v)
                                           for k, v in model.state_dict().items())
                   if a.precision == "float32" else model.state_dict(), a.state_dict_out)
    print("wrote %s (%d taps: %s) and %s.layers" % (out, len(names), ", ".join(names), out))


if __name__ == "__main__":
    main()
