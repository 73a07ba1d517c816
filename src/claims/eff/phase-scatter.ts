/**
 * Phase boundaries from a random scatter of cells, as Figs. 14–15 of 001 are drawn ("a scatter plot
 * depicts the transition"): cells (g₂/g₁, n_disc) drawn at random in a box — g₂/g₁ log-uniform or
 * uniform, n_disc log-uniform integers — each run once and labelled collapsed when its metric is at
 * least ½ log 8 (Fig. 5's contour). The boundary is the 50 % line of a logistic regression
 *   logit P(collapsed) = b₀ + b₁·u + b₂·ln n_disc,   u = ln(g₂/g₁) (power law) or g₂/g₁ (exponential),
 * so along it ln n_disc = −(b₀ + b₁u)/b₂ and the boundary slope is d ln n_disc/du = −b₁/b₂ (for the
 * power law the log base cancels; for the exponential d log₁₀ n_disc / d(g₂/g₁) = −b₁/(b₂ ln 10)).
 * Unlike a grid, a scatter does not need the boundary to cross grid lines, and every cell informs the
 * fit. Its uncertainty is a percentile bootstrap over cells (refitting each resample).
 */
import type { ClaimContext, Figure } from '../claim.ts';
import { runGrid, type Alg1Config, type Alg1Summary } from '../../systems/particle-gan/index.ts';
import type { Rng } from '../../random/rng.ts';
import type { GridCell } from './grid-units.ts';
import { logisticFit, quantile } from '../../stats/index.ts';
import { baseConfig } from './particle-setup.ts';
import { HALF_LOG8 } from './phase-diagram.ts';

export interface ScatterSpec {
  disc: Alg1Config['disc'];
  /** How g₂/g₁ is drawn and enters the fit: 'log' (power-law boundary) or 'linear' (exponential). */
  axis: 'log' | 'linear';
  phiRange: [number, number];
  nDiscRange: [number, number];
  cells: number;
  N: number;
  iters: number;
  /** Metric averaged over records at iters − 20n, n < avg (the paper: T ± n·20). */
  avg: number;
  alphaD: number;
  fourierLambda?: number;
}

export interface ScatterCell { phi: number; nDisc: number; collapse: number; collapsed: boolean; diverged: boolean }

export interface ScatterResult {
  cells: ScatterCell[];
  collapsedCount: number;
  /** Undefined when one class is (nearly) absent: no boundary inside the box. */
  fit?: {
    coef: number[];
    stdErr: number[];
    /** d ln n_disc / du along the boundary. */
    slope: number;
    /** 95 % percentile bootstrap interval of the slope. */
    ci: [number, number];
    /** Share of cells on the wrong side of the fitted boundary. */
    misclassified: number;
    bootstrap: number;
  };
}

/** Fewest cells of each class for a boundary fit to mean anything. */
export const MIN_PER_CLASS = 5;
/** Bootstrap resamples of the slope for its percentile interval. */
export const SCATTER_BOOTSTRAP = 400;

/** A scatter's random cells, drawn from `rng` (which the analysis then continues from). */
export interface ScatterPlan {
  draws: { phi: number; nDisc: number; seed: number }[];
  cells: GridCell[];
}

export function scatterPlan(spec: ScatterSpec, rng: Rng, prefix = ''): ScatterPlan {
  const [pLo, pHi] = spec.phiRange;
  const [nLo, nHi] = spec.nDiscRange;
  const draws = Array.from({ length: spec.cells }, () => ({
    phi: spec.axis === 'log' ? Math.exp(Math.log(pLo) + rng.uniform() * (Math.log(pHi) - Math.log(pLo))) : pLo + rng.uniform() * (pHi - pLo),
    nDisc: Math.round(Math.exp(Math.log(nLo) + rng.uniform() * (Math.log(nHi) - Math.log(nLo)))),
    seed: rng.nextU32(),
  }));
  const keep = Array.from({ length: spec.avg }, (_, n) => spec.iters - 20 * n);
  const cells = draws.map((c, i) => ({
    cfg: baseConfig({
      seed: c.seed, disc: spec.disc, N: spec.N, iters: spec.iters, recordEvery: 20, phi: c.phi, nDisc: c.nDisc, alphaD: spec.alphaD,
      ...(spec.fourierLambda !== undefined ? { fourierLambda: spec.fourierLambda } : {}),
    }),
    keep,
    label: `${prefix}c${i}-n${c.nDisc}`,
  }));
  return { draws, cells };
}

/** The analysis of a scatter's summaries (in plan order), continuing `rng` from after the plan. */
export function scatterFinish(spec: ScatterSpec, plan: ScatterPlan, res: readonly Alg1Summary[], rng: Rng): ScatterResult {
  const cells: ScatterCell[] = plan.draws.map((d, i) => ({ phi: d.phi, nDisc: d.nDisc, collapse: res[i]!.collapse, collapsed: res[i]!.collapse >= HALF_LOG8, diverged: res[i]!.diverged }));
  return analyseScatter(spec.axis, cells, rng);
}

