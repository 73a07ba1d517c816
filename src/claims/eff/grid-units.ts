/**
 * Algorithm 1 grids as units (src/claims/units.ts): one cell — one seeded run of Algorithm 1,
 * summarised over the kept iterations — per unit, so a slow-tier sweep spreads over worker threads
 * and CI shards instead of one claim's internal pool. A cell's result depends only on its config
 * (its seed included), so the reducer sees exactly what runGrid would have returned.
 */
import type { ClaimContext, ExperimentOutcome } from '../claim.ts';
import type { Units } from '../units.ts';
import { Rng } from '../../random/rng.ts';
import { runAlg1, summarise, type Alg1Config, type Alg1Summary } from '../../systems/particle-gan/index.ts';

export interface GridCell {
  cfg: Alg1Config;
  keep: number[];
  /** Stable name of the cell (durations are recorded under it). */
  label: string;
}

/**
 * `plan(rng)` lists the cells from a generator seeded with the claim's seed, exactly as the claim's
 * `run` drew them from `ctx.rng`; `reduce` gets the cells' summaries in plan order and a context
 * whose `rng` is fresh, so it can re-draw the plan and continue from the same state.
 */
export function gridUnits(plan: (rng: Rng) => GridCell[], reduce: (res: Alg1Summary[], ctx: ClaimContext) => ExperimentOutcome | Promise<ExperimentOutcome>): Units<GridCell, Alg1Summary> {
  return {
    list: ({ seed }) => plan(new Rng(seed)),
    label: (c) => c.label,
    run: (c) => summarise(runAlg1(c.cfg), c.keep),
    reduce,
  };
}
