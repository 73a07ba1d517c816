/**
 * `gan-claims/vitest`: the claims as tests in the user's own suite (in the manner of
 * @fast-check/vitest's `test.prop`), so `vitest run` in their repository is the gate.
 *
 *   import { describeClaims } from 'gan-claims/vitest';
 *   import myDirac from '../src/my-dirac.ts';
 *   describeClaims('dirac.*', { impls: { 'dirac-gan': myDirac }, implFiles: { 'dirac-gan': 'src/my-dirac.ts' } });
 *
 * One test per selected claim; a test passes exactly when the claim gives its registered verdict
 * on the user's implementations, and a failure prints the shrunk counterexample and the
 * `npx gan-claims replay … --impl …` command that reproduces it.
 */
import { describe, expect, test } from 'vitest';
import type { Claim } from '../claims/claim.ts';
import { registry, selectClaims, type TierSelection } from '../claims/registry.ts';
import { DEFAULT_SEED } from '../random/seed.ts';
import { checkClaim } from './check-claim.ts';

export interface DescribeClaimsOptions {
  /** Implementations by system name (import them in the test file, so vitest transforms them). */
  impls?: Readonly<Record<string, unknown>>;
  /**
   * The file each implementation lives in, relative to the working directory, by system name: put
   * into replay commands as `--impl <system>=<file>`, so a failure's replay runs the user's code.
   */
  implFiles?: Readonly<Record<string, string>>;
  /** Global seed (default: gan-claims' DEFAULT_SEED, the one `npx gan-claims run` uses). */
  seed?: number;
  /** Instances per property claim (default: each claim's own). */
  runs?: number;
  /** Tier to select from (default 'fast'). */
  tier?: TierSelection;
  /** The user's own claims, selectable next to the built-in ones. */
  claims?: readonly Claim[];
  /** Per-test timeout in ms (default 300 000: some claims are whole experiments). */
  timeout?: number;
}

/** Claims matching `patterns` (an id, a sub-id prefix or a `*` glob), as one describe block. */
export function describeClaims(patterns: string | readonly string[], opts: DescribeClaimsOptions = {}): void {
  const list = typeof patterns === 'string' ? [patterns] : [...patterns];
  const all = [...registry, ...(opts.claims ?? [])];
  const sel = selectClaims(list, opts.tier ?? 'fast', all);
  if (sel.unmatched.length > 0) throw new Error(`describeClaims: no claim matches ${sel.unmatched.map((p) => `'${p}'`).join(', ')}`);
  const noImpl = Object.keys(opts.implFiles ?? {}).filter((s) => opts.impls?.[s] === undefined);
  if (noImpl.length > 0) throw new Error(`describeClaims: implFiles names ${noImpl.join(', ')} without an implementation in impls`);
  const undeclared = Object.keys(opts.impls ?? {}).filter((s) => !all.some((c) => (c.systems ?? []).includes(s)));
  if (undeclared.length > 0) throw new Error(`describeClaims: impls: no claim reads system(s) ${undeclared.join(', ')}`);
  const seed = opts.seed ?? DEFAULT_SEED;
  const impls = opts.impls ?? {};
  const implSpecs = Object.entries(opts.implFiles ?? {}).map(([s, f]) => `${s}=${f}`);
  describe(`gan-claims ${list.join(' ')} (seed ${seed})`, () => {
    if (sel.claims.length === 0) test.skip(`no ${opts.tier ?? 'fast'}-tier claim matches`, () => {});
    for (const claim of sel.claims) {
      test(`${claim.id} ${claim.expect}`, async () => {
        const v = await checkClaim(claim, { globalSeed: seed, runs: opts.runs, impls, implSpecs });
        expect(v.ok, v.message).toBe(true);
      }, opts.timeout ?? 300_000);
    }
  });
}
