/**
 * `gan-claims plan [patterns] --tier slow --shards N [--workers W]`: the shard plan `--shard i/N`
 * would run, with each shard's predicted wall time from the recorded durations. A shard's wall
 * time is the schedule its runner actually follows: jobs longest first, each to the first free
 * worker (runWork with estimates). Start-up and `npm ci` are not included.
 */
import path from 'node:path';
import { DEFAULT_DURATIONS, loadDurations } from '../runner/durations.ts';
import { orderLongestFirst } from '../runner/run-many.ts';
import { assignShards, workItems, type WorkItem } from '../runner/shard.ts';
import { parsePositiveInt, parseSeed, parseTier } from './options.ts';
import { resolveSelection } from './select.ts';

export interface ShardPlan {
  shard: string;
  items: number;
  claims: number;
  cpuMinutes: number;
  wallMinutes: number;
  unknown: string[];
}

/** Makespan of list scheduling: jobs in order, each to the worker that frees first. */
export function makespan(estimates: readonly number[], workers: number): number {
  const free = new Array<number>(workers).fill(0);
  for (const e of estimates) {
    let w = 0;
    for (let i = 1; i < workers; i++) if (free[i]! < free[w]!) w = i;
    free[w]! += e;
  }
  return Math.max(0, ...free);
}

const itemName = (it: WorkItem) => (it.unit ? `${it.claim.id}#${it.unit.label}` : it.claim.id);

export async function planCommand(patterns: string[], flags: { tier?: string; shards?: string; workers?: string; durations?: string; seed?: string; claims?: string[]; json?: boolean }): Promise<number> {
  const tier = parseTier(flags.tier);
  const shards = parsePositiveInt('--shards', flags.shards) ?? 1;
  const workers = parsePositiveInt('--workers', flags.workers) ?? 2;
  const globalSeed = parseSeed(flags.seed);
  const file = flags.durations ? path.resolve(flags.durations) : DEFAULT_DURATIONS;
  const durations = loadDurations(file, flags.durations !== undefined);
  const selected = await resolveSelection(patterns, tier, flags.claims ?? []);
  const items = workItems(selected, durations, { globalSeed, options: { backend: 'auto' } });
  const shardOf = assignShards(items, shards);
  const plans: ShardPlan[] = Array.from({ length: shards }, (_, s) => {
    const mine = items.filter((_, k) => shardOf[k] === s);
    const est = orderLongestFirst(mine.map((it) => ({ it, estimate: it.estimateMs }))).map((j) => j.estimate ?? 0);
    return {
      shard: `${s + 1}/${shards}`,
      items: mine.length,
      claims: new Set(mine.map((it) => it.claim.id)).size,
      cpuMinutes: est.reduce((a, b) => a + b, 0) / 60_000,
      wallMinutes: makespan(est, workers) / 60_000,
      unknown: mine.filter((it) => it.estimateMs === undefined).map(itemName),
    };
  });
  const longest = items.reduce<WorkItem | undefined>((b, it) => ((it.estimateMs ?? -1) > (b?.estimateMs ?? -1) ? it : b), undefined);
  const walls = plans.map((p) => p.wallMinutes);
  const summary = {
    tier, shards, workersPerShard: workers, claims: selected.length, items: items.length, durations: path.relative(process.cwd(), file) || file, note: durations.note,
    predictedWallMinutes: Math.max(...walls), balance: Math.min(...walls) > 0 ? Math.max(...walls) / Math.min(...walls) : null,
    longestItem: longest?.estimateMs !== undefined ? { name: itemName(longest), minutes: longest.estimateMs / 60_000 } : null,
    unknownItems: plans.reduce((s, p) => s + p.unknown.length, 0),
    plans,
  };
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 1)}\n`);
    return 0;
  }
  const f = (x: number) => x.toFixed(1).padStart(9);
  const lines = [
    `gan-claims plan · tier ${tier} · ${selected.length} claim(s), ${items.length} work item(s) · ${shards} shard(s) × ${workers} worker(s) · durations: ${summary.durations}${durations.note ? ` (${durations.note})` : ''}`,
    'shard      items  claims   cpu min  wall min  unrecorded',
    ...plans.map((p) => `${p.shard.padEnd(9)} ${String(p.items).padStart(6)} ${String(p.claims).padStart(7)} ${f(p.cpuMinutes)} ${f(p.wallMinutes)}  ${p.unknown.length}`),
    `predicted wall time: ${summary.predictedWallMinutes.toFixed(1)} min (slowest shard)` +
      `${summary.balance !== null ? ` · slowest/fastest ${summary.balance.toFixed(2)}` : ''}` +
      `${summary.longestItem ? ` · longest item ${summary.longestItem.name} ${summary.longestItem.minutes.toFixed(1)} min` : ''}`,
  ];
  if (summary.unknownItems > 0) lines.push(`${summary.unknownItems} item(s) have no recorded duration (counted as 0; placed round-robin): record them with --record-durations`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
