/**
 * The registry: every built-in claim, listed explicitly, paper by paper.
 * A property test checks ids are unique, well-formed, and that every claim exported by a file
 * under src/claims/<paper>/ appears here.
 */
import type { Claim, Tier } from './claim.ts';
import { diracClaims } from './dirac/index.ts';
import { ipmClaims } from './ipm/index.ts';
import { effClaims } from './eff/index.ts';
import { ibClaims } from './ib/index.ts';
import { ntkClaims } from './ntk/index.ts';
import { jcClaims } from './jc/index.ts';
import { tfClaims } from './tf/index.ts';

export const registry: readonly Claim[] = [
  ...diracClaims,
  ...ipmClaims,
  ...effClaims,
  ...ibClaims,
  ...ntkClaims,
  ...jcClaims,
  ...tfClaims,
];

export function findClaim(id: string, claims: readonly Claim[] = registry): Claim | undefined {
  return claims.find((c) => c.id === id);
}

/** `*` matches any run of characters (dots included); an exact id also selects its sub-ids. */
export function patternToRegExp(pattern: string): RegExp {
  const body = pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return pattern.includes('*') ? new RegExp(`^${body}$`) : new RegExp(`^${body}(\\..+)?$`);
}

export type TierSelection = Tier | 'all';

export interface Selection {
  claims: Claim[];
  /** Patterns that matched no claim at all (in any tier). */
  unmatched: string[];
  /** Patterns that matched claims only outside the selected tier, with those claims' tiers. */
  otherTier: { pattern: string; tiers: Tier[] }[];
}

export function selectClaims(patterns: readonly string[], tier: TierSelection, claims: readonly Claim[] = registry): Selection {
  const inTier = (c: Claim) => tier === 'all' || c.tier === tier;
  if (patterns.length === 0) return { claims: claims.filter(inTier), unmatched: [], otherTier: [] };
  const chosen = new Set<Claim>();
  const unmatched: string[] = [];
  const otherTier: Selection['otherTier'] = [];
  for (const p of patterns) {
    const re = patternToRegExp(p);
    const hits = claims.filter((c) => re.test(c.id));
    if (hits.length === 0) unmatched.push(p);
    const tiered = hits.filter(inTier);
    if (hits.length > 0 && tiered.length === 0) otherTier.push({ pattern: p, tiers: [...new Set(hits.map((c) => c.tier))] });
    for (const c of tiered) chosen.add(c);
  }
  // Keep registry order so reports are stable whatever order the patterns came in.
  return { claims: claims.filter((c) => chosen.has(c)), unmatched, otherTier };
}
