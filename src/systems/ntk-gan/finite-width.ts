/**
 * A finite-width discriminator for 004 "Constant NTK": the one-hidden-layer network of
 * src/kernels/ntk-empirical.ts, f(x) = √(c/H) Σᵢ aᵢ σ(wᵢ·x + bᵢ) (standard parameterisation, all of
 * a, W, b trained), trained by gradient ascent on the IPM loss L(f) = E_α̂ f − E_β̂ f:
 *   θ ← θ + η ∇θ L = θ + η Σ_z c_z ∂θ f(z),   c = 1/n on the fakes, −1/m on the targets,
 * for t/η steps (the Euler discretisation of the parameter gradient flow up to time t). As H → ∞
 * the empirical NTK stays at its initial value and f_t → f₀ + t f_α̂ with the analytic NTK.
 */
import type { OneHiddenNet } from '../../kernels/ntk-empirical.ts';
import { act, actDeriv, empiricalNtkGram, forwardOneHidden } from '../../kernels/ntk-empirical.ts';
import type { Matrix } from '../../linalg/matrix.ts';

export function cloneNet(net: OneHiddenNet): OneHiddenNet {
  return { ...net, W: Float64Array.from(net.W), b: Float64Array.from(net.b), a: Float64Array.from(net.a) };
}

/** f at each point. */
export function evaluateNet(net: OneHiddenNet, pts: readonly Float64Array[]): Float64Array {
  return Float64Array.from(pts, (p) => forwardOneHidden(net, p));
}

/** Empirical NTK Gram on the given points. */
export function netNtkGram(net: OneHiddenNet, pts: readonly Float64Array[]): Matrix {
  const X = new Float64Array(pts.length * net.n);
  pts.forEach((p, i) => X.set(p, i * net.n));
  return empiricalNtkGram(net, X, pts.length);
}

/**
 * `steps` gradient-ascent steps of size eta on L(f) = E_α̂ f − E_β̂ f, in place. Per unit i the
 * gradient is accumulated over the n + m training points; no allocation inside the loop.
 * Returns the step at which a parameter stopped being finite, if one did.
 */
export function trainIpmAscent(net: OneHiddenNet, xs: readonly Float64Array[], ys: readonly Float64Array[], eta: number, steps: number): { divergedAtStep?: number } {
  if (net.param !== 'standard') throw new RangeError(`trainIpmAscent: net.param must be 'standard', got ${net.param}`);
  if (!(eta > 0) || !Number.isFinite(eta)) throw new RangeError(`trainIpmAscent: eta must be finite and > 0, got ${eta}`);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`trainIpmAscent: steps must be a non-negative integer, got ${steps}`);
  const { H, n: d } = net;
  const pts = [...xs, ...ys];
  const P = pts.length;
  const coef = Float64Array.from(pts, (_, i) => (i < xs.length ? 1 / xs.length : -1 / ys.length));
  const X = new Float64Array(P * d);
  pts.forEach((p, i) => {
    if (p.length !== d) throw new RangeError(`trainIpmAscent: point ${i} has dimension ${p.length}, expected ${d}`);
    X.set(p, i * d);
  });
  const s = Math.sqrt(net.c / H);
  const ga = new Float64Array(H);
  const gb = new Float64Array(H);
  const gW = new Float64Array(H * d);
  for (let step = 0; step < steps; step++) {
    // Gradient at the current parameters (all units), then the update: a simultaneous step.
    ga.fill(0); gb.fill(0); gW.fill(0);
    for (let i = 0; i < H; i++) {
      const ai = net.a[i]!;
      const bi = net.b[i]!;
      for (let p = 0; p < P; p++) {
        let u = bi;
        for (let j = 0; j < d; j++) u += net.W[i * d + j]! * X[p * d + j]!;
        const c = coef[p]!;
        ga[i]! += c * s * act(net.activation, u);
        const g = c * s * ai * actDeriv(net.activation, u);
        gb[i]! += g;
        for (let j = 0; j < d; j++) gW[i * d + j]! += g * X[p * d + j]!;
      }
    }
    let finite = true;
    for (let i = 0; i < H; i++) {
      net.a[i]! += eta * ga[i]!;
      net.b[i]! += eta * gb[i]!;
      if (!Number.isFinite(net.a[i]!) || !Number.isFinite(net.b[i]!)) finite = false;
    }
    for (let k = 0; k < H * d; k++) net.W[k]! += eta * gW[k]!;
    if (!finite) return { divergedAtStep: step + 1 };
  }
  return {};
}
