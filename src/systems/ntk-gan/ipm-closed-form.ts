/**
 * 004 "IPM Discriminator and MMD", infinite width: fₜ = f₀ + t·f_α̂ with the witness function
 *   f_α̂ = E_{x∼α̂}[k(x, ·)] − E_{y∼β̂}[k(y, ·)],
 * and L_α̂(fₜ) = L_α̂(f₀) + t·MMD²_k(α̂, β̂) (the biased, plug-in MMD² between the empirical measures).
 */
import type { Kernel } from '../../kernels/kernel.ts';

/** f_α̂(u) = (1/n)Σᵢ k(xᵢ, u) − (1/m)Σⱼ k(yⱼ, u). */
export function witness(kernel: Kernel, xs: readonly Float64Array[], ys: readonly Float64Array[], u: Float64Array): number {
  let sx = 0;
  for (const x of xs) sx += kernel.k(x, u);
  let sy = 0;
  for (const y of ys) sy += kernel.k(y, u);
  return sx / xs.length - sy / ys.length;
}

/** ∇ᵤ f_α̂(u) = (1/n)Σᵢ ∇ₓk(u, xᵢ) − (1/m)Σⱼ ∇ₓk(u, yⱼ) (symmetric k), written into out. */
export function witnessGradient(kernel: Kernel, xs: readonly Float64Array[], ys: readonly Float64Array[], u: Float64Array, out = new Float64Array(u.length), tmp = new Float64Array(u.length)): Float64Array {
  if (!kernel.gradX) throw new TypeError(`witnessGradient: kernel ${kernel.name} has no gradX`);
  out.fill(0);
  for (const x of xs) {
    kernel.gradX(u, x, tmp);
    for (let a = 0; a < u.length; a++) out[a]! += tmp[a]! / xs.length;
  }
  for (const y of ys) {
    kernel.gradX(u, y, tmp);
    for (let a = 0; a < u.length; a++) out[a]! -= tmp[a]! / ys.length;
  }
  return out;
}

/** fₜ(u) = f₀(u) + t·f_α̂(u) at each u. */
export function ipmClosedForm(kernel: Kernel, xs: readonly Float64Array[], ys: readonly Float64Array[], us: readonly Float64Array[], f0: Float64Array, t: number): Float64Array {
  if (f0.length !== us.length) throw new RangeError(`ipmClosedForm: f0 must have one value per point (${us.length}), got ${f0.length}`);
  return Float64Array.from(us, (u, i) => f0[i]! + t * witness(kernel, xs, ys, u));
}
