import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { WideDisc, couplingFromRatio } from '../../../src/systems/particle-gan/index.ts';
import { makeWideDiscInstance } from './wide-disc-instance.ts';

// Regulariser-only discriminator steps (WideDisc.step with { regOnly: true }), the stiff half of
// alg1.ts's Lie splitting.

const REG_ONLY = { regOnly: true };

const arb = fc.record({
  seed: fc.integer({ min: 0, max: 1e6 }),
  activation: fc.constantFrom('relu' as const, 'tanh' as const),
  H: fc.integer({ min: 1, max: 24 }),
  N: fc.integer({ min: 1, max: 12 }),
  spread: fc.double({ min: 0.01, max: 2, noNaN: true }),
  beta: fc.double({ min: 0.01, max: 1000, noNaN: true }),
  phi: fc.double({ min: 0, max: 1, noNaN: true }),
});

const make = makeWideDiscInstance;

const params = (d: WideDisc): Float64Array[] => [d.a, d.w0, d.w1, d.b];

describe('WideDisc regulariser-only step', () => {
  test.prop([arb])('gradient equals central finite differences of R = loss(β) − loss(0) (eq. 29)', (a) => {
    for (const direct of [true, false]) {
      const { disc, gx0, gx1, d0, d1 } = make(a);
      disc.direct = direct;
      const reg = { beta: a.beta, coupling: couplingFromRatio(a.phi, a.N) };
      const g = new Float64Array(4 * a.H);
      const snapshot = params(disc).map((p) => Float64Array.from(p));
      // Data arguments deliberately empty: a regulariser-only step must not read them.
      disc.step(gx0, gx1, a.N, new Float64Array(0), new Float64Array(0), 0, 0, reg, g, REG_ONLY); // α_D = 0: gradient only
      params(disc).forEach((p, k) => expect(Array.from(p)).toEqual(Array.from(snapshot[k]!)));
      const R = () => disc.loss(gx0, gx1, a.N, d0, d1, a.N, reg) - disc.loss(gx0, gx1, a.N, d0, d1, a.N);
      const h = 1e-6;
      params(disc).forEach((p, k) => {
        for (let i = 0; i < a.H; i++) {
          const old = p[i]!;
          p[i] = old + h; const rp = R();
          p[i] = old - h; const rm = R();
          p[i] = old;
          const fd = (rp - rm) / (2 * h);
          const an = g[k * a.H + i]!;
          // ReLU kinks within the step make the difference quotient meaningless there: skip them.
          const kink = a.activation === 'relu' && Array.from(gx0).some((x, r) => {
            const y = gx1[r]!;
            return Math.abs(disc.w0[i]! * x + disc.w1[i]! * y + disc.b[i]!) < 1e-4 * (1 + Math.abs(x) + Math.abs(y));
          });
          // R is O(β) and the difference of two losses loses digits: a small absolute slack in β.
          if (!kink) expect(Math.abs(fd - an)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(fd)) + 1e-7 * a.beta);
        }
      });
    }
  });

  test.prop([arb])('loss-only gradient + regulariser-only gradient = combined gradient', (a) => {
    const { disc, gx0, gx1, d0, d1 } = make(a);
    const reg = { beta: a.beta, coupling: couplingFromRatio(a.phi, a.N) };
    const gAll = new Float64Array(4 * a.H), gLoss = new Float64Array(4 * a.H), gReg = new Float64Array(4 * a.H);
    disc.step(gx0, gx1, a.N, d0, d1, a.N, 0, reg, gAll);
    disc.step(gx0, gx1, a.N, d0, d1, a.N, 0, undefined, gLoss);
    disc.step(gx0, gx1, a.N, d0, d1, a.N, 0, reg, gReg, REG_ONLY);
    gAll.forEach((v, i) => expect(Math.abs(v - gLoss[i]! - gReg[i]!)).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(v) + Math.abs(gReg[i]!))));
  });

  test.prop([arb])('grouped ReLU regulariser-only steps equal the plain row loop', (a) => {
    const A = make({ ...a, activation: 'relu' });
    const B = make({ ...a, activation: 'relu' });
    B.disc.direct = true;
    const reg = { beta: a.beta, coupling: couplingFromRatio(a.phi, a.N) };
    // Interleave with loss steps, as alg1.ts does, so the groups are rebuilt between them.
    for (let s = 0; s < 3; s++) {
      for (const X of [A, B]) {
        X.disc.step(X.gx0, X.gx1, a.N, X.d0, X.d1, a.N, 0.05);
        X.disc.step(X.gx0, X.gx1, a.N, X.d0, X.d1, 0, 0.05 / (1 + a.beta), reg, undefined, REG_ONLY);
      }
    }
    params(A.disc).forEach((p, k) => p.forEach((v, i) => expect(Math.abs(v - params(B.disc)[k]![i]!)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(v)))));
  });

  test('without a regulariser (absent or β = 0) a regulariser-only step moves nothing and its gradient is zero', () => {
    const { disc, gx0, gx1, d0, d1 } = make({ seed: 5, activation: 'tanh', H: 8, N: 5, spread: 0.3 });
    const before = params(disc).map((p) => Array.from(p));
    const g = new Float64Array(32).fill(7);
    disc.step(gx0, gx1, 5, d0, d1, 5, 0.1, undefined, g, REG_ONLY);
    expect(Array.from(g)).toEqual(new Array(32).fill(0));
    disc.step(gx0, gx1, 5, d0, d1, 5, 0.1, { beta: 0, coupling: couplingFromRatio(0.2, 5) }, undefined, REG_ONLY);
    params(disc).forEach((p, k) => expect(Array.from(p)).toEqual(before[k]));
  });

  test.prop([fc.integer({ min: 0, max: 1e6 }), fc.double({ min: 0.1, max: 5, noNaN: true })], { numRuns: 20 })(
    'Lie splitting (loss step, then K regulariser steps of α/K) differs from the combined step by O(α²)', (seed, beta) => {
      // tanh: smooth, so halving α must quarter the one-step difference.
      const reg = { beta, coupling: couplingFromRatio(0.2, 6) };
      const diff = (alpha: number) => {
        const A = make({ seed, activation: 'tanh', H: 16, N: 6, spread: 0.3 });
        const B = make({ seed, activation: 'tanh', H: 16, N: 6, spread: 0.3 });
        A.disc.step(A.gx0, A.gx1, 6, A.d0, A.d1, 6, alpha, reg);
        B.disc.step(B.gx0, B.gx1, 6, B.d0, B.d1, 6, alpha);
        for (let k = 0; k < 3; k++) B.disc.step(B.gx0, B.gx1, 6, B.d0, B.d1, 0, alpha / 3, reg, undefined, REG_ONLY);
        let m = 0;
        params(A.disc).forEach((p, k) => p.forEach((v, i) => { m = Math.max(m, Math.abs(v - params(B.disc)[k]![i]!)); }));
        return m;
      };
      const d1 = diff(1e-3), d2 = diff(5e-4);
      if (d1 > 1e-13) {
        expect(d1 / d2).toBeGreaterThan(3);
        expect(d1 / d2).toBeLessThan(5);
      }
    });
});
