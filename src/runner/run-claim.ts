/**
 * Runs one claim. Property claims go through fast-check (seeded, shrinking, replayable by path);
 * experiment claims run once with a seeded Rng. Never throws for a claim's own failure: a violated
 * statement is `refuted`, an unexpected exception is `error`, both with what is known.
 */
import fc from 'fast-check';
import type { Claim, ClaimContext, Evidence, ExperimentClaim, ExperimentOutcome, PropertyClaim } from '../claims/claim.ts';
import { describeDecision } from '../stats/verdict.ts';
import { Rng } from '../random/rng.ts';
import { deriveSeed } from '../random/seed.ts';
import { jsonSafe } from './json-safe.ts';
import { statusPasses, type ClaimResult, type Status } from './result.ts';
import { replayCommand } from './replay-command.ts';
import { decodeUnitValue, encodeUnitValue, unitContext, unitLabel } from '../claims/units.ts';

/** Instances per property claim unless the claim or `--runs` says otherwise (the catalog's minimum). */
export const DEFAULT_RUNS = 100;
/** Default time shrinking may spend improving a counterexample (a claim may set shrinkBudgetMs). */
export const SHRINK_BUDGET_MS = 20_000;

export interface RunOptions {
  globalSeed: number;
  /** Overrides every property claim's number of instances. */
  runs?: number;
  /** fast-check path: replays exactly one (shrunk) instance. */
  path?: string;
  /** User implementations of named systems (`--impl name=file`), already loaded. */
  impls?: Readonly<Record<string, unknown>>;
  /** Free-form options claims may read (e.g. backend). */
  options?: Readonly<Record<string, string>>;
  /** The `--impl` specs and `--claims` files the run was started with (echoed in replay commands). */
  implSpecs?: readonly string[];
  claimFiles?: readonly string[];
  onProgress?: (id: string, message: string) => void;
  /**
   * For a claim with units: results of every unit computed elsewhere (workers, other shards), in
   * unit order. runClaim then only reduces. Without it, runClaim runs the units here, in order.
   */
  unitResults?: readonly UnitResult[];
}

/** One unit's result as it crosses threads and machines (value in the lossless unit encoding). */
export interface UnitResult {
  id: string;
  globalSeed: number;
  index: number;
  label: string;
  value: string;
  /** Systems the unit read through ctx.impl. */
  read: string[];
  durationMs: number;
  /** The unit threw: its error (a ClaimViolation refutes the claim, anything else is an error). */
  error?: { name: string; message: string };
}

function makeContext(claim: Claim, opts: RunOptions, read: Set<string>): ClaimContext {
  const seed = deriveSeed(opts.globalSeed, claim.id);
  return {
    seed,
    globalSeed: opts.globalSeed,
    rng: new Rng(seed),
    progress: (m) => opts.onProgress?.(claim.id, m),
    impl: <T>(system: string, builtin: T): T => {
      read.add(system);
      return (opts.impls?.[system] as T | undefined) ?? builtin;
    },
    options: opts.options ?? {},
  };
}

/** The units of an experiment claim (empty for a claim without units). */
export function listUnits(claim: Claim, opts: Pick<RunOptions, 'globalSeed' | 'options'>): unknown[] {
  if (claim.type !== 'experiment' || !claim.units) return [];
  return claim.units.list({ seed: deriveSeed(opts.globalSeed, claim.id), globalSeed: opts.globalSeed, options: opts.options ?? {} });
}

/** Runs unit `index` of a claim alone (in a worker, or in another CI job); a unit's own failure is its result. */
export async function runUnit(claim: Claim, opts: RunOptions, index: number): Promise<UnitResult> {
  if (claim.type !== 'experiment' || !claim.units) throw new TypeError(`${claim.id} has no units`);
  const read = new Set<string>();
  const ctx = makeContext(claim, opts, read);
  const units = listUnits(claim, opts);
  if (!(index >= 0 && index < units.length)) throw new RangeError(`${claim.id}: unit ${index} of ${units.length}`);
  const t0 = performance.now();
  const head = { id: claim.id, globalSeed: opts.globalSeed, index, label: unitLabel(claim.units, units[index], index) };
  try {
    const value = encodeUnitValue(await claim.units.run(units[index], unitContext(ctx, index)));
    return { ...head, value, read: [...read], durationMs: performance.now() - t0 };
  } catch (e) {
    const error = e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
    return { ...head, value: 'null', read: [...read], durationMs: performance.now() - t0, error };
  }
}

/** An Error carrying a unit's failure (name kept, so a ClaimViolation still refutes). */
function unitError(r: UnitResult): Error {
  const e = new Error(`unit ${r.label}: ${r.error!.message}`);
  e.name = r.error!.name;
  return e;
}

