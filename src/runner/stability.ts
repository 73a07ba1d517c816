/**
 * Verdict stability: the same claims under several global seeds. A verdict worth gating on is about
 * the claim, not the seed, so every seed should give the claim's `expect`; this summarises, per
 * claim, how many did, the first seed that did not (with its replay command), and for statistical
 * claims the spread of p-values and effect sizes over seeds.
 */
import type { Expect, Kind, Tier } from '../claims/claim.ts';
import type { Decision } from '../stats/verdict.ts';
import { deriveSeed } from '../random/seed.ts';
import type { ClaimResult, Status } from './result.ts';
import { UsageError } from './usage-error.ts';

export const STABILITY_SCHEMA = 'gan-claims/stability';
export const STABILITY_VERSION = 1;
/** Most seeds one stability run accepts (each seed re-runs every selected claim). */
export const MAX_SEEDS = 10_000;

/**
 * `--seeds N`: N global seeds derived from the run's global seed (deriveSeed(g, 'seeds:k'), k = 1…N),
 * none equal to it; `--seeds a..b` or `--seeds a,b,c`: exactly those seeds.
 */
export function parseSeeds(spec: string, globalSeed: number): number[] {
  const bad = (why: string) => new UsageError(`--seeds: ${why}, got '${spec}' (expected a count N, a range a..b or a list a,b,c)`);
  const int = (s: string) => {
    if (!/^\d+$/.test(s) || !Number.isSafeInteger(Number(s))) throw bad(`'${s}' is not a non-negative integer`);
    return Number(s);
  };
  let seeds: number[];
  if (spec.includes('..')) {
    const [a, b, ...rest] = spec.split('..');
    if (rest.length || a === undefined || b === undefined) throw bad('a range has one ..');
    const lo = int(a), hi = int(b);
    if (hi < lo) throw bad('the range is empty');
    if (hi - lo + 1 > MAX_SEEDS) throw bad(`more than ${MAX_SEEDS} seeds`);
    seeds = Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
  } else if (spec.includes(',')) {
    seeds = spec.split(',').map(int);
  } else {
    const n = int(spec);
    if (n < 1 || n > MAX_SEEDS) throw bad(`the count must be in [1, ${MAX_SEEDS}]`);
    seeds = [];
    // Derived seeds, skipping the run's own seed and repeats (a 31-bit hash may collide).
    for (let k = 1; seeds.length < n; k++) {
      const s = deriveSeed(globalSeed, `seeds:${k}`);
      if (s !== globalSeed && !seeds.includes(s)) seeds.push(s);
    }
  }
  if (new Set(seeds).size !== seeds.length) throw bad('a seed is repeated');
  if (seeds.length > MAX_SEEDS) throw bad(`more than ${MAX_SEEDS} seeds`);
  return seeds;
}

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export interface ClaimStability {
  id: string;
  tier: Tier;
  kind: Kind;
  expect: Expect;
  seeds: number;
  /** Seeds whose status matched `expect`. */
  agreed: number;
  statuses: Partial<Record<Status, number>>;
  /** The first seed (in the run's seed order) that disagreed with `expect`. */
  firstDisagreement?: { globalSeed: number; status: Status; message?: string; replay: string };
  /** Over seeds, for experiments that report a decision (src/stats/verdict.ts). */
  pPaper?: Spread;
  pOpposite?: Spread;
  effect?: Spread & { name: string };
  power?: Spread;
  /** Property claims: instances declared undecided (near a boundary), summed over seeds. */
  undecidedInstances?: number;
  durationMs: Spread;
}

export interface StabilityReport {
  schema: typeof STABILITY_SCHEMA;
  version: typeof STABILITY_VERSION;
  /** The seed the list was derived from. */
  globalSeed: number;
  seeds: number[];
  startedAt: string;
  durationMs: number;
  settings: { patterns: string[]; tier: string; runs?: number; seedsSpec: string; workers: number };
  summary: { claims: number; stable: number; unstable: number; runs: number; disagreements: number };
  claims: ClaimStability[];
}

export function spread(xs: readonly number[]): Spread | undefined {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const m = v.length >> 1;
  return { min: v[0]!, median: v.length % 2 ? v[m]! : 0.5 * (v[m - 1]! + v[m]!), max: v[v.length - 1]! };
}

function decisionOf(r: ClaimResult): Decision | undefined {
  const d = r.evidence['decision'];
  return d && typeof d === 'object' && 'pPaper' in d ? (d as Decision) : undefined;
}

/** One claim's results over seeds (in the run's seed order). */
export function claimStability(results: readonly ClaimResult[]): ClaimStability {
  if (results.length === 0) throw new RangeError('claimStability: no results');
  const r0 = results[0]!;
  const statuses: Partial<Record<Status, number>> = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const bad = results.find((r) => !r.passed);
  const decisions = results.map(decisionOf).filter((d): d is Decision => d !== undefined);
  const undecided = results.reduce((s, r) => s + (typeof r.evidence['undecidedInstances'] === 'number' ? (r.evidence['undecidedInstances'] as number) : 0), 0);
  const out: ClaimStability = {
    id: r0.id, tier: r0.tier, kind: r0.kind, expect: r0.expect,
    seeds: results.length,
    agreed: results.filter((r) => r.passed).length,
    statuses,
    durationMs: spread(results.map((r) => r.durationMs))!,
  };
  if (bad) out.firstDisagreement = { globalSeed: bad.globalSeed, status: bad.status, ...(bad.message ? { message: bad.message } : {}), replay: bad.replay };
  if (decisions.length > 0) {
    const p = spread(decisions.map((d) => d.pPaper));
    const q = spread(decisions.map((d) => d.pOpposite));
    const e = spread(decisions.map((d) => d.effect));
    const w = spread(decisions.map((d) => d.power ?? NaN));
    if (p) out.pPaper = p;
    if (q) out.pOpposite = q;
    if (e) out.effect = { ...e, name: decisions[0]!.effectName };
    if (w) out.power = w;
  }
  if (undecided > 0) out.undecidedInstances = undecided;
  return out;
}

export function buildStability(
  byClaim: readonly (readonly ClaimResult[])[], globalSeed: number, seeds: number[], startedAt: Date,
  settings: StabilityReport['settings'],
): StabilityReport {
  const claims = byClaim.map(claimStability);
  const stable = claims.filter((c) => c.agreed === c.seeds).length;
  return {
    schema: STABILITY_SCHEMA, version: STABILITY_VERSION, globalSeed, seeds,
    startedAt: startedAt.toISOString(), durationMs: Date.now() - startedAt.getTime(), settings,
    summary: {
      claims: claims.length, stable, unstable: claims.length - stable,
      runs: claims.reduce((s, c) => s + c.seeds, 0),
      disagreements: claims.reduce((s, c) => s + c.seeds - c.agreed, 0),
    },
    claims,
  };
}
