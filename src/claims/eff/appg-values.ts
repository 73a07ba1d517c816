/**
 * eff.appg-values — 001 App. G: the width-2¹⁶ ReLU generator G(x) = √(2/width) Σ aᵢσ(wᵢ·x + bᵢ),
 * w ~ N(0, ≈0.046), b = 0, a ~ N(0, ≈2.25), 200 seeds on the unit sphere in 256 dimensions, has NTK
 * peaks (g₁, g₂) ≈ (4.5, 1.1); with erf ≈ (10.6, 5.2).
 *
 * Setup that reproduces them: standard parameterisation (a, w, b trained as they are, biases
 * included although initialised at 0), c = 2 from the √(2/width) read-out, inputs on the UNIT sphere.
 * Analytic infinite-width values: ReLU (4.546, 1.140), erf (10.64, 5.25) — within 4 % of the printed
 * numbers. (With inputs of radius √256 instead, ReLU g₁ would be ≈ 4.5 + 0.046·256 ≈ 16: not it.)
 * The empirical NTK is computed per pair in closed form (src/kernels/ntk-empirical.ts); the peaks are
 * the medians of the diagonal and off-diagonal values. The output is one coordinate of G (App. G's
 * NTK is ∝ I₂, eq. 20's δᵢⱼ; each output has its own read-out row, so one suffices).
 * The infinite-width values are the `ntk` system's (`--impl ntk=…`); the sampled network's NTK is the
 * built-in empirical one they are compared with.
 */
import { experiment } from '../claim.ts';
import type { AnalyticNtkOptions } from '../../kernels/ntk-analytic.ts';
import { empiricalNtkUnitTerms, initOneHidden, median, splitDiagonal, spherePoints } from '../../kernels/ntk-empirical.ts';
import { RunningMean, bonferroniZ } from '../../stats/mean-z.ts';
import type { ClaimContext } from '../claim.ts';
import { withReason } from './outcome.ts';
import { ntkSystem } from './systems.ts';


/** "Reproduce within 10 %" (catalog). */
const RTOL = 0.10;
/**
 * The verdict compares the printed peaks with the infinite-width values (deterministic, within
 * RTOL) and the finite-width NTK with those values by a z-test on unit averages (family-wise α per
 * run over the 4 means; the unit terms' expectation is the analytic kernel exactly). A fixed 10 %
 * band on a width-2¹¹ median has no stated false-alarm rate: ReLU g₂ came out 12 % off on 2 of 20
 * global seeds, at a sampling spread of that size. The medians' distance to the printed peaks is
 * reported, and the slow tier (width 2¹⁶, se ≈ 1 %) states it with the same test.
 */
const ALPHA_RUN = 1e-6;
const PAPER = { relu: { g1: 4.5, g2: 1.1 }, erf: { g1: 10.6, g2: 5.2 } } as const;
const OPTS: Record<'relu' | 'erf', AnalyticNtkOptions> = {
  relu: { activation: 'relu', wVar: 0.046, bVar: 0, aVar: 2.25, c: 2 },
  erf: { activation: 'erf', wVar: 0.046, bVar: 0, aVar: 2.25, c: 2 },
};

