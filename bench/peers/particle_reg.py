#!/usr/bin/env python3
"""NumPy peer of the hot kernel of 001's regularised runs (eff.critical-regularization at beta = 100):
the regulariser-only discriminator sub-step of src/systems/particle-gan/alg1.ts (Lie splitting, eq. 29),
as a researcher would vectorise it (benchmark only, never a check).

D(x) = c sum_i a_i ReLU(w_i.x + b_i), c = sqrt(2/H). Particles X (N x 2) are fixed during the K
sub-steps; one sub-step at the current parameters:
  U = X W^T + b              (N x H)           2NH*2 + NH flops
  A = U > 0                                    NH
  G = c A (a * W)            (N x 2, grad_x D) 2NH*2
  V = beta (2 g2 mean(G)/N + 2 (g1 - g2)/N^2 G)  O(N)
  R = A^T V                  (H x 2)           2NH*2
  a -= s c (W . R),  W -= s c a R              O(H)
so FLOP_PER_SUBSTEP = 14 N H (the count bench/particle-gan.ts uses for ours as well).
Particles: 'start' = N((sqrt2, sqrt2), 0.1^2) (App. A), 'spread' = the 8-Gaussian target with std 0.3.
Prints one JSON line.  python3 bench/peers/particle_reg.py [--N 200 --H 2048 --substeps 400]
"""
import argparse, json, os, time
import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument('--N', type=int, default=200)
ap.add_argument('--H', type=int, default=2048)
ap.add_argument('--substeps', type=int, default=400)
args = ap.parse_args()
N, H, K = args.N, args.H, args.substeps
rng = np.random.default_rng(0)
phi, beta, sub = 0.2, 100.0, 0.1 / 40
g1 = N / (1 + phi * (N - 1)); g2 = phi * g1
c = np.sqrt(2 / H)

def clouds():
    start = np.sqrt(2) + 0.1 * rng.standard_normal((N, 2))
    k = rng.integers(0, 8, N)
    ang = 2 * np.pi * k / 8
    spread = np.stack([2 * np.cos(ang), 2 * np.sin(ang)], 1) + 0.3 * rng.standard_normal((N, 2))
    return {'start': start, 'spread': spread}

def run(X):
    a = rng.standard_normal(H); W = rng.standard_normal((H, 2)); b = 3 * rng.standard_normal(H)
    t0 = time.perf_counter(); c0 = time.process_time()
    for _ in range(K):
        A = (X @ W.T + b) > 0
        G = c * (A @ (a[:, None] * W))
        V = beta * (2 * g2 * G.mean(0) / N + 2 * (g1 - g2) / N**2 * G)
        R = A.T.astype(np.float64) @ V
        da = c * (W * R).sum(1)
        dW = c * a[:, None] * R
        a = a - sub * da
        W = W - sub * dW
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0
    return {'substeps_per_s': K / wall, 'substeps_per_cpu_s': K / cpu, 'gflops': 14 * N * H * K / wall / 1e9}

out = {'impl': 'numpy', 'N': N, 'H': H, 'flop_per_substep': 14 * N * H, 'loadavg_start': os.getloadavg()[0],
       'threads': os.environ.get('OPENBLAS_NUM_THREADS', 'default')}
for name, X in clouds().items():
    out[name] = run(X)
print(json.dumps(out))
