/**
 * Units below the claim: the result is the same bit for bit whether the units run in this thread
 * (runClaim), in worker threads (runWork), or as separate shares joined later (doneUnits, what
 * `merge` does); a failing unit decides the claim; the encoding is lossless.
 */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { runClaim, type UnitResult } from '../../src/runner/run-claim.ts';
import { runWork } from '../../src/runner/run-many.ts';
import { decodeUnitValue, encodeUnitValue, unitSeed } from '../../src/claims/units.ts';
import type { ClaimResult } from '../../src/runner/result.ts';
import type { ClaimTask } from '../../src/runner/task.ts';
import { unitsDemo, unitsFailing } from './fixtures/unit-claims.ts';

const FILE = 'properties/runner/fixtures/unit-claims.ts';
const task = (id: string, units?: number[]): ClaimTask => ({ id, globalSeed: 5, claimFiles: [FILE], implSpecs: [], options: {}, cwd: process.cwd(), ...(units ? { units } : {}) });
/** Everything but timings. */
const strip = (r: ClaimResult) => ({ ...r, durationMs: 0, units: r.units?.map((u) => ({ ...u, durationMs: 0 })) });

describe('a claim with units', () => {
  test('in this thread, in 3 worker threads, and as three shares joined afterwards: identical results', async () => {
    const here = await runClaim(unitsDemo, { globalSeed: 5, claimFiles: [FILE] });
    expect(here.status, here.message).toBe('holds');
    expect(here.units?.map((u) => u.label)).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6']);
    // Each unit has its own stream (a shared seed would make every unit's draws the same).
    expect(new Set((here.evidence as { means: number[] }).means).size).toBe(7);
    const pooled = await runWork([task(unitsDemo.id)], { workers: 3 });
    expect(strip(pooled.results[0]!)).toEqual(strip(here));
    const shares = [[0, 3, 6], [1, 4], [2, 5]];
    const parts: UnitResult[] = [];
    for (const s of shares) {
      const w = await runWork([task(unitsDemo.id, s)], { workers: 2 });
      expect(w.results[0]).toBeUndefined();
      parts.push(...w.units[0]!);
    }
    const joined = await runWork([task(unitsDemo.id)], { workers: 1, doneUnits: parts.reverse() });
    expect(strip(joined.results[0]!)).toEqual(strip(here));
    expect((joined.results[0]!.evidence as { order: number[] }).order).toEqual([0, 1, 2, 3, 4, 5, 6]);
  }, 60_000);

  test('a unit that throws a violation refutes the claim, naming the unit', async () => {
    const r = await runClaim(unitsFailing, { globalSeed: 1 });
    expect(r.status).toBe('refuted');
    expect(r.message).toMatch(/unit 2: unit 2 reports 5/);
  });

  test('reducing from an incomplete or foreign set of units is an error, not a verdict', async () => {
    const w = await runWork([task(unitsDemo.id, [0, 1])], { workers: 1 });
    const r = await runClaim(unitsDemo, { globalSeed: 5, unitResults: w.units[0]! });
    expect(r.status).toBe('error');
    expect(r.message).toMatch(/expected the results of its 7 units/);
  });

  test('unit seeds differ between units and between claims', () => {
    const seeds = new Set([1, 2].flatMap((c) => Array.from({ length: 50 }, (_, i) => unitSeed(c, i))));
    expect(seeds.size).toBe(100);
  });
});

const leaf = fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.string(), fc.constant(null), fc.constantFrom(-0, NaN, Infinity, -Infinity));
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.string().filter((k) => k !== '__proto__'), tie('v'), { maxKeys: 4, noNullPrototype: true }),
    fc.float64Array({ maxLength: 6 }), fc.float32Array({ maxLength: 4 }), fc.int32Array({ maxLength: 4 })),
})).v;

test.prop([value])('the unit encoding is lossless (−0, NaN, ±∞, typed arrays included)', (v) => {
  const back = decodeUnitValue(encodeUnitValue(v));
  // toStrictEqual distinguishes −0 from 0 (Object.is) and typed array kinds.
  expect(back).toStrictEqual(v);
});

test('the encoding refuses what cannot cross machines', () => {
  expect(() => encodeUnitValue({ f: () => 1 })).toThrow(/function/);
  expect(() => encodeUnitValue(new Map())).toThrow(/Map is not plain data/);
});
