/**
 * Runs one ClaimTask, one unit of it, or the reduction of its units: resolves the claim (built-in
 * or from user files) and the user implementations, then runs. Used in worker threads and
 * in-process alike; module loads are cached per thread.
 */
import type { Claim } from '../claims/claim.ts';
import { allClaims, knownSystems, loadImpls, parseImplSpec } from './load.ts';
import { runClaim, runUnit, type RunOptions, type UnitResult } from './run-claim.ts';
import type { ClaimResult } from './result.ts';
import type { ClaimTask } from './task.ts';

const claimCache = new Map<string, Promise<Claim[]>>();
const implCache = new Map<string, Promise<Record<string, unknown>>>();

export async function resolveTaskClaim(task: ClaimTask): Promise<{ claim: Claim; claims: Claim[] }> {
  if (process.cwd() !== task.cwd) process.chdir(task.cwd);
  const key = task.claimFiles.join('\0');
  if (!claimCache.has(key)) claimCache.set(key, allClaims(task.claimFiles));
  const claims = await claimCache.get(key)!;
  const claim = claims.find((c) => c.id === task.id);
  if (!claim) throw new Error(`worker: claim ${task.id} not found`);
  return { claim, claims };
}

async function runOptions(task: ClaimTask, onProgress?: (id: string, msg: string) => void): Promise<{ claim: Claim; opts: RunOptions }> {
  const { claim, claims } = await resolveTaskClaim(task);
  const ikey = task.implSpecs.join('\0');
  if (!implCache.has(ikey)) implCache.set(ikey, loadImpls(task.implSpecs.map((s) => parseImplSpec(s, knownSystems(claims)))));
  const impls = await implCache.get(ikey)!;
  return {
    claim,
    opts: {
      globalSeed: task.globalSeed, runs: task.runs, path: task.path, impls, options: task.options,
      implSpecs: task.implSpecs, claimFiles: task.claimFiles, onProgress,
    },
  };
}

export async function executeTask(task: ClaimTask, onProgress?: (id: string, msg: string) => void): Promise<ClaimResult> {
  const { claim, opts } = await runOptions(task, onProgress);
  return runClaim(claim, opts);
}

export async function executeUnit(task: ClaimTask, index: number, onProgress?: (id: string, msg: string) => void): Promise<UnitResult> {
  const { claim, opts } = await runOptions(task, onProgress);
  return runUnit(claim, opts, index);
}

/** The claim's result from all its units' results (computed here, in workers or in other shards). */
export async function reduceTask(task: ClaimTask, unitResults: readonly UnitResult[]): Promise<ClaimResult> {
  const { claim, opts } = await runOptions(task);
  return runClaim(claim, { ...opts, unitResults });
}
