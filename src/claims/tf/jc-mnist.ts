/**
 * jc.mnist (gpu) and jc.mnist.smoke (fast): 003 §3–4, Fig. 1, on MNIST through TensorFlow.js.
 *
 * R runs without and R with Jacobian Clamping (Algorithm 1, λ_max = 20, λ_min = 1, ε = 1), run i of
 * both arms from the same seed (same initialisation and data order: "identical up to" the clamp).
 * At the end of training: mean log condition number of M_z over a fixed batch of z, classifier score,
 * Fréchet distance (classifier features), and the count of the least-sampled class in 360 samples.
 * Tests (gpu), each at α = 0.05:
 *  - clamped runs have lower mean log condition number: Mann–Whitney U, one-sided;
 *  - clamped runs have lower inter-run spread of score and of FD: Mann–Whitney U, one-sided, on the
 *    absolute deviations from each arm's median (the rank form of the Brown–Forsythe test);
 *  - across unclamped runs, Pearson r(mean log condition, least-sampled count) < 0 with two-sided
 *    p < α; the 95 % Fisher-z interval is reported next to the paper's −0.86.
 * The smoke version runs the same pipeline on dense networks (wasm cannot train convolutions) with a
 * digit subset and few steps; it checks the pipeline, not the paper: metrics finite and in range, the
 * TensorFlow.js Jacobian equal to the float64 analytic Jacobian of the same network, and the clamp's
 * quotient Q recorded; the tests above are computed and reported but do not decide it.
 */
import { experiment, type Claim, type ClaimContext, type ExperimentOutcome } from '../claim.ts';
import { mannWhitneyU, pearson, median } from '../../stats/index.ts';
import { relFroError } from '../../linalg/index.ts';
import { Rng } from '../../random/rng.ts';
import { jacobian, kinkMargin } from '../../systems/jacobian-clamping/mlp.ts';
import type { GanRunConfig, GanRunResult } from '../../tf/train-gan.ts';
import { loadTf, type TfTier } from './load-tf.ts';
import type { Net } from '../../tf/gan-models.ts';
import { PIXELS } from '../../tf/mnist.ts';
import { lineFigure } from '../../tf/figures.ts';
import { logRun } from '../../tf/run-log.ts';

/** Significance level of every test. */
const ALPHA = 0.05;
/** float32 vjp Jacobian vs float64 analytic one: float32 rounding through three layers is ~1e-6 relative; 1e-4 leaves margin, an indexing bug gives O(1). */
const JACOBIAN_RTOL = 1e-4;
/** Points closer than this (latent distance) to a ReLU kink are skipped: float32 may take the other branch there. */
const KINK_MARGIN = 1e-3;
/** FD ≥ −FD_ATOL: the Fréchet distance is ≥ 0; float64 rounding of the trace term can give a tiny negative. */
const FD_ATOL = 1e-6;
/** The paper's correlation between mean log condition number and least-sampled class count (003 §3). */
const PAPER_R = -0.86;

export interface JcParams {
  id: string;
  tier: 'gpu' | 'fast';
  runs: number;
  gan: Omit<GanRunConfig, 'clamp'>;
}

export const JC_GPU: JcParams = {
  id: 'jc.mnist', tier: 'gpu', runs: 10,
  // DCGAN hyperparameters of Radford et al., which 003 §3 says it uses: Adam, lr 2·10⁻⁴, β₁ = 0.5
  // (RMSProp until 2026-12-04, a deviation #17 pointed out; this claim had never run).
  gan: { arch: 'dcgan', H: 64, nz: 100, alphaG: 1, alphaD: 1, lrG: 2e-4, lrD: 2e-4, gamma: 0.9, optimizer: 'adam', beta1: 0.5, batch: 64, steps: 5000, evalEvery: 500, nEval: 360, nJac: 32 },
};

export const JC_SMOKE: JcParams = {
  id: 'jc.mnist.smoke', tier: 'fast', runs: 3,
  gan: { arch: 'dense', H: 64, nz: 16, alphaG: 1, alphaD: 1, lrG: 3e-3, lrD: 1e-3, gamma: 0.9, batch: 32, steps: 250, digits: [0, 1, 7], evalEvery: 125, nEval: 360, nJac: 8 },
};

/** Rank tests need finite numbers: a singular M_z (log cond +∞) ranks above every finite value. */
const finite = (xs: number[]) => xs.map((x) => (Number.isFinite(x) ? x : Number.MAX_VALUE));
const absDev = (xs: number[]) => {
  const m = median(xs);
  return xs.map((x) => Math.abs(x - m));
};

