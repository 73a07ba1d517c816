/**
 * Shared pieces of the ntk claims (004, "A Neural Tangent Kernel Perspective of GANs", poster):
 * the source, the kernel and point-set arbitraries, and the kernels they name.
 */
import fc from 'fast-check';
import { ClaimViolation } from '../claim.ts';
import type { Kernel } from '../../kernels/kernel.ts';
import { rbfKernel } from '../../kernels/rbf.ts';
import { analyticNtkKernel } from '../../kernels/ntk-analytic.ts';

export const PAPER = '004_e5ad26d906adff64.txt';

export type KernelSpec =
  | { kind: 'rbf'; sigma: number }
  | { kind: 'ntk-relu'; wVar: number; bVar: number }
  | { kind: 'ntk-erf'; wVar: number; bVar: number };

/** Kernel widths/variances in ranges where Gram entries stay O(1) for points in [−2, 2]^d. */
export const rbfSpec = fc.record({ kind: fc.constant('rbf' as const), sigma: fc.double({ min: 0.3, max: 3, noNaN: true }) });
export const reluNtkSpec = fc.record({
  kind: fc.constant('ntk-relu' as const),
  wVar: fc.double({ min: 0.5, max: 2, noNaN: true }),
  bVar: fc.double({ min: 0.05, max: 1, noNaN: true }),
});
export const erfNtkSpec = fc.record({
  kind: fc.constant('ntk-erf' as const),
  wVar: fc.double({ min: 0.5, max: 2, noNaN: true }),
  bVar: fc.double({ min: 0.05, max: 1, noNaN: true }),
});
export const kernelSpec: fc.Arbitrary<KernelSpec> = fc.oneof(rbfSpec, reluNtkSpec, erfNtkSpec);

/** The analytic NTKs are those of f(x) = √(c/H) Σ aᵢ σ(wᵢ·x + bᵢ) in the standard parameterisation, c = 1. */
export function makeKernel(s: KernelSpec): Kernel {
  if (s.kind === 'rbf') return rbfKernel(s.sigma);
  return analyticNtkKernel({ activation: s.kind === 'ntk-relu' ? 'relu' : 'erf', wVar: s.wVar, bVar: s.bVar });
}

/**
 * A double in [min, max] with magnitudes below 1e-12 snapped to 0: shrinking otherwise walks into
 * subnormal numbers (≈1e-310), where every comparison measures only their lost precision.
 */
export const dbl = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((v) => (Math.abs(v) < 1e-12 ? 0 : v));
const coord = dbl(-2, 2);
export const point = (d: number) => fc.array(coord, { minLength: d, maxLength: d });
export const points = (d: number, min: number, max: number) => fc.array(point(d), { minLength: min, maxLength: max });
export const toF64 = (ps: readonly number[][]): Float64Array[] => ps.map((p) => Float64Array.from(p));

/**
 * n + m distinct points on the grid spacing·{−4..4}^d, split into xs (first n) and ys: disjoint
 * supports with no repeated point, so the Gram matrix of a characteristic kernel is non-singular.
 */
export const distinctGridSets = (d: number, spacing: number, maxN: number, maxM: number) =>
  fc.record({ n: fc.integer({ min: 1, max: maxN }), m: fc.integer({ min: 1, max: maxM }) }).chain(({ n, m }) =>
    fc.uniqueArray(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: d, maxLength: d }), {
      minLength: n + m, maxLength: n + m, selector: (p) => p.join(','),
    }).map((ps) => {
      const pts = ps.map((p) => p.map((c) => c * spacing));
      return { xs: pts.slice(0, n), ys: pts.slice(n) };
    }),
  );

/** f₀(u) = a·sin(w·u + c): a discriminator at initialisation, defined on the whole space. */
export const f0Spec = (d: number) => fc.record({
  a: dbl(-1.5, 1.5),
  w: fc.array(dbl(-2, 2), { minLength: d, maxLength: d }),
  c: dbl(-3, 3),
});
export function f0Fn(s: { a: number; w: number[]; c: number }): (u: Float64Array) => number {
  return (u) => {
    let z = s.c;
    for (let i = 0; i < u.length; i++) z += s.w[i]! * u[i]!;
    return s.a * Math.sin(z);
  };
}

export function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/**
 * Scales below this are treated as this: shrinking drives inputs to subnormal magnitudes (≈1e-310)
 * where a relative comparison only measures the loss of precision of subnormals.
 */
const SCALE_FLOOR = 1e-200;

/** max|a − b| / max(scale, SCALE_FLOOR) ≤ tol, else a ClaimViolation naming `what`; returns the scaled error. */
export function ensureScaledClose(what: string, a: ArrayLike<number>, b: ArrayLike<number>, tol: number, scale: number): number {
  if (a.length !== b.length) throw new ClaimViolation(`${what}: length ${a.length} ≠ ${b.length}`);
  let m = 0;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    const e = Math.abs(a[i]! - b[i]!);
    if (!(e <= m)) { m = e; at = i; }
  }
  const err = m / Math.max(scale, SCALE_FLOOR);
  if (!(err <= tol)) {
    throw new ClaimViolation(`${what}: max error ${m.toExponential(3)} (scaled ${err.toExponential(3)} > ${tol}) at index ${at}: ${a[at]} vs ${b[at]}`, {
      what, maxAbsError: m, scale, tol, index: at, actual: a[at], expected: b[at],
    });
  }
  return err;
}
