/**
 * Shared pieces of the dirac.* claims: the source, the system lookup (built-in or `--impl`), and
 * numerical linearisations computed from the system itself by central differences, so every check
 * compares the implementation's numbers with hand-derived closed forms.
 */
import type { ClaimContext, Source } from '../claim.ts';
import { diracGan, type DiracGan } from '../../systems/dirac-gan/index.ts';
import { eig, jacobianFD, type Matrix } from '../../linalg/index.ts';
import { asFunction, type StepMap, type VectorField } from '../../integrators/index.ts';

export const APP_E: Source = { paper: '001_cb8436cba21c199a.txt', where: 'App. E (eq. E1–E2), Fig. 18' };
export const MESCHEDER: Source = {
  paper: 'Mescheder, Geiger, Nowozin 2018, "Which training methods for GANs do actually converge?" (cited as [38] in 001, [19] in 002)',
  where: '§2 (Dirac-GAN), Lemmas 2.2–2.3 and §3 (gradient penalties)',
};

export function system(ctx: ClaimContext): DiracGan {
  return ctx.impl<DiracGan>('dirac-gan', diracGan);
}

const ORIGIN = new Float64Array(2);

/** Jacobian of a vector field at `x` (default the equilibrium (0, 0)) by central differences. */
export function fieldJacobian(field: VectorField, x: Float64Array = ORIGIN): Matrix {
  return jacobianFD((y) => {
    const out = new Float64Array(y.length);
    field(y, out);
    return out;
  }, x);
}

/** Jacobian of a one-step map at `x` (default the equilibrium) by central differences. */
export function stepJacobian(step: StepMap, x: Float64Array = ORIGIN): Matrix {
  return jacobianFD(asFunction(step), x);
}

export interface C {
  re: number;
  im: number;
}

/** Eigenvalues as {re, im} pairs, sorted by (re, im) for multiset comparison. */
export function eigenvalues(A: Matrix): C[] {
  const { re, im } = eig(A);
  return Array.from(re, (r, i) => ({ re: r, im: im[i]! })).sort((a, b) => a.re - b.re || a.im - b.im);
}

/** Largest distance between two eigenvalue multisets of equal size (both sorted by (re, im)). */
export function eigDistance(a: C[], b: C[]): number {
  const bs = [...b].sort((x, y) => x.re - y.re || x.im - y.im);
  return Math.max(...a.map((x, i) => Math.hypot(x.re - bs[i]!.re, x.im - bs[i]!.im)));
}

export function norm(x: Float64Array): number {
  return Math.hypot(x[0]!, x[1]!);
}
