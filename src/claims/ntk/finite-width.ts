/**
 * ntk.finite-width — 004 "Constant NTK (Jacot et al., 2018): in the infinite-width limit of f,
 * during training, k_{f_ϑ}(x, y) = k(x, y)", applied to the IPM discriminator.
 *
 * Setup: f(x) = √(2/H) Σ aᵢ ReLU(wᵢ·x + bᵢ) (standard parameterisation, wVar = aVar = 1, bVar = 0.1,
 * all trained), n = m = 4 fakes/targets in ℝ² (fakes N(0, I), targets N(1, 0.25·I)), 6 extra points;
 * gradient ascent on L = E_α̂ f − E_β̂ f with step η = 0.02 up to t = 1 (50 steps). Per seed and width:
 *   drift(H) = ‖Θ_t − Θ_0‖_F / ‖Θ_0‖_F on the 14 points (empirical NTK before/after training),
 *   dev(H)   = ‖f_t − f₀ − t·f_α̂‖ / ‖t·f_α̂‖, f_α̂ the witness of the ANALYTIC NTK (infinite width).
 * Per seed, OLS slopes of log drift and log dev against log H. Decision (α = 0.05, three outcomes):
 * both slopes are negative across seeds (paired Wilcoxon signed-rank, both ways), the deviation at
 * the largest width is below 1 across seeds (the same test on log dev: a falling deviation must not
 * fall towards a wrong limit), and the NTK drift's
 * is not significantly above −1/2 (a drift decaying slower than O(H^{−1/2}) refutes; the catalog
 * gives the discriminator's deviation no rate). Mean slopes with bootstrap CIs
 * and the seed-mean rescaled ratios √H·q(H_max) / √H·q(H_min) are reported.
 *
 * Why the drift may fall faster than H^{−1/2}: with a linear loss the coefficients of the gradient do
 * not depend on f, so first-order changes of Θ are sums of H zero-mean terms (O(1/H)); what remains at
 * O(H^{−3/4}) comes from ReLU units whose activation pattern flips. The measured exponent is reported.
 */
import { experiment, type ExperimentOutcome, type ClaimContext } from '../claim.ts';
import { initOneHidden } from '../../kernels/ntk-empirical.ts';
import type { AnalyticNtkOptions } from '../../kernels/ntk-analytic.ts';
import { Rng } from '../../random/rng.ts';
import { bootstrapCI, combineDecisions, linearFit, mean, pairedDirection, wilcoxonSignedRank } from '../../stats/index.ts';
import { evaluateNet, netNtkGram, trainIpmAscent, witness } from '../../systems/ntk-gan/index.ts';
import { PAPER, ntkSystem } from './common.ts';

const NET: AnalyticNtkOptions = { activation: 'relu', wVar: 1, bVar: 0.1, aVar: 1, c: 2 };
const D = 2;
const N_FAKE = 4;
const N_TARGET = 4;
const N_EXTRA = 6;
const T = 1;
const ETA = 0.02;
const ALPHA = 0.05;

interface Params { widths: number[]; seeds: number }
const SLOW: Params = { widths: [64, 256, 1024, 4096, 16384, 65536], seeds: 10 };
const REDUCED: Params = { widths: [64, 256, 1024, 4096], seeds: 6 };

function relFro(a: Float64Array, b: Float64Array): number {
  let num = 0, den = 0;
  for (let i = 0; i < a.length; i++) { num += (a[i]! - b[i]!) ** 2; den += b[i]! ** 2; }
  return Math.sqrt(num / den);
}