export async function runClaim(claim: Claim, opts: RunOptions): Promise<ClaimResult> {
  const read = new Set<string>();
  const ctx = makeContext(claim, opts, read);
  const seed = ctx.seed;
  const t0 = performance.now();
  const base = {
    id: claim.id, tier: claim.tier, kind: claim.kind, expect: claim.expect, seed, globalSeed: opts.globalSeed,
  };
  let unitTimes: { label: string; durationMs: number }[] | undefined;
  let partial: Partial;
  if (claim.type === 'property') partial = runProperty(claim, ctx, opts);
  else if (claim.units) {
    const got = await unitOutcomes(claim, opts, ctx);
    for (const r of got.results ?? []) r.read.forEach((s) => read.add(s));
    unitTimes = got.results?.map((r) => ({ label: r.label, durationMs: r.durationMs }));
    partial = await runExperiment(claim, ctx, got);
  } else partial = await runExperiment(claim, ctx);
  // A supplied implementation the claim declares but never read: its verdict is about the built-in.
  const unread = (claim.systems ?? []).filter((s) => opts.impls?.[s] !== undefined && !read.has(s));
  if (unread.length > 0 && partial.status !== 'skipped') {
    partial = { ...partial, status: 'error', message: `${claim.id} declares system(s) ${unread.join(', ')} but never read them through ctx.impl, so its verdict would be about the built-in, not the --impl given` };
  }
  // A claim reduced from units computed elsewhere costs what its units cost plus the reduction.
  const durationMs = performance.now() - t0 + (opts.unitResults ? opts.unitResults.reduce((s, u) => s + u.durationMs, 0) : 0);
  return {
    ...base,
    ...partial,
    passed: statusPasses(partial.status, claim.expect),
    durationMs,
    ...(unitTimes ? { units: unitTimes } : {}),
    evidence: jsonSafe(partial.evidence) as Evidence,
    replay: replayCommand(claim.id, opts.globalSeed, partial.path, opts),
  };
}

type Partial = Pick<ClaimResult, 'status' | 'numRuns' | 'evidence' | 'path' | 'counterexample' | 'counterexampleText' | 'message' | 'figures'>;

/** A thrown ClaimViolation, node's AssertionError, or a `false` return refutes; anything else is an error. */
function isViolation(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ClaimViolation' || e.name === 'AssertionError');
}

function runProperty(claim: PropertyClaim, ctx: ClaimContext, opts: RunOptions): Partial {
  const numRuns = opts.runs ?? claim.numRuns ?? DEFAULT_RUNS;
  const agg = new EvidenceAggregate();
  let failed = false;
  let calls = 0;
  // Whether the most recent failing call returned false (fast-check wraps that in its own Error).
  let falseReturned = false;
  // Instances the check declared undecided (generation phase only), with the first few reasons.
  let undecided = 0;
  const undecidedReasons: string[] = [];
  // Shrinking stops improving once its time budget is spent: the predicate then passes every
  // further candidate, so the report keeps the smallest counterexample found so far (it did fail,
  // and its path replays it). An expensive check near a boundary can otherwise shrink for minutes.
  const budget = claim.shrinkBudgetMs ?? SHRINK_BUDGET_MS;
  let failedAt = 0;
  let shrinkCut = false;
  const prop = fc.property(claim.arbitrary, (input: unknown) => {
    if (failed && performance.now() - failedAt > budget) {
      shrinkCut = true;
      return true;
    }
    calls++;
    try {
      const r = claim.check(input, ctx);
      if (r === false) {
        if (!failed) failedAt = performance.now();
        failed = true;
        falseReturned = true;
        return false;
      }
      // Aggregate only over the generation phase: shrinking explores inputs near the failure.
      if (!failed && r && typeof r === 'object') agg.add(r);
      return true;
    } catch (e) {
      if (e instanceof Error && e.name === 'Undecided') {
        if (!failed) {
          undecided++;
          if (undecidedReasons.length < 3) undecidedReasons.push(e.message);
        }
        // Discarded like a failed precondition, so shrinking never leaves the decidable domain.
        fc.pre(false);
      }
      if (!failed) failedAt = performance.now();
      failed = true;
      falseReturned = false;
      throw e;
    }
  });
  const details = fc.check(prop, { seed: ctx.seed, numRuns, path: opts.path, endOnFailure: false, ...(claim.examples?.length ? { examples: claim.examples.map((e) => [e] as [unknown]) } : {}) });
  const evidence: Evidence = {
    ...(claim.setup ?? {}), checked: claim.checks, instances: details.numRuns,
    ...(undecided > 0 ? { undecidedInstances: undecided, undecidedExamples: undecidedReasons } : {}),
    ...agg.summary(),
  };
  if (details.failed && details.counterexample === null && !details.interrupted && details.numSkips > 0) {
    // fast-check gave up: too many instances were undecided (or failed a precondition).
    return { status: 'error', numRuns: details.numRuns, evidence, message: `${details.numSkips} of ${details.numRuns + details.numSkips} generated instances were undecided or discarded (fast-check gave up); first: ${undecidedReasons[0] ?? 'a precondition'}` };
  }
  if (!details.failed) {
    const status: Status = details.numRuns === 0 ? 'skipped' : 'holds';
    return { status, numRuns: details.numRuns, evidence };
  }
  const err = details.errorInstance;
  const refuted = err === undefined || isViolation(err) || falseReturned;
  const status: Status = refuted ? 'refuted' : 'error';
  const message = falseReturned ? 'the check returned false' : err instanceof Error ? err.message : String(err);
  const violation = err instanceof Error && 'details' in err ? jsonSafe((err as { details: unknown }).details) : undefined;
  return {
    status,
    numRuns: details.numRuns,
    path: details.counterexamplePath ?? undefined,
    counterexample: jsonSafe(details.counterexample?.[0]),
    counterexampleText: details.counterexample ? fc.stringify(details.counterexample[0]) : undefined,
    message,
    evidence: { ...evidence, ...(violation ? { violation } : {}), shrinks: details.numShrinks, checksRun: calls, ...(shrinkCut ? { shrinkingCutAfterMs: budget } : {}) },
  };
}

