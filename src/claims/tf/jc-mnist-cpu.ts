/**
 * jc.mnist.cpu (slow): 003 §3–4, Fig. 1 decided on a CPU — the same statistical tests as jc.mnist
 * (the gpu tier) on the same data (all ten MNIST digits, the mnist package), the same number of runs
 * (10 without and 10 with Jacobian Clamping, run i of both arms from the same seed) and the paper's
 * optimizer (Adam with Radford et al.'s settings, lr 2·10⁻⁴, β₁ = 0.5, which 003 §3 says it uses),
 * with dense networks the wasm backend trains (it has no convolution gradient; GPU.md).
 *
 * What differs from the paper, and why it is still a test of its statement: the generator and
 * discriminator are 3-layer MLPs (gan-models.ts 'dense', H = 128: G 32 → 128 → 256 → 784, D 784 →
 * 256 → 128 → 1) instead of DCGAN convolutions; a 32-dimensional latent instead of 100 (a dense
 * generator's first ReLU layer must keep more active units than latent dimensions or J_z is rank
 * deficient: the first pilot, nz = 100 with H = 64, gave log κ = +∞ on every run; DCGAN's first layer
 * is 7·7·2H wide); batch 64 instead of 128; a fixed run length of 12 000 steps, from a pilot
 * (2026-12-04, one unclamped run to 20 000 steps) in which the classifier score reached 5.46 at
 * 12 000 and 5.72 at 20 000 and the Fréchet distance 34.5 and 35.3 — levelled off by the paper's own
 * measures, while log κ kept climbing (5.8 → 11.8), as 003 §3 describes; the curves of every run are
 * in the report. 003's claims are about the generator's Jacobian J_z, the clamp on
 * ‖G(z) − G(z + δ)‖/‖δ‖ and the classifier metrics, none of which is specific to convolutions.
 *
 * Decision, three outcomes (src/stats/verdict.ts), every block at α = 0.05 in both directions:
 *  1. mean log κ(M_z) at the end: unclamped > clamped (Mann–Whitney U);
 *  2. run-to-run spread of the classifier score: unclamped > clamped (Mann–Whitney U on |x − median|,
 *     the rank form of the Brown–Forsythe test);
 *  3. the same for the Fréchet distance;
 *  4. across the unclamped runs, r(mean log κ, least-sampled class count) < 0 (Pearson, Fisher z;
 *     the paper reports r = −0.86 on its 10 runs).
 * Holds if every block holds, refuted if one is significant the other way, otherwise not shown (with
 * the power each test had). A diverged run is a result: it ranks as worst (log κ = +∞, score 1, FD
 * above every finite one, least-sampled count 0).
 *
 * Each training run is one unit (src/claims/units.ts), so the 20 runs spread over worker threads and
 * nightly shards; a unit's randomness is its seed only.
 */
import { experiment, type Claim, type ClaimContext, type ExperimentOutcome } from '../claim.ts';
import { combineDecisions, decideDirection, describeDecision, median, normalCdf, normalQuantile, pearson, twoSampleDirection, type Decision } from '../../stats/index.ts';
import { Rng } from '../../random/rng.ts';
import type { GanRunConfig, GanRunResult } from '../../tf/train-gan.ts';
import type { Units } from '../units.ts';
import { loadTf } from './load-tf.ts';
import { lineFigure } from '../../tf/figures.ts';
import { logRun } from '../../tf/run-log.ts';

/** Level of each one-sided test (both directions; intersection-union over the blocks, no correction due). */
const ALPHA = 0.05;
/** The paper's correlation between mean log condition number and least-sampled class count (003 §3). */
const PAPER_R = -0.86;

export interface JcCpuParams { id: string; runs: number; gan: Omit<GanRunConfig, 'clamp'> }

