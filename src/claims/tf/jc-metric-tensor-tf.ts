/**
 * jc.metric-tensor.tf — 003 §2 for a user's TensorFlow.js generator (the `tf-generator` system):
 * J_z = ∂G/∂z by TensorFlow.js reverse mode through the user's own forward pass, checked against
 * central (or, next to a kink, one-sided) differences of that same forward pass in float32, and the
 * metric tensor M_z = J_zᵀJ_z built from it obeys its laws.
 *
 * Per built model (MODELS seeds) and batch of B latents z ~ N(0, I):
 *  1. independence: G([z_1 … z_B]) row b equals G([z_b]) within float32 rounding (J_z is a per-sample
 *     object; a generator using batch statistics couples the samples and has no J_z);
 *  2. J_z (generatorJacobians: one vector–Jacobian product per output coordinate) against finite
 *     differences of G, column by column, with a bound made of float32 rounding and a Richardson
 *     estimate of the truncation (below);
 *  3. M_z = JᵀJ (float64): eigenvalues ≥ −ε·λ_max, and κ = λ_max/λ_min equals (σ_max/σ_min)² of the
 *     SVD of J (for κ ≤ 1e8); the mean ln κ over the batch is reported (003 Fig. 1's quantity).
 *
 * The finite-difference bound, per column a (e_a the a-th latent axis, h = 2⁻⁷): the perturbed
 * latents are rounded to float32 first and the steps taken as their exact float64 differences. With
 * u = 2⁻²⁴ and S = 1 + max |G| over the rows used, each float32 output carries rounding ≤ ROUND_ULPS·u·S,
 * so a difference quotient with step Δ carries R = 2·ROUND_ULPS·u·S/Δ per entry. Entry by entry,
 * central: D(h) − D(2h) = −3ch² + noise, so |D(h) − J| ≤ |D(h) − D(2h)| + 2R; one-sided (forward,
 * backward): |D(h) − J| ≤ |D(h) − D(2h)| + 3R. A column holds if every autodiff entry is within one
 * scheme's bounds (+ AD_RTOL·‖J‖_F for the float32 rounding of reverse mode): a ReLU kink within 2h
 * of z spoils at most the differences that straddle it, and a smooth G passes the central one.
 */
import { experiment, type ClaimContext, type ExperimentOutcome } from '../claim.ts';
import { eigSym, svd, matrix } from '../../linalg/index.ts';
import type { TfGenerator } from '../../tf/tf-generator.ts';

const PAPER = '003_cb9c7e829c17fc25.txt';
/** Built models and latents per model. */
const MODELS = 3;
const BATCH = 4;
/**
 * Finite-difference steps: 2⁻⁷ (≈ u^{1/3}·|z| for float32, the usual balance of rounding and
 * truncation), and 2⁻¹⁰ for a column that no scheme passes at 2⁻⁷ (ReLU kinks within 2h on both
 * sides of z; the finer step's rounding bound is 8× looser, so it is only the fallback).
 */
const H_STEPS = [2 ** -7, 2 ** -10];
/** float32 unit roundoff. */
const U32 = 2 ** -24;
/**
 * Rounding of one float32 output, in units of u·(1 + |G|): a few layers of dot products of length
 * ≤ 2⁸ accumulate ≲ √(length)·u per layer in practice; 16 ulps covers three layers of that.
 */
const ROUND_ULPS = 16;
/** float32 reverse mode vs the exact Jacobian, relative to ‖J‖_F (measured ~1e-7; jc-mnist uses 1e-4 against float64). */
const AD_RTOL = 1e-5;
/** Independence: batch vs single-sample forward pass, per entry, in units of u·(1 + |G|) (wasm may tile the two differently). */
const INDEP_ULPS = 64;
/** κ from eig(JᵀJ) vs from SVD(J): relative error ≈ ε_mach·κ (jc.condition-number's tolerance). */
const KAPPA_MAX = 1e8;
const KAPPA_RTOL = 1e-12;
const EIG_ATOL = 1e-12;