function run(ctx: ClaimContext, H: number, m: number) {
  const ntk = ntkSystem(ctx);
  const n = 256;
  const X = spherePoints(ctx.rng, m, n);
  const ev: Record<string, unknown> = { setup: `width ${H}, ${m} inputs on the unit sphere in ℝ²⁵⁶, w ~ N(0, 0.046), b = 0 (trained), a ~ N(0, 2.25), √(2/width) read-out, standard parameterisation`, rtol: RTOL };
  let holds = true;
  const values: { net: string; kind: string; ntk: number }[] = [];
  for (const act of ['relu', 'erf'] as const) {
    const o = OPTS[act];
    const net = initOneHidden(ctx.rng, { activation: act, n, H, wVar: o.wVar, bVar: o.bVar, aVar: o.aVar, c: o.c });
    const gram = new Float64Array(m * m);
    const m1 = new RunningMean(), m2 = new RunningMean();
    empiricalNtkUnitTerms(net, X, m, (_i, t) => {
      let d = 0, f = 0;
      for (let q = 0; q < m * m; q++) gram[q] += t[q]! / H;
      for (let p = 0; p < m; p++) { d += t[p * m + p]!; for (let q = p + 1; q < m; q++) f += t[p * m + q]!; }
      m1.add(d / m);
      m2.add(f / ((m * (m - 1)) / 2));
    });
    const { diag, off } = splitDiagonal({ rows: m, cols: m, data: gram });
    const g1 = median(diag), g2 = median(off);
    const ana = { g1: ntk.fromDots(o, 1, 1, 1), g2: ntk.fromDots(o, 1, 1, 0) };
    // Exact expectations of the two means on these inputs (unit sphere: every diagonal is g₁).
    let exp2 = 0;
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) {
      let xy = 0;
      for (let j = 0; j < n; j++) xy += X[p * n + j]! * X[q * n + j]!;
      exp2 += ntk.fromDots(o, 1, 1, xy) / ((m * (m - 1)) / 2);
    }
    const z = bonferroniZ(ALPHA_RUN, 4);
    const z1 = (m1.mean - ana.g1) / m1.se, z2 = (m2.mean - exp2) / m2.se;
    const analyticErr = { g1: Math.abs(ana.g1 - PAPER[act].g1) / PAPER[act].g1, g2: Math.abs(ana.g2 - PAPER[act].g2) / PAPER[act].g2 };
    const analyticOk = analyticErr.g1 <= RTOL && analyticErr.g2 <= RTOL;
    const finiteOk = Math.abs(z1) <= z && Math.abs(z2) <= z;
    holds &&= analyticOk && finiteOk;
    const e1 = Math.abs(g1 - PAPER[act].g1) / PAPER[act].g1, e2 = Math.abs(g2 - PAPER[act].g2) / PAPER[act].g2;
    ev[act] = { ours: { g1, g2 }, analyticInfiniteWidth: ana, paper: PAPER[act], relErrOfMedians: { g1: e1, g2: e2 }, relErrOfAnalytic: analyticErr, finiteVsAnalytic: { meanDiag: m1.mean, seDiag: m1.se, zDiag: z1, meanOff: m2.mean, seOff: m2.se, expectedOff: exp2, zOff: z2, zCrit: z, alphaPerRun: ALPHA_RUN } };
    ctx.progress(`${act}: (g₁, g₂) = (${g1.toFixed(3)}, ${g2.toFixed(3)})`);
    for (const v of diag) values.push({ net: act, kind: 'g₁ (same seed)', ntk: v });
    for (let k = 0; k < off.length; k += Math.max(1, Math.floor(off.length / 4000))) values.push({ net: act, kind: 'g₂ (distinct seeds)', ntk: off[k]! });
  }
  return withReason({
    holds, evidence: ev, numRuns: 1,
    figures: (['relu', 'erf'] as const).map((act) => ({
      name: `ntk-peaks-${act}`, title: `App. G / Fig. 20 equivalent (${act}): NTK values at initialisation, width ${H}; dashed: the paper's peaks`,
      spec: {
        $schema: 'https://vega.github.io/schema/vega-lite/v5.json', width: 420, height: 200,
        layer: [
          { data: { values: values.filter((v) => v.net === act) }, mark: { type: 'bar', opacity: 0.7 }, encoding: { x: { field: 'ntk', type: 'quantitative', bin: { maxbins: 80 }, title: 'NTK value' }, y: { aggregate: 'count', type: 'quantitative' }, color: { field: 'kind', type: 'nominal' } } },
          { data: { values: [{ ntk: PAPER[act].g1 }, { ntk: PAPER[act].g2 }] }, mark: { type: 'rule', strokeDash: [4, 4], color: 'black' }, encoding: { x: { field: 'ntk', type: 'quantitative' } } },
        ],
      },
    })),
  }, () => `analytic (g₁, g₂) not within 10 % of the printed peaks, or the width-${H} NTK off its analytic values: ${JSON.stringify({ relu: ev.relu, erf: ev.erf })}`);
}

const COMMON = {
  source: { paper: '001_cb8436cba21c199a.txt', where: 'App. G, Fig. 20' },
  statement: 'The two peaks hardly vary, and correspond to the values of g_2 (at ≈ 1.1) and g_1 (≈ 4.5) used in Eq. 20. … hidden-layer width of 2^16, w ~ N(0, σ² ≈ .046), b ~ N(0, σ² = 0), a ~ N(0, σ² ≈ 2.25) … 200 seeds sampled from a unit sphere in 256 dimensions. … replacing the ReLU activation function, which gives (g_1, g_2) ≈ (4.5, 1.1), with an Erf activation yields (g_1, g_2) ≈ (10.6, 5.2).',
  notes: 'Reproduces under: standard parameterisation (biases trained, initialised at 0), √(2/width) read-out, inputs on the unit sphere. Analytic: ReLU (4.546, 1.140), erf (10.64, 5.25).',
  kind: 'reproduction' as const, expect: 'holds' as const, systems: ['ntk'],
};

export const effAppgValues = experiment({
  ...COMMON,
  id: 'eff.appg-values',
  checks: 'Width 2¹⁶, 200 inputs on the unit sphere in ℝ²⁵⁶, App. G variances: the infinite-width (g₁, g₂) are within 10 % of (4.5, 1.1) for ReLU and (10.6, 5.2) for erf, and the empirical mean diagonal / off-diagonal NTK values equal them by a z-test on unit averages (family-wise α = 1e-6); the medians\' distance to the printed peaks is reported.',
  tier: 'slow',
  run: (ctx) => run(ctx, 2 ** 16, 200),
});

export const effAppgValuesReduced = experiment({
  ...COMMON,
  id: 'eff.appg-values.reduced',
  checks: 'As eff.appg-values at width 2¹¹ with 40 inputs (fast tier): the infinite-width values within 10 % of the printed peaks and the width-2¹¹ NTK equal to them by a z-test on unit averages (family-wise α = 1e-6); the medians are reported (their sampling spread at this width is ≈ 10 %).',
  tier: 'fast',
  run: (ctx) => run(ctx, 2 ** 11, 40),
});
