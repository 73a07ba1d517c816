/**
 * jc.clamp-effect — 003 §4: "the effect of Jacobian Clamping was to prevent the GANs from falling
 * into the ill-conditioned cluster … the runs using Jacobian Clamping all show condition numbers that
 * stop growing early in training", with λ_max = 20, λ_min = 1, ε = 1.
 *
 * Toy version (the MNIST version is jc.mnist in the TensorFlow.js tier): non-saturating GAN (eqs. 1–2)
 * on an 8-Gaussian ring (radius 2, std 0.05) in ℝ², n_z = 2 (so M_z is 2×2 and full rank), generator
 * and discriminator MLPs 2→h→h→out with tanh, Adam (β₁ = 0.5), batch 64. Each seed trains one run
 * without and one with clamping (Algorithm 1, penalty weight 1; same initialisation and data stream).
 * Per run, the statistic is the mean log condition number of M_z over a fixed batch of 32 latents,
 * averaged over the last quarter of the evaluations (the end-of-training level of 003 Fig. 1, top).
 *
 * Decision, α = 0.05 each (tests fixed before any run):
 *  - lower: one-sided Mann–Whitney U, clamped < unclamped (effect: common-language P(X_clamped < X_raw));
 *  - spread: one-sided Mann–Whitney U on absolute deviations from each arm's median (a rank
 *    Brown–Forsythe test), clamped < unclamped; the SD ratio is reported.
 *
 * Result at the default seed, 20 seeds per arm (slow tier): lower holds overwhelmingly (mean ln κ
 * 6.48 → 3.62, p = 7e-12, every clamped run below every unclamped one); spread is NOT established
 * (SD 0.58 → 0.34, but the rank test gives p = 0.22; 10 seeds gave p = 0.06). So `jc.clamp-effect`
 * (both directions, as catalogued) is registered refuted, and `jc.clamp-effect.corrected` keeps the
 * reading that holds on this toy: clamping keeps the condition number lower (003: "With Jacobian
 * Clamping, GANs consistently have lower condition numbers"); the variance statement of 003 is about
 * scores across MNIST/CIFAR runs and is checked by jc.mnist.
 */
import { experiment, type ClaimContext, type ExperimentOutcome } from '../claim.ts';
import { combineDecisions, mannWhitneyU, mean, median, std, twoSampleDirection } from '../../stats/index.ts';
import { PAPER_CLAMP, trainGan, type GanConfig, type GanRun, type JacobianClamping } from '../../systems/jacobian-clamping/index.ts';
import { PAPER, jcSystem } from './common.ts';
import { Rng } from '../../random/rng.ts';
import { deriveSeed } from '../../random/seed.ts';

const ALPHA = 0.05;

interface Params { seeds: number; cfg: GanConfig; /** Whether the spread test is part of the verdict. */ decideSpread: boolean }

/**
 * Runs are deterministic in (system, config, seed): cache them so the claim and its .corrected reading
 * share one set of runs in a process. The jacobian-clamping system (the user's or the built-in) gives
 * the trajectory's mean log condition number and the clamped generator step (Algorithm 1's gradient).
 */
const caches = new WeakMap<JacobianClamping, Map<string, GanRun>>();
function cachedRun(jc: JacobianClamping, cfg: GanConfig, seed: number, clamp: boolean): GanRun {
  let cache = caches.get(jc);
  if (!cache) { cache = new Map(); caches.set(jc, cache); }
  const key = `${JSON.stringify(cfg)}|${seed}|${clamp}`;
  let r = cache.get(key);
  if (!r) { r = trainGan(cfg, seed, clamp ? PAPER_CLAMP : null, jc); cache.set(key, r); }
  return r;
}

const base: Omit<GanConfig, 'hidden' | 'steps' | 'evalEvery'> = {
  data: { modes: 8, radius: 2, std: 0.05 }, nz: 2, genAct: 'tanh', discAct: 'tanh', batch: 64,
  lrG: 1e-3, lrD: 1e-3, beta1: 0.5, evalBatch: 32, evalSamples: 800,
};
const SLOW_CFG: GanConfig = { ...base, hidden: 32, steps: 2000, evalEvery: 100 };
const SLOW: Params = { seeds: 20, cfg: SLOW_CFG, decideSpread: true };
const SLOW_CORRECTED: Params = { seeds: 20, cfg: SLOW_CFG, decideSpread: false };
/**
 * Reduced (fast tier) of the corrected reading: the level direction only, 300 steps, width 16, 5 seeds
 * per arm (measured p = 0.016; the spread is not detected at this scale either, p ≈ 0.5).
 */