interface ColumnCheck { passed: 'central' | 'forward' | 'backward' | null; err: number; tol: number }

/**
 * Column a of J at one latent from the 5 forward values x_k = G(p_k), k = −2 … 2 (positions p_k of
 * coordinate a), entry by entry: `err` and `tol` of the entry with the largest err/tol.
 */
function checkColumn(jad: Float64Array, xs: Float32Array[], ps: number[], jScale: number): ColumnCheck {
  const [xm2, xm1, x0, xp1, xp2] = xs as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
  const [pm2, pm1, p0, pp1, pp2] = ps as [number, number, number, number, number];
  let S = 1;
  for (const x of xs) for (const v of x) S = Math.max(S, 1 + Math.abs(v));
  const R = (step: number) => (2 * ROUND_ULPS * U32 * S) / step;
  const quot = (a: Float32Array, b: Float32Array, step: number) => Float64Array.from(a, (v, i) => (v - b[i]!) / step);
  const kinds: [ColumnCheck['passed'], Float64Array, Float64Array, number, number][] = [
    ['central', quot(xp1, xm1, pp1 - pm1), quot(xp2, xm2, pp2 - pm2), 2, pp1 - pm1],
    ['forward', quot(xp1, x0, pp1 - p0), quot(xp2, x0, pp2 - p0), 3, pp1 - p0],
    ['backward', quot(x0, xm1, p0 - pm1), quot(x0, xm2, p0 - pm2), 3, p0 - pm1],
  ];
  let best: ColumnCheck = { passed: null, err: Infinity, tol: 1 };
  for (const [name, dh, d2h, k, step] of kinds) {
    let worst: ColumnCheck = { passed: name, err: 0, tol: 1 };
    for (let i = 0; i < jad.length; i++) {
      const tol = Math.abs(dh[i]! - d2h[i]!) + k * R(step) + AD_RTOL * jScale;
      const err = Math.abs(jad[i]! - dh[i]!);
      if (err / tol > worst.err / worst.tol) worst = { passed: name, err, tol };
    }
    if (worst.err <= worst.tol) return worst;
    if (worst.err / worst.tol < best.err / best.tol) best = { passed: null, err: worst.err, tol: worst.tol };
  }
  return best;
}

