/**
 * eff.fig3-converges and eff.fig4-collapse — 001 §III.B, Figs. 3–4. Diagonal NTK (g₂ = 0, g₁ = N:
 * footnote 31's g₁ = 2000 is N for the figure's 2000 particles; the velocity is α_G∇D(Xₐ) either way)
 * lets the cloud split and converge to all 8 modes; g₂/g₁ = 1/5 keeps it together, hopping from mode
 * to mode. The paper's Figs. 3–4 used 2000 particles and a 4-layer discriminator; we run the App. A
 * setup (200 particles, one wide hidden layer) throughout, as Algorithm 1 prescribes.
 *
 * Slow tier: N = 200, width 2048, several seeds × both starts, α_G piloted for Fig. 3. Reduced fast
 * tier: N = 100, width 256, several seeds × both starts; every verdict comes from a named test over
 * the runs (three outcomes), never from one run.
 */
import { experiment, type ClaimContext } from '../claim.ts';
import { runGrid, type Alg1Config, type Alg1Summary } from '../../systems/particle-gan/index.ts';
import { combineDecisions, pairedDirection, type Decision } from '../../stats/index.ts';
import { baseConfig, describe, distinctTopModes, snapshotFigure, traceFigure, builtInNotes } from './particle-setup.ts';

/** Fig. 5's boundary criterion: ½ log 8. */
const HALF_LOG8 = 0.5 * Math.log(8);
/** "Metric near 0": below 0.1 (e.g. 8 modes holding 9–16 % each). */
const CONVERGED_METRIC = 0.1;
/** "Log-likelihood high": the mean log-density above 0, i.e. a typical particle within ≈ 2.8 std (0.056) of its mode (peak log-density 3.9). */
const CONVERGED_LOGLIK = 0;
/** Mode hopping: at least 3 distinct majority modes seen after the first 100 iterations. */
const MIN_HOPS = 3;

interface Scale { N: number; H: number; iters: number; every: number; alphaG?: number; seeds?: number }
const FULL: Scale = { N: 200, H: 2048, iters: 2000, every: 20 };
const REDUCED: Scale = { N: 100, H: 256, iters: 600, every: 20 };
/**
 * The log-likelihood comparison needs the jitter of α_G = 0.1 gone: pilot (2026-12-04, 4 seeds × 2
 * starts, N = 100, width 256): at α_G = 0.1, 600 iterations the g₂ = 0 cloud's log-likelihood ranges
 * −44 … −908 and beats g₂/g₁ = 1/5 in 4 of 8 pairs; at α_G = 0.03, 1 500 iterations (a longer
 * horizon, α_G·T = 45) it is −159 … −275 and wins 8 of 8 (and 12 of 12 at N = 64 or width 128).
 */
const REDUCED_LOGLIK: Scale = { N: 100, H: 256, iters: 1500, every: 20, alphaG: 0.03, seeds: 6 };
/** Seeds × both starts = paired comparisons of the reduced claims (8 pairs: exact Wilcoxon reaches 1/256). */
const REDUCED_SEEDS = 4;
/** Level of each one-sided test of the reduced claims. */
const REDUCED_ALPHA = 0.01;

function cells(sc: Scale, phi: number, seed: number, inits: ('text' | 'appA')[]): Alg1Config[] {
  return inits.map((init) => baseConfig({
    seed, N: sc.N, H: sc.H, iters: sc.iters, recordEvery: sc.every, init, ...(sc.alphaG ? { alphaG: sc.alphaG } : {}),
    ...(phi === 0 ? { coupling: { g1: sc.N, g2: 0 } } : { phi }),
    snapshotsAt: [0, 50, 100, 200, Math.round(sc.iters / 2), sc.iters],
  }));
}

/** Mean metric and log-likelihood over the last 4 records (the paper averages at T ± n·20). */
function tail(s: Alg1Summary) {
  const r = s.records.slice(-4);
  return { collapse: r.reduce((a, x) => a + x.collapse, 0) / r.length, logLik: r.reduce((a, x) => a + x.logLik, 0) / r.length };
}

