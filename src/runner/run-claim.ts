/**
 * Runs one claim. Property claims go through fast-check (seeded, shrinking, replayable by path);
 * experiment claims run once with a seeded Rng. Never throws for a claim's own failure: a violated
 * statement is `refuted`, an unexpected exception is `error`, both with what is known.
 */
import fc from 'fast-check';
import type { Claim, ClaimContext, Evidence, ExperimentClaim, PropertyClaim } from '../claims/claim.ts';
import { Rng } from '../random/rng.ts';
import { deriveSeed } from '../random/seed.ts';
import { jsonSafe } from './json-safe.ts';
import { statusPasses, type ClaimResult, type Status } from './result.ts';
import { replayCommand } from './replay-command.ts';

/** Instances per property claim unless the claim or `--runs` says otherwise (the catalog's minimum). */
export const DEFAULT_RUNS = 100;

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
}

export async function runClaim(claim: Claim, opts: RunOptions): Promise<ClaimResult> {
  const seed = deriveSeed(opts.globalSeed, claim.id);
  const read = new Set<string>();
  const ctx: ClaimContext = {
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
  const t0 = performance.now();
  const base = {
    id: claim.id, tier: claim.tier, kind: claim.kind, expect: claim.expect, seed, globalSeed: opts.globalSeed,
  };
  let partial = claim.type === 'property' ? runProperty(claim, ctx, opts) : await runExperiment(claim, ctx);
  // A supplied implementation the claim declares but never read: its verdict is about the built-in.
  const unread = (claim.systems ?? []).filter((s) => opts.impls?.[s] !== undefined && !read.has(s));
  if (unread.length > 0 && partial.status !== 'skipped') {
    partial = { ...partial, status: 'error', message: `${claim.id} declares system(s) ${unread.join(', ')} but never read them through ctx.impl, so its verdict would be about the built-in, not the --impl given` };
  }
  const durationMs = performance.now() - t0;
  return {
    ...base,
    ...partial,
    passed: statusPasses(partial.status, claim.expect),
    durationMs,
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
  const prop = fc.property(claim.arbitrary, (input: unknown) => {
    calls++;
    try {
      const r = claim.check(input, ctx);
      if (r === false) {
        failed = true;
        falseReturned = true;
        return false;
      }
      // Aggregate only over the generation phase: shrinking explores inputs near the failure.
      if (!failed && r && typeof r === 'object') agg.add(r);
      return true;
    } catch (e) {
      failed = true;
      falseReturned = false;
      throw e;
    }
  });
  const details = fc.check(prop, { seed: ctx.seed, numRuns, path: opts.path, endOnFailure: false });
  const evidence: Evidence = { ...(claim.setup ?? {}), checked: claim.checks, instances: details.numRuns, ...agg.summary() };
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
    evidence: { ...evidence, ...(violation ? { violation } : {}), shrinks: details.numShrinks, checksRun: calls },
  };
}

async function runExperiment(claim: ExperimentClaim, ctx: ClaimContext): Promise<Partial> {
  try {
    const out = await claim.run(ctx);
    return {
      status: out.holds ? 'holds' : 'refuted',
      numRuns: out.numRuns ?? 1,
      evidence: { checked: claim.checks, ...out.evidence },
      figures: out.figures,
      message: out.holds ? undefined : typeof out.evidence['reason'] === 'string' ? (out.evidence['reason'] as string) : undefined,
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
