import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { runAlg1, runGrid, modeShares, eightGaussians, couplingFromRatio } from '../../../src/systems/particle-gan/index.ts';

const small = (seed: number, over: Record<string, unknown> = {}) => ({ N: 16, disc: 'relu' as const, H: 32, phi: 0.2, nDisc: 2, alphaD: 0.1, alphaG: 0.1, iters: 20, seed, recordEvery: 5, ...over });

describe('Algorithm 1', () => {
  test.prop([fc.integer({ min: 0, max: 1e6 })], { numRuns: 10 })('is deterministic in its seed', (seed) => {
    const a = runAlg1(small(seed)), b = runAlg1(small(seed));
    expect(Array.from(a.x0)).toEqual(Array.from(b.x0));
    expect(a.records).toEqual(b.records);
  });

  test('a diverging run is reported with its iteration, not thrown', () => {
    const r = runAlg1(small(1, { alphaG: 1e9, iters: 50 }));
    expect(r.diverged).toBe(true);
    expect(r.divergedAt).toBeGreaterThan(0);
  });

  test('with α_G = 0 the particles do not move; with n_disc = 0 the discriminator does not learn', () => {
    const r = runAlg1(small(3, { alphaG: 0 }));
    const r0 = runAlg1(small(3, { alphaG: 0, iters: 0 }));
    expect(Array.from(r.x0)).toEqual(Array.from(r0.x0));
  });

  test('grid over worker threads equals the same cells in one thread', async () => {
    const cells = [0, 1, 2].map((s) => small(s));
    const one = await runGrid(cells, { threads: 1 });
    const two = await runGrid(cells, { threads: 2 });
    expect(two.map((s) => s.records)).toEqual(one.map((s) => s.records));
  }, 60_000);

  test('bad input throws RangeError naming the argument', () => {
    expect(() => runAlg1(small(1, { N: 0 }))).toThrow(/N/);
    expect(() => runAlg1(small(1, { alphaD: NaN }))).toThrow(/alphaD/);
    expect(() => runAlg1(small(1, { disc: 'gelu' }))).toThrow(/disc/);
    expect(() => couplingFromRatio(-1, 3)).toThrow(/phi/);
    expect(() => modeShares(eightGaussians(), new Float64Array(0), new Float64Array(0))).toThrow(RangeError);
  });
});
