/**
 * Instances a check declares Undecided are discarded (counted, never holding or failing, and
 * shrinking stays out of them); `examples` are checked first on every run; shrinking stops
 * improving once its time budget is spent but still reports a failing counterexample.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { property } from '../../src/claims/claim.ts';
import { ensure, undecidedIf } from '../../src/claims/assert.ts';
import { runClaim } from '../../src/runner/run-claim.ts';

const base = { source: { paper: 'test', where: 'here' }, statement: 's', checks: 'c', tier: 'fast' as const, kind: 'property' as const };

describe('undecided instances', () => {
  test('are counted and discarded: a check that fails only inside the undecided band still holds', async () => {
    const c = property({
      ...base, id: 'test.band', expect: 'holds',
      // Uniform in value (fc.double is uniform over bit patterns, so mostly tiny).
      arbitrary: fc.integer({ min: 0, max: 2000 }).map((i) => i / 1000),
      check: (x) => { undecidedIf(Math.abs(x - 1) < 0.1, `x = ${x} within 0.1 of the boundary`); ensure(Math.abs(x - 1) >= 0.1, 'inside the band'); },
    });
    const r = await runClaim(c, { globalSeed: 3, runs: 300 });
    expect(r.status).toBe('holds');
    expect(r.evidence['undecidedInstances']).toBeGreaterThan(0);
    expect((r.evidence['undecidedExamples'] as string[])[0]).toMatch(/within 0\.1/);
  });

  test('shrinking stays in the decidable domain: the counterexample is never undecided', async () => {
    const c = property({
      ...base, id: 'test.shrink', expect: 'refuted',
      arbitrary: fc.integer({ min: 0, max: 1000 }),
      // Fails for n ≥ 50, undecided for 50 ≤ n < 60: the smallest decided failure is 60.
      check: (n) => { undecidedIf(n >= 50 && n < 60, 'band'); ensure(n < 50, `${n} ≥ 50`); },
    });
    const r = await runClaim(c, { globalSeed: 1 });
    expect(r.status).toBe('refuted');
    expect(r.counterexample).toBe(60);
  });

  test('a claim whose every instance is undecided is an error, not a pass', async () => {
    const c = property({ ...base, id: 'test.none', expect: 'holds', arbitrary: fc.integer(), check: () => undecidedIf(true, 'never decidable') });
    const r = await runClaim(c, { globalSeed: 1 });
    expect(r.status).toBe('error');
    expect(r.message).toMatch(/undecided/);
  });
});

describe('examples and the shrink budget', () => {
  test('examples are checked first on every seed', async () => {
    const c = property({ ...base, id: 'test.example', expect: 'refuted', arbitrary: fc.integer({ min: 0, max: 10 }), examples: [12345], check: (n) => ensure(n !== 12345, 'the kept counterexample') });
    for (const seed of [1, 2, 3]) expect((await runClaim(c, { globalSeed: seed })).counterexample).toBe(12345);
  });

  test('shrinking stops improving after its budget but reports a real failure', async () => {
    let slow = 0;
    const c = property({
      ...base, id: 'test.budget', expect: 'refuted', shrinkBudgetMs: 50,
      arbitrary: fc.integer({ min: 0, max: 1_000_000 }),
      check: (n) => { const t = performance.now(); while (performance.now() - t < 5) slow++; ensure(n < 10, `${n} ≥ 10`); },
    });
    const r = await runClaim(c, { globalSeed: 4 });
    expect(r.status).toBe('refuted');
    expect(r.counterexample as number).toBeGreaterThanOrEqual(10);
    expect(r.evidence['shrinkingCutAfterMs']).toBe(50);
    expect(r.durationMs).toBeLessThan(5000);
  });
});