export async function runScatter(spec: ScatterSpec, ctx: ClaimContext): Promise<ScatterResult> {
  const rng = ctx.rng.fork();
  const plan = scatterPlan(spec, rng);
  const cfgs = plan.cells.map((c) => c.cfg);
  // most expensive (largest n_disc) first, so the worker pool does not end on one long cell
  const order = cfgs.map((_, i) => i).sort((a, b) => cfgs[b]!.nDisc - cfgs[a]!.nDisc);
  const out = await runGrid(order.map((i) => cfgs[i]!), { keep: plan.cells[0]!.keep, onDone: (d, t) => { if (d % 8 === 0 || d === t) ctx.progress(`${d}/${t} cells`); } });
  const res: Alg1Summary[] = new Array(cfgs.length);
  order.forEach((i, k) => { res[i] = out[k]!; });
  return scatterFinish(spec, plan, res, rng);
}

export function analyseScatter(axis: ScatterSpec['axis'], cells: ScatterCell[], rng: import('../../random/rng.ts').Rng, resamples = SCATTER_BOOTSTRAP): ScatterResult {
  const collapsedCount = cells.filter((c) => c.collapsed).length;
  if (collapsedCount < MIN_PER_CLASS || cells.length - collapsedCount < MIN_PER_CLASS) return { cells, collapsedCount };
  const feat = (c: ScatterCell) => [axis === 'log' ? Math.log(c.phi) : c.phi, Math.log(c.nDisc)];
  const fitSlope = (cs: ScatterCell[]) => {
    const f = logisticFit(cs.map(feat), cs.map((c) => (c.collapsed ? 1 : 0)));
    return { f, slope: -f.coef[1]! / f.coef[2]! };
  };
  const { f, slope } = fitSlope(cells);
  const wrong = cells.filter((c) => {
    const [u, ln] = feat(c);
    return (f.coef[0]! + f.coef[1]! * u! + f.coef[2]! * ln! >= 0) !== c.collapsed;
  }).length;
  const boots: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const s = Array.from({ length: cells.length }, () => cells[rng.int(cells.length)]!);
    const k = s.filter((c) => c.collapsed).length;
    if (k === 0 || k === s.length) continue;
    const v = fitSlope(s).slope;
    if (Number.isFinite(v)) boots.push(v);
  }
  boots.sort((a, b) => a - b);
  const ci: [number, number] = boots.length >= 20 ? [quantile(boots, 0.025), quantile(boots, 0.975)] : [NaN, NaN];
  return { cells, collapsedCount, fit: { coef: f.coef, stdErr: f.stdErr, slope, ci, misclassified: wrong / cells.length, bootstrap: boots.length } };
}

/** The scatter coloured by the metric, with the fitted 50 % boundary. */
export function scatterFigure(name: string, title: string, spec: ScatterSpec, r: ScatterResult): Figure {
  const layers: Record<string, unknown>[] = [{
    data: { values: r.cells.map((c) => ({ phi: c.phi, nDisc: c.nDisc, collapse: c.collapse })) },
    mark: { type: 'point', filled: true, size: 60 },
    encoding: {
      x: { field: 'phi', type: 'quantitative', scale: { type: spec.axis === 'log' ? 'log' : 'linear' }, title: 'g₂/g₁' },
      y: { field: 'nDisc', type: 'quantitative', scale: { type: 'log' }, title: 'n_disc' },
      color: { field: 'collapse', type: 'quantitative', scale: { scheme: 'viridis', domain: [0, Math.log(8)] }, title: 'mode collapse' },
    },
  }];
  if (r.fit) {
    const [b0, b1, b2] = r.fit.coef as [number, number, number];
    const [lo, hi] = spec.phiRange;
    const line = Array.from({ length: 40 }, (_, i) => {
      const phi = spec.axis === 'log' ? Math.exp(Math.log(lo) + (i / 39) * (Math.log(hi) - Math.log(lo))) : lo + (i / 39) * (hi - lo);
      const u = spec.axis === 'log' ? Math.log(phi) : phi;
      return { phi, nDisc: Math.exp(-(b0 + b1 * u) / b2) };
    }).filter((p) => p.nDisc >= spec.nDiscRange[0] && p.nDisc <= spec.nDiscRange[1]);
    layers.push({ data: { values: line }, mark: { type: 'line', color: 'red', strokeDash: [6, 3] }, encoding: { x: { field: 'phi', type: 'quantitative' }, y: { field: 'nDisc', type: 'quantitative' } } });
  }
  return { name, title, spec: { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', width: 420, height: 320, layer: layers } };
}
