/**
 * Direction tests as three-outcome decisions (verdict.ts): each runs the named one-sided test in
 * the paper's direction and in the opposite one at the same α, and reports the power the design
 * had against a stated reference effect (Monte Carlo under a normal location-shift model with a
 * fixed internal seed, so the number is the same on every machine).
 *
 * `regime: 'reduced'` marks a run outside the paper's regime (a `.reduced` fast-tier version): a
 * significant opposite direction there is reported, but as not-shown, since a reproduction is
 * refuted only where the paper ran it.
 */
import { Rng } from '../random/rng.ts';
import { mannWhitneyU } from './mann-whitney.ts';
import { spearman } from './correlation.ts';
import { wilcoxonSignedRank } from './wilcoxon.ts';
import { decideDirection, type Decision } from './verdict.ts';

export interface DirectionOptions {
  alpha: number;
  regime?: 'paper' | 'reduced';
  /** Reference effect for the power: a shift of this many standard deviations (default 1). */
  referenceShiftSd?: number;
  /** For not-shown: what would decide it (e.g. '16 seeds, 20 000 steps'). */
  decidingScale?: string;
}

/** Simulations behind each power figure (its Monte Carlo error is ≤ 0.016). */
export const POWER_SIMULATIONS = 1000;
const POWER_SEED = 0x5eed_f00d;

function finish(what: string, test: string, pPaper: number, pOpposite: number, effect: number, effectName: string, power: number, powerAgainst: string, o: DirectionOptions): Decision {
  const d = decideDirection({ what, test, alpha: o.alpha, pPaper, pOpposite, effect, effectName, power, powerAgainst, ...(o.decidingScale ? { decidingScale: o.decidingScale } : {}) });
  if (o.regime === 'reduced' && d.verdict === 'refuted') {
    return { ...d, verdict: 'not-shown', what: `${what} [opposite direction significant at this reduced scale, outside the paper's regime: not evidence against the paper]`, ...(o.decidingScale ? { decidingScale: o.decidingScale } : {}) };
  }
  return d;
}

const powerCache = new Map<string, number>();
function simulatedPower(key: string, sim: (rng: Rng) => boolean): number {
  const hit = powerCache.get(key);
  if (hit !== undefined) return hit;
  const rng = new Rng(POWER_SEED);
  let k = 0;
  for (let i = 0; i < POWER_SIMULATIONS; i++) if (sim(rng)) k++;
  const p = k / POWER_SIMULATIONS;
  powerCache.set(key, p);
  return p;
}

/** Paired: `diffs` are paper-direction differences (positive = as the paper says). Wilcoxon signed-rank. */
export function pairedDirection(what: string, diffs: readonly number[], o: DirectionOptions): Decision {
  const up = wilcoxonSignedRank(diffs, 'greater');
  const down = wilcoxonSignedRank(diffs, 'less');
  const n = diffs.length, shift = o.referenceShiftSd ?? 1;
  const power = simulatedPower(`w:${n}:${shift}:${o.alpha}`, (rng) => {
    const d = Array.from({ length: n }, () => shift + rng.normal());
    return wilcoxonSignedRank(d, 'greater').pValue < o.alpha;
  });
  return finish(what, `one-sided paired Wilcoxon signed-rank (${up.method}), n = ${n} pairs`, up.pValue, down.pValue, up.effect, 'rank-biserial correlation', power, `a shift of ${shift} sd of the differences`, o);
}

/** Two samples: the paper says `a` tends to be larger than `b`. Mann–Whitney U. */
export function twoSampleDirection(what: string, a: readonly number[], b: readonly number[], o: DirectionOptions): Decision {
  const up = mannWhitneyU(a, b, 'greater');
  const down = mannWhitneyU(a, b, 'less');
  const shift = o.referenceShiftSd ?? 1;
  const power = simulatedPower(`mw:${a.length}:${b.length}:${shift}:${o.alpha}`, (rng) => {
    const x = Array.from({ length: a.length }, () => shift + rng.normal());
    const y = Array.from({ length: b.length }, () => rng.normal());
    return mannWhitneyU(x, y, 'greater').pValue < o.alpha;
  });
  return finish(what, `one-sided Mann–Whitney U, n = ${a.length} vs ${b.length}`, up.pValue, down.pValue, 2 * up.effect - 1, 'rank-biserial correlation', power, `a shift of ${shift} sd`, o);
}

/** Rank correlation: the paper says y increases (sign +1) or decreases (−1) with x. Spearman, t approximation. */
export function trendDirection(what: string, x: readonly number[], y: readonly number[], sign: 1 | -1, o: DirectionOptions & { referenceRho?: number }): Decision {
  const s = spearman(x, y);
  const r = Number.isNaN(s.r) ? 0 : s.r;
  const p = Number.isNaN(s.pValue) ? 1 : s.pValue;
  const pDir = (dir: number) => (r * dir > 0 ? p / 2 : 1 - p / 2);
  const rho = o.referenceRho ?? 0.5;
  const n = x.length;
  const power = simulatedPower(`sp:${n}:${rho}:${o.alpha}`, (rng) => {
    const u = Array.from({ length: n }, () => rng.normal());
    const v = u.map((t) => rho * t + Math.sqrt(1 - rho * rho) * rng.normal());
    const t = spearman(u, v);
    return t.r > 0 && t.pValue / 2 < o.alpha;
  });
  return finish(what, `one-sided Spearman rank correlation, n = ${n}`, pDir(sign), pDir(-sign), r * sign, 'Spearman ρ (paper direction positive)', power, `a Pearson correlation of ${rho}`, { ...o });
}