async function run(p: Params, ctx: ClaimContext): Promise<ExperimentOutcome> {
  // The infinite-width NTK from the `ntk` system; the width-H networks (initOneHidden, trainIpmAscent)
  // and the witness sum are built-in: the claim is about the finite nets approaching that kernel's flow.
  const kernel = ntkSystem(ctx).kernel(NET);
  const rows: { seed: number; H: number; drift: number; dev: number }[] = [];
  const driftSlopes: number[] = [];
  const devSlopes: number[] = [];
  /** log dev(H_max) per seed. */
  const devAtMax: number[] = [];
  for (let s = 0; s < p.seeds; s++) {
    const rng = ctx.rng.fork();
    const xs = Array.from({ length: N_FAKE }, () => rng.normals(new Float64Array(D)));
    const ys = Array.from({ length: N_TARGET }, () => rng.normals(new Float64Array(D), 1, 0.5));
    const us = Array.from({ length: N_EXTRA }, () => rng.normals(new Float64Array(D)));
    const pts = [...xs, ...ys, ...us];
    const fa = Float64Array.from(pts, (u) => T * witness(kernel, xs, ys, u));
    const ld: number[] = [], lv: number[] = [];
    for (const H of p.widths) {
      const net = initOneHidden(new Rng(rng.nextU32()), { ...NET, n: D, H });
      const f0 = evaluateNet(net, pts);
      const K0 = netNtkGram(net, pts);
      const r = trainIpmAscent(net, xs, ys, ETA, Math.round(T / ETA));
      if (r.divergedAtStep !== undefined) return { verdict: 'not-shown', evidence: { reason: `training diverged (H = ${H}, seed ${s}, step ${r.divergedAtStep}): a result, but not one that decides the claim`, diverged: true, H, seed: s, step: r.divergedAtStep } };
      const f1 = evaluateNet(net, pts);
      const drift = relFro(netNtkGram(net, pts).data, K0.data);
      const dev = relFro(Float64Array.from(f1, (v, i) => v - f0[i]!), fa);
      rows.push({ seed: s, H, drift, dev });
      ld.push(Math.log(drift));
      lv.push(Math.log(dev));
      ctx.progress(`seed ${s + 1}/${p.seeds}, H = ${H}: drift ${drift.toExponential(2)}, dev ${dev.toExponential(2)}`);
    }
    const lx = p.widths.map(Math.log);
    driftSlopes.push(linearFit(lx, ld).slope);
    devSlopes.push(linearFit(lx, lv).slope);
    devAtMax.push(lv[lv.length - 1]!);
  }
  const wDrift = wilcoxonSignedRank(driftSlopes, 'less');
  const wDev = wilcoxonSignedRank(devSlopes, 'less');
  const ciDrift = bootstrapCI(driftSlopes, (v) => mean(v), { rng: ctx.rng.fork(), B: 2000 });
  const ciDev = bootstrapCI(devSlopes, (v) => mean(v), { rng: ctx.rng.fork(), B: 2000 });
  const byH = p.widths.map((H) => {
    const r = rows.filter((x) => x.H === H);
    return { H, meanDrift: mean(r.map((x) => x.drift)), meanDev: mean(r.map((x) => x.dev)), rescaledDrift: mean(r.map((x) => x.drift * Math.sqrt(H))), rescaledDev: mean(r.map((x) => x.dev * Math.sqrt(H))) };
  });
  const first = byH[0]!, last = byH[byH.length - 1]!;
  const driftRescaledRatio = last.rescaledDrift / first.rescaledDrift;
  const devRescaledRatio = last.rescaledDev / first.rescaledDev;
  // Three outcomes on the directions (per-seed slopes below 0, both ways); the O(H^−1/2) envelope
  // must also hold for "holds" (a direction without the rate is not shown, not refuted).
  const opts = { alpha: ALPHA, decidingScale: 'more seeds' };
  const directions = combineDecisions('NTK drift and deviation from f₀ + t·f_α̂ fall with width', [
    pairedDirection('per-seed log–log slope of the NTK drift < 0', driftSlopes.map((x) => -x), opts),
    pairedDirection('per-seed log–log slope of the deviation < 0', devSlopes.map((x) => -x), opts),
    // A falling deviation may fall towards the wrong limit (a net trained on E_α̂ f + E_β̂ f has
    // relative deviation ≈ 2.6 at every width, slopes ≈ −0.03 < 0): at the largest width f_t − f₀
    // must be closer to t·f_α̂ than the no-change prediction 0 is (relative deviation < 1). Rate-free;
    // the built-in's deviation there is ≈ 0.02.
    pairedDirection('per-seed deviation at the largest width < 1 (log dev < 0)', devAtMax.map((x) => -x), opts),
  ]);
  // O(H^−1/2) is an upper bound on the decay: refuted only if the per-seed slopes are significantly
  // above −1/2 (slower than H^−1/2), by the same paired test; the seed-mean rescaled ratios (a fixed
  // ≤ 2 before 2026-12-04, which 2 of 20 global seeds crossed at 2.6 with 6 seeds) are reported.
  const slower = (xs: number[]) => pairedDirection('', xs.map((x) => x + 0.5), opts);
  // The catalog's rate is the NTK's ("stays within O(1/√H) of its initial value"); the discriminator
  // only has to approach f₀ + t·f_α̂ (its per-seed slopes are −0.3 … −0.8 at these widths).
  const rateRefuted = slower(driftSlopes).verdict === 'holds';
  const verdict = rateRefuted ? 'refuted' as const : directions.verdict;
  const ref = byH[0]!;
  const figValues = [
    ...rows.map((r) => ({ H: r.H, value: r.drift, series: 'NTK drift ‖Θ_t − Θ₀‖/‖Θ₀‖', seed: r.seed })),
    ...rows.map((r) => ({ H: r.H, value: r.dev, series: 'deviation from f₀ + t·f_α̂', seed: r.seed })),
    ...p.widths.map((H) => ({ H, value: ref.meanDrift * Math.sqrt(ref.H / H), series: 'reference ∝ H^(−1/2)', seed: -1 })),
  ];
  return {
    verdict, decision: directions,
    numRuns: rows.length,
    evidence: {
      ...(verdict !== 'holds' ? { reason: `directions ${directions.verdict}; NTK drift significantly slower than H^−1/2: ${rateRefuted} (mean slopes ${mean(driftSlopes).toFixed(2)} drift, ${mean(devSlopes).toFixed(2)} deviation)` } : {}),
      setup: { net: NET, d: D, fakes: N_FAKE, targets: N_TARGET, extraPoints: N_EXTRA, t: T, eta: ETA, steps: Math.round(T / ETA), widths: p.widths, seeds: p.seeds },
      test: `paired Wilcoxon signed-rank on per-seed log–log slopes, both ways: H1 slope < 0 (holds), and slope > −1/2 (a decay slower than O(H^−1/2): refutes), α = ${ALPHA}`,
      driftRescaledRatio, devRescaledRatio,
      driftSlopeMean: mean(driftSlopes), driftSlopeCI: [ciDrift.lo, ciDrift.hi], driftPValue: wDrift.pValue,
      devSlopeMean: mean(devSlopes), devSlopeCI: [ciDev.lo, ciDev.hi], devPValue: wDev.pValue,
      paper: 'constant NTK in the infinite-width limit (Jacot et al.: deviation O(1/√H))',
      byWidth: byH,
    },
    figures: [{
      name: 'width-scaling',
      title: 'ntk.finite-width: NTK drift and deviation from the infinite-width IPM discriminator vs width',
      spec: {
        $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
        data: { values: figValues },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'H', type: 'quantitative', scale: { type: 'log' }, title: 'width H' },
          y: { field: 'value', type: 'quantitative', scale: { type: 'log' }, title: 'relative change' },
          color: { field: 'series', type: 'nominal' },
          detail: { field: 'seed', type: 'nominal' },
        },
        width: 420, height: 300,
      },
    }],
  };
}

