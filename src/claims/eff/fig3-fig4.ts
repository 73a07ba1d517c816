/**
 * eff.fig3-converges and eff.fig4-collapse — 001 §III.B, Figs. 3–4. Diagonal NTK (g₂ = 0, g₁ = N:
 * footnote 31's g₁ = 2000 is N for the figure's 2000 particles; the velocity is α_G∇D(Xₐ) either way)
 * lets the cloud split and converge to all 8 modes; g₂/g₁ = 1/5 keeps it together, hopping from mode
 * to mode. The paper's Figs. 3–4 used 2000 particles and a 4-layer discriminator; we run the App. A
 * setup (200 particles, one wide hidden layer) throughout, as Algorithm 1 prescribes.
 *
 * Slow tier: N = 200, width 2048, 2000 iterations, the chosen start (§IV.A). Reduced fast tier:
 * N = 100, width 256, 600 iterations, both starts; the directions (φ = 0 ends far below ½ log 8 with
 * higher log-likelihood than φ = 1/5; φ = 1/5 stays above ½ log 8 and changes its mode) must hold
 * from each start.
 */
import { experiment } from '../claim.ts';
import { runGrid, type Alg1Config, type Alg1Summary } from '../../systems/particle-gan/index.ts';
import { withReason } from './outcome.ts';
import { baseConfig, describe, distinctTopModes, snapshotFigure, traceFigure, PARTICLE_INIT } from './particle-setup.ts';

/** Fig. 5's boundary criterion: ½ log 8. */
const HALF_LOG8 = 0.5 * Math.log(8);
/** "Metric near 0": below 0.1 (e.g. 8 modes holding 9–16 % each). */
const CONVERGED_METRIC = 0.1;
/** "Log-likelihood high": the mean log-density above 0, i.e. a typical particle within ≈ 2.8 std (0.056) of its mode (peak log-density 3.9). */
const CONVERGED_LOGLIK = 0;
/** Mode hopping: at least 3 distinct majority modes seen after the first 100 iterations. */
const MIN_HOPS = 3;

interface Scale { N: number; H: number; iters: number; every: number }
const FULL: Scale = { N: 200, H: 2048, iters: 2000, every: 20 };
const REDUCED: Scale = { N: 100, H: 256, iters: 600, every: 20 };

function cells(sc: Scale, phi: number, seed: number, inits: ('text' | 'appA')[]): Alg1Config[] {
  return inits.map((init) => baseConfig({
    seed, N: sc.N, H: sc.H, iters: sc.iters, recordEvery: sc.every, init,
    ...(phi === 0 ? { coupling: { g1: sc.N, g2: 0 } } : { phi }),
    snapshotsAt: [0, 50, 100, 200, Math.round(sc.iters / 2), sc.iters],
  }));
}

/** Mean metric and log-likelihood over the last 4 records (the paper averages at T ± n·20). */
function tail(s: Alg1Summary) {
  const r = s.records.slice(-4);
  return { collapse: r.reduce((a, x) => a + x.collapse, 0) / r.length, logLik: r.reduce((a, x) => a + x.logLik, 0) / r.length };
}

