"""Builds psychonet's TorchScript kernels, src/main/resources/org/psychonet/model/kernels.pt: the few operations
psychonet needs from libtorch that DJL does not expose. Run once with Debian's python3-torch (1.13); libtorch
2.7.1 in DJL loads it. Nothing in it holds weights.

    /usr/bin/python3 scripts/make_kernels.py src/main/resources/org/psychonet/model/kernels.pt

jvp(y, x, v) — the Jacobian-vector product J·v of y(x) by double backward, with torch.autograd.grad so that no
    .grad field is written (Tensor.backward with create_graph would tie each input to its own graph in a
    reference cycle that is never freed).
max_pool_tangent(x, dx, kernel, stride, padding) — max pooling and its exact tangent: dx at each window's
    arg-max, from the indices the forward pass itself returns.
relu_pair(z) — ReLU on z = [x; dx] stacked along the batch axis: [relu(x); dx·(x > 0)] (the derivative at 0
    taken as 0, as autograd does), one comparison and one select.
max_pool_pair(z, kernel, stride, padding) — max pooling on z = [x; dx] stacked along the batch axis: the arg-max
    of each window of x picks both y and dy, returned stacked the same way.
"""
import sys
from typing import List, Optional, Tuple

import torch
import torch.nn.functional as F


class Kernels(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x

    @torch.jit.export
    def jvp(self, y: torch.Tensor, x: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
        u = torch.zeros_like(y).requires_grad_(True)
        seeds: List[Optional[torch.Tensor]] = [u]
        g = torch.autograd.grad([y], [x], seeds, create_graph=True, allow_unused=True)[0]
        if g is None:
            return torch.zeros_like(y)
        jv = torch.autograd.grad([(g * v).sum()], [u], allow_unused=True)[0]
        if jv is None:
            return torch.zeros_like(y)
        return jv

    @torch.jit.export
    def max_pool_tangent(self, x: torch.Tensor, dx: torch.Tensor, kernel: int, stride: int,
                         padding: int) -> Tuple[torch.Tensor, torch.Tensor]:
        y, idx = F.max_pool2d_with_indices(x, [kernel, kernel], [stride, stride], [padding, padding])
        dy = dx.flatten(2).gather(2, idx.flatten(2)).view_as(y)
        return y, dy


    @torch.jit.export
    def relu_pair(self, z: torch.Tensor) -> torch.Tensor:
        n = z.shape[0] // 2
        pair = z.reshape(2, n, -1)
        return torch.where(pair[0] > 0, pair, torch.zeros([1], dtype=z.dtype)).reshape(z.shape)

    @torch.jit.export
    def max_pool_pair(self, z: torch.Tensor, kernel: int, stride: int, padding: int) -> torch.Tensor:
        n = z.shape[0] // 2
        y, idx = F.max_pool2d_with_indices(z[:n], [kernel, kernel], [stride, stride], [padding, padding])
        c = z.shape[1]
        pick = idx.reshape(1, n, c, -1).expand(2, n, c, idx.shape[2] * idx.shape[3])
        return z.reshape(2, n, c, -1).gather(3, pick).reshape(2 * n, c, y.shape[2], y.shape[3])


if __name__ == "__main__":
    torch.jit.script(Kernels()).save(sys.argv[1])
