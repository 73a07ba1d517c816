/**
 * Central finite differences of a kernel's value and gradient: the independent reference against
 * which every kernel's analytic ∇ₓK, ∇²ₓK and ∇ₓ∇ₓ′K are checked (properties/kernels).
 */
import type { FullKernel } from './full-kernel.ts';

export interface KernelFdErrors {
  /** Relative (to max(1, scale)) max-abs errors of the analytic derivative vs central differences. */
  grad: number;
  hessXX: number;
  hessXY: number;
}

/** Max-abs differences between analytic and central-difference derivatives, divided by `scale`. */
export function kernelFdErrors(kernel: FullKernel, x: Float64Array, y: Float64Array, h: number, scale = 1): KernelFdErrors {
  const d = x.length;
  const xp = Float64Array.from(x);
  const yp = Float64Array.from(y);
  const g = kernel.gradX(x, y, new Float64Array(d));
  const hxx = kernel.hessXX(x, y).data;
  const hxy = kernel.hessXY(x, y).data;
  let eg = 0;
  let exx = 0;
  let exy = 0;
  const gp = new Float64Array(d);
  const gm = new Float64Array(d);
  for (let b = 0; b < d; b++) {
    xp[b] = x[b]! + h;
    const kp = kernel.k(xp, y);
    kernel.gradX(xp, y, gp);
    xp[b] = x[b]! - h;
    const km = kernel.k(xp, y);
    kernel.gradX(xp, y, gm);
    xp[b] = x[b]!;
    eg = Math.max(eg, Math.abs((kp - km) / (2 * h) - g[b]!));
    // column b of ∇²ₓK: ∂(∇ₓK)/∂x_b (symmetric)
    for (let a = 0; a < d; a++) exx = Math.max(exx, Math.abs((gp[a]! - gm[a]!) / (2 * h) - hxx[a * d + b]!));
    yp[b] = y[b]! + h;
    kernel.gradX(x, yp, gp);
    yp[b] = y[b]! - h;
    kernel.gradX(x, yp, gm);
    yp[b] = y[b]!;
    for (let a = 0; a < d; a++) exy = Math.max(exy, Math.abs((gp[a]! - gm[a]!) / (2 * h) - hxy[a * d + b]!));
  }
  return { grad: eg / scale, hessXX: exx / scale, hessXY: exy / scale };
}
