import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Rng } from '../../../src/random/rng.ts';
import { runAlg1, WideDisc, sampleTarget, eightGaussians, couplingFromRatio, regSubsteps, INIT_CENTRES } from '../../../src/systems/particle-gan/index.ts';
import { refAlg1Step, refLossGrad } from '../../../src/claims/eff/alg1-reference.ts';
import type { Alg1State, Alg1StepOptions, WideDiscParams } from '../../../src/systems/particle-gan/index.ts';

// runAlg1 (the loop every phase-diagram run uses: grouped ReLU, fused loops, the split regulariser
// integrator) against the plain reference of eq. 23–29 (src/claims/eff/alg1-reference.ts), from the
// same draws. eff.velocity.alg1-step checks the interface's alg1Step against the same reference;
// this ties runAlg1 itself to it, including the Lie splitting K > 1 that alg1Step does not take.

/** Sums in different orders over ≤ 3 iterations of ≤ 3 steps (K ≤ 8 sub-steps each). */
const RTOL = 1e-8;

function params(d: WideDisc): WideDiscParams {
  const w = new Float64Array(2 * d.H);
  for (let i = 0; i < d.H; i++) { w[2 * i] = d.w0[i]!; w[2 * i + 1] = d.w1[i]!; }
  return { activation: d.activation, a: Float64Array.from(d.a), w, b: Float64Array.from(d.b) };
}

function sgd(p: WideDiscParams, g: WideDiscParams, lr: number): WideDiscParams {
  return { activation: p.activation, a: p.a.map((v, i) => v - lr * g.a[i]!), w: p.w.map((v, i) => v - lr * g.w[i]!), b: p.b.map((v, i) => v - lr * g.b[i]!) };
}

describe('runAlg1 equals the plain reference of Algorithm 1', () => {
  test.prop([fc.record({
    seed: fc.integer({ min: 0, max: 1e6 }),
    disc: fc.constantFrom('relu' as const, 'tanh' as const),
    N: fc.integer({ min: 1, max: 10 }),
    H: fc.integer({ min: 1, max: 12 }),
    nDisc: fc.integer({ min: 0, max: 3 }),
    iters: fc.integer({ min: 1, max: 3 }),
    phi: fc.double({ min: 0, max: 1, noNaN: true }),
    // 0, within the explicit bound (K = 1), or beyond it (K = 2 … 8 sub-steps).
    beta: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 2.5, noNaN: true }), fc.double({ min: 2.6, max: 20, noNaN: true })),
    alphaD: fc.double({ min: 0.01, max: 0.1, noNaN: true }),
    alphaG: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
    init: fc.constantFrom('text' as const, 'appA' as const),
  })], { numRuns: 60 })('particles after the run', ({ seed, disc, N, H, nDisc, iters, phi, beta, alphaD, alphaG, init }) => {
    const res = runAlg1({ N, disc, H, phi, nDisc, alphaD, alphaG, iters, seed, beta, init });
    // The draws of runAlg1: root seed → forks for the discriminator, the start, the data (alg1.ts).
    const root = new Rng(seed);
    const discRng = root.fork(), initRng = root.fork(), dataRng = root.fork();
    let p = params(new WideDisc(H, disc, discRng));
    const [cx, cy] = INIT_CENTRES[init];
    const x = new Float64Array(2 * N);
    for (let a = 0; a < N; a++) { x[2 * a] = cx + 0.1 * initRng.normal(); x[2 * a + 1] = cy + 0.1 * initRng.normal(); }
    const target = eightGaussians();
    const opts: Alg1StepOptions = { coupling: couplingFromRatio(phi, N), alphaD, alphaG, beta };
    const K = regSubsteps(alphaD, beta);
    expect(res.regSubsteps).toBe(K);
    let state: Alg1State = { x, disc: p };
    const d0 = new Float64Array(N), d1 = new Float64Array(N);
    for (let it = 0; it < iters; it++) {
      const batches: Float64Array[] = [];
      for (let s = 0; s < nDisc; s++) {
        sampleTarget(target, dataRng, d0, d1, N);
        batches.push(Float64Array.from({ length: 2 * N }, (_, k) => (k % 2 ? d1 : d0)[k >> 1]!));
      }
      if (K === 1) state = refAlg1Step(state, batches, opts);
      else {
        // Lie splitting: the loss step, then K steps of α_D/K on eq. 29 alone; then the particles.
        p = state.disc;
        for (const batch of batches) {
          p = sgd(p, refLossGrad(p, state.x, batch, opts, 'loss'), alphaD);
          for (let k = 0; k < K; k++) p = sgd(p, refLossGrad(p, state.x, batch, opts, 'reg'), alphaD / K);
        }
        state = refAlg1Step({ x: state.x, disc: p }, [], opts);
      }
    }
    let scale = 0;
    for (const v of state.x) scale = Math.max(scale, Math.abs(v));
    for (let a = 0; a < N; a++) {
      expect(Math.abs(res.x0[a]! - state.x[2 * a]!), `x0[${a}]`).toBeLessThanOrEqual(RTOL * scale);
      expect(Math.abs(res.x1[a]! - state.x[2 * a + 1]!), `x1[${a}]`).toBeLessThanOrEqual(RTOL * scale);
    }
  });
});