export const JC_CPU: JcCpuParams = {
  id: 'jc.mnist.cpu', runs: 10,
  gan: { arch: 'dense', H: 128, nz: 32, alphaG: 1, alphaD: 1, lrG: 2e-4, lrD: 2e-4, gamma: 0.9, optimizer: 'adam', beta1: 0.5, batch: 64, steps: 12000, evalEvery: 1000, nEval: 360, nJac: 32 },
};

export interface JcUnit { run: number; seed: number; clamped: boolean }
export type JcUnitResult = Pick<GanRunResult, 'seed' | 'history' | 'final' | 'divergedAt' | 'stepsPerSecond'> & { clamped: boolean };

/** A diverged run's final metrics, ranked worst by every test (file comment). */
function finalOf(r: JcUnitResult) {
  if (r.divergedAt !== undefined) return { logCond: Number.MAX_VALUE, score: 1, fd: Number.MAX_VALUE, leastCount: 0 };
  const f = r.final;
  return { logCond: Number.isFinite(f.logCond) ? f.logCond : Number.MAX_VALUE, score: f.score, fd: f.fd, leastCount: f.leastCount };
}

const absDev = (xs: number[]) => {
  const m = median(xs);
  return xs.map((x) => Math.abs(x - m));
};

/** Block 4: Pearson r < 0 as a three-outcome decision; power (Fisher z) against the paper's r. */
function correlationDecision(x: number[], y: number[]): Decision {
  const n = x.length;
  const constant = new Set(x).size < 2 || new Set(y).size < 2 || n < 4;
  const c = constant ? null : pearson(x, y);
  const r = c ? c.r : 0;
  const p2 = c ? c.pValue : 1;
  const power = n >= 4 ? normalCdf(Math.atanh(-PAPER_R) * Math.sqrt(n - 3) - normalQuantile(1 - ALPHA)) : 0;
  return decideDirection({
    what: `r(mean log κ, least-sampled class count) < 0 over ${n} unclamped runs${c ? ` (r = ${r.toFixed(3)}, 95 % CI ${c.lo.toFixed(2)} … ${c.hi.toFixed(2)}; paper ${PAPER_R})` : ' (undefined: a constant variable)'}`,
    test: `one-sided Pearson correlation (Fisher z), n = ${n}`, alpha: ALPHA,
    pPaper: r < 0 ? p2 / 2 : 1 - p2 / 2, pOpposite: r > 0 ? p2 / 2 : 1 - p2 / 2,
    effect: r, effectName: 'Pearson r', power, powerAgainst: `the paper's r = ${PAPER_R}`,
    decidingScale: 'more unclamped runs',
  });
}

export function jcCpuDecision(free: JcUnitResult[], clamped: JcUnitResult[]): Decision {
  const f = free.map(finalOf), c = clamped.map(finalOf);
  const o = { alpha: ALPHA, decidingScale: 'more runs per arm or longer training' };
  return combineDecisions('Jacobian Clamping lowers log κ and the run-to-run spread; log κ predicts the missing modes', [
    twoSampleDirection('mean log κ(M_z): unclamped > clamped', f.map((m) => m.logCond), c.map((m) => m.logCond), o),
    twoSampleDirection('spread |score − median|: unclamped > clamped', absDev(f.map((m) => m.score)), absDev(c.map((m) => m.score)), o),
    twoSampleDirection('spread |FD − median|: unclamped > clamped', absDev(f.map((m) => m.fd)), absDev(c.map((m) => m.fd)), o),
    correlationDecision(f.map((m) => m.logCond), f.map((m) => m.leastCount)),
  ]);
}

