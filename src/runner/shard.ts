/**
 * `--shard i/n`: which work each of n CI jobs does. The work is claims and, for claims with units,
 * their units. With recorded durations (durations.ts) the items are placed longest first, each on
 * the shard with the least work so far (LPT; within 4/3 of the best possible makespan), so shards
 * finish close together; items with no record go round-robin (item k to shard k mod n), as before
 * durations existed. Every machine computes the same plan from the same selection and seed.
 */
import type { Claim } from '../claims/claim.ts';
import { listUnits } from './run-claim.ts';
import { unitLabel } from '../claims/units.ts';
import { estimateMs, type Durations } from './durations.ts';
import { UsageError } from './usage-error.ts';

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(s: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(s);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard: expected i/n with 1 ≤ i ≤ n, got '${s}'`);
  return { index, count };
}

/** One schedulable piece: a whole claim, or one unit of a claim with units. */
export interface WorkItem {
  claim: Claim;
  unit?: { index: number; label: string; count: number };
  /** Estimated ms of one core, if recorded. */
  estimateMs?: number;
}

export function workItems(claims: readonly Claim[], durations: Durations, ctx: { globalSeed: number; options: Readonly<Record<string, string>> }): WorkItem[] {
  return claims.flatMap((claim): WorkItem[] => {
    if (claim.type !== 'experiment' || !claim.units) return [{ claim, estimateMs: estimateMs(durations, claim.id) }];
    const units = listUnits(claim, ctx);
    return units.map((u, index) => {
      const unit = { index, label: unitLabel(claim.units!, u, index), count: units.length };
      return { claim, unit, estimateMs: estimateMs(durations, claim.id, unit) };
    });
  });
}

/** Shard (0-based) of every item. */
export function assignShards(items: readonly WorkItem[], count: number): number[] {
  const shardOf = new Array<number>(items.length);
  const load = new Array<number>(count).fill(0);
  const known = items.map((it, k) => ({ it, k })).filter(({ it }) => it.estimateMs !== undefined);
  known.sort((a, b) => b.it.estimateMs! - a.it.estimateMs! || a.k - b.k);
  for (const { it, k } of known) {
    let best = 0;
    for (let s = 1; s < count; s++) if (load[s]! < load[best]!) best = s;
    shardOf[k] = best;
    load[best]! += it.estimateMs!;
  }
  let r = 0;
  for (let k = 0; k < items.length; k++) if (items[k]!.estimateMs === undefined) shardOf[k] = r++ % count;
  return shardOf;
}

/** A shard's share: claims, each with the units it runs (undefined: the whole claim). */
export interface ShardWork {
  claim: Claim;
  units?: number[];
}

export function shardWork(items: readonly WorkItem[], shard: Shard | undefined): ShardWork[] {
  const shardOf = shard ? assignShards(items, shard.count) : items.map(() => 0);
  const mine = shard ? shard.index - 1 : 0;
  const out: ShardWork[] = [];
  for (let k = 0; k < items.length; k++) {
    if (shardOf[k] !== mine) continue;
    const it = items[k]!;
    const last = out[out.length - 1];
    if (!it.unit) out.push({ claim: it.claim });
    else if (last?.claim === it.claim) last.units!.push(it.unit.index);
    else out.push({ claim: it.claim, units: [it.unit.index] });
  }
  // A claim all of whose units landed here is run whole (and reduced here).
  for (const w of out) if (w.units && w.units.length === items.filter((it) => it.claim === w.claim).length) delete w.units;
  return out;
}

/** Kept for callers that shard plain lists (claims without units, no durations): item k to shard k mod n. */
export function applyShard<T>(items: readonly T[], shard: Shard | undefined): T[] {
  return shard ? items.filter((_, k) => k % shard.count === shard.index - 1) : [...items];
}
