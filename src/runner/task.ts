/** What the main thread sends a worker for one claim: plain, structured-cloneable data. */
export interface ClaimTask {
  id: string;
  globalSeed: number;
  runs?: number;
  path?: string;
  claimFiles: string[];
  implSpecs: string[];
  options: Record<string, string>;
  /** Working directory of the CLI (user paths are relative to it). */
  cwd: string;
  /**
   * For a claim with units: the units this run computes (a shard's share). Absent: all of them,
   * and the claim is reduced to its result here.
   */
  units?: number[];
}
