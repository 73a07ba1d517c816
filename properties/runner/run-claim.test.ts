import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { experiment, property, ClaimViolation } from '../../src/claims/claim.ts';
import { ensure } from '../../src/claims/assert.ts';
import { runClaim } from '../../src/runner/run-claim.ts';

const base = { source: { paper: 'test', where: 'here' }, statement: 's', checks: 'c', tier: 'fast' as const, kind: 'property' as const };

// A planted false statement: "every integer in [0, 1000] is below 50". Shrinking must find 50.
const below50 = property({
  ...base, id: 'test.below50', expect: 'refuted',
  arbitrary: fc.integer({ min: 0, max: 1000 }),
  check: (n) => { ensure(n < 50, `${n} ≥ 50`, { n }); return { n }; },
});

const alwaysTrue = property({
  ...base, id: 'test.true', expect: 'holds',
  arbitrary: fc.double({ min: -1, max: 1, noNaN: true }),
  check: (x) => ({ abs: Math.abs(x) }),
});

function stable<T extends { durationMs: number }>(r: T): Omit<T, 'durationMs'> {
  const { durationMs: _, ...rest } = r;
  return rest;
}

describe('runClaim', () => {
  test('a refuted property reports the shrunk counterexample, a path and a replay command', async () => {
    const r = await runClaim(below50, { globalSeed: 1 });
    expect(r.status).toBe('refuted');
    expect(r.passed).toBe(true); // expect: 'refuted'
    expect(r.counterexample).toBe(50);
    expect(r.path).toBeTruthy();
    expect(r.replay).toContain(`gan-claims replay test.below50 --seed 1 --path ${r.path}`);
  });

  test('replaying the path reproduces exactly the counterexample', async () => {
    const r = await runClaim(below50, { globalSeed: 7 });
    const again = await runClaim(below50, { globalSeed: 7, path: r.path });
    expect(again.status).toBe('refuted');
    expect(again.counterexample).toBe(r.counterexample);
  });

  test('same global seed ⇒ same result (timings aside); another seed ⇒ another stream', async () => {
    const a = await runClaim(alwaysTrue, { globalSeed: 42 });
    const b = await runClaim(alwaysTrue, { globalSeed: 42 });
    expect(stable(a)).toEqual(stable(b));
    const c = await runClaim(alwaysTrue, { globalSeed: 43 });
    expect(c.evidence).not.toEqual(a.evidence);
  });

  test('numeric evidence is aggregated to min/max over instances', async () => {
    const r = await runClaim(alwaysTrue, { globalSeed: 3, runs: 200 });
    expect(r.numRuns).toBe(200);
    const abs = r.evidence['abs'] as { min: number; max: number };
    expect(abs.min).toBeGreaterThanOrEqual(0);
    expect(abs.max).toBeLessThanOrEqual(1);
    expect(abs.min).toBeLessThan(abs.max);
  });

  test('an unexpected exception is an error, not a refutation, and never passes', async () => {
    const broken = property({ ...base, id: 'test.broken', expect: 'holds', arbitrary: fc.nat(), check: () => { throw new TypeError('boom'); } });
    const r = await runClaim(broken, { globalSeed: 1 });
    expect(r.status).toBe('error');
    expect(r.passed).toBe(false);
    expect(r.message).toContain('boom');
  });

  test('a claim expected to be refuted fails when it starts holding', async () => {
    const r = await runClaim({ ...alwaysTrue, id: 'test.true.refuted', expect: 'refuted' }, { globalSeed: 1 });
    expect(r.status).toBe('holds');
    expect(r.passed).toBe(false);
  });

  test('experiments: verdict, evidence, a thrown ClaimViolation refutes, other throws are errors', async () => {
    const ok = experiment({ ...base, kind: 'reproduction', id: 'test.exp', expect: 'holds', run: (ctx) => ({ holds: true, evidence: { u: ctx.rng.uniform() } }) });
    const r1 = await runClaim(ok, { globalSeed: 5 });
    const r2 = await runClaim(ok, { globalSeed: 5 });
    expect(r1.status).toBe('holds');
    expect(r1.evidence['u']).toBe(r2.evidence['u']);
    const v = experiment({ ...base, kind: 'reproduction', id: 'test.v', expect: 'holds', run: () => { throw new ClaimViolation('no', { x: 1 }); } });
    expect((await runClaim(v, { globalSeed: 1 })).status).toBe('refuted');
    const e = experiment({ ...base, kind: 'reproduction', id: 'test.e', expect: 'holds', run: () => { throw new Error('crash'); } });
    expect((await runClaim(e, { globalSeed: 1 })).status).toBe('error');
  });

  test('a user implementation replaces the built-in one through ctx.impl', async () => {
    const c = property({ ...base, id: 'test.impl', expect: 'holds', arbitrary: fc.constant(0), check: (_x, ctx) => ctx.impl('sys', 'builtin') === 'builtin' });
    expect((await runClaim(c, { globalSeed: 1 })).status).toBe('holds');
    expect((await runClaim(c, { globalSeed: 1, impls: { sys: 'mine' } })).status).toBe('refuted');
  });

  test('a claim declaring a replaceable system it never reads is an error when an --impl is given, never a silent pass', async () => {
    const deaf = property({ ...base, id: 'test.deaf', expect: 'holds', systems: ['sys'], arbitrary: fc.constant(0), check: () => true });
    expect((await runClaim(deaf, { globalSeed: 1 })).status).toBe('holds');
    const r = await runClaim(deaf, { globalSeed: 1, impls: { sys: 'mine' } });
    expect(r.status).toBe('error');
    expect(r.message).toMatch(/never read.*--impl/);
    expect((await runClaim(deaf, { globalSeed: 1, impls: { other: 'x' } })).status).toBe('holds');
    const listening = experiment({ ...base, kind: 'statistical', id: 'test.listens', expect: 'holds', systems: ['sys'], run: async (ctx) => ({ holds: ctx.impl<string>('sys', 'builtin') === 'mine', evidence: {} }) });
    expect((await runClaim(listening, { globalSeed: 1, impls: { sys: 'mine' } })).status).toBe('holds');
  });
});