const NOTES = 'The infinite-width kernel Θ is read from the `ntk` system; the finite-width networks and their training (src/systems/ntk-gan/finite-width.ts) are built-in, not part of the ntk-gan interface.';

const statement = 'Constant NTK (Jacot et al., 2018): In the infinite-width limit of f, during training, k_{f_ϑ}(x, y) = k(x, y). … In the infinite-width regime: f_t = f_0 + t f_α̂.';
const checks = (p: Params) =>
  `Width-H ReLU discriminators (H ∈ {${p.widths.join(', ')}}, ${p.seeds} seeds) trained by gradient ascent on the IPM loss to t = ${T}: the relative empirical-NTK drift and the relative deviation from f₀ + t·f_α̂ (analytic NTK) ` +
  `both fall with H (paired Wilcoxon on per-seed log–log slopes, one-sided α = ${ALPHA}, both ways), the deviation at the largest width is below 1 (f_t − f₀ closer to t·f_α̂ than to 0; the same test on per-seed log deviations), and the NTK drift not significantly slower than H^(−1/2) (the same test of slope > −1/2 refutes); three outcomes.`;

export const ntkFiniteWidth = experiment({
  id: 'ntk.finite-width',
  source: { paper: PAPER, where: '"Constant NTK"' },
  statement, checks: checks(SLOW),
  tier: 'slow', kind: 'statistical', expect: 'holds',
  systems: ['ntk'], exercises: ['ntk-gan'],
  notes: NOTES,
  run: (ctx) => run(SLOW, ctx),
});

export const ntkFiniteWidthReduced = experiment({
  id: 'ntk.finite-width.reduced',
  source: { paper: PAPER, where: '"Constant NTK"' },
  statement, checks: checks(REDUCED),
  tier: 'fast', kind: 'statistical', expect: 'holds',
  systems: ['ntk'], exercises: ['ntk-gan'],
  notes: NOTES,
  run: (ctx) => run(REDUCED, ctx),
});
