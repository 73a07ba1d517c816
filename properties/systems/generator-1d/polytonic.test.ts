import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { binProbability, pieceInverse, pieceValue, polytonic, adaptiveIntegrate, gaussLegendre, steepTransitions } from '../../../src/systems/generator-1d/index.ts';
import { buildPolytonic, polytonicSpecArb } from '../../../src/claims/ib/arbitraries.ts';

describe('polytonic generators', () => {
  test.prop([polytonicSpecArb, fc.double({ min: -20, max: 20, noNaN: true })])('G_p(G_p⁻¹(x)) = x on every (extended) piece', (spec, x) => {
    const g = buildPolytonic(spec);
    for (const q of g.pieces) {
      const z = pieceInverse(q, x);
      expect(Math.abs(pieceValue(q, z) - x)).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(x) + Math.abs(q.o)));
    }
  });
  test.prop([polytonicSpecArb])('bin probabilities: the whole line has mass 1', (spec) => {
    const g = buildPolytonic(spec);
    expect(Math.abs(binProbability(g, -Infinity, Infinity) - 1)).toBeLessThan(1e-14);
  });
  test.prop([polytonicSpecArb, fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true })])('bin probabilities are additive', (spec, a, w1, w2) => {
    const g = buildPolytonic(spec);
    const tot = binProbability(g, a, a + w1 + w2);
    expect(Math.abs(binProbability(g, a, a + w1) + binProbability(g, a + w1, a + w1 + w2) - tot)).toBeLessThanOrEqual(1e-13);
  });
  test('pieces must alternate (eq. 1b): two increasing neighbours are rejected', () => {
    expect(() => polytonic([0], [{ s: 1, a: 1, b: 0, c: 0, o: 0 }, { s: 1, a: 1, b: 0, c: 0, o: 0 }])).toThrow(/alternate/);
  });
});

describe('quadrature and steep-transition counting', () => {
  test.prop([fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 20 }), fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: 0, max: 4, noNaN: true })])('Gauss–Legendre (10 nodes) integrates degree ≤ 19 polynomials exactly', (coef, a, w) => {
    const f = (x: number) => coef.reduce((s, c, k) => s + c * x ** k, 0);
    const exact = coef.reduce((s, c, k) => s + (c * ((a + w) ** (k + 1) - a ** (k + 1))) / (k + 1), 0);
    const scale = coef.reduce((s, c) => s + Math.abs(c), 0) * Math.max(1, Math.abs(a) + w) ** (coef.length + 1);
    expect(Math.abs(gaussLegendre(f, a, a + w, 1) - exact)).toBeLessThanOrEqual(1e-12 * scale);
    expect(Math.abs(adaptiveIntegrate(f, a, a + w) - exact)).toBeLessThanOrEqual(1e-12 * scale);
  });
  test('the 10-node rule\'s table: even monomials on [−1, 1] to a few ulps (Σ wᵢ = 2, Σ wᵢxᵢ^{2k} = 2/(2k + 1), k ≤ 9)', () => {
    // One panel is the bare rule; its tabulated 16-digit nodes and weights make each moment exact to
    // ~1e-16, so a mistyped digit anywhere in the table (the random-polynomial law above allows 1e-12) shows here.
    for (let k = 0; k <= 9; k++) {
      const exact = 2 / (2 * k + 1);
      expect(Math.abs(gaussLegendre((x) => x ** (2 * k), -1, 1, 1) - exact)).toBeLessThanOrEqual(8 * Number.EPSILON * exact);
    }
  });
  test.prop([fc.integer({ min: 1, max: 6 }), fc.double({ min: 10, max: 1000, noNaN: true })])('a staircase with k jumps has k steep transitions', (k, steep) => {
    const zs: number[] = [];
    const xs: number[] = [];
    for (let i = 0; i <= 700; i++) {
      const z = -3.5 + i * 0.01;
      let x = 0.1 * z;
      for (let j = 0; j < k; j++) { const c = -3 + (6 * (j + 0.5)) / k; x += Math.max(0, Math.min(1, (z - c) * steep + 0.5)); }
      zs.push(z);
      xs.push(x);
    }
    expect(steepTransitions(zs, xs, 5).length).toBe(k);
  });
});