export function jcCpuUnits(p: JcCpuParams): Units<JcUnit, JcUnitResult> {
  return {
    list: ({ seed }) => {
      const rng = new Rng(seed);
      const seeds = Array.from({ length: p.runs }, () => rng.int(2 ** 31));
      return seeds.flatMap((s, run) => [{ run, seed: s, clamped: false }, { run, seed: s, clamped: true }]);
    },
    label: (u) => `r${u.run}-${u.clamped ? 'clamped' : 'free'}`,
    run: async (u, ctx) => {
      const T = await loadTf();
      const setup = await T.tfSetup(ctx.options, p.gan.digits);
      const r = T.trainGanRun({ ...p.gan, clamp: u.clamped ? T.PAPER_CLAMP : null }, u.seed, setup.data, (m) => ctx.progress(`run ${u.run + 1}/${p.runs}${u.clamped ? ' clamped' : ''}: ${m}`));
      logRun(ctx.options, p.id, { run: u.run, clamped: u.clamped, seed: u.seed, final: r.final, divergedAt: r.divergedAt, stepsPerSecond: r.stepsPerSecond, history: r.history });
      return { seed: r.seed, history: r.history, final: r.final, ...(r.divergedAt !== undefined ? { divergedAt: r.divergedAt } : {}), stepsPerSecond: r.stepsPerSecond, clamped: u.clamped };
    },
    reduce: async (results, ctx) => jcCpuOutcome(p, results, ctx),
  };
}

async function jcCpuOutcome(p: JcCpuParams, results: JcUnitResult[], ctx: ClaimContext): Promise<ExperimentOutcome> {
  const T = await loadTf();
  const setup = await T.tfSetup(ctx.options, p.gan.digits);
  const free = results.filter((r) => !r.clamped);
  const clamped = results.filter((r) => r.clamped);
  const decision = jcCpuDecision(free, clamped);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const fin = (rs: JcUnitResult[], k: 'logCond' | 'score' | 'fd') => rs.map((r) => +finalOf(r)[k].toPrecision(4));
  const hist = (rs: JcUnitResult[], arm: string) => rs.flatMap((r, i) => r.history.map((h) => ({ step: h.step, run: `${arm} ${i + 1}`, arm, logCond: h.logCond, score: h.score, fd: h.fd })));
  const values = [...hist(free, 'unclamped'), ...hist(clamped, 'clamped')];
  // Convergence by the paper's own measures: how much score and FD still moved over the last quarter.
  const lastQuarter = (rs: JcUnitResult[], k: 'score' | 'fd') => rs.map((r) => {
    const h = r.history;
    const q = h.find((x) => x.step >= 0.75 * p.gan.steps);
    return q && h.length ? +(h.at(-1)![k] - q[k]).toPrecision(3) : NaN;
  });
  const g = p.gan;
  return {
    verdict: decision.verdict, decision, numRuns: results.length,
    evidence: {
      ...T.setupEvidence(setup),
      setup: `${p.runs} + ${p.runs} runs (same seeds), dense G ${g.nz} → ${g.H} → ${2 * g.H} → 784 and D 784 → ${2 * g.H} → ${g.H} → 1, ${g.steps} steps, batch ${g.batch}, Adam lr ${g.lrG}/${g.lrD} β₁ ${g.beta1}, all ten digits, clamp λmax 20 λmin 1 ε 1, ${g.nEval} samples, log κ over ${g.nJac} fixed z`,
      differsFromPaper: 'MLP generator and discriminator instead of DCGAN convolutions (wasm has no conv gradient), latent dimension 32 instead of 100 (a dense first layer narrower than twice the latent makes J_z rank deficient), batch 64 instead of 128, a fixed run length from a pilot; same data, optimizer, clamp, number of runs and tests',
      reason: describeDecision(decision),
      blocks: decision.parts!.map(describeDecision),
      paper: { r: PAPER_R, note: '003 §3–4 gives no p-values: its clamped runs "all show condition numbers that stop growing early", have "lower intra-run variance" of scores, and r = −0.86 across its 10 unclamped runs' },
      meanLogCondUnclamped: mean(free.map((r) => finalOf(r).logCond)), meanLogCondClamped: mean(clamped.map((r) => finalOf(r).logCond)),
      logCond: { unclamped: fin(free, 'logCond'), clamped: fin(clamped, 'logCond') },
      score: { unclamped: fin(free, 'score'), clamped: fin(clamped, 'score') },
      fd: { unclamped: fin(free, 'fd'), clamped: fin(clamped, 'fd') },
      leastCounts: free.map((r) => finalOf(r).leastCount),
      // Q = ‖G(z) − G(z + δ)‖/ε at the end of each clamped run: the penalty acts only outside [λ_min, λ_max].
      finalClampQ: clamped.map((r) => (r.final.clampQ === undefined ? NaN : +r.final.clampQ.toFixed(3))),
      diverged: results.filter((r) => r.divergedAt !== undefined).length,
      convergence: { scoreChangeLastQuarter: lastQuarter(results, 'score'), fdChangeLastQuarter: lastQuarter(results, 'fd') },
      stepsPerSecond: +mean(results.map((r) => r.stepsPerSecond)).toFixed(2),
    },
    figures: [
      lineFigure('log-cond', 'Mean log condition number of M_z during training (003 Fig. 1 top)', values, 'step', 'logCond', 'run', 'arm'),
      lineFigure('score', 'Classifier score (003 Fig. 1 middle)', values, 'step', 'score', 'run', 'arm'),
      lineFigure('fd', 'Fréchet distance, classifier features (003 Fig. 1 bottom)', values, 'step', 'fd', 'run', 'arm'),
    ],
  };
}

