/**
 * trainGan promises (src/systems/shallow-relu-gan/gan.ts) alternating steps with fresh samples:
 * one D step on (x, z), then one G step on a fresh z against the updated D. The reference below
 * transcribes that order from the same Rng stream, so a loop that reused the latents, stepped both
 * players on the pre-step D (simultaneous updates) or swapped the players' order would not be
 * bit-identical to it.
 */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Rng } from '../../../src/random/rng.ts';
import {
  discriminatorLossGrad, ganWork, generatorLossGrad, initNets, mix3, grid2d, optimizer, sampleMixture, trainGan, type GanConfig,
} from '../../../src/systems/shallow-relu-gan/index.ts';

function reference(cfg: GanConfig): { G: Float64Array; D: Float64Array } {
  const rng = new Rng(cfg.seed);
  const { G, D } = initNets(cfg, rng);
  const dx = cfg.data.dim;
  const B = cfg.batch;
  const optG = optimizer({ lr: cfg.lr, gamma: cfg.gamma }, G.theta.length);
  const optD = optimizer({ lr: cfg.lr, gamma: cfg.gamma }, D.theta.length);
  const gG = new Float64Array(G.theta.length);
  const gD = new Float64Array(D.theta.length);
  const w = ganWork(G, D, B);
  for (let t = 0; t < cfg.steps; t++) {
    const Xr = sampleMixture(cfg.data, rng, new Float64Array(B * dx), B);
    const Z1 = rng.normals(new Float64Array(B * dx));
    discriminatorLossGrad(G, D, Xr, Z1, gD, w);
    optD.step(D.theta, gD);
    const Z2 = rng.normals(new Float64Array(B * dx));
    generatorLossGrad(G, D, Z2, gG, w);
    optG.step(G.theta, gG);
  }
  return { G: G.theta, D: D.theta };
}

describe('trainGan: alternating D then G steps, fresh samples for each', () => {
  test.prop([fc.record({
    grid: fc.boolean(), H: fc.integer({ min: 1, max: 8 }), batch: fc.integer({ min: 1, max: 6 }), steps: fc.integer({ min: 1, max: 4 }),
    gamma: fc.constantFrom(1, 0.9), init: fc.constantFrom<'he' | 'v-shape'>('he', 'v-shape'), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })], { numRuns: 40 })('θ_G and θ_D after a few steps are the transcription\'s, bit for bit', ({ grid, H, batch, steps, gamma, init, seed }) => {
    const cfg: GanConfig = { data: grid ? grid2d() : mix3(), H, alpha: 1, init, lr: 1e-2, gamma, batch, steps, seed };
    const run = trainGan(cfg);
    const ref = reference(cfg);
    expect(run.diverged).toBe(false);
    expect(Array.from(run.D.theta)).toEqual(Array.from(ref.D));
    expect(Array.from(run.G.theta)).toEqual(Array.from(ref.G));
  });
});
