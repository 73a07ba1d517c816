/**
 * A small non-saturating GAN (003 eqs. 1–2) on the toy ring mixture, with or without Jacobian
 * Clamping (Algorithm 1: the clamping penalty is added to the generator loss with weight 1).
 * Everything is float64 and seeded; one run returns the trajectory of the mean log condition
 * number of M_z over a fixed latent batch (003 Fig. 1 top row) and end-of-run quality metrics.
 */
import { Rng } from '../../random/rng.ts';
import { frechetDistance, gaussianStats } from '../../metrics/fid.ts';
import { modeCounts } from '../../metrics/mode-counts.ts';
import { Adam, zeroGrad } from './adam.ts';
import { clampPerturbation, type ClampConfig } from './clamp.ts';
import { jacobianClamping, type JacobianClamping } from './jacobian-clamping.ts';
import { backward, forward, initMlp, mlpWork, zerosLike, type Activation, type Mlp } from './mlp.ts';
import { ringCentres, sampleRing, type RingMixture } from './toy-data.ts';

export interface GanConfig {
  data: RingMixture;
  nz: number;
  hidden: number;
  genAct: Activation;
  discAct: Activation;
  batch: number;
  steps: number;
  lrG: number;
  lrD: number;
  beta1: number;
  /** Evaluate the conditioning every this many steps. */
  evalEvery: number;
  /** Latents in the fixed evaluation batch. */
  evalBatch: number;
  /** Generated samples for the end-of-run metrics. */
  evalSamples: number;
}

export interface GanRun {
  /** (step, mean log condition number) at each evaluation. */
  trajectory: { step: number; meanLogCond: number }[];
  finalMeanLogCond: number;
  modesCovered: number;
  highQualityFraction: number;
  /** Fréchet distance between Gaussian fits of generated and target samples (toy FID). */
  frechet: number;
  /** Mean clamping quotient Q over the last generator batch (clamped runs). */
  lastMeanQ?: number;
  divergedAtStep?: number;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * `jc` is the jacobian-clamping system: its meanLogCondition is what the trajectory records, and its
 * clampBatch (the penalty's gradient) is the clamped generator step. The GAN losses, backprop through
 * D and G for eqs. 1–2, and Adam are this trainer's own.
 */
export function trainGan(cfg: GanConfig, seed: number, clamp: ClampConfig | null, jc: JacobianClamping = jacobianClamping): GanRun {
  const rng = new Rng(seed);
  const initRng = rng.fork();
  const dataRng = rng.fork();
  const zRng = rng.fork();
  const clampRng = rng.fork();
  const evalRng = rng.fork();
  const nx = 2;
  const G = initMlp(initRng, { sizes: [cfg.nz, cfg.hidden, cfg.hidden, nx], hidden: cfg.genAct });
  const D = initMlp(initRng, { sizes: [nx, cfg.hidden, cfg.hidden, 1], hidden: cfg.discAct });
  const adamG = new Adam(G, { lr: cfg.lrG, beta1: cfg.beta1, beta2: 0.999, epsilon: 1e-8 });
  const adamD = new Adam(D, { lr: cfg.lrD, beta1: cfg.beta1, beta2: 0.999, epsilon: 1e-8 });
  const gG = zerosLike(G);
  const gD = zerosLike(D);
  const gDscratch = zerosLike(D);
  const wG = mlpWork(G);
  const wD = mlpWork(D);
  const gx = new Float64Array(nx);
  const evalZ = Array.from({ length: cfg.evalBatch }, () => evalRng.normals(new Float64Array(cfg.nz)));
  const zs = Array.from({ length: cfg.batch }, () => new Float64Array(cfg.nz));
  const fakes = Array.from({ length: cfg.batch }, () => new Float64Array(nx));
  const centres = ringCentres(cfg.data);
  const trajectory: GanRun['trajectory'] = [];
  let lastMeanQ: number | undefined;
  const B = cfg.batch;
  const finiteNet = (net: Mlp): boolean => net.W.every((w) => w.every(Number.isFinite)) && net.b.every((b) => b.every(Number.isFinite));

  for (let step = 0; step <= cfg.steps; step++) {
    if (step % cfg.evalEvery === 0 || step === cfg.steps) trajectory.push({ step, meanLogCond: jc.meanLogCondition(G, evalZ) });
    if (step === cfg.steps) break;
    // Discriminator: minimise eq. 1, −E log D(x) − E log(1 − D(G(z))), with D = sigmoid(logit).
    zeroGrad(gD);
    const reals = sampleRing(dataRng, cfg.data, B, centres);
    for (let i = 0; i < B; i++) {
      zRng.normals(zs[i]!);
      fakes[i]!.set(forward(G, zs[i]!, wG));
    }
    for (let i = 0; i < B; i++) {
      const lr = forward(D, reals[i]!, wD)[0]!;
      backward(D, wD, [(sigmoid(lr) - 1) / B], gD); // d softplus(−l)/dl
      const lf = forward(D, fakes[i]!, wD)[0]!;
      backward(D, wD, [sigmoid(lf) / B], gD); // d softplus(l)/dl
    }
    adamD.step(gD);
    // Generator: minimise eq. 2, −E log D(G(z)) = E softplus(−logit), plus the clamping penalty.
    zeroGrad(gG);
    for (let i = 0; i < B; i++) {
      zRng.normals(zs[i]!);
      const x = forward(G, zs[i]!, wG);
      const l = forward(D, x, wD)[0]!;
      backward(D, wD, [(sigmoid(l) - 1) / B], gDscratch, gx); // only ∂/∂x is used
      backward(G, wG, gx, gG);
    }
    if (clamp) {
      // Algorithm 1's δ for each example, drawn in batch order from the clamping stream.
      const deltas = zs.map(() => clampPerturbation(clampRng, cfg.nz, clamp.eps));
      lastMeanQ = mean(jc.clampBatch(G, zs, deltas, clamp, gG, 1).q);
    }
    adamG.step(gG);
    if (!finiteNet(G) || !finiteNet(D)) {
      return { trajectory, finalMeanLogCond: NaN, modesCovered: 0, highQualityFraction: 0, frechet: NaN, lastMeanQ, divergedAtStep: step + 1 };
    }
  }
  const samples = Array.from({ length: cfg.evalSamples }, () => Float64Array.from(forward(G, evalRng.normals(new Float64Array(cfg.nz)), wG)));
  const target = sampleRing(evalRng, cfg.data, cfg.evalSamples, centres);
  const mc = modeCounts(samples, centres, 3 * cfg.data.std, Math.max(1, Math.floor(cfg.evalSamples / cfg.data.modes / 10)));
  return {
    trajectory,
    finalMeanLogCond: trajectory[trajectory.length - 1]!.meanLogCond,
    modesCovered: mc.modesCovered,
    highQualityFraction: mc.highQualityFraction,
    frechet: frechetDistance(gaussianStats(samples), gaussianStats(target)),
    lastMeanQ,
  };
}

function mean(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s / a.length;
}
