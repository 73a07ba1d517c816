import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { mixture1d, mixtureCdf, mixtureCdfBoth, mixturePdf, mixtureQuantile } from '../../../src/systems/generator-1d/index.ts';

const mixArb = fc.integer({ min: 1, max: 4 }).chain((K) => fc.record({
  w: fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: K, maxLength: K }),
  mu: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: K, maxLength: K }),
  sd: fc.array(fc.double({ min: 0.05, max: 3, noNaN: true }), { minLength: K, maxLength: K }),
}));

describe('1-D Gaussian mixtures', () => {
  test.prop([mixArb, fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true })])('F(F⁻¹(p)) = p from the smaller tail', ({ w, mu, sd }, p) => {
    const m = mixture1d(w, mu, sd);
    const x = mixtureQuantile(m, p);
    const [lo, hi] = mixtureCdfBoth(m, x);
    if (p <= 0.5) expect(Math.abs(lo - p)).toBeLessThanOrEqual(1e-10 * p);
    else expect(Math.abs(hi - (1 - p))).toBeLessThanOrEqual(1e-10 * (1 - p) + 2e-16);
  });
  test.prop([mixArb, fc.double({ min: -15, max: 15, noNaN: true })])('pdf is the derivative of the CDF (central differences)', ({ w, mu, sd }, x) => {
    const m = mixture1d(w, mu, sd);
    const h = 1e-5;
    const fd = (mixtureCdf(m, x + h) - mixtureCdf(m, x - h)) / (2 * h);
    expect(Math.abs(fd - mixturePdf(m, x))).toBeLessThanOrEqual(1e-6 * Math.max(...sd.map((s) => 1 / s)) ** 3 + 1e-9);
  });
  test('bad input throws a RangeError naming the argument', () => {
    expect(() => mixture1d([1], [0], [-1])).toThrow(/stds/);
    expect(() => mixture1d([1, 2], [0], [1])).toThrow(/equal length/);
  });
});
