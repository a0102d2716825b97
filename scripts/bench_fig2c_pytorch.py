"""The Fig. 2c sweep in plain PyTorch, for comparison with `psychonet bench fig2c` on the same machine: torchvision's
ResNet18 (random weights, seeded), its 10 taps (stem and each residual block, fc), 180 orientations x 10 phases of
the paper's Gabor at 224 px rendered exactly as psychonet renders it (org.psychonet.stimulus.Gabor), float32.

    /usr/bin/python3 scripts/bench_fig2c_pytorch.py [--threads 2] [--batch 60] [--loop-thetas 6] [--size 224]

`psychonet bench fig2c` runs this script itself after its own timings (same process tree, same machine, one run).

Times (1) a plain forward pass of the 1,800 images (the floor of anything that runs the network), (2) PyTorch's own
forward-mode JVP (torch.autograd.forward_ad) for all taps in one pass per batch — the best PyTorch way — and (3) the
authors' loop (per layer, per orientation: the 10 phases at theta +/- 0.01 rad through the network up to that layer)
on --loop-thetas orientations, extrapolated to 180. Prints one JSON object with the load average before and after.
"""
import argparse
import json
import math
import os
import time

import torch
import torch.autograd.forward_ad as fwad
import torchvision


def gabor(thetas, size=224, cycles_per_100=2.0, sigma=50.0, phases=10, derivative=False):
    """x(theta, phase) (or dx/dtheta) for every theta and phase, theta-major, shape (T*K, 3, size, size)."""
    c = (size - 1) / 2.0
    j = torch.arange(size, dtype=torch.float64)
    xs = (j - c).reshape(1, size).expand(size, size)
    ys = (c - j).reshape(size, 1).expand(size, size)
    env = torch.exp(-(xs ** 2 + ys ** 2) / (2 * sigma ** 2))
    k = 2 * math.pi * cycles_per_100 / 100.0
    ph = torch.tensor([-math.pi + 2 * math.pi * i / (phases - 1) for i in range(phases)], dtype=torch.float64)
    th = torch.tensor(thetas, dtype=torch.float64).reshape(-1, 1, 1, 1)
    u = xs * torch.cos(th) + ys * torch.sin(th)
    arg = k * u + ph.reshape(1, -1, 1, 1)
    if derivative:
        du = -xs * torch.sin(th) + ys * torch.cos(th)
        img = -env * torch.sin(arg) * k * du
    else:
        img = env * torch.cos(arg)
    return img.reshape(-1, 1, size, size).expand(-1, 3, size, size).float().contiguous()


def stages(net):
    """The network as the chain of its taps: stem, 8 residual blocks, head."""
    stem = torch.nn.Sequential(net.conv1, net.bn1, net.relu, net.maxpool)
    blocks = [b for layer in (net.layer1, net.layer2, net.layer3, net.layer4) for b in layer]
    head = torch.nn.Sequential(net.avgpool, torch.nn.Flatten(1), net.fc)
    return [stem] + blocks + [head]


def run_all(chain, x):
    outs = []
    for s in chain:
        x = s(x)
        outs.append(x)
    return outs


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=60, help="stimuli per pass (a multiple of 10)")
    p.add_argument("--loop-thetas", type=int, default=6)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--size", type=int, default=224, help="input side; the Gabor keeps its cycles per image and "
                   "sigma/size (Gabor.Config.scaledTo)")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    net = torchvision.models.resnet18().eval()
    chain = stages(net)
    thetas = [math.pi * i / 180 for i in range(180)]
    per = max(1, a.batch // 10)
    ratio = 224.0 / a.size

    def stimuli(ts, derivative=False):
        return gabor(ts, size=a.size, cycles_per_100=2.0 * ratio, sigma=50.0 / ratio, derivative=derivative)

    result = {"torch": torch.__version__, "threads": torch.get_num_threads(), "size": a.size,
              "load_average_before": " ".join(open("/proc/loadavg").read().split()[:3])}

    t0 = time.time()
    with torch.no_grad():
        for s in range(0, 180, per):
            run_all(chain, stimuli(thetas[s:s + per]))
    result["plain_forward_1800_images_s"] = time.time() - t0

    t0 = time.time()
    d = torch.zeros(len(chain), 180, dtype=torch.float64)
    with torch.no_grad():
        for s in range(0, 180, per):
            chunk = thetas[s:s + per]
            with fwad.dual_level():
                outs = run_all(chain, fwad.make_dual(stimuli(chunk), stimuli(chunk, derivative=True)))
                for i, y in enumerate(outs):
                    t = fwad.unpack_dual(y).tangent
                    d[i, s:s + len(chunk)] = t.reshape(len(chunk), 10, -1).double().pow(2).sum(2).mean(1)
    result["forward_mode_jvp_all_taps_s"] = time.time() - t0

    h = 0.01
    t0 = time.time()
    with torch.no_grad():
        for layer in range(len(chain)):
            for th in thetas[:a.loop_thetas]:
                yp, ym = stimuli([th + h]), stimuli([th - h])
                for s in chain[:layer + 1]:
                    yp, ym = s(yp), s(ym)
                float(((yp - ym) / (2 * h)).pow(2).sum()) / 10
    loop = time.time() - t0
    result["authors_loop_measured_s"] = loop
    result["authors_loop_full_sweep_s"] = loop * 180 / a.loop_thetas
    result["load_average_after"] = " ".join(open("/proc/loadavg").read().split()[:3])
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
