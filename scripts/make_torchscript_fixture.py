"""Makes psychonet's TorchScript test fixture: a tiny conv net whose forward returns a tuple of layer
activations, the format `--model torchscript:FILE.pt` reads.

Run once (Debian's python3-torch 1.13 was used):
    /usr/bin/python3 scripts/make_torchscript_fixture.py src/test/resources/torchscript/tiny.pt
Writes FILE.pt (traced module) and FILE.pt.layers (tap names, one a line), and FILE.pt.check.txt with the
sum of squares of each tap for a fixed input, which the Java test compares against.
"""
import sys

import torch
import torch.nn as nn


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


def main(path):
    torch.manual_seed(0)
    net = Tiny()
    with torch.no_grad():  # non-trivial running statistics so that eval-mode BN matters
        net.bn1.running_mean.uniform_(-0.5, 0.5)
        net.bn1.running_var.uniform_(0.5, 2.0)
    net.eval()
    example = torch.linspace(-1, 1, 3 * 8 * 8).reshape(1, 3, 8, 8)
    traced = torch.jit.trace(net, example)
    traced.save(path)
    with open(path + ".layers", "w") as f:
        f.write("conv1\npool1\nconv2\nfc\n")
    with torch.no_grad():
        outs = traced(example)
    with open(path + ".check.txt", "w") as f:
        for o in outs:
            f.write("%.8f\n" % float((o.double() ** 2).sum()))


if __name__ == "__main__":
    main(sys.argv[1])
