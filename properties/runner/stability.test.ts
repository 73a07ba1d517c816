/** Verdict stability: seed parsing, per-claim summaries, and the report's counts. */
import { describe, expect, test } from 'vitest';
import { buildStability, claimStability, parseSeeds, spread } from '../../src/runner/stability.ts';
import type { ClaimResult } from '../../src/runner/result.ts';

const result = (globalSeed: number, status: ClaimResult['status'], extra: Partial<ClaimResult> = {}): ClaimResult => ({
  id: 'x.y', tier: 'fast', kind: 'statistical', expect: 'holds', status, passed: status === 'holds', seed: 1, globalSeed,
  numRuns: 1, evidence: {}, durationMs: 10, replay: `npx gan-claims replay x.y --seed ${globalSeed}`, ...extra,
});

describe('parseSeeds', () => {
  test('a count derives distinct seeds other than the run seed; ranges and lists are taken as given', () => {
    const s = parseSeeds('20', 20221122);
    expect(s).toHaveLength(20);
    expect(new Set(s).size).toBe(20);
    expect(s).not.toContain(20221122);
    expect(parseSeeds('20', 20221122)).toEqual(s);
    expect(parseSeeds('3..6', 1)).toEqual([3, 4, 5, 6]);
    expect(parseSeeds('9,2,5', 1)).toEqual([9, 2, 5]);
  });
  test('bad specs are usage errors naming --seeds', () => {
    for (const bad of ['0', 'x', '5..2', '1,1', '1..2..3', '-3']) expect(() => parseSeeds(bad, 1), bad).toThrow(/--seeds/);
  });
});

describe('claimStability', () => {
  test('counts agreement, keeps the first disagreeing seed with its replay, and spreads the decision p-values', () => {
    const dec = (p: number) => ({ decision: { verdict: 'holds', pPaper: p, pOpposite: 1 - p, effect: 0.5, effectName: 'r', power: 0.9 } });
    const rs = [
      result(1, 'holds', { evidence: dec(0.001) }),
      result(2, 'not-shown', { evidence: dec(0.2), message: 'weak' }),
      result(3, 'holds', { evidence: dec(0.003) }),
    ];
    const s = claimStability(rs);
    expect(s.agreed).toBe(2);
    expect(s.statuses).toEqual({ holds: 2, 'not-shown': 1 });
    expect(s.firstDisagreement).toEqual({ globalSeed: 2, status: 'not-shown', message: 'weak', replay: 'npx gan-claims replay x.y --seed 2' });
    expect(s.pPaper).toEqual({ min: 0.001, median: 0.003, max: 0.2 });
    expect(s.effect?.name).toBe('r');
  });
  test('summary counts unstable claims and disagreements', () => {
    const r = buildStability([[result(1, 'holds'), result(2, 'holds')], [result(1, 'holds'), result(2, 'refuted')]], 7, [1, 2], new Date(), { patterns: [], tier: 'fast', seedsSpec: '2', workers: 1 });
    expect(r.summary).toEqual({ claims: 2, stable: 1, unstable: 1, runs: 4, disagreements: 1 });
    expect(spread([])).toBeUndefined();
  });
});
