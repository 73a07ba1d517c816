/**
 * Phase diagrams of the particle model (001 §IV.B, Figs. 5, 10, 11, 13–15): the mode-collapse metric
 * over a grid of g₂/g₁ and a discriminator-"time" axis (n_disc or α_D), the transition boundary
 * where the metric crosses ½ log 8 (Fig. 5's contour), and power-law vs exponential fits of it.
 */
import type { ClaimContext, Figure } from '../claim.ts';
import { runGrid, type Alg1Config, type Alg1Summary } from '../../systems/particle-gan/index.ts';
import type { Rng } from '../../random/rng.ts';
import type { GridCell } from './grid-units.ts';
import { linearFit, spearman, signTest } from '../../stats/index.ts';
import { baseConfig } from './particle-setup.ts';

export const HALF_LOG8 = 0.5 * Math.log(8);

export interface PhaseSpec {
  disc: Alg1Config['disc'];
  phis: number[];
  /** The "discriminator time" axis: n_disc values or α_D values. */
  yKind: 'nDisc' | 'alphaD';
  ys: number[];
  N: number;
  H?: number;
  iters: number;
  /** Metric averaged over records at iters − n·20, n = 0…avg−1 (the paper: T ± n·20). */
  avg: number;
  seeds: number;
  /** n_disc when sweeping α_D, α_D when sweeping n_disc. */
  fixed: number;
  alphaG?: number;
  fourierLambda?: number;
}

export interface PhaseCell { phi: number; y: number; collapse: number; logLik: number; diverged: number; perSeed: number[] }

export interface BoundaryFit { slope: number; intercept: number; rmse: number; slopeLog10?: number }

export interface PhaseResult {
  cells: PhaseCell[];
  boundary: { y: number; phiStar: number }[];
  pow?: BoundaryFit;
  exp?: BoundaryFit;
  rowsRho: number[];
  colsRho: number[];
  rowsSign: { pValue: number; positive: number; negative: number };
  colsSign: { pValue: number; positive: number; negative: number };
  /** Pooled over all cells: Spearman ρ of the metric with log g₂/g₁ and with log(discriminator time), one-sided p-values. */
  phiTrend: { rho: number; pOneSided: number };
  timeTrend: { rho: number; pOneSided: number };
}

/** The grid's cells (y × g₂/g₁ × seed), seeds from one draw of `rng`. */
export function phasePlan(spec: PhaseSpec, rng: Rng): GridCell[] {
  const keep = Array.from({ length: spec.avg }, (_, n) => spec.iters - 20 * n);
  const cells: GridCell[] = [];
  const seedBase = rng.nextU32();
  for (const y of spec.ys) for (const phi of spec.phis) for (let s = 0; s < spec.seeds; s++) {
    cells.push({
      cfg: baseConfig({
        seed: seedBase + s, disc: spec.disc, N: spec.N, H: spec.H, iters: spec.iters, recordEvery: 20, phi,
        nDisc: spec.yKind === 'nDisc' ? y : spec.fixed,
        alphaD: spec.yKind === 'alphaD' ? y : spec.fixed,
        ...(spec.alphaG !== undefined ? { alphaG: spec.alphaG } : {}),
        ...(spec.fourierLambda !== undefined ? { fourierLambda: spec.fourierLambda } : {}),
      }),
      keep,
      label: `y${y}-phi${phi}-s${s}`,
    });
  }
  return cells;
}

/** The phase diagram from the cells' summaries (in plan order). */
export function phaseFinish(spec: PhaseSpec, res: readonly Alg1Summary[]): PhaseResult {
  const cells: PhaseCell[] = [];
  let k = 0;
  for (const y of spec.ys) for (const phi of spec.phis) {
    const rs = res.slice(k, k + spec.seeds);
    k += spec.seeds;
    const perSeed = rs.map((r) => r.collapse);
    cells.push({
      phi, y, perSeed,
      collapse: perSeed.reduce((a, b) => a + b, 0) / perSeed.length,
      logLik: rs.reduce((a, r) => a + (Number.isFinite(r.logLik) ? r.logLik : -1e4), 0) / rs.length,
      diverged: rs.filter((r) => r.diverged).length,
    });
  }
  return analysePhase(spec, cells);
}

export async function runPhase(spec: PhaseSpec, ctx: ClaimContext): Promise<PhaseResult> {
  const cells = phasePlan(spec, ctx.rng);
  const res = await runGrid(cells.map((c) => c.cfg), { keep: cells[0]!.keep, onDone: (d, t) => { if (d % 4 === 0 || d === t) ctx.progress(`${d}/${t} runs`); } });
  return phaseFinish(spec, res);
}

