/**
 * The two convergence metrics of 001 §IV: the mode-collapse metric (eq. 22),
 * log K + Σᵢ Pᵢ log Pᵢ with Pᵢ the share of particles whose nearest mode is i (0 for an even split
 * over all K modes, log K when every particle is nearest one mode), and the average log-likelihood
 * (1/N) Σₐ log p(Xₐ) under the target.
 */
import { logDensity, type MixtureTarget } from './target.ts';

/** Shares Pᵢ of particles nearest each mode (ties go to the lower index). */
export function modeShares(t: MixtureTarget, x0: Float64Array, x1: Float64Array, n = x0.length, out = new Float64Array(t.K)): Float64Array {
  if (n < 1) throw new RangeError(`modeShares: need at least one particle, got ${n}`);
  out.fill(0);
  for (let a = 0; a < n; a++) {
    let best = Infinity;
    let arg = 0;
    for (let k = 0; k < t.K; k++) {
      const dx = x0[a]! - t.modes[2 * k]!;
      const dy = x1[a]! - t.modes[2 * k + 1]!;
      const d = dx * dx + dy * dy;
      if (d < best) {
        best = d;
        arg = k;
      }
    }
    out[arg] += 1;
  }
  for (let k = 0; k < t.K; k++) out[k] /= n;
  return out;
}

/** eq. 22 from shares (any K): log K + Σ Pᵢ log Pᵢ, with 0 log 0 = 0. */
export function collapseFromShares(P: ArrayLike<number>): number {
  let s = Math.log(P.length);
  for (let i = 0; i < P.length; i++) if (P[i]! > 0) s += P[i]! * Math.log(P[i]!);
  return s;
}

export function modeCollapseMetric(t: MixtureTarget, x0: Float64Array, x1: Float64Array, n = x0.length): number {
  return collapseFromShares(modeShares(t, x0, x1, n));
}

export function avgLogLikelihood(t: MixtureTarget, x0: Float64Array, x1: Float64Array, n = x0.length): number {
  let s = 0;
  for (let a = 0; a < n; a++) s += logDensity(t, x0[a]!, x1[a]!);
  return s / n;
}
