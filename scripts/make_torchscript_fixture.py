"""Test fixtures for psychonet's TorchScript import and PyTorch bridge (Debian's python3-torch 1.13 is enough):

    make_torchscript_fixture.py tiny FILE.pt        the committed tiny conv net (src/test/resources/torchscript)
    make_torchscript_fixture.py smooth FILE.pt      float64 conv/tanh/softplus net: fd must converge as O(δ²)
    make_torchscript_fixture.py gelu-ln FILE.pt     float64 conv, LayerNorm, GELU, self-attention: layers psychonet
                                                    does not build itself
    make_torchscript_fixture.py dict FILE.pt        a module returning a dict of taps
    make_torchscript_fixture.py small FILE.pt --width W --classes K --size S
                                                    psychonet's small CNN as a torch module (random, seeded),
                                                    traced in float64, its state dict in FILE.pth
    make_torchscript_fixture.py reference FILE.pt X.npy DX.npy OUT.npy
                                                    D = Σ(J·dx)² per tap and row, by PyTorch's forward-mode AD

Every module's forward returns a tuple of tap activations (tap names in FILE.pt.layers), as
`psychonet sensitivity --model torchscript:FILE.pt` reads them.
"""
import argparse
import collections

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 4, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(4)
        self.pool = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(4, 6, 3, padding=1)
        self.fc = nn.Linear(6, 5)

    def forward(self, x):
        a = torch.relu(self.bn1(self.conv1(x)))
        b = self.pool(a)
        c = torch.relu(self.conv2(b))
        d = self.fc(c.mean(dim=(2, 3)))
        return a, b, c, d


class Smooth(nn.Module):
    """Infinitely differentiable, so finite differences converge as O(δ²) to the exact derivative."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 6, 3, stride=2, padding=1)
        self.fc1 = nn.Linear(6 * 6 * 6, 24)
        self.fc2 = nn.Linear(24, 5)

    def forward(self, x):
        a = torch.tanh(self.conv(x))
        b = F.softplus(self.fc1(torch.flatten(a, 1)))
        return a, b, self.fc2(b)


class GeluLn(nn.Module):
    """Patch embedding, LayerNorm, GELU and one softmax self-attention: none of them built by psychonet's tangent
    layers for TorchScript models."""

    def __init__(self, dim=16):
        super().__init__()
        self.embed = nn.Conv2d(3, dim, 4, stride=4)
        self.ln1 = nn.LayerNorm(dim)
        self.attn = nn.MultiheadAttention(dim, 2, batch_first=True)
        self.ln2 = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, dim))
        self.head = nn.Linear(dim, 4)

    def forward(self, x):
        t = self.embed(x).flatten(2).transpose(1, 2)
        h = self.ln1(t)
        a = t + self.attn(h, h, h, need_weights=False)[0]
        b = a + self.mlp(self.ln2(a))
        return t, a, b, self.head(b.mean(1))


class Dict(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, padding=1)
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        a = torch.relu(self.conv(x))
        return {"logits": self.fc(a.mean(dim=(2, 3))), "features": a}


class SmallCnn(nn.Module):
    """psychonet's `small` architecture (org.psychonet.model.arch.SmallCnn) with the same tensors in the same
    order: four conv-BN-ReLU stages (5×5 then 3×3, no conv bias) with 2×2 max-pools between, global average
    pooling and a linear read-out. forward returns the taps conv1, pool1, conv2, pool2, conv3, pool3, conv4, fc."""

    def __init__(self, width=16, classes=10):
        super().__init__()

        def unit(cin, cout, k):
            return nn.Sequential(nn.Conv2d(cin, cout, k, padding=k // 2, bias=False), nn.BatchNorm2d(cout),
                                 nn.ReLU())

        self.conv1 = unit(3, width, 5)
        self.conv2 = unit(width, 2 * width, 3)
        self.conv3 = unit(2 * width, 4 * width, 3)
        self.conv4 = unit(4 * width, 4 * width, 3)
        self.fc = nn.Linear(4 * width, classes)

    def forward(self, x):
        c1 = self.conv1(x)
        p1 = F.max_pool2d(c1, 2)
        c2 = self.conv2(p1)
        p2 = F.max_pool2d(c2, 2)
        c3 = self.conv3(p2)
        p3 = F.max_pool2d(c3, 2)
        c4 = self.conv4(p3)
        return c1, p1, c2, p2, c3, p3, c4, self.fc(c4.mean(dim=(2, 3)))


def randomize_batch_norm(net, seed):
    """Non-trivial running statistics and affine parameters, so that eval-mode batch norm matters."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for m in net.modules():
            if isinstance(m, nn.BatchNorm2d):
                n = m.num_features
                m.running_mean.copy_(torch.rand(n, generator=g) * 0.6 - 0.3)
                m.running_var.copy_(torch.rand(n, generator=g) * 1.5 + 0.5)
                m.weight.copy_(torch.rand(n, generator=g) + 0.5)
                m.bias.copy_(torch.rand(n, generator=g) * 0.6 - 0.3)


