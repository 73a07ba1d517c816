/**
 * One claim run as a gate: its result, whether it gave the verdict it is registered to give, and
 * the failure text a test runner should print (counterexample, evidence, replay command). Kept
 * free of any test-runner import so it is usable from vitest, node:test, jest or a script.
 */
import type { Claim } from '../claims/claim.ts';
import { runClaim } from '../runner/run-claim.ts';
import type { ClaimResult } from '../runner/result.ts';

export interface GateRun {
  globalSeed: number;
  runs?: number;
  /** Loaded implementations by system name. */
  impls: Readonly<Record<string, unknown>>;
  /** `system=file` for each implementation given as a file (echoed in the replay command). */
  implSpecs: readonly string[];
  options?: Readonly<Record<string, string>>;
}

export interface GateVerdict {
  ok: boolean;
  result: ClaimResult;
  /** Empty when ok; otherwise what a failing test should say. */
  message: string;
}

export async function checkClaim(claim: Claim, run: GateRun): Promise<GateVerdict> {
  const result = await runClaim(claim, { globalSeed: run.globalSeed, runs: run.runs, impls: run.impls, implSpecs: run.implSpecs, options: run.options });
  const ok = result.status === claim.expect;
  if (ok) return { ok, result, message: '' };
  const lines = [`${claim.id}: expected ${claim.expect}, got ${result.status}`, `  statement: ${claim.statement}`];
  if (result.message) lines.push(`  ${result.message}`);
  if (result.counterexampleText) lines.push(`  counterexample: ${result.counterexampleText}`);
  lines.push(`  replay: ${result.replay}`);
  return { ok, result, message: lines.join('\n') };
}
