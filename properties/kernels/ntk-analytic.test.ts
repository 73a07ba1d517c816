import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { analyticNtkKernel, erfMoments, reluMoments } from '../../src/kernels/ntk-analytic.ts';
import { erf } from '../../src/stats/index.ts';
import { Rng } from '../../src/random/rng.ts';

const vec = (d: number) => fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: d, maxLength: d }).map((a) => Float64Array.from(a));

describe('analyticNtkKernel', () => {
  test.prop([fc.constantFrom('relu' as const, 'erf' as const), fc.constantFrom('standard' as const, 'ntk' as const), vec(3), vec(3),
    fc.double({ min: 0.2, max: 3, noNaN: true }), fc.double({ min: 0.05, max: 3, noNaN: true })])(
    'gradX matches central finite differences', (activation, param, x, y, wVar, bVar) => {
      const k = analyticNtkKernel({ activation, wVar, bVar, aVar: 1.3, c: 2, param });
      // ReLU's order-0 arc-cosine kernel has a kink at x ∥ y: stay away from it.
      const nx = Math.hypot(...x), ny = Math.hypot(...y);
      const cos = x.reduce((s, v, i) => s + v * y[i]!, 0) / (nx * ny);
      fc.pre(nx > 0.1 && ny > 0.1 && Math.abs(cos) < 0.98);
      const g = k.gradX!(x, y);
      const h = 1e-6;
      for (let i = 0; i < 3; i++) {
        const xp = Float64Array.from(x), xm = Float64Array.from(x);
        xp[i] += h; xm[i] -= h;
        const fd = (k.k(xp, y) - k.k(xm, y)) / (2 * h);
        expect(Math.abs(fd - g[i]!)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(fd)));
      }
    });

  test.prop([fc.integer({ min: 0, max: 1e6 }), fc.double({ min: 0.1, max: 3, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }), fc.double({ min: -0.95, max: 0.95, noNaN: true })], { numRuns: 12 })(
    'Gaussian moments match Monte Carlo (5 standard errors)', (seed, s11, s22, rho) => {
      const s12 = rho * Math.sqrt(s11 * s22);
      const rng = new Rng(seed);
      const n = 40000;
      const acc = { re: 0, rd: 0, ee: 0, ed: 0, re2: 0, rd2: 0, ee2: 0, ed2: 0 };
      for (let t = 0; t < n; t++) {
        const z1 = rng.normal(), z2 = rng.normal();
        const u = Math.sqrt(s11) * z1;
        const v = Math.sqrt(s22) * (rho * z1 + Math.sqrt(1 - rho * rho) * z2);
        const re = Math.max(u, 0) * Math.max(v, 0), rd = (u > 0 ? 1 : 0) * (v > 0 ? 1 : 0);
        const ee = erf(u) * erf(v), ed = (4 / Math.PI) * Math.exp(-u * u - v * v);
        acc.re += re; acc.rd += rd; acc.ee += ee; acc.ed += ed;
        acc.re2 += re * re; acc.rd2 += rd * rd; acc.ee2 += ee * ee; acc.ed2 += ed * ed;
      }
      const r = reluMoments(s11, s22, s12), e = erfMoments(s11, s22, s12);
      const chk = (sum: number, sum2: number, exact: number) => {
        const m = sum / n, se = Math.sqrt(Math.max(sum2 / n - m * m, 1e-12) / n);
        expect(Math.abs(m - exact)).toBeLessThanOrEqual(5 * se + 1e-9);
      };
      chk(acc.re, acc.re2, r.ee); chk(acc.rd, acc.rd2, r.dd); chk(acc.ee, acc.ee2, e.ee); chk(acc.ed, acc.ed2, e.dd);
    });

  test('bad options throw RangeError naming the argument', () => {
    expect(() => analyticNtkKernel({ activation: 'relu', wVar: -1, bVar: 0 })).toThrow(/wVar/);
    expect(() => analyticNtkKernel({ activation: 'relu', wVar: 1, bVar: NaN })).toThrow(/bVar/);
    expect(() => analyticNtkKernel({ activation: 'gelu' as never, wVar: 1, bVar: 0 })).toThrow(/activation/);
    expect(() => analyticNtkKernel({ activation: 'erf', wVar: 1, bVar: 0 }).k(new Float64Array(2), new Float64Array(3))).toThrow(RangeError);
  });
});