/**
 * Slow tier (#17, 2026-12-04): the paper's Fig. 3 used 2000 particles and a 4 × 512 discriminator,
 * which is out of reach here (≈ 10⁴ s of float64 per run); we run App. A's effective model, the one
 * the paper itself uses for Figs. 5–9 (N = 200, one hidden layer of 2048), with the unstated α_G
 * piloted over FIG3_ALPHA_G at a fixed horizon α_G·T = 200 (T = 2000 iterations at the α_G = 0.1 used
 * so far), FIG3_SEEDS seeds × both starts each. Per α_G: "splits and converges to all modes" by the
 * paper's two measures, each by a one-sample Wilcoxon over the runs (one-sided α = 0.01 both ways):
 * metric < 0.1 and mean log-likelihood > 0 (our a-priori bar for "high": a typical particle within
 * ≈ 2.8 std of its mode). The claim's verdict is read at the α_G where the dynamics have settled
 * (the smallest, jitter-free one); every α_G's row is reported, and a verdict that differs across
 * them is stated as depending on α_G.
 */
const FIG3_ALPHA_G = [0.1, 0.03, 0.01];
const FIG3_HORIZON = 200;
const FIG3_SEEDS = 4;

function fig3Full() {
  return async (ctx: ClaimContext) => {
    const inits = ['text', 'appA'] as const;
    const seeds = Array.from({ length: FIG3_SEEDS }, () => ctx.rng.fork().nextU32());
    const opts = { alpha: 0.01, decidingScale: 'more seeds, or a longer horizon' };
    const rows: { alphaG: number; iters: number; verdict: string; metric: number[]; logLik: number[]; decision: Decision }[] = [];
    let firstRun: Alg1Summary | undefined;
    for (const alphaG of FIG3_ALPHA_G) {
      const iters = Math.round(FIG3_HORIZON / alphaG);
      const sc: Scale = { ...FULL, iters, every: Math.max(20, Math.round(iters / 100)), alphaG };
      const cfgs = seeds.flatMap((seed) => cells(sc, 0, seed, [...inits]));
      const res = await runGrid(cfgs, { onDone: (d, t) => ctx.progress(`α_G = ${alphaG}: ${d}/${t} runs`) });
      firstRun ??= res[0];
      const t = res.map(tail);
      const decision = combineDecisions(`converges at α_G = ${alphaG}`, [
        pairedDirection(`metric < ${CONVERGED_METRIC} (α_G = ${alphaG})`, t.map((x) => CONVERGED_METRIC - x.collapse), opts),
        pairedDirection(`log-likelihood > ${CONVERGED_LOGLIK} (α_G = ${alphaG})`, t.map((x) => x.logLik - CONVERGED_LOGLIK), opts),
      ]);
      rows.push({ alphaG, iters, verdict: decision.verdict, metric: t.map((x) => x.collapse), logLik: t.map((x) => x.logLik), decision });
    }
    const settled = rows[rows.length - 1]!;
    const verdicts = new Set(rows.map((r) => r.verdict));
    return {
      decision: settled.decision,
      numRuns: rows.length * seeds.length * inits.length,
      evidence: {
        setup: `${describe(cells({ ...FULL, alphaG: FIG3_ALPHA_G[0] }, 0, 0, ['text'])[0]!)}; α_G ∈ {${FIG3_ALPHA_G.join(', ')}} at α_G·T = ${FIG3_HORIZON}; ${FIG3_SEEDS} seeds × starts (1/√2, 1/√2), (√2, √2)`,
        thresholds: { converged: `metric < ${CONVERGED_METRIC}, log-lik > ${CONVERGED_LOGLIK}` },
        decidedAt: `α_G = ${settled.alphaG} (${settled.iters} iterations)`,
        ...(verdicts.size > 1 ? { dependsOnAlphaG: `verdicts ${rows.map((r) => `α_G = ${r.alphaG}: ${r.verdict}`).join(', ')}` } : {}),
        sensitivity: rows.map(({ decision: _d, ...r }) => r),
      },
      figures: firstRun ? [snapshotFigure('fig3', `Fig. 3 equivalent: diagonal NTK (g₂ = 0), α_G = ${FIG3_ALPHA_G[0]}, start (1/√2, 1/√2)`, firstRun)] : [],
    };
  };
}

