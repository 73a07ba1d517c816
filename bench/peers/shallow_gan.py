#!/usr/bin/env python3
"""NumPy peer of the hot kernel of 000's section 5.1 runs (ib.adaptivity, ib.width-hurts, ib.init-scale):
one training step of the shallow ReLU GAN of src/systems/shallow-relu-gan/gan.ts, as a researcher
would vectorise it (benchmark only, never a check).

G, D: h(x) = V ReLU(W x + b) + c, width H, d_z = d_x = d; one step = a discriminator step
(L_D = mean softplus(-D(x)) + mean softplus(D(G(z)))) then a generator step (non-saturating
L_G = mean softplus(-D(G(z)))), fresh samples each, RMSProp(gamma = 0.9) on both, float64.
Dense FLOPs per step (2BH per unit of (fan-in + fan-out) of each product):
  D step: G fwd 2BH(2d) + D fwd x2 2*2BH(d+1) + D bwd (params) x2 2*2BH(d+2)
  G step: G fwd 2BH(2d) + D fwd 2BH(d+1) + D bwd (input) 2BH(d+1) + G bwd (params) 2BH(3d)
  = 2BH(13d + 8), the count bench/shallow-gan.ts uses for ours as well.
Data: the 2-D grid (5 x 5 Gaussians). Prints one JSON line.
  python3 bench/peers/shallow_gan.py [--H 128 --batch 64 --steps 2000]
"""
import argparse, json, os, time
import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument('--H', type=int, default=128)
ap.add_argument('--batch', type=int, default=64)
ap.add_argument('--steps', type=int, default=2000)
args = ap.parse_args()
H, B, d, steps = args.H, args.batch, 2, args.steps
rng = np.random.default_rng(0)
levels = np.array([-2.0, -1.0, 0.0, 1.0, 2.0]); means = np.array([[x, y] for x in levels for y in levels])

def net(fan_in, fan_out):
    return {'W': np.sqrt(2 / fan_in) * rng.standard_normal((H, fan_in)), 'b': np.sqrt(2 / fan_in) * rng.standard_normal(H),
            'V': np.sqrt(2 / H) * rng.standard_normal((fan_out, H)), 'c': np.zeros(fan_out)}

def fwd(p, X):
    U = X @ p['W'].T + p['b']
    return np.maximum(U, 0) @ p['V'].T + p['c'], U

def bwd(p, X, U, gY, need_params=True):
    A = np.maximum(U, 0)
    gU = (gY @ p['V']) * (U > 0)
    g = {'V': gY.T @ A, 'c': gY.sum(0), 'W': gU.T @ X, 'b': gU.sum(0)} if need_params else None
    return g, gU @ p['W']

sig = lambda x: 1 / (1 + np.exp(-x))
def rmsprop(p, g, s, lr=1e-3, gamma=0.9):
    for k in p:
        s[k] = gamma * s[k] + (1 - gamma) * g[k] ** 2
        p[k] -= lr * g[k] / (np.sqrt(s[k]) + 1e-8)

G, D = net(d, d), net(d, 1)
sG = {k: np.zeros_like(v) for k, v in G.items()}; sD = {k: np.zeros_like(v) for k, v in D.items()}
def step():
    Xr = means[rng.integers(0, 25, B)] + 0.05 * rng.standard_normal((B, d))
    Xf, _ = fwd(G, rng.standard_normal((B, d)))
    lr_, Ur = fwd(D, Xr); lf, Uf = fwd(D, Xf)
    gr, _ = bwd(D, Xr, Ur, (sig(lr_) - 1) / B); gf, _ = bwd(D, Xf, Uf, sig(lf) / B)
    rmsprop(D, {k: gr[k] + gf[k] for k in gr}, sD)
    Z = rng.standard_normal((B, d))
    Xf, UG = fwd(G, Z); lf, Uf = fwd(D, Xf)
    _, gX = bwd(D, Xf, Uf, (sig(lf) - 1) / B, need_params=False)
    gG, _ = bwd(G, Z, UG, gX)
    rmsprop(G, gG, sG)

for _ in range(20): step()
t0 = time.perf_counter(); c0 = time.process_time()
for _ in range(steps): step()
wall = time.perf_counter() - t0; cpu = time.process_time() - c0
flop = 2 * B * H * (13 * d + 8)
print(json.dumps({'impl': 'numpy', 'H': H, 'batch': B, 'flop_per_step': flop, 'steps_per_s': steps / wall, 'steps_per_cpu_s': steps / cpu,
                  'gflops': flop * steps / wall / 1e9, 'loadavg_start': os.getloadavg()[0], 'threads': os.environ.get('OPENBLAS_NUM_THREADS', 'default')}))
