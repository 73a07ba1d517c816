/**
 * Direction tests as decisions: against planted effects they decide the right way, under a null they
 * show nothing at about the stated rate, and a reduced-regime run never refutes.
 */
import { describe, expect, test } from 'vitest';
import { Rng } from '../../src/random/rng.ts';
import { pairedDirection, trendDirection, twoSampleDirection } from '../../src/stats/direction.ts';

const normals = (rng: Rng, n: number, shift = 0) => Array.from({ length: n }, () => shift + rng.normal());

describe('direction tests', () => {
  test('paired: a large planted shift holds, the reversed one refutes, reduced regime turns refuted into not shown', () => {
    const rng = new Rng(3);
    const d = normals(rng, 20, 2);
    expect(pairedDirection('x', d, { alpha: 0.01 }).verdict).toBe('holds');
    expect(pairedDirection('x', d.map((x) => -x), { alpha: 0.01 }).verdict).toBe('refuted');
    const red = pairedDirection('x', d.map((x) => -x), { alpha: 0.01, regime: 'reduced', decidingScale: 'the slow tier' });
    expect(red.verdict).toBe('not-shown');
    expect(red.what).toMatch(/outside the paper's regime/);
    expect(red.decidingScale).toBe('the slow tier');
  });

  test('two-sample and trend: planted effects decide; the power reported rises with the sample size', () => {
    const rng = new Rng(5);
    expect(twoSampleDirection('x', normals(rng, 12, 2), normals(rng, 12), { alpha: 0.01 }).verdict).toBe('holds');
    const x = Array.from({ length: 40 }, (_, i) => i);
    const y = x.map((t) => -t + 5 * rng.normal());
    expect(trendDirection('x', x, y, -1, { alpha: 0.01 }).verdict).toBe('holds');
    expect(trendDirection('x', x, y, 1, { alpha: 0.01 }).verdict).toBe('refuted');
    const small = pairedDirection('x', normals(rng, 6, 1), { alpha: 0.01 }).power!;
    const big = pairedDirection('x', normals(rng, 30, 1), { alpha: 0.01 }).power!;
    // n = 6 cannot reach α = 0.01 by the exact test (minimum p = 1/64): power 0.
    expect(small).toBe(0);
    expect(big).toBeGreaterThan(0.9);
  });

  test('under the null, a decided verdict occurs at about 2α (false-alarm rate as stated)', () => {
    const rng = new Rng(11);
    let decided = 0;
    const trials = 400;
    for (let i = 0; i < trials; i++) if (twoSampleDirection('x', normals(rng, 15), normals(rng, 15), { alpha: 0.05 }).verdict !== 'not-shown') decided++;
    // 2α = 0.1; binomial sd ≈ 0.015, so 0.1 ± 0.06 covers it with room.
    expect(decided / trials).toBeGreaterThan(0.04);
    expect(decided / trials).toBeLessThan(0.16);
  });
});
