/**
 * Real heavy claims split into units give bit-identical results however the units run: a unit of
 * ipm.fig3 in this thread and in a worker thread; an Algorithm 1 grid (eff's gridUnits) through the
 * runner's pool and through the claim-internal runGrid it replaces.
 */
import { expect, test } from 'vitest';
import { findClaim } from '../../src/claims/registry.ts';
import { listUnits, runClaim, runUnit } from '../../src/runner/run-claim.ts';
import { makeWidthHurts } from '../../src/claims/ib/width-hurts.ts';
import { runWork } from '../../src/runner/run-many.ts';
import { Rng } from '../../src/random/rng.ts';
import { deriveSeed } from '../../src/random/seed.ts';
import { runAlg1, runGrid, summarise } from '../../src/systems/particle-gan/index.ts';
import { runScatter, scatterFinish, scatterPlan, type ScatterSpec } from '../../src/claims/eff/phase-scatter.ts';
import { tinyGrid } from './fixtures/grid-claims.ts';

test('ipm.fig3: a unit (d = 2, σ = 0.1, 10 trials × 40 000 steps) is the same in this thread and in a worker', async () => {
  const fig3 = findClaim('ipm.fig3')!;
  const here = await runUnit(fig3, { globalSeed: 3 }, 0);
  expect(here.error).toBeUndefined();
  expect(here.label).toBe('d2-s0-t0');
  const pooled = await runWork([{ id: 'ipm.fig3', globalSeed: 3, claimFiles: [], implSpecs: [], options: {}, cwd: process.cwd(), units: [0, 1] }], { workers: 2 });
  const u0 = pooled.units[0]!.find((u) => u.index === 0)!;
  expect(u0.value).toBe(here.value);
  expect(pooled.units[0]!.map((u) => u.label).sort()).toEqual(['d2-s0-t0', 'd2-s0-t10']);
  // The slow tier's 200 units: 2 dims × 10 widths × 10 trial ranges.
  expect(listUnits(fig3, { globalSeed: 3 })).toHaveLength(200);
}, 240_000);

test('an Algorithm 1 grid as units equals the same grid through runGrid (2 threads)', async () => {
  const file = 'properties/runner/fixtures/grid-claims.ts';
  const w = await runWork([{ id: 'test.grid-units', globalSeed: 9, claimFiles: [file], implSpecs: [], options: {}, cwd: process.cwd() }], { workers: 2 });
  const r = w.results[0]!;
  expect(r.status, r.message).toBe('holds');
  const cells = tinyGrid(new Rng(deriveSeed(9, 'test.grid-units')));
  const direct = await runGrid(cells.map((c) => c.cfg), { keep: cells[0]!.keep, threads: 2 });
  expect(r.evidence).toEqual({ checked: 'Six cells; reports their summaries.', collapse: direct.map((x) => x.collapse), logLik: direct.map((x) => x.logLik), diverged: direct.map((x) => x.diverged) });
}, 120_000);

test('a random scatter (eff.fourier-boundary\'s Figs. 14–15 design) as units equals runScatter, bootstrap included', async () => {
  const spec: ScatterSpec = { disc: 'fourier-pow', axis: 'log', phiRange: [1e-3, 0.3], nDiscRange: [1, 4], cells: 12, N: 20, iters: 60, avg: 2, alphaD: 1e-3, fourierLambda: 0.1 };
  const ctx = () => ({ seed: 4, globalSeed: 4, rng: new Rng(4), progress: () => {}, impl: <T>(_: string, b: T) => b, options: {} });
  const direct = await runScatter(spec, ctx());
  const c = ctx();
  const rng = c.rng.fork();
  const plan = scatterPlan(spec, rng);
  const res = plan.cells.map((cell) => summarise(runAlg1(cell.cfg), cell.keep));
  expect(scatterFinish(spec, plan, res, rng)).toEqual(direct);
}, 120_000);

test('an ib sweep (width-hurts) as units equals the same sweep through tuneMany, decision and checkpoints included', async () => {
  const p: Parameters<typeof makeWidthHurts>[2] = { datasets: ['mix3'], widths: [8, 32], gammas: [0.9], lrGrid: [-3, -2.5], seeds: 4, steps: 120, checkpoints: [60], batch: 16, evalN: 800, testAlpha: 0.01, regime: 'reduced' };
  const asRun = makeWidthHurts('test.width-hurts-units', 'fast', p, 'not-shown');
  const asUnits = makeWidthHurts('test.width-hurts-units', 'slow', p, 'not-shown');
  expect(asRun.run).toBeDefined();
  expect(asUnits.units).toBeDefined();
  const a = await runClaim(asRun, { globalSeed: 2 });
  const b = await runClaim(asUnits, { globalSeed: 2 });
  expect(b.units).toHaveLength(16);
  expect(b.status).toBe(a.status);
  expect(b.evidence).toEqual(a.evidence);
  expect(b.figures).toEqual(a.figures);
}, 120_000);
