/**
 * Runs every fast claim of one registry group as a vitest test, with the default global seed: the
 * test passes exactly when the claim's status matches its `expect`.
 */
import { describe, expect, test } from 'vitest';
import type { Claim } from '../../src/claims/claim.ts';
import { runClaim } from '../../src/runner/run-claim.ts';
import { DEFAULT_SEED } from '../../src/random/seed.ts';
import { parseSeeds } from '../../src/runner/stability.ts';

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

/**
 * Seed stability in CI: the group's fast claims under global seeds other than the default must give
 * their expected verdict too. Property claims run under 2 derived seeds, experiments (seconds each)
 * under 1; the full 20-seed sweep is `npx gan-claims run --seeds 20` (README, "Verdict stability").
 * The TensorFlow.js smoke claims check a pipeline on a fixed digit subset and are left to tf.test.ts.
 */
export function seedStabilityTests(group: string, all: readonly Claim[]): void {
  const seeds = parseSeeds('2', DEFAULT_SEED);
  const claims = all.filter((c) => c.tier === 'fast' && !c.id.endsWith('.smoke'));
  describe(`${group} claims under other global seeds (${seeds.join(', ')})`, () => {
    if (claims.length === 0) test.skip(`no fast ${group} claims`, () => {});
    for (const claim of claims) {
      test(`${claim.id} ${claim.expect}`, async () => {
        for (const globalSeed of claim.type === 'property' ? seeds : seeds.slice(0, 1)) {
          const r = await runClaim(claim, { globalSeed });
          expect(r.status, `${claim.id} at global seed ${globalSeed}: expected ${claim.expect}, got ${r.status}. ${r.message ?? ''}\n  replay: ${r.replay}`).toBe(claim.expect);
        }
      });
    }
  });
}
