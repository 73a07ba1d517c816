/**
 * gan-claims/vitest: a gate passes on a claim's registered verdict only, a failure's message carries
 * the counterexample and a replay naming the user's file, and bad options fail at collection with
 * the argument named.
 */
import { describe, expect, test } from 'vitest';
import { checkClaim, describeClaims } from '../../src/vitest/index.ts';
import { findClaim } from '../../src/claims/registry.ts';
import buggy from '../../examples/dirac-gate/buggy-dirac.ts';
import correct from '../../examples/dirac-gate/correct-dirac.ts';

const eigs = findClaim('dirac.eigs')!;
const file = 'examples/dirac-gate/buggy-dirac.ts';

describe('checkClaim', () => {
  test('ok on the correct implementation, no message', async () => {
    const v = await checkClaim(eigs, { globalSeed: 1, runs: 20, impls: { 'dirac-gan': correct }, implSpecs: [] });
    expect(v.ok).toBe(true);
    expect(v.message).toBe('');
  });
  test('a planted bug fails with the counterexample and a replay naming --impl', async () => {
    const v = await checkClaim(eigs, { globalSeed: 1, runs: 20, impls: { 'dirac-gan': buggy }, implSpecs: [`dirac-gan=${file}`] });
    expect(v.ok).toBe(false);
    expect(v.result.status).toBe('refuted');
    expect(v.message).toMatch(/expected holds, got refuted/);
    expect(v.message).toMatch(/counterexample: .*beta/);
    expect(v.message).toContain(`--impl dirac-gan=${file}`);
  });
  test('a claim registered refuted passes the gate when it is refuted', async () => {
    const thm1b = findClaim('ipm.thm1.b')!;
    expect(thm1b.expect).toBe('refuted');
    const v = await checkClaim(thm1b, { globalSeed: 1, runs: 30, impls: {}, implSpecs: [] });
    expect(v.ok, v.message).toBe(true);
  });
});

describe('describeClaims rejects bad options before any test runs', () => {
  test('a pattern that matches nothing', () => {
    expect(() => describeClaims('nope.*')).toThrow(/no claim matches 'nope\.\*'/);
  });
  test('an implementation for a system no claim reads', () => {
    expect(() => describeClaims('dirac.*', { impls: { 'dirac-gna': correct } })).toThrow(/impls: no claim reads system\(s\) dirac-gna/);
  });
  test('a file without its implementation', () => {
    expect(() => describeClaims('dirac.*', { implFiles: { 'dirac-gan': file } })).toThrow(/implFiles names dirac-gan/);
  });
});
