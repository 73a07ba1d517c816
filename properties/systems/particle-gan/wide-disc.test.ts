import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { WideDisc, couplingFromRatio } from '../../../src/systems/particle-gan/index.ts';
import { Rng } from '../../../src/random/rng.ts';
import { makeWideDiscInstance } from './wide-disc-instance.ts';

const arb = fc.record({
  seed: fc.integer({ min: 0, max: 1e6 }),
  activation: fc.constantFrom('relu' as const, 'tanh' as const),
  H: fc.integer({ min: 1, max: 24 }),
  N: fc.integer({ min: 1, max: 12 }),
  spread: fc.double({ min: 0.01, max: 2, noNaN: true }),
  beta: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 50, noNaN: true })),
  phi: fc.double({ min: 0, max: 1, noNaN: true }),
});

const make = makeWideDiscInstance;

function params(d: WideDisc): Float64Array[] {
  return [d.a, d.w0, d.w1, d.b];
}

describe('WideDisc', () => {
  test.prop([arb])('step gradient (eq. 24 + eq. 29) matches central finite differences of the loss', (a) => {
    for (const direct of [true, false]) {
      const { disc, gx0, gx1, d0, d1 } = make(a);
      disc.direct = direct;
      const reg = a.beta ? { beta: a.beta, coupling: couplingFromRatio(a.phi, a.N) } : undefined;
      const g = new Float64Array(4 * a.H);
      const snapshot = params(disc).map((p) => Float64Array.from(p));
      disc.step(gx0, gx1, a.N, d0, d1, a.N, 0, reg, g); // α_D = 0: gradient only
      params(disc).forEach((p, k) => expect(Array.from(p)).toEqual(Array.from(snapshot[k]!)));
      const h = 1e-6;
      params(disc).forEach((p, k) => {
        for (let i = 0; i < a.H; i++) {
          const old = p[i]!;
          p[i] = old + h; const lp = disc.loss(gx0, gx1, a.N, d0, d1, a.N, reg);
          p[i] = old - h; const lm = disc.loss(gx0, gx1, a.N, d0, d1, a.N, reg);
          p[i] = old;
          const fd = (lp - lm) / (2 * h);
          const an = g[k * a.H + i]!;
          // ReLU kinks within the step make the difference quotient meaningless there: skip them.
          const kink = a.activation === 'relu' && [...gx0, ...d0].some((_, r) => {
            const x = r < a.N ? gx0[r]! : d0[r - a.N]!, y = r < a.N ? gx1[r]! : d1[r - a.N]!;
            return Math.abs(disc.w0[i]! * x + disc.w1[i]! * y + disc.b[i]!) < 1e-4 * (1 + Math.abs(x) + Math.abs(y));
          });
          if (!kink) expect(Math.abs(fd - an)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(fd)));
        }
      });
    }
  });

  test.prop([arb])('grouped ReLU step and ∇ₓD equal the plain row loop', (a) => {
    const A = make({ ...a, activation: 'relu' });
    const B = make({ ...a, activation: 'relu' });
    B.disc.direct = true;
    const reg = a.beta ? { beta: a.beta, coupling: couplingFromRatio(a.phi, a.N) } : undefined;
    for (let s = 0; s < 3; s++) {
      A.disc.step(A.gx0, A.gx1, a.N, A.d0, A.d1, a.N, 0.05, reg);
      B.disc.step(B.gx0, B.gx1, a.N, B.d0, B.d1, a.N, 0.05, reg);
    }
    params(A.disc).forEach((p, k) => p.forEach((v, i) => expect(Math.abs(v - params(B.disc)[k]![i]!)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(v)))));
    const ga = A.disc.gradX(A.gx0, A.gx1, a.N, new Float64Array(2 * a.N));
    const gb = B.disc.gradX(B.gx0, B.gx1, a.N, new Float64Array(2 * a.N));
    ga.forEach((v, i) => expect(Math.abs(v - gb[i]!)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(v))));
  });

  test.prop([arb])('∇ₓD matches central finite differences of D', (a) => {
    const { disc, gx0, gx1 } = make(a);
    const g = disc.gradX(gx0, gx1, a.N, new Float64Array(2 * a.N));
    const h = 1e-6;
    for (let p = 0; p < a.N; p++) {
      const fx = (disc.value(gx0[p]! + h, gx1[p]!) - disc.value(gx0[p]! - h, gx1[p]!)) / (2 * h);
      const fy = (disc.value(gx0[p]!, gx1[p]! + h) - disc.value(gx0[p]!, gx1[p]! - h)) / (2 * h);
      const nearKink = a.activation === 'relu' && Array.from(disc.w0).some((w, i) => Math.abs(w * gx0[p]! + disc.w1[i]! * gx1[p]! + disc.b[i]!) < 1e-4);
      if (!nearKink) {
        expect(Math.abs(fx - g[2 * p]!)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(fx)));
        expect(Math.abs(fy - g[2 * p + 1]!)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(fy)));
      }
    }
  });

  test('bad input throws', () => {
    expect(() => new WideDisc(0, 'relu', new Rng(1))).toThrow(/H/);
    expect(() => new WideDisc(4, 'gelu' as never, new Rng(1))).toThrow(/activation/);
  });
});
