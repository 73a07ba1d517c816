/**
 * One GAN training run on MNIST: non-saturating GAN (003 eq. 1–2), RMSProp with decay γ for both
 * players (000 §5.3), optional Jacobian Clamping (003 Algorithm 1), metrics at checkpoints.
 * All randomness (initialisation, latents, batches, clamping perturbations) comes from the Rng, so
 * a run is a function of its seed (up to the backend's float32 arithmetic).
 */
import { Rng } from '../random/rng.ts';
import type { GaussianStats } from '../metrics/fid.ts';
import { tf, type Tensor } from './tf.ts';
import type { ClassifierParams } from './classifier.ts';
import { evaluateGenerator, type GanMetrics } from './gan-eval.ts';
import { makeDiscriminator, makeGenerator, type Arch, type Net } from './gan-models.ts';
import { PIXELS, toFloat, type MnistSet } from './mnist.ts';

export interface ClampConfig { eps: number; lambdaMin: number; lambdaMax: number }
/** Radford et al. (2015) DCGAN Adam: β₁ = 0.5 ("β₁ at the suggested value of 0.9 resulted in training oscillation"), β₂ = 0.999. */
export const ADAM_BETA1 = 0.5;
export const ADAM_BETA2 = 0.999;
/** ε of both optimizers (RMSProp: v/√(s + ε); Adam: m̂/(√v̂ + ε), tfjs's forms). */
export const OPT_EPS = 1e-8;
/** 003 §4: "a λ_max of 20, a λ_min of 1, and ε of 1". */
export const PAPER_CLAMP: ClampConfig = { eps: 1, lambdaMin: 1, lambdaMax: 20 };

export interface GanRunConfig {
  arch: Arch;
  H: number;
  nz: number;
  alphaG: number;
  alphaD: number;
  lrG: number;
  lrD: number;
  /** RMSProp decay γ (v ← γv + (1 − γ)g²); unused with Adam. */
  gamma: number;
  /**
   * 'rmsprop' (default; 000 §5.3's optimizer) or 'adam' (Radford et al.'s DCGAN settings, which 003
   * §3 trains with: lr 2·10⁻⁴, β₁ = 0.5, β₂ = 0.999).
   */
  optimizer?: 'rmsprop' | 'adam';
  /** Adam's β₁ (default ADAM_BETA1 = 0.5, Radford et al.). */
  beta1?: number;
  batch: number;
  steps: number;
  clamp: ClampConfig | null;
  /** Train only on these digits (smoke versions); all ten when undefined. */
  digits?: number[];
  /** Steps between metric checkpoints (the last step is always one). */
  evalEvery: number;
  /** Samples for score / FD / class counts (003 draws 360 for the class counts). */
  nEval: number;
  /** Latents in the fixed batch for the mean log condition number (0: skip). */
  nJac: number;
}

export interface Checkpoint extends GanMetrics { step: number; lossD: number; lossG: number; clampQ?: number }

export interface GanRunResult {
  config: GanRunConfig;
  seed: number;
  history: Checkpoint[];
  final: Checkpoint;
  /** First step whose losses were not finite (the run stops there). */
  divergedAt?: number;
  stepsPerSecond: number;
}

export interface GanData { train: MnistSet; clf: ClassifierParams; real: GaussianStats }