export function jcMnistStatistics(free: GanRunResult[], clamped: GanRunResult[]) {
  const f = (rs: GanRunResult[], k: 'logCond' | 'score' | 'fd' | 'leastCount') => rs.map((r) => r.final[k]);
  const logCond = mannWhitneyU(finite(f(free, 'logCond')), finite(f(clamped, 'logCond')), 'greater');
  const spreadScore = mannWhitneyU(absDev(f(free, 'score')), absDev(f(clamped, 'score')), 'greater');
  const spreadFd = mannWhitneyU(absDev(f(free, 'fd')), absDev(f(clamped, 'fd')), 'greater');
  const lc = f(free, 'logCond');
  const least = f(free, 'leastCount');
  const ok = lc.map((v, i) => Number.isFinite(v) && Number.isFinite(least[i]!));
  const x = lc.filter((_, i) => ok[i]);
  const y = least.filter((_, i) => ok[i]);
  const constant = new Set(y).size < 2 || new Set(x).size < 2;
  const corr = x.length >= 3 && !constant ? pearson(x, y) : null;
  return { logCond, spreadScore, spreadFd, corr, corrN: x.length };
}

export function makeJcRun(p: JcParams) {
  return async (ctx: ClaimContext): Promise<ExperimentOutcome> => {
    const T = await loadTf();
    const { tfSetup, setupEvidence, trainGanRun, PAPER_CLAMP } = T;
    const setup = await tfSetup(ctx.options, p.gan.digits);
    const smoke = p.tier === 'fast';
    const free: GanRunResult[] = [];
    const clamped: GanRunResult[] = [];
    const jacErrors: number[] = [];
    const seeds = Array.from({ length: p.runs }, () => ctx.rng.int(2 ** 31));
    for (let i = 0; i < p.runs; i++) {
      for (const clamp of [null, PAPER_CLAMP]) {
        const inspect = smoke && i === 0 ? (G: Net) => { jacErrors.push(...jacobianCrossCheck(T, G, p.gan.nz, seeds[i]!)); } : undefined;
        const r = trainGanRun({ ...p.gan, clamp }, seeds[i]!, setup.data, (m) => ctx.progress(`run ${i + 1}/${p.runs}${clamp ? ' clamped' : ''}: ${m}`), inspect);
        (clamp ? clamped : free).push(r);
        logRun(ctx.options, p.id, { run: i, clamped: !!clamp, seed: seeds[i], final: r.final, divergedAt: r.divergedAt, stepsPerSecond: r.stepsPerSecond, history: r.history });
      }
    }
    const st = jcMnistStatistics(free, clamped);
    const finals = [...free, ...clamped].map((r) => r.final);
    const sane = finals.every((m) => m.score >= 1 - 1e-9 && m.score <= 10 + 1e-9 && m.fd >= -FD_ATOL && Number.isFinite(m.fd) && !(m.logCond < 0) && !Number.isNaN(m.logCond))
      && [...free, ...clamped].every((r) => r.divergedAt === undefined);
    const jacOk = jacErrors.length > 0 && jacErrors.every((e) => e <= JACOBIAN_RTOL);
    const clampQ = clamped.map((r) => r.final.clampQ ?? NaN);
    const paperHolds = st.logCond.pValue < ALPHA && st.spreadScore.pValue < ALPHA && st.spreadFd.pValue < ALPHA && st.corr !== null && st.corr.r < 0 && st.corr.pValue < ALPHA;
    const holds = smoke ? sane && jacOk && clampQ.every(Number.isFinite) : sane && paperHolds;
    const hist = (rs: GanRunResult[], arm: string) => rs.flatMap((r, i) => r.history.map((h) => ({ step: h.step, run: `${arm} ${i + 1}`, arm, logCond: h.logCond, score: h.score, fd: h.fd })));
    const values = [...hist(free, 'unclamped'), ...hist(clamped, 'clamped')];
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return {
      holds,
      numRuns: 2 * p.runs,
      evidence: {
        ...setupEvidence(setup),
        decides: smoke ? 'pipeline only (smoke): metrics sane, Jacobian cross-checked; the tests below do not decide the paper\'s claim at this scale' : 'the paper\'s claim (tests below at α = 0.05)',
        setup: `${p.runs} + ${p.runs} runs (same seeds), ${p.gan.arch} H=${p.gan.H} nz=${p.gan.nz}, ${p.gan.steps} steps, batch ${p.gan.batch}, ${p.gan.optimizer === 'adam' ? `Adam β₁=${p.gan.beta1}` : `RMSProp γ=${p.gan.gamma}`} lrG=${p.gan.lrG} lrD=${p.gan.lrD}, digits ${p.gan.digits?.join(',') ?? 'all'}, clamp λmax=20 λmin=1 ε=1, ${p.gan.nEval} samples, log cond over ${p.gan.nJac} fixed z`,
        alpha: ALPHA,
        meanLogCondUnclamped: mean(free.map((r) => r.final.logCond)),
        meanLogCondClamped: mean(clamped.map((r) => r.final.logCond)),
        logCondTest: `Mann–Whitney U one-sided (unclamped > clamped): U=${st.logCond.U}, p=${st.logCond.pValue.toPrecision(3)}, effect P(X>Y)=${st.logCond.effect.toFixed(3)}`,
        scoreSpreadTest: `Mann–Whitney on |score − median| (unclamped > clamped): p=${st.spreadScore.pValue.toPrecision(3)}, effect ${st.spreadScore.effect.toFixed(3)}`,
        fdSpreadTest: `Mann–Whitney on |FD − median| (unclamped > clamped): p=${st.spreadFd.pValue.toPrecision(3)}, effect ${st.spreadFd.effect.toFixed(3)}`,
        correlation: st.corr ? `Pearson r=${st.corr.r.toFixed(3)} (95 % CI ${st.corr.lo.toFixed(3)} … ${st.corr.hi.toFixed(3)}, p=${st.corr.pValue.toPrecision(3)}, n=${st.corr.n}); paper ${PAPER_R}` : `undefined (n=${st.corrN} or a constant variable)`,
        paperR: PAPER_R,
        scores: finals.map((m) => +m.score.toFixed(4)),
        fds: finals.map((m) => +m.fd.toFixed(3)),
        leastCounts: free.map((r) => r.final.leastCount),
        finalClampQ: clampQ.map((q) => +q.toFixed(3)),
        ...(smoke ? { jacobianRelErrMax: Math.max(...jacErrors), jacobianPointsChecked: jacErrors.length, jacobianRtol: JACOBIAN_RTOL } : {}),
        metricsSane: sane,
        stepsPerSecond: +mean([...free, ...clamped].map((r) => r.stepsPerSecond)).toFixed(2),
      },
      figures: [
        lineFigure('log-cond', 'Mean log condition number of M_z during training (003 Fig. 1 top)', values, 'step', 'logCond', 'run', 'arm'),
        lineFigure('score', 'Classifier score (003 Fig. 1 middle)', values, 'step', 'score', 'run', 'arm'),
        lineFigure('fd', 'Fréchet distance, classifier features (003 Fig. 1 bottom)', values, 'step', 'fd', 'run', 'arm'),
      ],
    };
  };
}

