/**
 * The result of running one claim: a discriminated union on `status`, in the manner of
 * fast-check's RunDetails. `passed` says whether the status matched the claim's `expect`.
 */
import type { Evidence, Expect, Figure, Kind, Tier } from '../claims/claim.ts';

/** 'not-shown': a statistical or reproduction test that decided neither way (src/stats/verdict.ts). */
export type Status = 'holds' | 'refuted' | 'not-shown' | 'error' | 'skipped';

export interface ClaimResult {
  id: string;
  tier: Tier;
  kind: Kind;
  expect: Expect;
  status: Status;
  passed: boolean;
  /** The claim's own seed (derived from the global seed and the id). */
  seed: number;
  /** The global seed the claim seed was derived from (what `replay --seed` takes). */
  globalSeed: number;
  numRuns: number;
  /** fast-check replay path of the shrunk counterexample. */
  path?: string;
  /** JSON-safe counterexample (typed arrays as arrays, non-finite numbers as strings). */
  counterexample?: unknown;
  /** fast-check's rendering of the counterexample. */
  counterexampleText?: string;
  /** Violation or error message. */
  message?: string;
  evidence: Evidence;
  durationMs: number;
  figures?: Figure[];
  /** The one command that reproduces this result. */
  replay: string;
  /** For a claim run as units: each unit's label and duration (what `--record-durations` keeps). */
  units?: { label: string; durationMs: number }[];
}

export function statusPasses(status: Status, expect: Expect): boolean {
  return status === 'skipped' || status === expect;
}
