/** tuneMany: the same tuned rates and cells inline and on worker threads (every run is seeded). */
import { describe, expect, test } from 'vitest';
import { runCell, tuneMany, tunedAt, trainingLengths, type SweepParams } from '../../../src/claims/ib/gan-sweep.ts';

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

  test('a checkpoint of a long run is the short run: same metrics, and tunedAt re-tunes on them', async () => {
    const setting = { data: 'mix3' as const, H: 8, gamma: 0.9, alpha: 1 };
    const short: SweepParams = { lrGrid: [-3.5, -3], seeds: 2, steps: 30, batch: 16, evalN: 400 };
    const long: SweepParams = { ...short, steps: 60, checkpoints: [10, 30] };
    const a = runCell(setting, -3, 7, short).cell;
    const b = runCell(setting, -3, 7, long).cell;
    expect(b.atCheckpoints.map((c) => c.step)).toEqual([10, 30]);
    const { step: _, ...at30 } = b.atCheckpoints[1]!;
    expect(at30).toEqual({ kl: a.kl, modeMixture: a.modeMixture, deltaSlopeUpdate: a.deltaSlopeUpdate });
    expect(b.kl).not.toBe(a.kl);
    expect(trainingLengths(long)).toEqual([10, 30, 60]);
    const seeds = [3, 4];
    const [tShort] = await tuneMany([setting], seeds, short, undefined, 1);
    const [tLong] = await tuneMany([setting], seeds, long, undefined, 1);
    const re = tunedAt(tLong!, 30, long);
    expect(re.bestLrLog10).toBe(tShort!.bestLrLog10);
    expect(re.meanKlByLr).toEqual(tShort!.meanKlByLr);
    expect(re.cells.map((c) => c.kl)).toEqual(tShort!.cells.map((c) => c.kl));
    expect(tunedAt(tLong!, 60, long)).toBe(tLong);
    expect(() => tunedAt(tLong!, 20, long)).toThrow(/checkpoint/);
    expect(() => runCell(setting, -3, 7, { ...short, checkpoints: [30] })).toThrow(/checkpoints/);
  }, 60_000);
});

