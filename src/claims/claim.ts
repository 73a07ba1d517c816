/**
 * A claim: a statement from a paper, data plus a check (test262 front matter / PyTorch OpInfo style).
 *
 * Two shapes share the same front matter:
 * - PropertyClaim: universally quantified over generated instances. `check` throws (or returns
 *   false) on a violation; fast-check searches, shrinks and reports the counterexample.
 * - ExperimentClaim: one seeded experiment (statistical test or reproduction of a figure/number)
 *   that returns a verdict with its evidence and figures.
 */
import type { Arbitrary } from 'fast-check';
import type { Rng } from '../random/rng.ts';
import type { Decision, Verdict } from '../stats/verdict.ts';
import type { Units } from './units.ts';

export type Tier = 'fast' | 'slow' | 'gpu';
export type Kind = 'property' | 'statistical' | 'reproduction';
/**
 * What a claim is registered to give. 'not-shown' is for a statistical or reproduction claim whose
 * test, at the scale it runs, decides neither way (its notes give the power and the deciding scale).
 */
export type Expect = 'holds' | 'refuted' | 'not-shown';

export interface Source {
  /** Paper file in ../shared/papers (e.g. '001_cb8436cba21c199a.txt'), or a citation for classical results. */
  paper: string;
  /** Where in the paper: section, equation, figure. */
  where: string;
}

/** A Vega-Lite spec (rendered to SVG by src/report). Kept loose to avoid a type dependency. */
export type VegaLiteSpec = Record<string, unknown>;

export interface Figure {
  /** File-safe name; written to figures/<claim id>.<name>.svg. */
  name: string;
  title: string;
  spec: VegaLiteSpec;
}

/** Evidence: flat, JSON-serialisable facts a check reports. */
export type Evidence = Record<string, unknown>;

export interface ClaimContext {
  /** This claim's seed (derived from the global seed and the claim id). */
  seed: number;
  /** Global seed of the run. */
  globalSeed: number;
  /** A generator seeded with `seed`, for experiment claims. */
  rng: Rng;
  /** Progress line for long experiments (shown live on a TTY, one line each otherwise). */
  progress(message: string): void;
  /**
   * A user-supplied implementation of a named system (`--impl name=./file.ts`), or the given
   * built-in default when none was supplied.
   */
  impl<T>(system: string, builtin: T): T;
  /** Options from the command line that claims may honour (e.g. backend for the TensorFlow.js tier). */
  options: Readonly<Record<string, string>>;
}

interface ClaimBase {
  /** Id from CLAIMS.md (or a sub-id of one: `<id>.<part>`, `<id>.corrected`, `<id>.reduced`). */
  id: string;
  source: Source;
  /** The paper's own words. */
  statement: string;
  /** What the check does, in one or two sentences (shown by `gan-claims show`). */
  checks: string;
  tier: Tier;
  kind: Kind;
  expect: Expect;
  /** For `.corrected` claims and refuted ones: the reading / derivation, in words. */
  notes?: string;
  /**
   * Systems this claim reads through `ctx.impl`, which users may replace with `--impl` (e.g.
   * ['dirac-gan']). A claim declaring one must read it: the runner reports an error otherwise, so
   * `--impl` never silently checks the built-in instead of the user's code.
   */
  systems?: string[];
  /** Systems this claim exercises with the built-in implementation only (documentation; not replaceable). */
  exercises?: string[];
}

export interface PropertyClaim<T = any> extends ClaimBase {
  type: 'property';
  arbitrary: Arbitrary<T>;
  /**
   * Checks one generated instance. Throw (preferably a ClaimViolation) or return false on a
   * violation. May return numeric evidence for this instance: the runner keeps min and max of
   * each numeric field across instances (e.g. the worst relative error seen).
   */
  check(input: T, ctx: ClaimContext): Evidence | boolean | void;
  /** Number of generated instances in the fast tier (default 100; `--runs` overrides). */
  numRuns?: number;
  /**
   * Instances checked before the generated ones on every run (fast-check's `examples`): the kept
   * counterexamples of a refuted claim (fixtures/counterexamples/), so its verdict does not hinge on
   * the generator finding a small failure region again under each seed. They are checked, not
   * asserted: a correct fix of the statement makes them pass.
   */
  examples?: T[];
  /** Time shrinking may spend improving a counterexample (default 20 s; see run-claim.ts). */
  shrinkBudgetMs?: number;
  /** Evidence about the whole claim computed once (setup stated, constants used). */
  setup?: Evidence;
}

export interface ExperimentOutcome {
  /**
   * Three-outcome verdict (statistical and reproduction claims): see src/stats/verdict.ts. When
   * absent, `holds` decides between 'holds' and 'refuted' (a deterministic reproduction).
   */
  verdict?: Verdict;
  /** The test behind `verdict` (p-values, effect, power); reported in evidence.decision. */
  decision?: Decision;
  holds?: boolean;
  evidence: Evidence;
  figures?: Figure[];
  /** Instances/trials the experiment ran, reported as numRuns. */
  numRuns?: number;
}

export interface ExperimentClaim extends ClaimBase {
  type: 'experiment';
  /**
   * The whole experiment in one call. A claim that declares `units` instead leaves it out: the
   * runner runs the units (here, in workers or on other machines) and calls their reducer.
   */
  run?(ctx: ClaimContext): ExperimentOutcome | Promise<ExperimentOutcome>;
  /** Independent units of work and their reducer (src/claims/units.ts). */
  units?: Units;
}

export type Claim = PropertyClaim | ExperimentClaim;

/** Typed constructors: keep claim files short and give inference for the arbitrary's type. */
export function property<T>(c: Omit<PropertyClaim<T>, 'type'>): PropertyClaim<T> {
  return { ...c, type: 'property' };
}

export function experiment(c: Omit<ExperimentClaim, 'type'>): ExperimentClaim {
  if ((c.run === undefined) === (c.units === undefined)) throw new TypeError(`${c.id}: an experiment declares exactly one of run and units`);
  return { ...c, type: 'experiment' };
}

/** Thrown by checks: a violated statement with the numbers that violate it. */
export class ClaimViolation extends Error {
  constructor(message: string, readonly details: Evidence = {}) {
    super(message);
    this.name = 'ClaimViolation';
  }
}

/**
 * Thrown by a property check for an instance on which the statement cannot be decided in float64:
 * within the stated tolerance of a stability boundary (ρ vs 1, an eigenvalue's sign) or outside the
 * domain where its quantities are representable. The runner discards the instance (as fc.pre does,
 * so shrinking stays inside the decidable domain) and reports how many there were; it is counted
 * neither as holding nor as failing.
 */
export class Undecided extends Error {
  constructor(message: string, readonly details: Evidence = {}) {
    super(message);
    this.name = 'Undecided';
  }
}
