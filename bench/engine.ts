/**
 * Claim-engine overhead: instances per second of a trivial property through runClaim (fast-check
 * generation + the runner's evidence aggregation), i.e. the ceiling any property claim runs under.
 */
import fc from 'fast-check';
import { property } from '../src/claims/claim.ts';
import { runClaim } from '../src/runner/run-claim.ts';
import type { BenchRow } from './run.ts';

const trivial = property({
  id: 'bench.trivial', source: { paper: '-', where: '-' }, statement: 'x = x', checks: 'identity',
  tier: 'fast', kind: 'property', expect: 'holds',
  arbitrary: fc.double({ noNaN: true }),
  check: (x) => ({ x }),
});

export async function bench(): Promise<BenchRow[]> {
  const runs = 200_000;
  await runClaim(trivial, { globalSeed: 1, runs: 10_000 });
  const r = await runClaim(trivial, { globalSeed: 1, runs });
  return [{ name: 'claim engine: trivial property', value: runs / (r.durationMs / 1000), unit: 'inst/s', note: `${runs} instances in ${r.durationMs.toFixed(0)} ms` }];
}
