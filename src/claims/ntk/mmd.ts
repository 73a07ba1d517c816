import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { mmd2Biased } from '../../metrics/mmd.ts';
import { matrix } from '../../linalg/matrix.ts';
import { eigSym } from '../../linalg/index.ts';
import type { Kernel } from '../../kernels/kernel.ts';
import { PAPER, kernelSpec, makeKernel, ntkSystem, toF64 } from './common.ts';

/** Rounding of an MMD² built from ≤ 100 kernel values of size ≤ max k: 1e-12·max k. */
const ZERO_ATOL = 1e-12;
/** The strict-positivity lower bound λ_min(K)‖w‖² is met up to Jacobi's relative accuracy. */
const BOUND_RTOL = 1e-8;
/** Grid spacing of the atoms. */
const SPACING = 0.5;
/**
 * RBF widths for the strict-positivity part: σ ≤ 2·spacing keeps λ_min(K) of ≤ 12 grid atoms far
 * above rounding (wider RBFs make K numerically singular, where "> 0" is not decidable in float64).
 */
const RBF_SIGMA = { min: 0.3, max: 1 };
/** Absolute rounding of v and of λ_min‖w‖² (sums of ≤ 144 terms ≤ 1). */
const BOUND_ATOL = 1e-13;

/** Merge the two samples into atoms with signed weights w = α̂({a}) − β̂({a}). */
function signedAtoms(xs: number[][], ys: number[][]): { atoms: Float64Array[]; w: Float64Array } {
  const idx = new Map<string, number>();
  const atoms: Float64Array[] = [];
  const w: number[] = [];
  const add = (p: number[], v: number) => {
    const key = p.join(',');
    let i = idx.get(key);
    if (i === undefined) { i = atoms.length; idx.set(key, i); atoms.push(Float64Array.from(p)); w.push(0); }
    w[i]! += v;
  };
  xs.forEach((p) => add(p, 1 / xs.length));
  ys.forEach((p) => add(p, -1 / ys.length));
  return { atoms, w: Float64Array.from(w) };
}

function gram(kernel: Kernel, pts: Float64Array[]) {
  const N = pts.length;
  const K = matrix(N, N);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) K.data[i * N + j] = kernel.k(pts[i]!, pts[j]!);
  return K;
}

/**
 * ntk.mmd: the biased MMD² between empirical measures is ‖μ_α̂ − μ_β̂‖²_H = wᵀK_atoms w. The checks
 * compare the estimator (three kernel means) with that quadratic form's spectral lower bound
 * λ_min(K_atoms)·‖w‖² (eigSym: an independent computation), which is > 0 for a characteristic
 * (strictly PD) kernel as soon as the measures differ (w ≠ 0).
 */
export const ntkMmd = property({
  id: 'ntk.mmd',
  source: { paper: PAPER, where: '"IPM Discriminator and MMD" (MMD²_k of the empirical measures)' },
  statement: 'L_α̂(f_t) = L_α̂(f_0) + t MMD²_k(α̂, β̂). … The generator minimizes the MMD, defined with the NTK of f, between fake and target distributions.',
  checks:
    'For generated samples on a grid (repeats and shared atoms allowed) and kernels (RBF, ReLU/erf NTK): MMD²_k(α̂, β̂) ≥ 0, = MMD²_k(β̂, α̂), = 0 when β̂ is α̂ (a shuffled or duplicated copy); ' +
    'for the characteristic RBF kernel (σ ∈ [0.3, 1], grid spacing 0.5), MMD² ≥ λ_min(K)·‖w‖² > 0 whenever the empirical measures differ (w = signed atom weights).',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['ntk'],
  notes: 'Reads the NTK from the `ntk` system (the RBF kernel is the built-in); the MMD² estimator is src/metrics, not the ntk-gan system.',
  arbitrary: fc.integer({ min: 1, max: 3 }).chain((d) => fc.record({
    kernel: kernelSpec,
    rbfSigma: fc.double({ ...RBF_SIGMA, noNaN: true }),
    xs: fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: d, maxLength: d }), { minLength: 1, maxLength: 6 }),
    ys: fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: d, maxLength: d }), { minLength: 1, maxLength: 6 }),
    copies: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer({ min: 0, max: 1 << 30 }),
  })),
  check: ({ kernel: ks, rbfSigma, xs: xi, ys: yi, copies, seed }, ctx) => {
    const ntk = ntkSystem(ctx);
    const sx = xi.map((p) => p.map((c) => c * SPACING));
    const sy = yi.map((p) => p.map((c) => c * SPACING));
    const xs = toF64(sx);
    const ys = toF64(sy);
    const evidence: Record<string, number> = {};
    const rbf = makeKernel({ kind: 'rbf', sigma: rbfSigma }, ntk);
    for (const [label, kernel] of [['mmd2', makeKernel(ks, ntk)], ['mmd2Rbf', rbf]] as const) {
      const kmax = Math.max(...[...xs, ...ys].map((p) => Math.abs(kernel.k(p, p))));
      const atol = ZERO_ATOL * Math.max(kmax, 1);
      const v = mmd2Biased(kernel, xs, ys);
      ensure(v >= -atol, `MMD² = ${v} < 0 (${kernel.name})`, { v, kernel: kernel.name });
      const vr = mmd2Biased(kernel, ys, xs);
      ensure(Math.abs(v - vr) <= atol, `MMD² not symmetric: ${v} vs ${vr} (${kernel.name})`, { v, vr });
      // α̂ = β̂ as measures: the same multiset repeated `copies` times, in a shuffled order.
      const copy: Float64Array[] = [];
      for (let c = 0; c < copies; c++) copy.push(...xs.map((p) => Float64Array.from(p)));
      let s = seed;
      for (let i = copy.length - 1; i > 0; i--) { s = (Math.imul(s, 1103515245) + 12345) >>> 0; const j = s % (i + 1); [copy[i], copy[j]] = [copy[j]!, copy[i]!]; }
      const same = mmd2Biased(kernel, xs, copy);
      ensure(Math.abs(same) <= atol, `MMD²(α̂, α̂) = ${same} ≠ 0 (${kernel.name})`, { same });
      evidence[label] = v;
    }
    // Characteristic kernel: strict positivity with a spectral lower bound.
    const kernel = rbf;
    const { atoms, w } = signedAtoms(sx, sy);
    const w2 = w.reduce((a, b) => a + b * b, 0);
    const v = mmd2Biased(kernel, xs, ys);
    const lmin = eigSym(gram(kernel, atoms)).values[0]!;
    const differ = w2 > 1e-24;
    if (differ) {
      const bound = lmin * w2;
      ensure(lmin > 0, `RBF Gram of distinct atoms not PD: λ_min = ${lmin}`, { lmin });
      ensure(v >= bound * (1 - BOUND_RTOL) - BOUND_ATOL && v > 0, `RBF MMD² = ${v} below λ_min‖w‖² = ${bound} for differing measures`, { v, bound, lmin, w2 });
      evidence.boundRatio = v / bound;
    } else {
      ensure(Math.abs(v) <= ZERO_ATOL, `equal measures but RBF MMD² = ${v}`, { v });
    }
    return evidence;
  },
});