async function run(ctx: ClaimContext): Promise<ExperimentOutcome> {
  const [{ initBackend }, { tf }, gen, { generatorJacobians }] = await Promise.all([
    import('../../tf/backend.ts'), import('../../tf/tf.ts'), import('../../tf/tf-generator.ts'), import('../../tf/jacobian.ts'),
  ]);
  const backend = await initBackend(ctx.options.backend ?? 'auto');
  const sys = ctx.impl<TfGenerator>('tf-generator', gen.builtinTfGenerator);
  const { nz, nx } = sys;
  if (!(Number.isInteger(nz) && nz >= 1 && Number.isInteger(nx) && nx >= 1)) throw new TypeError(`tf-generator: nz and nx must be positive integers, got ${nz}, ${nx}`);
  const counts = { central: 0, forward: 0, backward: 0 };
  let worstRatio = 0;
  let worstIndep = 0;
  let fineStep = 0;
  const logKappas: number[] = [];
  const fail = (reason: string, details: Record<string, unknown>): ExperimentOutcome => ({
    holds: false, numRuns: logKappas.length, evidence: { backend: backend.name, nz, nx, reason, ...details },
  });
  for (let m = 0; m < MODELS; m++) {
    const seed = ctx.rng.nextU32();
    const built = sys.build(tf, seed);
    const G = gen.generatorFunction(tf, sys, built.model);
    const forward = (data: Float32Array, n: number): Float32Array => {
      const o = tf.tidy(() => G(tf.tensor2d(data, [n, nz])));
      const d = Float32Array.from(o.dataSync() as Float32Array);
      o.dispose();
      return d;
    };
    try {
      const z = Float32Array.from({ length: BATCH * nz }, () => ctx.rng.normal());
      // 1. Independence of the samples of a batch.
      const batchOut = forward(z, BATCH);
      for (let b = 0; b < BATCH; b++) {
        const one = forward(z.slice(b * nz, (b + 1) * nz), 1);
        for (let i = 0; i < nx; i++) {
          const d = Math.abs(one[i]! - batchOut[b * nx + i]!);
          const tol = INDEP_ULPS * U32 * (1 + Math.abs(one[i]!));
          worstIndep = Math.max(worstIndep, d / tol);
          if (!(d <= tol)) {
            return fail(`G is not a per-sample function: in a batch of ${BATCH}, output ${i} of sample ${b} is ${batchOut[b * nx + i]}, alone it is ${one[i]} (J_z is undefined when samples are coupled, e.g. by batch statistics)`, { model: m, modelSeed: seed, sample: b, output: i });
          }
        }
      }
      // 2. Reverse-mode J against differences of the forward pass.
      const Js = generatorJacobians(G, z, BATCH, nz, nx, Math.min(nx, 196));
      const rows = new Float32Array(BATCH * (4 * H_STEPS.length * nz + 1) * nz);
      const pos: number[][][][] = [];
      let r = 0;
      for (let b = 0; b < BATCH; b++) {
        const zb = z.subarray(b * nz, (b + 1) * nz);
        rows.set(zb, r++ * nz);
        pos.push([]);
        for (let a = 0; a < nz; a++) {
          const perStep: number[][] = [];
          for (const h of H_STEPS) {
            const ps: number[] = [];
            for (const k of [-2, -1, 1, 2]) {
              const row = Float32Array.from(zb);
              row[a] = zb[a]! + k * h; // rounded to float32 here; the exact step is taken below
              rows.set(row, r++ * nz);
              ps.push(row[a]!);
            }
            perStep.push([ps[0]!, ps[1]!, zb[a]!, ps[2]!, ps[3]!]);
          }
          pos[b]!.push(perStep);
        }
      }
      const out = forward(rows, rows.length / nz);
      const rowOut = (i: number) => out.subarray(i * nx, (i + 1) * nx);
      r = 0;
      for (let b = 0; b < BATCH; b++) {
        const J = Js[b]!;
        let jScale = 0;
        for (const v of J) jScale += v * v;
        jScale = Math.sqrt(jScale);
        const x0 = rowOut(r++);
        for (let a = 0; a < nz; a++) {
          const col = Float64Array.from({ length: nx }, (_, i) => J[i * nz + a]!);
          let c: ColumnCheck = { passed: null, err: Infinity, tol: 1 };
          for (let level = 0; level < H_STEPS.length; level++) {
            const xs = [rowOut(r + 4 * level), rowOut(r + 4 * level + 1), x0, rowOut(r + 4 * level + 2), rowOut(r + 4 * level + 3)];
            const cl = checkColumn(col, xs, pos[b]![a]![level]!, jScale);
            if (cl.passed) { c = cl; if (level > 0) fineStep++; break; }
            if (level === 0) c = cl;
          }
          r += 4 * H_STEPS.length;
          worstRatio = Math.max(worstRatio, c.passed ? c.err / c.tol : Infinity);
          if (!c.passed) {
            return fail(`∂G/∂z_${a} at latent ${b} of model ${m}: the TensorFlow.js reverse-mode column differs from finite differences of G by ${c.err.toExponential(3)} in an entry whose float32 bound is ${c.tol.toExponential(3)}, for every difference scheme (central, forward, backward)`, { model: m, modelSeed: seed, latent: b, column: a, err: c.err, tol: c.tol, z: Array.from(z.subarray(b * nz, (b + 1) * nz)) });
          }
          counts[c.passed]++;
        }
        // 3. Laws of M_z = JᵀJ (float64 from the float32 J).
        const Jm = matrix(nx, nz, Float64Array.from(J));
        const M = matrix(nz, nz);
        for (let p = 0; p < nz; p++) for (let q = 0; q < nz; q++) {
          let s = 0;
          for (let i = 0; i < nx; i++) s += J[i * nz + p]! * J[i * nz + q]!;
          M.data[p * nz + q] = s;
        }
        const lam = eigSym(M).values;
        const lamMax = lam[nz - 1]!;
        if (!(lam[0]! >= -EIG_ATOL * Math.max(lamMax, 1e-300))) return fail(`M_z has a negative eigenvalue ${lam[0]} (λ_max ${lamMax})`, { model: m, latent: b });
        const S = svd(Jm).S;
        const kappa = lam[0]! > 0 ? lamMax / lam[0]! : Infinity;
        const kSvd = nx >= nz && S[nz - 1]! > 0 ? (S[0]! / S[nz - 1]!) ** 2 : Infinity;
        if (kappa <= KAPPA_MAX && !(Math.abs(kappa - kSvd) <= KAPPA_RTOL * kappa * kappa + 1e-12 * kappa)) {
          return fail(`κ(M_z) = ${kappa} ≠ (σ_max/σ_min)² = ${kSvd}`, { model: m, latent: b });
        }
        logKappas.push(Math.log(kappa));
      }
    } finally {
      built.dispose?.();
    }
  }
  const finite = logKappas.filter(Number.isFinite);
  return {
    holds: true,
    numRuns: logKappas.length,
    evidence: {
      backend: backend.name, nz, nx, models: MODELS, latentsPerModel: BATCH,
      columnsByScheme: counts, columnsAtFineStep: fineStep, worstErrOverTol: worstRatio, worstIndependenceOverTol: worstIndep,
      meanLogKappa: finite.length ? finite.reduce((s, v) => s + v, 0) / finite.length : NaN, singularMz: logKappas.length - finite.length,
      tolerances: `h = 2^-7 (fallback 2^-10); rounding ${ROUND_ULPS}·u·(1 + |G|) per output (u = 2^-24); Richardson truncation estimate; reverse mode ${AD_RTOL}·‖J‖_F; independence ${INDEP_ULPS}·u·(1 + |G|)`,
    },
  };
}