/**
 * The TensorFlow.js vjp Jacobian against the float64 forward-mode Jacobian of the same dense network
 * at a few latents (skipping any within KINK_MARGIN of a ReLU kink). Returns relative Frobenius errors.
 */
function jacobianCrossCheck(T: TfTier, G: Net, nz: number, seed: number): number[] {
  const mlp = T.denseGeneratorToMlp(G);
  const rng = new Rng(seed);
  const z = new Float32Array(4 * nz);
  for (let i = 0; i < z.length; i++) z[i] = rng.normal();
  const Js = T.generatorJacobians(G.apply, z, 4, nz, PIXELS);
  const errs: number[] = [];
  for (let b = 0; b < 4; b++) {
    const zb = Array.from(z.subarray(b * nz, (b + 1) * nz));
    if (kinkMargin(mlp, zb) < KINK_MARGIN) continue;
    const ref = jacobian(mlp, zb);
    errs.push(relFroError({ rows: PIXELS, cols: nz, data: Js[b]! }, ref));
  }
  return errs;
}

const statement = 'Specifically, we train the same models as from the previous section using Jacobian Clamping with a λmax of 20, a λmin of 1, and ε of 1 … the runs using Jacobian Clamping all show condition numbers that stop growing early in training … The scores also show lower intra-run variance for the "regularized runs". … the correlation coefficient between the mean log condition number for the model and the number of samples in the model\'s least sampled class was -0.86.';

export const jcMnist: Claim = experiment({
  id: JC_GPU.id,
  source: { paper: '003_cb9c7e829c17fc25.txt', where: '§3–4, Fig. 1, Algorithm 1' },
  statement,
  checks: `10 DCGAN runs on MNIST with and 10 without Jacobian Clamping (same seeds, TensorFlow.js on a GPU, Adam with Radford et al.'s settings): clamped runs have lower final mean log condition number (Mann–Whitney, one-sided) and lower spread of classifier score and Fréchet distance (Mann–Whitney on absolute deviations from the median); across unclamped runs Pearson r(mean log condition, least-sampled class count) < 0 with p < ${ALPHA}, CI reported next to the paper's −0.86.`,
  tier: 'gpu', kind: 'statistical', expect: 'holds', exercises: ['jacobian-clamping'],
  run: makeJcRun(JC_GPU),
});

export const jcMnistSmoke: Claim = experiment({
  id: JC_SMOKE.id,
  source: { paper: '003_cb9c7e829c17fc25.txt', where: '§3–4, Fig. 1, Algorithm 1 (CPU smoke version of jc.mnist)' },
  statement,
  checks: 'Tests the pipeline, not the paper\'s claim: 3 + 3 dense-GAN runs on digits 0, 1, 7 (250 steps, wasm) with and without Jacobian Clamping; metrics finite and in range (score in [1, 10], FD ≥ 0, log cond ≥ 0), no run diverges, the TensorFlow.js Jacobian equals the float64 analytic Jacobian of the same network (relative Frobenius error ≤ 1e-4), the clamp quotient Q is recorded; jc.mnist\'s tests are computed and reported only.',
  tier: 'fast', kind: 'statistical', expect: 'holds', exercises: ['jacobian-clamping'],
  run: makeJcRun(JC_SMOKE),
});