/**
 * Reduced fast-tier versions: REDUCED_SEEDS seeds × both starts, decided by named paired tests over
 * those runs (three outcomes; a reduced run never refutes the paper), not by one seed.
 */
function reducedRuns(sc: Scale, phis: number[]) {
  return async (ctx: ClaimContext) => {
    const inits = ['text', 'appA'] as const;
    const seeds = Array.from({ length: sc.seeds ?? REDUCED_SEEDS }, () => ctx.rng.fork().nextU32());
    const cfgs = phis.flatMap((phi) => seeds.flatMap((seed) => cells(sc, phi, seed, [...inits])));
    const res = await runGrid(cfgs, { onDone: (d, t) => ctx.progress(`${d}/${t} runs`) });
    const per = cfgs.length / phis.length;
    return { inits, seeds, byPhi: phis.map((_, k) => res.slice(k * per, (k + 1) * per)), cfgs };
  };
}

function fig3Reduced(sc: Scale, judge: 'metric' | 'loglik') {
  return async (ctx: ClaimContext) => {
    const { byPhi: [diag, coupled], cfgs } = await reducedRuns(sc, [0, 0.2])(ctx);
    const d = diag!.map(tail), c = coupled!.map(tail);
    const opts = { alpha: REDUCED_ALPHA, regime: 'reduced' as const, decidingScale: 'more seeds (paired runs), or the slow tier' };
    const parts: Decision[] = judge === 'metric'
      ? [pairedDirection('metric(g₂/g₁ = 1/5) > metric(g₂ = 0), same seed and start', c.map((x, i) => x.collapse - d[i]!.collapse), opts),
        pairedDirection('metric(g₂ = 0) < ½ log 8 (the cloud split)', d.map((x) => HALF_LOG8 - x.collapse), opts)]
      : [pairedDirection('log-likelihood(g₂ = 0) > log-likelihood(g₂/g₁ = 1/5), same seed and start', d.map((x, i) => x.logLik - c[i]!.logLik), opts)];
    const decision = combineDecisions(judge === 'metric' ? 'the diagonal NTK splits the cloud (reduced)' : 'the diagonal NTK fits the modes better (reduced)', parts);
    return {
      decision, numRuns: d.length + c.length,
      evidence: { setup: describe(cfgs[0]!), pairs: `${sc.seeds ?? REDUCED_SEEDS} seeds × starts (1/√2, 1/√2) and (√2, √2)`, diagonal: d, coupled0_2: c },
      figures: [traceFigure('fig3-metric', 'Mode-collapse metric over time (first seed), diagonal NTK vs g₂/g₁ = 1/5', [{ label: 'g₂ = 0', s: diag![0]! }, { label: 'g₂/g₁ = 0.2', s: coupled![0]! }])],
    };
  };
}

