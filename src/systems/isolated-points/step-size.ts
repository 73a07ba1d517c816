/**
 * "Sufficiently small η_d" (002 Thm 1) made concrete. For the simultaneous map J = I + η_d M the
 * eigenvalues are 1 + η_d s, s ∈ spec(M), and |1 + η_d s| < 1 ⇔ η_d < 2|Re s|/|s|² for Re s < 0.
 * So the continuous-time generator M (with the extra eigenvalue −λ of the unseen θ components)
 * gives the exact bound η_d* = min over s of 2|Re s|/|s|²; a check uses a fixed fraction of it.
 * If some Re s > 0, no η_d > 0 gives stability and the bound is reported for the stable part only.
 */
import { eig } from '../../linalg/eig.ts';
import type { Matrix } from '../../linalg/matrix.ts';

export interface StepBound {
  /** η_d* = min over Re s < 0 of 2|Re s|/|s|² (Infinity if none). */
  bound: number;
  /** max Re s over spec(M): < 0 ⇔ asymptotically stable for small η_d. */
  maxRe: number;
  /** Eigenvalues of M. */
  re: Float64Array;
  im: Float64Array;
}

export function simultaneousStepBound(M: Matrix, lambda: number): StepBound {
  const { re, im } = eig(M);
  let bound = 2 / lambda; // the (1 − η_dλ) modes
  let maxRe = -lambda;
  for (let i = 0; i < re.length; i++) {
    maxRe = Math.max(maxRe, re[i]!);
    if (re[i]! < 0) bound = Math.min(bound, (2 * -re[i]!) / (re[i]! * re[i]! + im[i]! * im[i]!));
  }
  return { bound, maxRe, re, im };
}