const REDUCED: Params = { seeds: 5, cfg: { ...base, hidden: 16, steps: 300, evalEvery: 30 }, decideSpread: false };

function lateLevel(r: GanRun): number {
  const tr = r.trajectory;
  const k = Math.max(1, Math.floor(tr.length / 4));
  return mean(tr.slice(tr.length - k).map((p) => p.meanLogCond));
}

function absDev(xs: number[]): number[] {
  const m = median(xs);
  return xs.map((x) => Math.abs(x - m));
}

async function run(p: Params, ctx: ClaimContext): Promise<ExperimentOutcome> {
  const jc = jcSystem(ctx);
  const raw: GanRun[] = [];
  const clamped: GanRun[] = [];
  const runSeeds: number[] = [];
  // Seeds come from the parent id, not ctx.rng (which is per claim id): the claim and its
  // .corrected reading then judge the very same runs.
  const seeds = new Rng(deriveSeed(ctx.globalSeed, 'jc.clamp-effect'));
  for (let s = 0; s < p.seeds; s++) {
    const seed = seeds.nextU32();
    runSeeds.push(seed);
    raw.push(cachedRun(jc, p.cfg, seed, false));
    clamped.push(cachedRun(jc, p.cfg, seed, true));
    ctx.progress(`seed ${s + 1}/${p.seeds}: mean log κ ${lateLevel(raw[s]!).toFixed(2)} (raw) vs ${lateLevel(clamped[s]!).toFixed(2)} (clamped)`);
  }
  const diverged = [...raw, ...clamped].filter((r) => r.divergedAtStep !== undefined).length;
  const a = raw.map(lateLevel);
  const b = clamped.map(lateLevel);
  const lower = mannWhitneyU(b, a, 'less');
  const spread = mannWhitneyU(absDev(b), absDev(a), 'less');
  const fdRaw = raw.map((r) => r.frechet);
  const fdJc = clamped.map((r) => r.frechet);
  // Three outcomes (src/stats/verdict.ts): Mann–Whitney both ways; a diverged run decides nothing.
  const opts = { alpha: ALPHA, decidingScale: 'more seeds per arm' };
  const parts = [
    twoSampleDirection('mean log κ lower with clamping', a, b, opts),
    ...(p.decideSpread ? [twoSampleDirection('spread (|x − median|) of mean log κ smaller with clamping', absDev(a), absDev(b), opts)] : []),
  ];
  const decision = combineDecisions(p.decideSpread ? 'clamping lowers the condition number and its spread' : 'clamping lowers the condition number', parts);
  const verdict = diverged > 0 ? 'not-shown' as const : decision.verdict;
  const figValues = [
    ...raw.flatMap((r, s) => r.trajectory.map((t) => ({ step: t.step, meanLogCond: t.meanLogCond, run: `raw ${s}`, arm: 'without clamping' }))),
    ...clamped.flatMap((r, s) => r.trajectory.map((t) => ({ step: t.step, meanLogCond: t.meanLogCond, run: `jc ${s}`, arm: 'with clamping (λ_max 20, λ_min 1, ε 1)' }))),
  ];
  return {
    verdict, decision,
    numRuns: raw.length + clamped.length,
    evidence: {
      ...(diverged > 0 ? { reason: `${diverged} run(s) diverged` } : {}),
      setup: { ...p.cfg, seedsPerArm: p.seeds, runSeeds, clamp: PAPER_CLAMP, statistic: 'mean ln κ(M_z) over 32 fixed latents, averaged over the last quarter of evaluations' },
      tests: `one-sided Mann–Whitney U (clamped < raw) on the level and on |x − median| (rank Brown–Forsythe), α = ${ALPHA}`,
      levelRaw: a, levelClamped: b,
      meanLevelRaw: mean(a), meanLevelClamped: mean(b),
      lowerPValue: lower.pValue, lowerEffectPClampedBelow: 1 - lower.effect,
      sdRaw: std(a), sdClamped: std(b), spreadPValue: spread.pValue, sdRatioClampedOverRaw: std(b) / std(a),
      frechetRaw: fdRaw, frechetClamped: fdJc, sdFrechetRaw: std(fdRaw), sdFrechetClamped: std(fdJc),
      modesRaw: raw.map((r) => r.modesCovered), modesClamped: clamped.map((r) => r.modesCovered),
      lastMeanQClamped: clamped.map((r) => r.lastMeanQ ?? NaN),
      diverged,
      paper: 'MNIST, 10 runs each: clamped runs\' condition numbers stop growing early; unclamped runs split into a well- and an ill-conditioned cluster (003 Fig. 1).',
    },
    figures: [{
      name: 'log-condition',
      title: 'jc.clamp-effect: mean log condition number of M_z during training, without vs with Jacobian Clamping (cf. 003 Fig. 1, top row)',
      spec: {
        $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
        data: { values: figValues },
        mark: 'line',
        encoding: {
          x: { field: 'step', type: 'quantitative', title: 'generator step' },
          y: { field: 'meanLogCond', type: 'quantitative', title: 'mean ln(λ_max/λ_min)' },
          color: { field: 'arm', type: 'nominal' },
          detail: { field: 'run', type: 'nominal' },
        },
        width: 420, height: 300,
      },
    }],
  };
}

