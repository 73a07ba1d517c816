/** A run of Algorithm 1 reduced to what grids and figures need (structured-clone friendly). */
import type { Alg1Result } from './alg1.ts';

export interface Alg1Summary {
  diverged: boolean;
  divergedAt?: number;
  /** Mean mode-collapse metric / log-likelihood over the records whose iteration is in `keep` (all records when keep is empty). */
  collapse: number;
  logLik: number;
  records: Alg1Result['records'];
  snapshots: Alg1Result['snapshots'];
}

export function summarise(r: Alg1Result, keep: number[] = []): Alg1Summary {
  const set = new Set(keep);
  const sel = keep.length ? r.records.filter((x) => set.has(x.iter)) : r.records.slice(-1);
  const use = sel.length ? sel : r.records.slice(-1);
  const mean = (f: (x: Alg1Result['records'][number]) => number) => use.reduce((s, x) => s + f(x), 0) / use.length;
  return {
    diverged: r.diverged,
    divergedAt: r.divergedAt,
    // A diverged run counts as fully collapsed (log 8): it covers no mode.
    collapse: r.diverged ? Math.log(8) : mean((x) => x.collapse),
    logLik: r.diverged ? -Infinity : mean((x) => x.logLik),
    records: r.records,
    snapshots: r.snapshots,
  };
}
