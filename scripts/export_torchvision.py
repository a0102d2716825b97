"""Exports torchvision's ImageNet-trained resnet18 and vgg16_bn as TorchScript modules whose forward
returns a tuple of layer activations (psychonet's `--model torchscript:FILE.pt` format), with the tap
names in FILE.pt.layers. Needs torch and torchvision (and their weight download, done once by you):

    python3 scripts/export_torchvision.py            # writes resnet18.pt, vgg16_bn.pt (+ .layers)

Taps follow the paper (Methods): ResNet18 — the stem and each residual block, then fc; VGG16bn — after
each conv's ReLU, each max-pool and each linear layer. Inputs are ImageNet-standardized 224×224 images.
"""
import torch
import torchvision


class ResNetTaps(torch.nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net
        self.blocks = torch.nn.ModuleList(b for layer in (net.layer1, net.layer2, net.layer3, net.layer4)
                                          for b in layer)

    def forward(self, x):
        n = self.net
        x = n.maxpool(n.relu(n.bn1(n.conv1(x))))
        outs = [x]
        for b in self.blocks:
            x = b(x)
            outs.append(x)
        outs.append(n.fc(torch.flatten(n.avgpool(x), 1)))
        return tuple(outs)


class VggTaps(torch.nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        outs = []
        for layer in self.net.features:
            x = layer(x)
            if isinstance(layer, (torch.nn.ReLU, torch.nn.MaxPool2d)):
                outs.append(x)
        x = torch.flatten(self.net.avgpool(x), 1)
        for layer in self.net.classifier:
            x = layer(x)
            if isinstance(layer, torch.nn.Linear):
                outs.append(x)
        return tuple(outs)


def export(name, module, names):
    module.eval()
    torch.jit.trace(module, torch.zeros(1, 3, 224, 224)).save(name + ".pt")
    with open(name + ".pt.layers", "w") as f:
        f.write("\n".join(names) + "\n")


if __name__ == "__main__":
    r = torchvision.models.resnet18(weights="DEFAULT").eval()
    export("resnet18", ResNetTaps(r), ["stem"] + ["layer%d.%d" % (i, j) for i in range(1, 5) for j in range(2)]
           + ["fc"])
    v = torchvision.models.vgg16_bn(weights="DEFAULT").eval()
    names, block, conv = [], 1, 1
    for layer in v.features:
        if isinstance(layer, torch.nn.ReLU):
            names.append("conv%d_%d" % (block, conv))
            conv += 1
        elif isinstance(layer, torch.nn.MaxPool2d):
            names.append("pool%d" % block)
            block, conv = block + 1, 1
    export("vgg16_bn", VggTaps(v), names + ["fc6", "fc7", "fc8"])