def save(net, path, names, shape, dtype=torch.float64):
    net = net.to(dtype).eval()
    traced = torch.jit.trace(net, torch.linspace(-1, 1, int(np.prod(shape)), dtype=dtype).reshape(1, *shape),
                             strict=False, check_trace=False)
    traced.save(path)
    with open(path + ".layers", "w") as f:
        f.write("\n".join(names) + "\n")
    return traced


def tiny(path):
    torch.manual_seed(0)
    net = Tiny()
    with torch.no_grad():
        net.bn1.running_mean.uniform_(-0.5, 0.5)
        net.bn1.running_var.uniform_(0.5, 2.0)
    example = torch.linspace(-1, 1, 3 * 8 * 8).reshape(1, 3, 8, 8)
    traced = save(net, path, ["conv1", "pool1", "conv2", "fc"], (3, 8, 8), torch.float32)
    with torch.no_grad():
        outs = traced(example)
    with open(path + ".check.txt", "w") as f:
        for o in outs:
            f.write("%.8f\n" % float((o.double() ** 2).sum()))


def reference(module, x, dx, out):
    """D per tap and row by forward-mode AD (torch.autograd.forward_ad), in float64."""
    import torch.autograd.forward_ad as fwad
    m = torch.jit.load(module)
    xs = torch.from_numpy(np.load(x)).double()
    vs = torch.from_numpy(np.load(dx)).double()
    with torch.no_grad(), fwad.dual_level():
        ys = m(fwad.make_dual(xs, vs))
        if isinstance(ys, dict):
            ys = [ys[k] for k in sorted(ys)]
        d = [fwad.unpack_dual(y).tangent.reshape(xs.shape[0], -1).pow(2).sum(1).numpy() for y in ys]
    np.save(out, np.stack(d))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("kind", choices=["tiny", "smooth", "gelu-ln", "dict", "small", "reference"])
    p.add_argument("files", nargs="+")
    p.add_argument("--width", type=int, default=4)
    p.add_argument("--classes", type=int, default=5)
    p.add_argument("--size", type=int, default=16)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    torch.manual_seed(a.seed)
    path = a.files[0]
    if a.kind == "tiny":
        tiny(path)
    elif a.kind == "smooth":
        save(Smooth(), path, ["conv", "fc1", "fc2"], (3, 12, 12))
    elif a.kind == "gelu-ln":
        save(GeluLn(), path, ["embed", "attention", "mlp", "head"], (3, 12, 12))
    elif a.kind == "dict":
        save(Dict(), path, ["logits", "features"], (3, 8, 8))
    elif a.kind == "small":
        net = SmallCnn(a.width, a.classes)
        randomize_batch_norm(net, a.seed + 1)
        save(net, path, ["conv1", "pool1", "conv2", "pool2", "conv3", "pool3", "conv4", "fc"],
             (3, a.size, a.size))
        torch.save(collections.OrderedDict((k, v.float() if v.is_floating_point() else v)
                                           for k, v in net.state_dict().items()),
                   path[:-3] + ".pth" if path.endswith(".pt") else path + ".pth")
    else:
        reference(*a.files)


if __name__ == "__main__":
    main()
