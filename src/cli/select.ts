/** Resolves the claims a command works on: built-in + user files, patterns, tier; errors exit 2. */
import type { Claim } from '../claims/claim.ts';
import { selectClaims, type TierSelection } from '../claims/registry.ts';
import { allClaims } from '../runner/load.ts';
import { UsageError } from '../runner/usage-error.ts';

export async function resolveSelection(patterns: string[], tier: TierSelection, claimFiles: string[]): Promise<Claim[]> {
  const claims = await allClaims(claimFiles);
  const sel = selectClaims(patterns, tier, claims);
  if (sel.unmatched.length > 0) {
    throw new UsageError(`unknown claim id or pattern matching nothing: ${sel.unmatched.map((p) => `'${p}'`).join(', ')} (see 'gan-claims list')`);
  }
  if (sel.otherTier.length > 0) {
    const o = sel.otherTier[0]!;
    throw new UsageError(`'${o.pattern}' matches only ${o.tiers.join('/')}-tier claims; add --tier ${o.tiers[0]} (or --tier all)`);
  }
  return sel.claims;
}
