/**
 * Runs one ClaimTask: resolves the claim (built-in or from user files) and the user
 * implementations, then runClaim. Used in worker threads and in-process alike; module loads are
 * cached per thread.
 */
import type { Claim } from '../claims/claim.ts';
import { allClaims, knownSystems, loadImpls, parseImplSpec } from './load.ts';
import { runClaim } from './run-claim.ts';
import type { ClaimResult } from './result.ts';
import type { ClaimTask } from './task.ts';

const claimCache = new Map<string, Promise<Claim[]>>();
const implCache = new Map<string, Promise<Record<string, unknown>>>();

export async function executeTask(task: ClaimTask, onProgress?: (id: string, msg: string) => void): Promise<ClaimResult> {
  if (process.cwd() !== task.cwd) process.chdir(task.cwd);
  const key = task.claimFiles.join('\0');
  if (!claimCache.has(key)) claimCache.set(key, allClaims(task.claimFiles));
  const claims = await claimCache.get(key)!;
  const claim = claims.find((c) => c.id === task.id);
  if (!claim) throw new Error(`worker: claim ${task.id} not found`);
  const ikey = task.implSpecs.join('\0');
  if (!implCache.has(ikey)) implCache.set(ikey, loadImpls(task.implSpecs.map((s) => parseImplSpec(s, knownSystems(claims)))));
  const impls = await implCache.get(ikey)!;
  return runClaim(claim, {
    globalSeed: task.globalSeed, runs: task.runs, path: task.path, impls, options: task.options,
    implSpecs: task.implSpecs, claimFiles: task.claimFiles, onProgress,
  });
}