function fig4Multi(sc: Scale, regime: 'paper' | 'reduced') {
  return async (ctx: ClaimContext) => {
    const { byPhi: [coupled], cfgs } = await reducedRuns(sc, [0.2])(ctx);
    const after = coupled!.map((s) => ({ minMetricAfter100: Math.min(...s.records.filter((r) => r.iter >= 100).map((r) => r.collapse)), hops: distinctTopModes(s, 100), diverged: s.diverged }));
    const opts = { alpha: REDUCED_ALPHA, regime, decidingScale: regime === 'reduced' ? 'more seeds, or the slow tier' : 'more seeds' };
    const decision = combineDecisions(`the g₂/g₁ = 1/5 cloud stays collapsed and hops${regime === 'reduced' ? ' (reduced)' : ''}`, [
      pairedDirection('min metric after iteration 100 > ½ log 8 (never splits)', after.map((a) => a.minMetricAfter100 - HALF_LOG8), opts),
      pairedDirection(`distinct majority modes after iteration 100 > ${MIN_HOPS - 1} (hops)`, after.map((a) => a.hops - (MIN_HOPS - 0.5)), opts),
    ]);
    return {
      decision, numRuns: after.length,
      evidence: { setup: describe(cfgs[0]!), runs: after },
      figures: [snapshotFigure('fig4', 'Fig. 4 equivalent: g₂/g₁ = 1/5 (first seed, start (1/√2, 1/√2))', coupled![0]!)],
    };
  };
}

const SRC3 = { paper: '001_cb8436cba21c199a.txt', where: '§III.B, Fig. 3, footnote 31' };
const ST3 = 'Initially, the discriminator assigns low values to the cluster of particles. However, the initial cloud of particles rapidly splits apart, and the adversarial dynamic results in informative gradients being passed to the generator particles, which quickly converge to the full multi-modal distribution.';
const SRC4 = { paper: '001_cb8436cba21c199a.txt', where: '§III.B, Fig. 4' };
const ST4 = 'In a second experiment, we begin with the same initialization, but instead use an NTK satisfying g_2/g_1 = 1/5. … generator particles (in white) no longer split apart. Instead, they stay together as the entire cluster shifts from mode to mode indefinitely.';

