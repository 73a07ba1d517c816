/**
 * Energy of the regularised Dirac-GAN after time T from (θ, φ) = (1, 0), by RK4 on the system's
 * own vector field. d/dt(θ² + φ²) = −2βφ² ≤ 0 (eq. E1–E2), so θ(T)² + φ(T)² is also the envelope
 * sup_{t ≥ T}(θ² + φ²): unlike |θ(T)|, it has no zeros at oscillation crossings.
 */
import { Rk4 } from '../../integrators/rk4.ts';
import type { DiracGan } from './dirac-gan.ts';

export interface TrajectoryEnd {
  theta: number;
  phi: number;
  energy: number;
}

export function regularizedEndpoint(sys: DiracGan, beta: number, T: number, dt: number): TrajectoryEnd {
  if (!(T > 0 && Number.isFinite(T))) throw new RangeError(`T must be a positive finite number, got ${T}`);
  const steps = Math.round(T / dt);
  const x = Float64Array.of(1, 0);
  new Rk4(sys.regularizedField(beta), 2).integrate(x, T / steps, steps);
  return { theta: x[0]!, phi: x[1]!, energy: x[0]! * x[0]! + x[1]! * x[1]! };
}

/**
 * Global minimum of a function of one variable on [a, b]: evaluate an `n`-point grid, then run a
 * golden-section search inside the bracket of EVERY local minimum of the grid sequence and keep the
 * best. A single bracket around the best grid point is not enough when minima are sharp dips
 * narrower than the grid step (the energy's dips at ωT = kπ are ~2π/T³ wide in β): the grid point
 * nearest a shallower dip can be lower than those around the deepest one. Requires the grid to put
 * at least one point between consecutive dips.
 */
export function minimize1d(f: (x: number) => number, a: number, b: number, n: number, tol = 1e-10): { x: number; f: number } {
  const step = (b - a) / (n - 1);
  const xs = Array.from({ length: n }, (_, i) => a + i * step);
  const fs = xs.map(f);
  let best = { x: a, f: Infinity };
  for (let i = 0; i < n; i++) {
    if (fs[i]! < best.f) best = { x: xs[i]!, f: fs[i]! };
    const isLocalMin = (i === 0 || fs[i]! <= fs[i - 1]!) && (i === n - 1 || fs[i]! <= fs[i + 1]!);
    if (!isLocalMin) continue;
    const r = goldenSection(f, Math.max(a, xs[i]! - step), Math.min(b, xs[i]! + step), tol);
    if (r.f < best.f) best = r;
  }
  return best;
}

/** Golden-section search for a minimum of a unimodal function on [lo, hi]. */
export function goldenSection(f: (x: number) => number, lo: number, hi: number, tol: number): { x: number; f: number } {
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - g * (hi - lo);
  let x2 = lo + g * (hi - lo);
  let f1 = f(x1);
  let f2 = f(x2);
  while (hi - lo > tol) {
    if (f1 <= f2) { hi = x2; x2 = x1; f2 = f1; x1 = hi - g * (hi - lo); f1 = f(x1); }
    else { lo = x1; x1 = x2; f1 = f2; x2 = lo + g * (hi - lo); f2 = f(x2); }
  }
  const x = (lo + hi) / 2;
  return { x, f: f(x) };
}
