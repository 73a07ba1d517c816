/**
 * Shared pieces of the ntk claims (004, "A Neural Tangent Kernel Perspective of GANs", poster):
 * the source, the kernel and point-set arbitraries, and the kernels they name.
 */
import fc from 'fast-check';
import { ClaimViolation, type ClaimContext } from '../claim.ts';
import type { Kernel } from '../../kernels/kernel.ts';
import { rbfKernel } from '../../kernels/rbf.ts';
import { analyticNtk, type Ntk } from '../../kernels/ntk.ts';
import { ntkGan, type NtkGan, type DiscriminatorLoss } from '../../systems/ntk-gan/index.ts';

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

/** The `ntk` system (src/kernels/ntk.ts): the analytic NTK, or the user's `--impl ntk=…`. */
export function ntkSystem(ctx: ClaimContext): Ntk {
  return ctx.impl<Ntk>('ntk', analyticNtk);
}

/** The `ntk-gan` system (src/systems/ntk-gan/ntk-gan.ts): the built-in, or the user's `--impl ntk-gan=…`. */
export function ntkGanSystem(ctx: ClaimContext): NtkGan {
  return ctx.impl<NtkGan>('ntk-gan', ntkGan);
}

/**
 * The NTKs are those of f(x) = √(c/H) Σ aᵢ σ(wᵢ·x + bᵢ) in the standard parameterisation, c = 1,
 * taken from the `ntk` system; the RBF kernel is always the built-in (it is not the system under test).
 */
export function makeKernel(s: KernelSpec, ntk: Ntk): Kernel {
  if (s.kind === 'rbf') return rbfKernel(s.sigma);
  return ntk.kernel({ activation: s.kind === 'ntk-relu' ? 'relu' : 'erf', wVar: s.wVar, bVar: s.bVar });
}

/**
 * References computed here from the kernel alone, never through the `ntk-gan` system, so a claim
 * compares the system with something it did not compute.
 *
 * witnessRef: f_α̂(u) = (1/n)Σᵢ k(xᵢ, u) − (1/m)Σⱼ k(yⱼ, u), the difference of kernel mean embeddings.
 */
export function witnessRef(kernel: Kernel, xs: readonly Float64Array[], ys: readonly Float64Array[], us: readonly Float64Array[]): Float64Array {
  return Float64Array.from(us, (u) => {
    let sx = 0;
    for (const x of xs) sx += kernel.k(u, x);
    let sy = 0;
    for (const y of ys) sy += kernel.k(u, y);
    return sx / xs.length - sy / ys.length;
  });
}

/** ∇f_α̂(u) = (1/n)Σᵢ ∇ₓk(u, xᵢ) − (1/m)Σⱼ ∇ₓk(u, yⱼ), from the kernel's gradX. */
export function witnessGradientRef(kernel: Kernel, xs: readonly Float64Array[], ys: readonly Float64Array[], u: Float64Array): Float64Array {
  if (!kernel.gradX) throw new TypeError(`witnessGradientRef: kernel ${kernel.name} has no gradX`);
  const d = u.length;
  const out = new Float64Array(d);
  const g = new Float64Array(d);
  for (const x of xs) { kernel.gradX(u, x, g); for (let a = 0; a < d; a++) out[a]! += g[a]! / xs.length; }
  for (const y of ys) { kernel.gradX(u, y, g); for (let a = 0; a < d; a++) out[a]! -= g[a]! / ys.length; }
  return out;
}

/**
 * The discriminator's velocity as a network's parameter gradient flow gives it (Jacot et al.):
 *   v(u) = Σ_z k(u, z)·∂L/∂f(z),   ∂L/∂f(xᵢ) = a′(f(xᵢ))/n,  ∂L/∂f(yⱼ) = −b′(f(yⱼ))/m,
 * the Euclidean partials of L_α̂ = E_α̂ a∘f − E_β̂ b∘f. It equals T_{k,γ̂}(∇^{γ̂}L): the L²(γ̂)
 * gradient is ∂L/∂f(z)/γ̂({z}) and T puts the weight γ̂({z}) back. `fSupport` is f on xs then ys;
 * returns v at each point of `at`, with `absScale` = max over u of Σ_z |k(u, z)·∂L/∂f(z)| (the size
 * rounding is relative to).
 */
export function kernelGradientVelocity(
  kernel: Kernel, xs: readonly Float64Array[], ys: readonly Float64Array[], loss: DiscriminatorLoss, fSupport: ArrayLike<number>, at: readonly Float64Array[],
): { v: Float64Array; absScale: number } {
  const n = xs.length;
  const m = ys.length;
  const zs = [...xs, ...ys];
  const c = Float64Array.from(zs, (_, i) => (i < n ? loss.da(fSupport[i]!) / n : -loss.db(fSupport[i]!) / m));
  let absScale = 0;
  const v = Float64Array.from(at, (u) => {
    let s = 0;
    let a = 0;
    zs.forEach((z, j) => { const term = kernel.k(u, z) * c[j]!; s += term; a += Math.abs(term); });
    absScale = Math.max(absScale, a);
    return s;
  });
  return { v, absScale };
}

/**
 * The system's flow field at the state [fSupport, fUs] against kernelGradientVelocity on
 * supp γ̂ ∪ us, relative to its absScale (+ 1e-300 for subnormal shrinks): sums of ≤ 10 terms,
 * so a few ulps; `rtol` names the claim's tolerance. Returns the scaled error.
 */
export function ensureFieldIsKernelGradient(
  what: string, field: (x: Float64Array, out: Float64Array) => void, kernel: Kernel,
  xs: readonly Float64Array[], ys: readonly Float64Array[], us: readonly Float64Array[], loss: DiscriminatorLoss,
  fSupport: Float64Array, fUs: Float64Array, rtol: number,
): number {
  const N = fSupport.length;
  const state = new Float64Array(N + fUs.length);
  state.set(fSupport);
  state.set(fUs, N);
  const out = new Float64Array(state.length);
  field(state, out);
  const ref = kernelGradientVelocity(kernel, xs, ys, loss, fSupport, [...xs, ...ys, ...us]);
  return ensureScaledClose(what, out, ref.v, rtol, ref.absScale);
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