function fig3(sc: Scale, reduced: boolean, judgeLogLik = true) {
  return async (ctx: Parameters<Parameters<typeof experiment>[0]['run']>[0]) => {
    const inits = reduced ? (['text', 'appA'] as const) : ([PARTICLE_INIT, PARTICLE_INIT === 'text' ? 'appA' : 'text'] as const);
    const seed = ctx.rng.fork().nextU32();
    const diag = cells(sc, 0, seed, [...inits]);
    const coupled = reduced ? cells(sc, 0.2, seed, [...inits]) : [];
    const res = await runGrid([...diag, ...coupled], { onDone: (d, t) => ctx.progress(`${d}/${t} runs`) });
    const ev: Record<string, unknown> = { setup: describe(diag[0]!), thresholds: { converged: `metric < ${CONVERGED_METRIC}, log-lik > ${CONVERGED_LOGLIK}`, collapse: `metric > ½ log 8 = ${HALF_LOG8.toFixed(3)}` } };
    let holds = true;
    inits.forEach((init, k) => {
      const d = tail(res[k]!);
      ev[`diagonal_${init}`] = { ...d, diverged: res[k]!.diverged };
      if (reduced) {
        const c = tail(res[inits.length + k]!);
        ev[`coupled0.2_${init}`] = c;
        // Direction: the diagonal NTK splits (below ½ log 8) and fits the modes better than φ = 1/5.
        holds &&= judgeLogLik ? d.logLik > c.logLik : !res[k]!.diverged && d.collapse < HALF_LOG8 && d.collapse < c.collapse;
      } else if (init === PARTICLE_INIT) {
        holds &&= !res[k]!.diverged && d.collapse < CONVERGED_METRIC && d.logLik > CONVERGED_LOGLIK;
      }
    });
    if (!reduced) ev.note = `holds is judged on the chosen start ${PARTICLE_INIT}; the other start is reported for comparison`;
    return withReason({
      holds, evidence: ev, numRuns: res.length,
      figures: [
        snapshotFigure('fig3', `Fig. 3 equivalent: diagonal NTK (g₂ = 0), start ${inits[0]}`, res[0]!),
        traceFigure('fig3-metric', 'Mode-collapse metric over time, diagonal NTK', res.map((s, i) => ({ label: i < inits.length ? `g₂ = 0, ${inits[i]}` : `g₂/g₁ = 0.2, ${inits[i - inits.length]}`, s }))),
      ],
    }, () => `criterion not met: ${JSON.stringify(Object.fromEntries(Object.entries(ev).filter(([k]) => k.startsWith('diagonal') || k.startsWith('coupled'))))}`);
  };
}

function fig4(sc: Scale, reduced: boolean) {
  return async (ctx: Parameters<Parameters<typeof experiment>[0]['run']>[0]) => {
    const inits = reduced ? (['text', 'appA'] as const) : ([PARTICLE_INIT] as const);
    const seed = ctx.rng.fork().nextU32();
    const cs = cells(sc, 0.2, seed, [...inits]);
    const res = await runGrid(cs, { onDone: (d, t) => ctx.progress(`${d}/${t} runs`) });
    const ev: Record<string, unknown> = { setup: describe(cs[0]!), criteria: `after iteration 100 every recorded metric > ½ log 8 = ${HALF_LOG8.toFixed(3)} and ≥ ${MIN_HOPS} distinct majority modes` };
    let holds = true;
    inits.forEach((init, k) => {
      const s = res[k]!;
      const after = s.records.filter((r) => r.iter >= 100);
      const minMetric = Math.min(...after.map((r) => r.collapse));
      const hops = distinctTopModes(s, 100);
      ev[`coupled0.2_${init}`] = { minMetricAfter100: minMetric, distinctMajorityModes: hops, diverged: s.diverged };
      holds &&= !s.diverged && minMetric > HALF_LOG8 && hops >= MIN_HOPS;
    });
    return withReason({
      holds, evidence: ev, numRuns: res.length,
      figures: [
        snapshotFigure('fig4', `Fig. 4 equivalent: g₂/g₁ = 1/5, start ${inits[0]}`, res[0]!),
        traceFigure('fig4-metric', 'Mode-collapse metric over time, g₂/g₁ = 1/5', res.map((s, i) => ({ label: inits[i]!, s }))),
      ],
    }, () => `criterion not met: ${JSON.stringify(Object.fromEntries(Object.entries(ev).filter(([k]) => k.startsWith('coupled'))))}`);
  };
}