const statement =
  'Specifically, we train the same models as from the previous section using Jacobian Clamping with a λ_max of 20, a λ_min of 1, and ε of 1 and hold everything else the same. … Broadly speaking, the effect of Jacobian Clamping was to prevent the GANs from falling into the ill-conditioned cluster. … With Jacobian Clamping, GANs consistently have lower condition numbers and perform well.';
const checks = (p: Params) =>
  `${p.seeds} seeds × (without, with Jacobian Clamping λ_max = 20, λ_min = 1, ε = 1) of a tanh MLP GAN (width ${p.cfg.hidden}, ${p.cfg.steps} steps) on an 8-Gaussian ring: ` +
  `the clamped runs\' end-of-training mean log condition number is lower (one-sided Mann–Whitney U, α = ${ALPHA})` +
  (p.decideSpread ? ` and less spread across seeds (Mann–Whitney on absolute deviations from the median, α = ${ALPHA}).` : '; the spread across seeds is reported, not decided.') +
  ' The jacobian-clamping system gives the tracked mean log condition number and the clamped generator step (Algorithm 1\'s penalty gradient); the GAN losses and Adam are the trainer\'s own.';

const notes =
  'Level (clamped < unclamped mean log κ): holds, p = 7e-12 at 20 seeds per arm. Spread (smaller across-seed spread with clamping): SD 0.58 → 0.34 but the pre-stated rank ' +
  'Brown–Forsythe test gives p = 0.22 (0.06 with 10 seeds): not established on this toy. Corrected reading (jc.clamp-effect.corrected): clamping keeps the mean log condition number lower; ' +
  'the variance-of-scores statement is left to jc.mnist. jc.clamp-effect was registered refuted until 2026-12-04; a spread test at p = 0.22 (neither direction ' +
  'significant) shows nothing, so under the three-outcome rule it is not shown, with that power.';

export const jcClampEffect = experiment({
  id: 'jc.clamp-effect',
  source: { paper: PAPER, where: '§4 "Jacobian Clamping Improves Mean Score and Reduces Variance of Scores", Fig. 1' },
  statement, checks: checks(SLOW), notes,
  tier: 'slow', kind: 'statistical', expect: 'not-shown', systems: ['jacobian-clamping'],
  run: (ctx) => run(SLOW, ctx),
});

export const jcClampEffectCorrected = experiment({
  id: 'jc.clamp-effect.corrected',
  source: { paper: PAPER, where: '§4, Fig. 1 (level direction: "With Jacobian Clamping, GANs consistently have lower condition numbers")' },
  statement, checks: checks(SLOW_CORRECTED), notes,
  tier: 'slow', kind: 'statistical', expect: 'holds', systems: ['jacobian-clamping'],
  run: (ctx) => run(SLOW_CORRECTED, ctx),
});

export const jcClampEffectCorrectedReduced = experiment({
  id: 'jc.clamp-effect.corrected.reduced',
  source: { paper: PAPER, where: '§4, Fig. 1 (reduced: fewer seeds, smaller nets, fewer steps)' },
  statement, checks: checks(REDUCED), notes,
  tier: 'fast', kind: 'statistical', expect: 'holds', systems: ['jacobian-clamping'],
  run: (ctx) => run(REDUCED, ctx),
});
