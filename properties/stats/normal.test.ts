import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { readFileSync } from 'node:fs';
import { normalCdf, normalSf, normalQuantile, normalCentral, normalMass } from '../../src/stats/normal.ts';

const ref = JSON.parse(readFileSync(new URL('../../fixtures/ib/normal-reference.json', import.meta.url), 'utf8')) as { cdf: [number, number, number][]; quantile: [number, number][] };

describe('normal CDF/quantile (Cody / AS 241) against the mpmath fixture', () => {
  test('Φ and 1 − Φ to 1e-14 relative, into the far tails', () => {
    for (const [x, c, s] of ref.cdf) {
      if (c > 0) expect(Math.abs(normalCdf(x) - c) / c).toBeLessThan(1e-14);
      if (s > 0) expect(Math.abs(normalSf(x) - s) / s).toBeLessThan(1e-14);
    }
  });
  test('Φ⁻¹ to 1e-14 relative, and as an upper-tail quantile', () => {
    for (const [p, q] of ref.quantile) {
      expect(Math.abs(normalQuantile(p) - q)).toBeLessThanOrEqual(1e-14 * Math.abs(q) + 1e-15);
      expect(Math.abs(normalQuantile(p, true) + q)).toBeLessThanOrEqual(1e-14 * Math.abs(q) + 1e-15);
    }
  });
  test.prop([fc.double({ min: -37, max: 37, noNaN: true })])('Φ⁻¹(Φ(x)) = x, through the upper tail for x > 0', (x) => {
    const back = x <= 0 ? normalQuantile(normalCdf(x)) : normalQuantile(normalSf(x), true);
    expect(Math.abs(back - x)).toBeLessThanOrEqual(1e-13 * (1 + Math.abs(x)));
  });
  test.prop([fc.double({ min: 0, max: 10, noNaN: true })])('P(|Z| ≤ y) = 1 − 2Φ(−y) and = Φ(y) − Φ(−y) as a mass', (y) => {
    expect(Math.abs(normalCentral(y) - (1 - 2 * normalSf(y)))).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(normalMass(-y, y) - normalCentral(y))).toBeLessThanOrEqual(1e-14 * Math.max(normalCentral(y), 1e-300) + 1e-300);
  });
  test.prop([fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true })])('masses add up: m(a, b) + m(b, c) = m(a, c)', (a, w1, w2) => {
    const b = a + w1;
    const c = b + w2;
    const tot = normalMass(a, c);
    expect(Math.abs(normalMass(a, b) + normalMass(b, c) - tot)).toBeLessThanOrEqual(1e-13 * tot + 1e-300);
  });
  test('bad input throws a RangeError naming the argument', () => {
    expect(() => normalQuantile(1.5)).toThrow(/p must lie/);
    expect(() => normalCdf(NaN)).toThrow(RangeError);
  });
});
