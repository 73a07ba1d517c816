/**
 * Shallow ReLU regression by full-batch gradient descent, for the lazy-training measurements of
 * 000 §4.2 (Chizat et al. 2019; Woodworth et al. 2020; Geiger et al. 2020): the same task at
 * different widths H and initialisation scales α, with the model centred at initialisation,
 * f(x) = h(x; θ) − h(x; θ₀) (Chizat's centring, so a large α does not start from a large output;
 * it does not change the gradient), loss ½·mean (f(x) − y)². Reports the relative parameter change
 * ‖θ_T − θ₀‖/‖θ₀‖ and the relative empirical-NTK change ‖K_T − K₀‖_F/‖K₀‖_F.
 */
import { Rng } from '../../random/rng.ts';
import { backward, cloneNet, forward, netWork, shallowNet, type ShallowNet } from './net.ts';
import { heInit } from './init.ts';
import { ntkGram, relativeKernelChange, relativeParamChange } from './metrics.ts';

export interface RegressionConfig {
  H: number;
  alpha: number;
  lr: number;
  steps: number;
  seed: number;
  /** Inputs (n×1) and targets (n). */
  X: Float64Array;
  y: Float64Array;
}

export interface RegressionRun {
  finalLoss: number;
  initialLoss: number;
  diverged: boolean;
  /** True when the loss never increased from one step to the next (stable, non-catapult descent). */
  monotone: boolean;
  relParamChange: number;
  relNtkChange: number;
  net0: ShallowNet;
  net: ShallowNet;
}

export function trainRegression(cfg: RegressionConfig): RegressionRun {
  const n = cfg.y.length;
  if (cfg.X.length !== n) throw new RangeError(`trainRegression: X must have ${n} rows`);
  const net = heInit(shallowNet(1, cfg.H, 1), new Rng(cfg.seed), cfg.alpha);
  const net0 = cloneNet(net);
  const ws = netWork(net, n);
  const out0 = new Float64Array(n);
  forward(net0, cfg.X, n, out0, ws);
  const out = new Float64Array(n);
  const g = new Float64Array(net.theta.length);
  const gy = new Float64Array(n);
  const loss = (): number => {
    forward(net, cfg.X, n, out, ws);
    let l = 0;
    for (let s = 0; s < n; s++) {
      const r = out[s]! - out0[s]! - cfg.y[s]!;
      gy[s] = r / n;
      l += 0.5 * r * r;
    }
    return l / n;
  };
  const initialLoss = loss();
  let cur = initialLoss;
  let diverged = false;
  let monotone = true;
  for (let t = 0; t < cfg.steps; t++) {
    g.fill(0);
    backward(net, cfg.X, n, gy, ws, g, null);
    for (let i = 0; i < g.length; i++) net.theta[i] -= cfg.lr * g[i]!;
    const prev = cur;
    cur = loss();
    if (cur > prev * (1 + 1e-12)) monotone = false;
    if (!Number.isFinite(cur) || cur > 1e6 * (initialLoss + 1)) { diverged = true; break; }
  }
  const K0 = ntkGram(net0, cfg.X, n);
  const K1 = diverged ? K0 : ntkGram(net, cfg.X, n);
  return {
    finalLoss: diverged ? Infinity : cur,
    initialLoss,
    diverged,
    monotone: monotone && !diverged,
    relParamChange: diverged ? NaN : relativeParamChange(net0, net),
    relNtkChange: diverged ? NaN : relativeKernelChange(K0, K1),
    net0,
    net,
  };
}
