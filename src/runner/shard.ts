/**
 * `--shard i/n`: claim k (in registry order) goes to shard (k mod n) + 1, so n CI jobs cover every
 * selected claim exactly once and shards get similar mixes of papers.
 */
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

export function applyShard<T>(items: readonly T[], shard: Shard | undefined): T[] {
  return shard ? items.filter((_, k) => k % shard.count === shard.index - 1) : [...items];
}
