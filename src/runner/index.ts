export { runClaim, DEFAULT_RUNS, type RunOptions } from './run-claim.ts';
export { runMany, type RunManyOptions } from './run-many.ts';
export type { ClaimResult, Status } from './result.ts';
export { statusPasses } from './result.ts';
export { replayCommand } from './replay-command.ts';
export { parseShard, applyShard, type Shard } from './shard.ts';
export { UsageError } from './usage-error.ts';
export { allClaims, loadClaimFiles, loadImpls, knownSystems, parseImplSpec } from './load.ts';
export type { ClaimTask } from './task.ts';
