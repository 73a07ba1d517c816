/**
 * Shallow ReLU GAN (000 §5.1): generator G: ℝ^{d_z} → ℝ^{d_x} and discriminator D: ℝ^{d_x} → ℝ,
 * both width H (the paper varies both players together), trained with alternating steps (one D
 * step, then one G step, fresh samples each) of the standard GAN losses:
 *   L_D = mean softplus(−D(x)) + mean softplus(D(G(z))),  L_G = mean softplus(−D(G(z))) (non-saturating),
 * by SGD (γ = 1) or RMSProp(γ). Latent z ~ N(0, I_{d_z}) with d_z = d_x. Everything float64 on
 * preallocated buffers; a non-finite parameter ends the run as `diverged` with its step.
 */
import { Rng } from '../../random/rng.ts';
import { backward, cloneNet, forward, netWork, paramCount, shallowNet, type NetWork, type ShallowNet } from './net.ts';
import { heInit, vShapeInit } from './init.ts';
import { optimizer } from './optim.ts';
import { sampleMixture, type GaussianMixtureNd } from './datasets.ts';

export interface GanConfig {
  data: GaussianMixtureNd;
  H: number;
  /** Initialisation scale of G (and of D unless alphaD is given). */
  alpha: number;
  alphaD?: number;
  init: 'he' | 'v-shape';
  lr: number;
  /** RMSProp decay; 1 = SGD. */
  gamma: number;
  batch: number;
  steps: number;
  seed: number;
  /** Record G snapshots (copies of θ_G) at these steps (for figures). */
  snapshotAt?: readonly number[];
}

export interface GanRun {
  config: GanConfig;
  G0: ShallowNet;
  D0: ShallowNet;
  G: ShallowNet;
  D: ShallowNet;
  diverged: boolean;
  divergedAt: number | null;
  stepsDone: number;
  lossD: number;
  lossG: number;
  snapshots: { step: number; theta: Float64Array }[];
}

function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

export function initNets(cfg: GanConfig, rng: Rng): { G: ShallowNet; D: ShallowNet } {
  const dx = cfg.data.dim;
  const G = shallowNet(dx, cfg.H, dx);
  const D = shallowNet(dx, cfg.H, 1);
  if (cfg.init === 'v-shape') vShapeInit(G, rng, cfg.alpha);
  else heInit(G, rng, cfg.alpha);
  heInit(D, rng, cfg.alphaD ?? cfg.alpha);
  return { G, D };
}

/** Buffers for one GAN gradient evaluation on a batch of B. */
export interface GanWork {
  B: number;
  Xf: Float64Array;
  gX: Float64Array;
  lr: Float64Array;
  lf: Float64Array;
  gl: Float64Array;
  wsG: NetWork;
  wsDr: NetWork;
  wsDf: NetWork;
}

export function ganWork(G: ShallowNet, D: ShallowNet, B: number): GanWork {
  const dx = G.D;
  return { B, Xf: new Float64Array(B * dx), gX: new Float64Array(B * dx), lr: new Float64Array(B), lf: new Float64Array(B), gl: new Float64Array(B), wsG: netWork(G, B), wsDr: netWork(D, B), wsDf: netWork(D, B) };
}

/** L_D = mean softplus(−D(x)) + mean softplus(D(G(z))) on (Xr, Z); writes ∂L_D/∂θ_D into gD (overwritten). */
export function discriminatorLossGrad(G: ShallowNet, D: ShallowNet, Xr: Float64Array, Z: Float64Array, gD: Float64Array, w: GanWork): number {
  const B = w.B;
  forward(G, Z, B, w.Xf, w.wsG);
  forward(D, Xr, B, w.lr, w.wsDr);
  forward(D, w.Xf, B, w.lf, w.wsDf);
  gD.fill(0);
  let ld = 0;
  for (let s = 0; s < B; s++) {
    ld += softplus(-w.lr[s]!) + softplus(w.lf[s]!);
    w.gl[s] = (sigmoid(w.lr[s]!) - 1) / B;
  }
  backward(D, Xr, B, w.gl, w.wsDr, gD, null);
  for (let s = 0; s < B; s++) w.gl[s] = sigmoid(w.lf[s]!) / B;
  backward(D, w.Xf, B, w.gl, w.wsDf, gD, null);
  return ld / B;
}

