/**
 * A realistic bug in the IPM witness: both kernel sums divided by the pooled sample count n + m,
 * f_α̂(u) = (Σᵢ k(xᵢ, u) − Σⱼ k(yⱼ, u))/(n + m), instead of by n and m separately (the difference of
 * the two mean embeddings). Right only when n = m, up to a factor 2, so it is wrong everywhere; the
 * IPM closed form f₀ + t·f_α̂ inherits it.
 */
import type { Kernel, ntkGan } from 'gan-claims';
import correct from './correct-ntk-gan.ts';

function witness(kernel: Kernel, xs: readonly Float64Array[], ys: readonly Float64Array[], u: Float64Array): number {
  const sum = (ps: readonly Float64Array[]) => ps.reduce((s, p) => s + kernel.k(p, u), 0);
  return (sum(xs) - sum(ys)) / (xs.length + ys.length); // BUG: sum(xs)/n − sum(ys)/m
}

const impl: ntkGan.NtkGan = {
  ...correct,
  witness,
  ipmClosedForm: (kernel, xs, ys, us, f0, t) => Float64Array.from(us, (u, i) => f0[i]! + t * witness(kernel, xs, ys, u)),
};

export default impl;