/**
 * The units' results: those given (checked to be this claim's, complete and in order), else
 * computed here one after another. A unit that throws makes the claim's outcome that error.
 */
async function unitOutcomes(claim: ExperimentClaim, opts: RunOptions, ctx: ClaimContext): Promise<{ results?: UnitResult[]; error?: unknown }> {
  const n = listUnits(claim, opts).length;
  if (opts.unitResults) {
    const rs = opts.unitResults;
    const bad = rs.length !== n || rs.some((r, k) => r.index !== k || r.id !== claim.id || r.globalSeed !== opts.globalSeed);
    if (bad) return { error: new Error(`${claim.id}: expected the results of its ${n} units in order, got ${rs.length} (${rs.map((r) => `${r.id}#${r.index}`).slice(0, 5).join(', ')}…)`) };
    const failed = rs.find((r) => r.error);
    return failed ? { results: [...rs], error: unitError(failed) } : { results: [...rs] };
  }
  const results: UnitResult[] = [];
  for (let k = 0; k < n; k++) {
    ctx.progress(`unit ${k + 1}/${n}`);
    const r = await runUnit(claim, { ...opts, unitResults: undefined }, k);
    results.push(r);
    if (r.error) return { results, error: unitError(r) };
  }
  return { results };
}

async function runExperiment(claim: ExperimentClaim, ctx: ClaimContext, units?: { results?: UnitResult[]; error?: unknown }): Promise<Partial> {
  try {
    if (units?.error !== undefined) throw units.error;
    const out = units ? await claim.units!.reduce(units.results!.map((r) => decodeUnitValue(r.value)), ctx) : await claim.run!(ctx);
    const status = outcomeStatus(claim, out);
    const reason = typeof out.evidence['reason'] === 'string' ? (out.evidence['reason'] as string)
      : out.decision && status !== 'holds' ? describeDecision(out.decision) : undefined;
    return {
      status,
      numRuns: out.numRuns ?? 1,
      evidence: { checked: claim.checks, ...(out.decision ? { decision: out.decision } : {}), ...out.evidence },
      figures: out.figures,
      message: status === 'holds' ? undefined : reason,
    };
  } catch (e) {
    const refuted = isViolation(e);
    return {
      status: refuted ? 'refuted' : 'error',
      numRuns: 1,
      evidence: { checked: claim.checks, ...(e instanceof Error && 'details' in e ? { violation: (e as { details: unknown }).details } : {}) },
      message: e instanceof Error ? `${refuted ? '' : `${e.name}: `}${e.message}` : String(e),
    };
  }
}

/** An experiment's status: its three-outcome verdict, or `holds` for a deterministic reproduction. */
function outcomeStatus(claim: ExperimentClaim, out: ExperimentOutcome): Status {
  const v = out.verdict ?? out.decision?.verdict;
  if (v !== undefined) {
    if (v !== 'holds' && v !== 'refuted' && v !== 'not-shown') throw new TypeError(`${claim.id}: verdict must be 'holds', 'refuted' or 'not-shown', got ${String(v)}`);
    if (out.holds !== undefined && out.holds !== (v === 'holds')) throw new TypeError(`${claim.id}: holds (${out.holds}) contradicts verdict '${v}'`);
    return v;
  }
  if (typeof out.holds !== 'boolean') throw new TypeError(`${claim.id}: an experiment outcome needs a verdict or holds: boolean`);
  return out.holds ? 'holds' : 'refuted';
}

/** Min and max of every numeric evidence field over instances; the last value of other fields. */
class EvidenceAggregate {
  private min = new Map<string, number>();
  private max = new Map<string, number>();
  private other = new Map<string, unknown>();

  add(e: Evidence): void {
    for (const [k, v] of Object.entries(e)) {
      if (typeof v === 'number' && !Number.isNaN(v)) {
        this.min.set(k, Math.min(this.min.get(k) ?? Infinity, v));
        this.max.set(k, Math.max(this.max.get(k) ?? -Infinity, v));
      } else if (typeof v === 'boolean') {
        this.other.set(`${k}.trueCount`, ((this.other.get(`${k}.trueCount`) as number | undefined) ?? 0) + (v ? 1 : 0));
      } else {
        this.other.set(k, v);
      }
    }
  }

  summary(): Evidence {
    const out: Evidence = {};
    for (const [k, lo] of this.min) out[k] = lo === this.max.get(k) ? lo : { min: lo, max: this.max.get(k) };
    for (const [k, v] of this.other) out[k] = v;
    return out;
  }
}
