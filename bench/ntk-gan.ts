/**
 * Throughput of the ntk-gan and jacobian-clamping systems on the workloads their claims run:
 * RK4 steps of the LSGAN discriminator flow (8 support + 2 extra points, RBF), the width-4096
 * finite-width discriminator's gradient-ascent steps, and GAN steps of the jc.clamp-effect toy
 * trainer (width 16, with clamping). Best of 3.
 */
import { rbfKernel } from '../src/kernels/rbf.ts';
import { initOneHidden } from '../src/kernels/ntk-empirical.ts';
import { Rng } from '../src/random/rng.ts';
import { integrateDiscriminatorFlow, lsganLoss, trainIpmAscent, trainingMeasure } from '../src/systems/ntk-gan/index.ts';
import { PAPER_CLAMP, trainGan } from '../src/systems/jacobian-clamping/index.ts';
import type { BenchRow } from './run.ts';

const REPEATS = 3;

function best(fn: () => void): number {
  let t = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    fn();
    t = Math.min(t, (performance.now() - t0) / 1000);
  }
  return t;
}

export async function bench(): Promise<BenchRow[]> {
  const rng = new Rng(1);
  const xs = Array.from({ length: 4 }, () => rng.normals(new Float64Array(2)));
  const ys = Array.from({ length: 4 }, () => rng.normals(new Float64Array(2)));
  const us = Array.from({ length: 2 }, () => rng.normals(new Float64Array(2)));
  const gamma = trainingMeasure(xs, ys);
  const flowSteps = 20000;
  const tFlow = best(() => integrateDiscriminatorFlow(rbfKernel(1), gamma, lsganLoss, new Float64Array(8), { t: 2, steps: flowSteps, us, f0Us: new Float64Array(2) }));
  const ascentSteps = 50;
  const tAscent = best(() => {
    const net = initOneHidden(new Rng(2), { activation: 'relu', n: 2, H: 4096, wVar: 1, bVar: 0.1, c: 2 });
    trainIpmAscent(net, xs, ys, 0.02, ascentSteps);
  });
  const ganSteps = 200;
  const tGan = best(() => trainGan({
    data: { modes: 8, radius: 2, std: 0.05 }, nz: 2, hidden: 16, genAct: 'tanh', discAct: 'tanh', batch: 64, steps: ganSteps,
    lrG: 1e-3, lrD: 1e-3, beta1: 0.5, evalEvery: ganSteps, evalBatch: 32, evalSamples: 200,
  }, 3, PAPER_CLAMP));
  return [
    { name: 'ntk-gan LSGAN flow RK4 steps/s (N = 8, U = 2, RBF)', value: flowSteps / tFlow, unit: '1/s' },
    { name: 'ntk-gan finite-width ascent steps/s (H = 4096, 8 points)', value: ascentSteps / tAscent, unit: '1/s' },
    { name: 'jacobian-clamping GAN steps/s (width 16, batch 64, clamped)', value: ganSteps / tGan, unit: '1/s', note: 'includes two conditioning evaluations' },
  ];
}
