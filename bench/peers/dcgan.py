#!/usr/bin/env python3
"""The gpu tier's DCGAN in PyTorch: a speed reference for src/tf (benchmark only, never a check).

Same shapes as src/tf/gan-models.ts (no batch norm; He-normal init scaled by alpha), non-saturating
loss, RMSProp with decay gamma for both players, batch 64, nz 100, random inputs standing in for MNIST.
Prints one JSON line: {"impl": "pytorch", "device": ..., "H": ..., "ms_per_step": ...}.
  python3 bench/peers/dcgan.py [--H 32] [--steps 200] [--device cuda|cpu]
"""
import argparse, json, time
import torch
import torch.nn as nn
import torch.nn.functional as F


class G(nn.Module):
    def __init__(self, H, nz):
        super().__init__()
        self.H = H
        self.fc = nn.Linear(nz, 49 * 2 * H)
        self.c1 = nn.ConvTranspose2d(2 * H, H, 5, stride=2, padding=2, output_padding=1)
        self.c2 = nn.ConvTranspose2d(H, 1, 5, stride=2, padding=2, output_padding=1)

    def forward(self, z):
        h = F.relu(self.fc(z)).view(-1, 2 * self.H, 7, 7)
        return torch.tanh(self.c2(F.relu(self.c1(h))))


class D(nn.Module):
    def __init__(self, H):
        super().__init__()
        self.c1 = nn.Conv2d(1, H, 5, stride=2, padding=2)
        self.c2 = nn.Conv2d(H, 2 * H, 5, stride=2, padding=2)
        self.fc = nn.Linear(49 * 2 * H, 1)

    def forward(self, x):
        h = F.leaky_relu(self.c2(F.leaky_relu(self.c1(x), 0.2)), 0.2)
        return self.fc(h.flatten(1))


def init(m, alpha):
    for p in m.parameters():
        if p.dim() > 1:
            nn.init.kaiming_normal_(p)
            p.data.mul_(alpha)
        else:
            p.data.zero_()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--H', type=int, default=32)
    ap.add_argument('--steps', type=int, default=200)
    ap.add_argument('--batch', type=int, default=64)
    ap.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
    a = ap.parse_args()
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    dev = torch.device(a.device)
    torch.manual_seed(0)
    g, d = G(a.H, 100).to(dev), D(a.H).to(dev)
    init(g, 1.0), init(d, 1.0)
    og = torch.optim.RMSprop(g.parameters(), lr=2e-4, alpha=0.9, eps=1e-8)
    od = torch.optim.RMSprop(d.parameters(), lr=2e-4, alpha=0.9, eps=1e-8)
    x = torch.rand(a.batch, 1, 28, 28, device=dev) * 2 - 1

    def step():
        z = torch.randn(a.batch, 100, device=dev)
        od.zero_grad()
        ld = F.softplus(-d(x)).mean() + F.softplus(d(g(z).detach())).mean()
        ld.backward()
        od.step()
        og.zero_grad()
        lg = F.softplus(-d(g(torch.randn(a.batch, 100, device=dev)))).mean()
        lg.backward()
        og.step()
        return lg

    for _ in range(10):
        step()
    if dev.type == 'cuda':
        torch.cuda.synchronize()
    t = time.perf_counter()
    for _ in range(a.steps):
        lg = step()
    lg.item()
    if dev.type == 'cuda':
        torch.cuda.synchronize()
    ms = (time.perf_counter() - t) * 1000 / a.steps
    print(json.dumps({'impl': 'pytorch', 'torch': torch.__version__, 'device': str(dev), 'H': a.H, 'batch': a.batch, 'ms_per_step': ms}))


if __name__ == '__main__':
    main()
