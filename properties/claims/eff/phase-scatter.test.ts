/**
 * analyseScatter recovers a known phase boundary from labelled cells: labels drawn from a planted
 * boundary ln n = s·u + c (u = ln φ or φ), the fitted boundary's direction is close to it (clean labels) and, with
 * logistic label noise, the bootstrap interval covers s in most replicates; with one class missing it
 * reports no boundary instead of a number.
 */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { analyseScatter, MIN_PER_CLASS, type ScatterCell } from '../../../src/claims/eff/phase-scatter.ts';
import { Rng } from '../../../src/random/rng.ts';

/** Cells labelled by a planted boundary; `sharp` = ∞ gives clean labels, else logistic label noise. */
function cells(axis: 'log' | 'linear', s: number, c: number, n: number, seed: number, sharp = Infinity): ScatterCell[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => {
    const phi = axis === 'log' ? Math.exp(-10 + 8 * rng.uniform()) : rng.uniform();
    const lnN = Math.log(64) * rng.uniform();
    const u = axis === 'log' ? Math.log(phi) : phi;
    // collapsed below the boundary's discriminator time (too little time for this coupling)
    const margin = s * u + c - lnN;
    const collapsed = sharp === Infinity ? margin > 0 : rng.uniform() < 1 / (1 + Math.exp(-sharp * margin));
    return { phi, nDisc: Math.exp(lnN), collapse: 0, collapsed, diverged: false };
  });
}

describe('analyseScatter', () => {
  test.prop([fc.constantFrom<'log' | 'linear'>('log', 'linear'), fc.double({ min: 0.25, max: 8, noNaN: true }), fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 20 })(
    'recovers the direction of a clean planted boundary to 0.1 rad (in box-normalised axes), inside its own interval',
    (axis, steep, seed) => {
      // boundary through the middle of the box, crossing `steep` times the box's aspect ratio
      const du = axis === 'log' ? 8 : 1;
      const s = steep * (Math.log(64) / du);
      const mid = axis === 'log' ? -6 : 0.5;
      const cs = cells(axis, s, Math.log(8) - s * mid, 120, seed);
      const r = analyseScatter(axis, cs, new Rng(seed + 1), 100);
      if (!r.fit) {
        expect(Math.min(r.collapsedCount, cs.length - r.collapsedCount)).toBeLessThan(MIN_PER_CLASS);
        return;
      }
      const angle = (v: number) => Math.atan(v * (du / Math.log(64)));
      expect(Math.abs(angle(r.fit.slope) - angle(s))).toBeLessThan(0.1);
      expect(r.fit.ci[0]).toBeLessThanOrEqual(r.fit.slope);
      expect(r.fit.ci[1]).toBeGreaterThanOrEqual(r.fit.slope);
      expect(r.fit.misclassified).toBeLessThan(0.05);
    },
  );
  test('noisy labels: the 95 % bootstrap interval covers the planted slope in ≥ 80 % of 30 replicates (200 resamples each)', () => {
    let covered = 0, fitted = 0;
    for (let k = 0; k < 30; k++) {
      const cs = cells('log', 2, Math.log(8) + 12, 150, 1000 + k, 3);
      const r = analyseScatter('log', cs, new Rng(k), 200);
      if (!r.fit) continue;
      fitted++;
      if (r.fit.ci[0] <= 2 && 2 <= r.fit.ci[1]) covered++;
    }
    expect(fitted).toBeGreaterThanOrEqual(28);
    expect(covered / fitted).toBeGreaterThanOrEqual(0.8);
  });
  test('one class only: no boundary is fitted', () => {
    const cs = cells('log', 1, 100, 50, 3);
    expect(cs.every((c) => c.collapsed)).toBe(true);
    expect(analyseScatter('log', cs, new Rng(1)).fit).toBeUndefined();
  });
});
