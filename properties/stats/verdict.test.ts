/** Three-outcome verdicts: the decision table, the combination rule, and bad input. */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { combineDecisions, decideDirection, describeDecision, type Decision } from '../../src/stats/verdict.ts';

const input = (pPaper: number, pOpposite: number, extra: Partial<Parameters<typeof decideDirection>[0]> = {}) => ({
  what: 'w', test: 't', alpha: 0.01, pPaper, pOpposite, effect: 0.5, effectName: 'e', ...extra,
});
const p = fc.double({ min: 0, max: 1, noNaN: true });

describe('decideDirection', () => {
  test.prop([p, p])('holds iff the paper direction is significant; refuted iff only the opposite (or equivalence) is', (a, b) => {
    const d = decideDirection(input(a, b));
    expect(d.verdict).toBe(a < 0.01 ? 'holds' : b < 0.01 ? 'refuted' : 'not-shown');
  });

  test('an equivalence test excluding the paper effect refutes; a non-significant one shows nothing', () => {
    expect(decideDirection(input(0.5, 0.5, { pEquivalence: 0.001 })).verdict).toBe('refuted');
    expect(decideDirection(input(0.5, 0.5, { pEquivalence: 0.2 })).verdict).toBe('not-shown');
  });

  test('not shown keeps the deciding scale; a decided verdict drops it', () => {
    expect(decideDirection(input(0.5, 0.5, { decidingScale: '64 seeds' })).decidingScale).toBe('64 seeds');
    expect(decideDirection(input(0.001, 0.9, { decidingScale: '64 seeds' })).decidingScale).toBeUndefined();
    expect(describeDecision(decideDirection(input(0.5, 0.5, { decidingScale: '64 seeds', power: 0.3, powerAgainst: 'x' })))).toMatch(/not-shown.*power 0\.30.*64 seeds/);
  });

  test('bad input names the argument', () => {
    expect(() => decideDirection(input(0.01, 0.5, { alpha: 0.7 }))).toThrow(/alpha/);
    expect(() => decideDirection(input(1.5, 0.5))).toThrow(/pPaper/);
    expect(() => decideDirection(input(0.5, -0.1))).toThrow(/pOpposite/);
    expect(decideDirection(input(0.5, NaN)).verdict).toBe('not-shown');
  });
});

describe('combineDecisions', () => {
  const v = fc.constantFrom<Decision['verdict']>('holds', 'refuted', 'not-shown');
  test.prop([fc.array(v, { minLength: 1, maxLength: 6 })])('every block holds ⇒ holds; any refuted ⇒ refuted; else not shown', (vs) => {
    const parts = vs.map((verdict) => ({ ...decideDirection(input(0.5, 0.5)), verdict }));
    const c = combineDecisions('all', parts);
    expect(c.verdict).toBe(vs.includes('refuted') ? 'refuted' : vs.every((x) => x === 'holds') ? 'holds' : 'not-shown');
    expect(c.parts).toHaveLength(vs.length);
  });

  test('intersection–union: the combined paper p is the largest block p, power the smallest', () => {
    const c = combineDecisions('all', [decideDirection(input(0.001, 0.9, { power: 0.9 })), decideDirection(input(0.004, 0.8, { power: 0.6 }))]);
    expect(c.pPaper).toBe(0.004);
    expect(c.power).toBe(0.6);
    expect(() => combineDecisions('none', [])).toThrow(/parts/);
  });
});