const SRC3 = { paper: '001_cb8436cba21c199a.txt', where: '§III.B, Fig. 3, footnote 31' };
const ST3 = 'Initially, the discriminator assigns low values to the cluster of particles. However, the initial cloud of particles rapidly splits apart, and the adversarial dynamic results in informative gradients being passed to the generator particles, which quickly converge to the full multi-modal distribution.';
const SRC4 = { paper: '001_cb8436cba21c199a.txt', where: '§III.B, Fig. 4' };
const ST4 = 'In a second experiment, we begin with the same initialization, but instead use an NTK satisfying g_2/g_1 = 1/5. … generator particles (in white) no longer split apart. Instead, they stay together as the entire cluster shifts from mode to mode indefinitely.';

export const effFig3Converges = experiment({
  id: 'eff.fig3-converges', source: SRC3, statement: ST3, tier: 'slow', kind: 'reproduction', expect: 'refuted', exercises: ['particle-gan'],
  notes: 'Refuted as a reproduction with our step sizes (the paper gives none): the diagonal-NTK cloud splits and covers all 8 modes evenly (metric 0.008 from (1/√2, 1/√2), 0.005 from (√2, √2) after 2000 iterations), but with α_G = 0.1 the particles keep jittering around the modes, so the mean log-likelihood stays below our a-priori bar of 0 (−17.1 and −0.8; peak log-density 3.9). Mode coverage reproduces; precise convergence does not at this step size.',
  checks: 'N = 200, width 2048, g₂ = 0 (g₁ = N), n_disc = 5, 2000 iterations from the chosen start: the mode-collapse metric averaged over the last 4 records (20 apart) is < 0.1 and the mean log-likelihood > 0; the other start is reported.',
  run: fig3(FULL, false),
});
export const effFig3ConvergesReduced = experiment({
  id: 'eff.fig3-converges.reduced', source: SRC3, statement: ST3, tier: 'fast', kind: 'reproduction', expect: 'holds', exercises: ['particle-gan'],
  checks: 'N = 100, width 256, n_disc = 5, 600 iterations, from both starts: with g₂ = 0 the final metric (mean of the last 4 records) is below ½ log 8 and below that of g₂/g₁ = 1/5 from the same start and seed.',
  run: fig3(REDUCED, true, false),
});
export const effFig3ConvergesReducedLogLik = experiment({
  id: 'eff.fig3-converges.reduced-loglik', source: SRC3, statement: ST3, tier: 'fast', kind: 'reproduction', expect: 'refuted', exercises: ['particle-gan'],
  notes: 'Does not hold at reduced scale: with α_G = 0.1 the diagonal-NTK particles split over the modes (metric ≤ 0.33) but keep oscillating around them, so their instantaneous mean log-likelihood after 600 iterations is noisy (−40 … −850 across seeds and starts) and from one of the two starts (which one depends on the seed) falls below that of the collapsed g₂/g₁ = 1/5 cloud. The paper itself notes (Fig. 6) that precise convergence needs to be well inside the converged phase.',
  checks: 'N = 100, width 256, n_disc = 5, 600 iterations, both starts: the g₂ = 0 run ends with a higher mean log-likelihood (last 4 records) than the g₂/g₁ = 1/5 run from the same start and seed.',
  run: fig3(REDUCED, true, true),
});
export const effFig4Collapse = experiment({
  id: 'eff.fig4-collapse', source: SRC4, statement: ST4, tier: 'slow', kind: 'reproduction', expect: 'holds', exercises: ['particle-gan'],
  checks: 'N = 200, width 2048, g₂/g₁ = 1/5, n_disc = 5, 2000 iterations: after iteration 100 the metric never drops to ½ log 8 and the majority mode changes (≥ 3 distinct).',
  run: fig4(FULL, false),
});
export const effFig4CollapseReduced = experiment({
  id: 'eff.fig4-collapse.reduced', source: SRC4, statement: ST4, tier: 'fast', kind: 'reproduction', expect: 'holds', exercises: ['particle-gan'],
  checks: 'N = 100, width 256, g₂/g₁ = 1/5, n_disc = 5, 600 iterations, both starts: after iteration 100 the metric stays above ½ log 8 and ≥ 3 distinct majority modes are visited.',
  run: fig4(REDUCED, true),
});