export const effFig3Converges = experiment({
  id: 'eff.fig3-converges', source: SRC3, statement: ST3, tier: 'slow', kind: 'reproduction', expect: 'not-shown', exercises: ['particle-gan'],
  notes: builtInNotes('Re-run 2026-12-04 with α_G piloted (10 min; fixtures/reruns/2026-12-04/eff.fig3-fig4/): the cloud splits and covers all 8 modes evenly once the step is small enough not to jitter (final metric 0.005–0.47 at α_G = 0.1, 0.000–0.002 at 0.03 and 0.01, 8 runs each), but precise convergence by our a-priori bar (mean log-likelihood > 0, a typical particle within ≈ 2.8 std of its mode; the paper gives no number) is not reached: −0.8 … −128 at α_G = 0.1 and −0.9 … −5.3 at 0.03 (significantly below 0 on all 8 runs), −15.4 … 1.6 at 0.01 (2 of 8 above 0). Decided at α_G = 0.01 as stated before the run: not shown. The verdict depends on α_G and on the bar: mode coverage holds at every α_G ≤ 0.03; "converge precisely" fails at 0.1 and 0.03. Until 2026-12-04 registered refuted on one run at α_G = 0.1.'),
  checks: `App. A's effective model (N = 200, width 2048; the paper's figure used 2000 particles and a 4 × 512 net, out of reach here), g₂ = 0 (g₁ = N), n_disc = 5, α_G ∈ {${FIG3_ALPHA_G.join(', ')}} at α_G·T = ${FIG3_HORIZON}, ${FIG3_SEEDS} seeds × both starts: at each α_G, one-sample Wilcoxon (one-sided α = 0.01, both ways) that the final metric (mean of the last 4 records) is < 0.1 and the mean log-likelihood > 0; decided at the smallest α_G (settled dynamics), every α_G reported.`,
  run: fig3Full(),
});
export const effFig3ConvergesReduced = experiment({
  id: 'eff.fig3-converges.reduced', source: SRC3, statement: ST3, tier: 'fast', kind: 'reproduction', expect: 'holds', exercises: ['particle-gan'],
  checks: `N = 100, width 256, n_disc = 5, 600 iterations, ${REDUCED_SEEDS} seeds × both starts (8 pairs): paired Wilcoxon, one-sided α = ${REDUCED_ALPHA}: the final metric (mean of the last 4 records) of g₂/g₁ = 1/5 exceeds that of g₂ = 0 from the same seed and start, and the g₂ = 0 metric is below ½ log 8; three outcomes, a reduced run never refutes.`,
  notes: builtInNotes('Until 2026-12-04 decided on one seed (both starts). The metric gap is large (≤ 0.22 vs ≥ 1.6 in the pilot), so 8 pairs decide it.'),
  run: fig3Reduced(REDUCED, 'metric'),
});
export const effFig3ConvergesReducedLogLik = experiment({
  id: 'eff.fig3-converges.reduced-loglik', source: SRC3, statement: ST3, tier: 'fast', kind: 'reproduction', expect: 'holds', exercises: ['particle-gan'],
  notes: builtInNotes('Sensitive to the unstated α_G. Until 2026-12-04 this ran at α_G = 0.1 for 600 iterations on one seed and was registered refuted; it held on 14 of 20 global seeds, because at that step the particles keep jittering around the modes and the log-likelihood is noise (−44 … −908). Pilot (4 seeds × 2 starts): α_G = 0.1, 600 iterations: the diagonal NTK wins 4 of 8 pairs; α_G = 0.03, 600: 6 of 8; α_G = 0.03, 1 500 iterations: 8 of 8 (also 12 of 12 at N = 64 and at width 128); α_G = 0.01, 2 000: 8 of 8. Decided at α_G = 0.03, 1 500 iterations, on 6 seeds × 2 starts (with 4 × 2 one lost pair of 8 gave p = 0.012 on one global seed in 6). Even there the mean log-likelihood stays far below the peak log-density 3.9 (≈ −200: particles ≈ 0.4 from a mode of std 0.02), so "converge precisely" is not reached at this width.'),
  checks: `N = 100, width 256, n_disc = 5, α_G = 0.03, 1 500 iterations, ${REDUCED_LOGLIK.seeds} seeds × both starts (12 pairs): paired Wilcoxon, one-sided α = ${REDUCED_ALPHA}: the g₂ = 0 run ends with a higher mean log-likelihood (last 4 records) than the g₂/g₁ = 1/5 run from the same seed and start; three outcomes, a reduced run never refutes.`,
  run: fig3Reduced(REDUCED_LOGLIK, 'loglik'),
});
export const effFig4Collapse = experiment({
  id: 'eff.fig4-collapse', source: SRC4, statement: ST4, tier: 'slow', kind: 'reproduction', expect: 'holds', exercises: ['particle-gan'],
  notes: builtInNotes('App. A\'s effective model (N = 200, width 2048), not Fig. 4\'s 2000 particles and 4 × 512 network (out of reach here); the same reduction as eff.fig3-converges. Until 2026-12-04 decided on one run from one start.'),
  checks: `N = 200, width 2048, g₂/g₁ = 1/5, n_disc = 5, 2000 iterations, ${REDUCED_SEEDS} seeds × both starts: one-sample Wilcoxon (one-sided α = ${REDUCED_ALPHA}, both ways) that after iteration 100 the minimum metric exceeds ½ log 8 and that ≥ ${MIN_HOPS} distinct majority modes are visited.`,
  run: fig4Multi(FULL, 'paper'),
});
export const effFig4CollapseReduced = experiment({
  id: 'eff.fig4-collapse.reduced', source: SRC4, statement: ST4, tier: 'fast', kind: 'reproduction', expect: 'holds', exercises: ['particle-gan'],
  checks: `N = 100, width 256, g₂/g₁ = 1/5, n_disc = 5, 600 iterations, ${REDUCED_SEEDS} seeds × both starts (8 runs): one-sample Wilcoxon, one-sided α = ${REDUCED_ALPHA}, that after iteration 100 the minimum metric exceeds ½ log 8 and that ≥ ${MIN_HOPS} distinct majority modes are visited; three outcomes, a reduced run never refutes.`,
  notes: builtInNotes('Until 2026-12-04 decided on one seed (both starts).'),
  run: fig4Multi(REDUCED, 'reduced'),
});