/** Boundary (first upward crossing of ½ log 8 along φ, interpolated in log φ), fits, monotonicity. */
export function analysePhase(spec: Pick<PhaseSpec, 'phis' | 'ys'>, cells: PhaseCell[]): PhaseResult {
  const at = (phi: number, y: number) => cells.find((c) => c.phi === phi && c.y === y)!.collapse;
  const boundary: PhaseResult['boundary'] = [];
  for (const y of spec.ys) {
    for (let i = 0; i + 1 < spec.phis.length; i++) {
      const a = at(spec.phis[i]!, y), b = at(spec.phis[i + 1]!, y);
      if (a < HALF_LOG8 && b >= HALF_LOG8) {
        const t = (HALF_LOG8 - a) / (b - a);
        const lp = Math.log(spec.phis[i]!) + t * (Math.log(spec.phis[i + 1]!) - Math.log(spec.phis[i]!));
        boundary.push({ y, phiStar: Math.exp(lp) });
        break;
      }
    }
  }
  const fit = (xs: number[], ys: number[]): BoundaryFit | undefined => {
    if (xs.length < 3) return undefined;
    const f = linearFit(xs, ys);
    const rmse = Math.sqrt(xs.reduce((s, x, i) => s + (ys[i]! - (f.intercept + f.slope * x)) ** 2, 0) / xs.length);
    return { slope: f.slope, intercept: f.intercept, rmse };
  };
  const ly = boundary.map((b) => Math.log(b.y));
  const pow = fit(boundary.map((b) => Math.log(b.phiStar)), ly);
  const exp = fit(boundary.map((b) => b.phiStar), ly);
  if (exp) exp.slopeLog10 = exp.slope / Math.LN10;
  const rowsRho = spec.ys.map((y) => rho(spec.phis.map(Math.log), spec.phis.map((p) => at(p, y))));
  const colsRho = spec.phis.map((p) => rho(spec.ys.map(Math.log), spec.ys.map((y) => at(p, y))));
  const trend = (x: number[], alt: 'greater' | 'less') => {
    const y = cells.map((c) => c.collapse);
    if (y.every((v) => v === y[0]) || cells.length < 3) return { rho: 0, pOneSided: 1 };
    const r = spearman(x, y);
    const half = r.pValue / 2;
    return { rho: r.r, pOneSided: (alt === 'greater' ? r.r > 0 : r.r < 0) ? half : 1 - half };
  };
  return {
    cells, boundary, pow, exp, rowsRho, colsRho, rowsSign: sign(rowsRho, 'greater'), colsSign: sign(colsRho, 'less'),
    phiTrend: trend(cells.map((c) => Math.log(c.phi)), 'greater'),
    timeTrend: trend(cells.map((c) => Math.log(c.y)), 'less'),
  };
}

/** Spearman ρ (the sign of the change for two points), 0 for a constant row (a row entirely in one phase carries no direction). */
function rho(x: number[], y: number[]): number {
  if (y.every((v) => v === y[0])) return 0;
  if (x.length < 3) return Math.sign((y[y.length - 1]! - y[0]!) * (x[x.length - 1]! - x[0]!));
  return spearman(x, y).r;
}

function sign(rhos: number[], alt: 'greater' | 'less') {
  const nz = rhos.filter((r) => r !== 0);
  const positive = nz.filter((r) => r > 0).length;
  const r = nz.length ? signTest(nz, alt) : { pValue: 1 };
  return { pValue: r.pValue, positive, negative: nz.length - positive };
}

/** Heat map of the metric over the grid (log axes), with the fitted boundary and, if given, the paper's slope. */
export function phaseFigure(name: string, title: string, spec: Pick<PhaseSpec, 'yKind'>, r: PhaseResult, kind: 'pow' | 'exp'): Figure {
  const yTitle = spec.yKind === 'nDisc' ? 'n_disc' : 'α_D';
  const layers: Record<string, unknown>[] = [{
    data: { values: r.cells.map((c) => ({ phi: c.phi, y: c.y, collapse: c.collapse })) },
    mark: { type: 'point', filled: true, size: 120, shape: 'square' },
    encoding: {
      x: { field: 'phi', type: 'quantitative', scale: { type: kind === 'pow' ? 'log' : 'linear' }, title: 'g₂/g₁' },
      y: { field: 'y', type: 'quantitative', scale: { type: 'log' }, title: yTitle },
      color: { field: 'collapse', type: 'quantitative', scale: { scheme: 'viridis', domain: [0, Math.log(8)] }, title: 'mode collapse' },
    },
  }];
  const f = r[kind];
  if (f && r.boundary.length) {
    const xs = r.boundary.map((b) => b.phiStar);
    const lo = Math.min(...xs), hi = Math.max(...xs);
    const line = Array.from({ length: 20 }, (_, i) => {
      const x = kind === 'pow' ? Math.exp(Math.log(lo) + (i / 19) * (Math.log(hi) - Math.log(lo))) : lo + (i / 19) * (hi - lo);
      return { phi: x, y: Math.exp(f.intercept + f.slope * (kind === 'pow' ? Math.log(x) : x)) };
    });
    layers.push({ data: { values: line }, mark: { type: 'line', color: 'white', strokeDash: [6, 3] }, encoding: { x: { field: 'phi', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } });
    layers.push({ data: { values: r.boundary.map((b) => ({ phi: b.phiStar, y: b.y })) }, mark: { type: 'point', shape: 'cross', color: 'red', size: 80 }, encoding: { x: { field: 'phi', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } });
  }
  return { name, title, spec: { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', width: 420, height: 320, layer: layers } };
}