export const jcMnistCpu: Claim = experiment({
  id: JC_CPU.id,
  source: { paper: '003_cb9c7e829c17fc25.txt', where: '§3–4, Fig. 1, Algorithm 1 (CPU reading of jc.mnist)' },
  statement: 'Specifically, we train the same models as from the previous section using Jacobian Clamping with a λmax of 20, a λmin of 1, and ε of 1 … the runs using Jacobian Clamping all show condition numbers that stop growing early in training … The scores also show lower intra-run variance for the "regularized runs". … the correlation coefficient between the mean log condition number for the model and the number of samples in the model\'s least sampled class was -0.86.',
  checks: `10 + 10 dense-GAN runs on all ten MNIST digits (wasm), Adam as in Radford et al., ${JC_CPU.gan.steps} steps: clamped runs have lower final mean log κ(M_z), lower spread of classifier score and of Fréchet distance (Mann–Whitney), and across unclamped runs r(log κ, least-sampled count) < 0 (Pearson); every block at α = ${ALPHA} in both directions, three outcomes.`,
  tier: 'slow', kind: 'statistical', expect: 'not-shown', exercises: ['jacobian-clamping'],
  notes: 'Not shown (run 2026-12-04, default seed, 63 min on 2 worker threads, 122 CPU-min; fixtures/tf/cpu/2026-12-04/jc.mnist.cpu/): '
    + 'no block is significant either way. Mean final log κ 9.81 unclamped vs 9.78 clamped (Mann–Whitney p = 0.46, opposite 0.57); '
    + 'score spread p = 0.80 (opposite 0.22), FD spread p = 0.89 (opposite 0.12); r(log κ, least-sampled count) = +0.44 '
    + '(95 % CI −0.26 … 0.84) over the 10 unclamped runs against the paper\'s −0.86. Power 0.65 per two-sample block against a '
    + '1-sd shift. Why the clamp does nothing here: its quotient Q = ‖G(z) − G(z + δ)‖/ε stayed at about 3.5–4 (read from the '
    + 'first clamped runs during this run and from the 20 000-step pilot: 3.0 → 4.2), inside [λ_min, λ_max] = [1, 20], so the '
    + 'penalty was zero throughout, while log κ = ln(σ_max/σ_min)² climbed as in the unclamped runs (a random δ measures a '
    + 'typical singular value, not σ_min). Also: score and FD were still improving over the last quarter of the run '
    + '(score +0.2 … +0.8, FD −1 … −14), so the next reading should run ≥ 16 000 steps (the pilot levelled off at 14 000–16 000). '
    + 'Not a refutation: a non-significant test, on an MLP whose generator is far less sensitive to z than the paper\'s DCGAN.',
  units: jcCpuUnits(JC_CPU),
});
