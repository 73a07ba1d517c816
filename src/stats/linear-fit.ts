/** Ordinary least-squares line y ≈ slope·x + intercept with r² and the slope's standard error. */
import { checkSample } from './check.ts';

export interface LinearFit {
  slope: number;
  intercept: number;
  /** Coefficient of determination 1 − SSE/SST (1 when y is constant and fitted exactly). */
  r2: number;
  /** y_i − (slope·x_i + intercept). */
  residuals: Float64Array;
  /** √(SSE/(n−2) / Σ(x − x̄)²); NaN for n = 2. */
  slopeStdErr: number;
}

export function linearFit(x: ArrayLike<number>, y: ArrayLike<number>): LinearFit {
  checkSample('linearFit', 'x', x, 2);
  checkSample('linearFit', 'y', y);
  if (y.length !== x.length) throw new RangeError(`linearFit: x and y must have the same length, got ${x.length} and ${y.length}`);
  const n = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += x[i]!; my += y[i]!; }
  mx /= n;
  my /= n;
  let sxx = 0, sxy = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx, dy = y[i]! - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) throw new RangeError('linearFit: x is constant, the slope is undefined');
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const residuals = new Float64Array(n);
  let sse = 0;
  for (let i = 0; i < n; i++) {
    residuals[i] = y[i]! - (slope * x[i]! + intercept);
    sse += residuals[i]! * residuals[i]!;
  }
  const r2 = syy === 0 ? 1 : Math.max(0, 1 - sse / syy);
  const slopeStdErr = n > 2 ? Math.sqrt(sse / (n - 2) / sxx) : NaN;
  return { slope, intercept, r2, residuals, slopeStdErr };
}
