/**
 * Maximum mean discrepancy between two empirical measures α̂ = (1/n)Σδ_{xᵢ}, β̂ = (1/m)Σδ_{yⱼ}
 * (Gretton et al. 2012). Points are Float64Array of equal length d.
 *
 * - mmd2Biased: the V-statistic, i.e. the exact squared RKHS distance between the mean
 *   embeddings of the two empirical measures, ‖E_α̂ k(x,·) − E_β̂ k(y,·)‖²_H. This is the
 *   quantity of 004's "L(f_t) = L(f₀) + t·MMD²_k(α̂, β̂)": ≥ 0 for any PSD kernel, 0 iff the
 *   embeddings coincide.
 * - mmd2Unbiased: the U-statistic (diagonal terms dropped), an unbiased estimator of the
 *   population MMD² between the distributions the samples came from; it can be negative.
 */
import type { Kernel } from '../kernels/kernel.ts';

function checkPoints(fn: string, name: string, pts: readonly Float64Array[], min: number, d?: number): number {
  if (!Array.isArray(pts)) throw new TypeError(`${fn}: ${name} must be an array of Float64Array points`);
  if (pts.length < min) throw new RangeError(`${fn}: ${name} needs at least ${min} point(s), got ${pts.length}`);
  const dim = d ?? pts[0]!.length;
  pts.forEach((p, i) => {
    if (!(p instanceof Float64Array)) throw new TypeError(`${fn}: ${name}[${i}] must be a Float64Array`);
    if (p.length !== dim) throw new RangeError(`${fn}: ${name}[${i}] has dimension ${p.length}, expected ${dim}`);
    for (const v of p) if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name}[${i}] has a non-finite coordinate`);
  });
  return dim;
}

/** Σᵢⱼ k(aᵢ, bⱼ), optionally skipping i = j (a and b the same list). */
function kernelSum(kernel: Kernel, a: readonly Float64Array[], b: readonly Float64Array[], skipDiagonal: boolean): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      if (skipDiagonal && i === j) continue;
      s += kernel.k(a[i]!, b[j]!);
    }
  }
  return s;
}

/** MMD²_k(α̂, β̂) = E k(x,x′) + E k(y,y′) − 2 E k(x,y), all expectations under the empirical measures. */
export function mmd2Biased(kernel: Kernel, xs: readonly Float64Array[], ys: readonly Float64Array[]): number {
  const d = checkPoints('mmd2Biased', 'xs', xs, 1);
  checkPoints('mmd2Biased', 'ys', ys, 1, d);
  const n = xs.length;
  const m = ys.length;
  return kernelSum(kernel, xs, xs, false) / (n * n) + kernelSum(kernel, ys, ys, false) / (m * m) - (2 * kernelSum(kernel, xs, ys, false)) / (n * m);
}

/** Unbiased MMD²_u: within-sample sums over i ≠ j, divided by n(n − 1) and m(m − 1). */
export function mmd2Unbiased(kernel: Kernel, xs: readonly Float64Array[], ys: readonly Float64Array[]): number {
  const d = checkPoints('mmd2Unbiased', 'xs', xs, 2);
  checkPoints('mmd2Unbiased', 'ys', ys, 2, d);
  const n = xs.length;
  const m = ys.length;
  return kernelSum(kernel, xs, xs, true) / (n * (n - 1)) + kernelSum(kernel, ys, ys, true) / (m * (m - 1)) - (2 * kernelSum(kernel, xs, ys, false)) / (n * m);
}

/** MMD_k = √max(MMD², 0) of the biased estimator (a metric between empirical measures for characteristic k). */
export function mmd(kernel: Kernel, xs: readonly Float64Array[], ys: readonly Float64Array[]): number {
  return Math.sqrt(Math.max(mmd2Biased(kernel, xs, ys), 0));
}