/** `inspect`: called with the trained generator before it is disposed (cross-checks, exports). */
export function trainGanRun(cfg: GanRunConfig, seed: number, data: GanData, progress?: (m: string) => void, inspect?: (G: Net) => void): GanRunResult {
  validate(cfg);
  const rng = new Rng(seed);
  const netCfg = { arch: cfg.arch, H: cfg.H, nz: cfg.nz };
  const G = makeGenerator(netCfg, cfg.alphaG, rng.fork());
  const D = makeDiscriminator(netCfg, cfg.alphaD, rng.fork());
  const opt = (lr: number) => (cfg.optimizer === 'adam' ? tf.train.adam(lr, cfg.beta1 ?? ADAM_BETA1, ADAM_BETA2, OPT_EPS) : tf.train.rmsprop(lr, cfg.gamma, 0, OPT_EPS));
  const optG = opt(cfg.lrG);
  const optD = opt(cfg.lrD);
  const classes = cfg.digits ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const pool: number[] = [];
  for (let i = 0; i < data.train.n; i++) if (classes.includes(data.train.labels[i]!)) pool.push(i);
  const fixed = rng.fork();
  const zEval = normals(fixed, cfg.nEval * cfg.nz);
  const zJac = cfg.nJac > 0 ? normals(fixed, cfg.nJac * cfg.nz) : null;
  const B = cfg.batch;
  const history: Checkpoint[] = [];
  let divergedAt: number | undefined;
  let timeTraining = 0;

  for (let step = 1; step <= cfg.steps; step++) {
    const t0 = performance.now();
    const idx = Array.from({ length: B }, () => pool[rng.int(pool.length)]!);
    const xReal = toFloat(data.train, idx, true);
    const zD = normals(rng, B * cfg.nz);
    const zG = normals(rng, B * cfg.nz);
    const delta = cfg.clamp ? perturbations(rng, B, cfg.nz, cfg.clamp.eps) : null;
    const [lossD, lossG, q] = tf.tidy(() => {
      const x = tf.tensor2d(xReal, [B, PIXELS]);
      const zd = tf.tensor2d(zD, [B, cfg.nz]);
      // 003 eq. 1 with D(x) = sigmoid(logit): −log D(x) = softplus(−logit), −log(1 − D) = softplus(logit).
      const lD = optD.minimize(() => {
        const fake = G.apply(zd);
        return tf.add(tf.mean(tf.softplus(tf.neg(D.apply(x)))), tf.mean(tf.softplus(D.apply(fake)))) as tf.Scalar;
      }, true, D.vars)!;
      const zg = tf.tensor2d(zG, [B, cfg.nz]);
      let qMean: Tensor | null = null;
      const lG = optG.minimize(() => {
        if (!cfg.clamp) return tf.mean(tf.softplus(tf.neg(D.apply(G.apply(zg))))) as tf.Scalar; // eq. 2
        // Algorithm 1: G on [z; z + δ] in one call (the batch doubles), Q = ‖G(z) − G(z′)‖/‖δ‖ per sample.
        const both = G.apply(tf.concat([zg, tf.add(zg, tf.tensor2d(delta!, [B, cfg.nz]))], 0));
        const gz = tf.slice(both, [0, 0], [B, PIXELS]);
        const gz2 = tf.slice(both, [B, 0], [B, PIXELS]);
        const Q = tf.div(tf.norm(tf.sub(gz, gz2), 'euclidean', 1), cfg.clamp.eps);
        qMean = tf.keep(tf.mean(Q));
        const { lambdaMax: hi, lambdaMin: lo } = cfg.clamp;
        const lMax = tf.square(tf.sub(tf.maximum(Q, hi), hi));
        const lMin = tf.square(tf.sub(tf.minimum(Q, lo), lo));
        return tf.add(tf.mean(tf.softplus(tf.neg(D.apply(gz)))), tf.mean(tf.add(lMax, lMin))) as tf.Scalar;
      }, true, G.vars)!;
      return [lD, lG, qMean ?? tf.scalar(NaN)];
    });
    const [ld, lg, qv] = [lossD.dataSync()[0]!, lossG.dataSync()[0]!, q.dataSync()[0]!];
    lossD.dispose(); lossG.dispose(); q.dispose();
    timeTraining += performance.now() - t0;
    if (!Number.isFinite(ld) || !Number.isFinite(lg)) {
      divergedAt = step;
      break;
    }
    if (step % cfg.evalEvery === 0 || step === cfg.steps) {
      const m = evaluateGenerator(G.apply, cfg.nz, data.clf, data.real, zEval, zJac, classes);
      history.push({ step, lossD: ld, lossG: lg, ...(cfg.clamp ? { clampQ: qv } : {}), ...m });
      progress?.(`step ${step}/${cfg.steps}: ${zJac ? `logCond ${m.logCond.toFixed(2)} ` : ''}score ${m.score.toFixed(2)} FD ${m.fd.toFixed(2)}`);
    }
  }
  inspect?.(G);
  G.dispose(); D.dispose(); optG.dispose(); optD.dispose();
  const final = history[history.length - 1] ?? { step: 0, lossD: NaN, lossG: NaN, logCond: NaN, score: NaN, fd: NaN, classCounts: [], leastCount: 0 };
  const done = divergedAt ?? cfg.steps;
  return { config: cfg, seed, history, final, ...(divergedAt ? { divergedAt } : {}), stepsPerSecond: done / (timeTraining / 1000) };
}

export function normals(rng: Rng, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal();
  return out;
}

/** Algorithm 1: δ ~ N(0, I), δ := ε·δ/‖δ‖ per sample. */
export function perturbations(rng: Rng, B: number, nz: number, eps: number): Float32Array {
  const out = new Float32Array(B * nz);
  for (let b = 0; b < B; b++) {
    const v = rng.unitVector(nz);
    for (let j = 0; j < nz; j++) out[b * nz + j] = eps * v[j]!;
  }
  return out;
}

export function validate(cfg: GanRunConfig): void {
  for (const k of ['lrG', 'lrD', 'batch', 'steps', 'evalEvery', 'nEval'] as const) {
    if (!(cfg[k] > 0 && Number.isFinite(cfg[k]))) throw new RangeError(`GAN config: ${k} must be a positive number, got ${cfg[k]}`);
  }
  if (!(cfg.gamma >= 0 && cfg.gamma < 1)) throw new RangeError(`GAN config: gamma (RMSProp decay) must lie in [0, 1), got ${cfg.gamma}`);
  if (cfg.optimizer !== undefined && cfg.optimizer !== 'rmsprop' && cfg.optimizer !== 'adam') throw new RangeError(`GAN config: optimizer must be 'rmsprop' or 'adam', got ${String(cfg.optimizer)}`);
  if (cfg.beta1 !== undefined && !(cfg.beta1 >= 0 && cfg.beta1 < 1)) throw new RangeError(`GAN config: beta1 (Adam) must lie in [0, 1), got ${cfg.beta1}`);
  if (cfg.clamp && !(cfg.clamp.eps > 0 && cfg.clamp.lambdaMin <= cfg.clamp.lambdaMax)) throw new RangeError('GAN config: clamp needs eps > 0 and lambdaMin ≤ lambdaMax');
}