export const jcMetricTensorTf = experiment({
  id: 'jc.metric-tensor.tf',
  source: { paper: PAPER, where: '§2 (J_z, M_z = J_zᵀJ_z, condition number), for a TensorFlow.js generator' },
  statement:
    'At any z ∈ Z, G will have a Jacobian J_z ∈ R^{n_x×n_z} where (J_z)_{i,j} := ∂G(z)_i/∂z_j. The object we care about will be the distribution of squared singular values of J_z. … the mapping M: z ∈ Z → J_zᵀJ_z takes any point z to a symmetric and positive definite matrix of dimension n_z × n_z … The condition number is defined for M_z as λ_max/λ_min.',
  checks:
    `For ${MODELS} generators built by the tf-generator system (a user's tf.LayersModel or function of tensors; built-in: the dense CPU-tier generator, n_z = 4, width 8, 784 outputs) and ${BATCH} latents each: ` +
    'G maps each sample of a batch independently (batch vs single-sample outputs equal within float32 rounding); every column of J_z from TensorFlow.js reverse mode equals finite differences of the same forward pass in float32 ' +
    '(central, or one-sided next to a ReLU kink; step 2⁻⁷, 2⁻¹⁰ where kinks lie on both sides) entry by entry within a bound from float32 rounding and a Richardson estimate of the truncation; and M_z = JᵀJ has eigenvalues ≥ 0 and κ = λ_max/λ_min = (σ_max/σ_min)² of J. Fast tier on the CPU (wasm).',
  tier: 'fast', kind: 'property', expect: 'holds', systems: ['tf-generator'],
  run,
});
