/**
 * Central-difference Jacobian of f: ℝⁿ → ℝᵐ. Error O(h²·‖f'''‖) + O(eps·‖f‖/h); the default
 * step h_j = cbrt(eps)·max(1, |x_j|) balances the two (Nocedal & Wright §8.1). The step is
 * rounded so that x_j ± h_j is exactly representable and the divisor is the true spacing.
 */
import { matrix, type Matrix } from './matrix.ts';
import { checkVector } from './check.ts';

export const DEFAULT_FD_STEP = Math.cbrt(Number.EPSILON);

export function jacobianFD(f: (x: Float64Array) => Float64Array, x: Float64Array, h?: number): Matrix {
  if (typeof f !== 'function') throw new TypeError('jacobianFD: f must be a function');
  checkVector('jacobianFD', 'x', x);
  if (h !== undefined && !(h > 0 && Number.isFinite(h))) throw new RangeError(`jacobianFD: h must be a positive finite number, got ${h}`);
  const n = x.length;
  const xp = Float64Array.from(x);
  let J: Matrix | null = null;
  let m = -1;
  for (let j = 0; j < n; j++) {
    const xj = x[j]!;
    const step = h ?? DEFAULT_FD_STEP * Math.max(1, Math.abs(xj));
    const hi = xj + step;
    const lo = xj - step;
    xp[j] = hi;
    const fp = Float64Array.from(evaluate(f, xp, 'f(x + h·e_j)'));
    xp[j] = lo;
    const fm = evaluate(f, xp, 'f(x − h·e_j)');
    xp[j] = xj;
    if (J === null) { m = fp.length; J = matrix(m, n); }
    if (fp.length !== m || fm.length !== m) throw new RangeError(`jacobianFD: f returned vectors of different lengths (${m}, ${fp.length}, ${fm.length})`);
    const denom = hi - lo;
    for (let i = 0; i < m; i++) J.data[i * n + j] = (fp[i]! - fm[i]!) / denom;
  }
  if (J === null) {
    const f0 = evaluate(f, xp, 'f(x)');
    J = matrix(f0.length, 0);
  }
  return J;
}

function evaluate(f: (x: Float64Array) => Float64Array, x: Float64Array, what: string): Float64Array {
  const y = f(x);
  if (!(y instanceof Float64Array)) throw new TypeError(`jacobianFD: f must return a Float64Array (at ${what})`);
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i]!)) throw new RangeError(`jacobianFD: ${what} has a non-finite entry (${y[i]}) at index ${i}`);
  }
  return y;
}
