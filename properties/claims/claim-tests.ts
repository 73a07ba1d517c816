/**
 * Runs every fast claim of one registry group as a vitest test, with the default global seed: the
 * test passes exactly when the claim's status matches its `expect`.
 */
import { describe, expect, test } from 'vitest';
import type { Claim } from '../../src/claims/claim.ts';
import { runClaim } from '../../src/runner/run-claim.ts';
import { DEFAULT_SEED } from '../../src/random/seed.ts';

export function claimTests(group: string, all: readonly Claim[]): void {
  const claims = all.filter((c) => c.tier === 'fast');
  describe(`${group} claims (fast tier, seed ${DEFAULT_SEED})`, () => {
    if (claims.length === 0) test.skip(`no fast ${group} claims registered yet`, () => {});
    for (const claim of claims) {
      test(`${claim.id} ${claim.expect}`, async () => {
        const r = await runClaim(claim, { globalSeed: DEFAULT_SEED });
        const why = r.message ? `${r.message}\n  counterexample: ${r.counterexampleText}\n  replay: ${r.replay}` : '';
        expect(r.status, `${claim.id}: expected ${claim.expect}, got ${r.status}. ${why}`).toBe(claim.expect);
        if (claim.type === 'property' && r.status === 'holds') expect(r.numRuns).toBeGreaterThanOrEqual(100);
      });
    }
  });
}