/** Non-saturating L_G = mean softplus(−D(G(z))); writes ∂L_G/∂θ_G into gG (overwritten), D fixed. */
export function generatorLossGrad(G: ShallowNet, D: ShallowNet, Z: Float64Array, gG: Float64Array, w: GanWork): number {
  const B = w.B;
  forward(G, Z, B, w.Xf, w.wsG);
  forward(D, w.Xf, B, w.lf, w.wsDf);
  let lg = 0;
  for (let s = 0; s < B; s++) {
    lg += softplus(-w.lf[s]!);
    w.gl[s] = (sigmoid(w.lf[s]!) - 1) / B;
  }
  backward(D, w.Xf, B, w.gl, w.wsDf, null, w.gX);
  gG.fill(0);
  backward(G, Z, B, w.gX, w.wsG, gG, null);
  return lg / B;
}

export function trainGan(cfg: GanConfig): GanRun {
  if (!Number.isInteger(cfg.batch) || cfg.batch < 1) throw new RangeError(`trainGan: batch must be a positive integer, got ${cfg.batch}`);
  if (!Number.isInteger(cfg.steps) || cfg.steps < 0) throw new RangeError(`trainGan: steps must be a non-negative integer, got ${cfg.steps}`);
  const rng = new Rng(cfg.seed);
  const { G, D } = initNets(cfg, rng);
  const G0 = cloneNet(G);
  const D0 = cloneNet(D);
  const dx = cfg.data.dim;
  const B = cfg.batch;
  const optG = optimizer({ lr: cfg.lr, gamma: cfg.gamma }, G.theta.length);
  const optD = optimizer({ lr: cfg.lr, gamma: cfg.gamma }, D.theta.length);
  const gG = new Float64Array(paramCount(dx, cfg.H, dx));
  const gD = new Float64Array(paramCount(dx, cfg.H, 1));
  const Z = new Float64Array(B * dx);
  const Xr = new Float64Array(B * dx);
  const work = ganWork(G, D, B);
  const snaps = new Set(cfg.snapshotAt ?? []);
  const snapshots: { step: number; theta: Float64Array }[] = [];
  let lossD = NaN;
  let lossG = NaN;
  let divergedAt: number | null = null;
  let step = 0;
  for (; step < cfg.steps; step++) {
    if (snaps.has(step)) snapshots.push({ step, theta: Float64Array.from(G.theta) });
    // Discriminator step, then generator step, fresh samples for each.
    sampleMixture(cfg.data, rng, Xr, B);
    rng.normals(Z);
    lossD = discriminatorLossGrad(G, D, Xr, Z, gD, work);
    optD.step(D.theta, gD);
    rng.normals(Z);
    lossG = generatorLossGrad(G, D, Z, gG, work);
    optG.step(G.theta, gG);
    if (!Number.isFinite(lossD + lossG) || !finiteVec(G.theta) || !finiteVec(D.theta)) {
      divergedAt = step;
      step++;
      break;
    }
  }
  if (snaps.has(step)) snapshots.push({ step, theta: Float64Array.from(G.theta) });
  return { config: cfg, G0, D0, G, D, diverged: divergedAt !== null, divergedAt, stepsDone: step, lossD, lossG, snapshots };
}

function finiteVec(v: Float64Array): boolean {
  // Sum of squares is finite iff every entry is finite and not astronomically large.
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Number.isFinite(s) && s < 1e30;
}

/** n samples of G(Z) into a new array (n×d_x). */
export function generate(G: ShallowNet, n: number, rng: Rng): Float64Array {
  const Z = new Float64Array(n * G.d);
  rng.normals(Z);
  const X = new Float64Array(n * G.D);
  forward(G, Z, n, X, netWork(G, n));
  return X;
}
