/** tuneMany: the same tuned rates and cells inline and on worker threads (every run is seeded). */
import { describe, expect, test } from 'vitest';
import { tuneMany, type SweepParams } from '../../../src/claims/ib/gan-sweep.ts';

describe('tuneMany', () => {
  test('1 thread and 2 threads give identical results; the tuned rate has the lowest mean KL', async () => {
    const p: SweepParams = { lrGrid: [-3.5, -3], seeds: 2, steps: 40, batch: 16, evalN: 500 };
    const settings = [{ data: 'mix3' as const, H: 8, gamma: 0.9, alpha: 1 }, { data: 'mix3' as const, H: 16, gamma: 1, alpha: 1 }];
    const seeds = [11, 12];
    const one = await tuneMany(settings, seeds, p, undefined, 1);
    const two = await tuneMany(settings, seeds, p, undefined, 2);
    expect(two).toEqual(one);
    for (const t of one) {
      expect(t.cells.map((c) => c.seed)).toEqual(seeds);
      const best = Math.min(...t.meanKlByLr.map((m) => m.meanKl));
      expect(t.meanKlByLr.find((m) => m.lrLog10 === t.bestLrLog10)!.meanKl).toBe(best);
      expect(t.cells.every((c) => c.lrLog10 === t.bestLrLog10 && c.setting.H === t.setting.H)).toBe(true);
    }
  }, 120_000);
});
