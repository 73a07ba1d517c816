/**
 * A user's own generator-conditioning code (what `--impl jacobian-clamping=./correct-jc.ts` loads),
 * written as a reader of 003 would: a forward pass that keeps the pre-activations, the Jacobian by
 * reverse mode (one backward pass per output coordinate, the built-in uses forward mode), M = JᵀJ, and
 * Algorithm 1 with its gradient by backpropagation through G(z) and G(z′).
 */
import { linalg, type jacobianClamping } from 'gan-claims';

type Mlp = jacobianClamping.Mlp;
type Params = { W: Float64Array[]; b: Float64Array[] };

function sigma(a: string, u: number): number {
  if (a === 'tanh') return Math.tanh(u);
  if (a === 'relu') return Math.max(u, 0);
  if (a === 'leaky-relu') return u >= 0 ? u : 0.2 * u;
  return u;
}
function sigmaPrime(a: string, u: number): number {
  if (a === 'tanh') return 1 / Math.cosh(u) ** 2;
  if (a === 'relu') return u > 0 ? 1 : 0;
  if (a === 'leaky-relu') return u > 0 ? 1 : 0.2;
  return 1;
}

/**
 * The pieces a buggy copy replaces (examples/jacobian-clamping-gate/buggy-*.ts change exactly one):
 * σ′ as the Jacobian's pullback uses it, the metric tensor from J, the clamping penalty, and the
 * quotient's denominator ‖z − z′‖.
 */
export interface Pieces {
  jacobianSigmaPrime(a: string, u: number): number;
  metricOf(J: linalg.Matrix): linalg.Matrix;
  penalty(q: number, lambdaMin: number, lambdaMax: number): number;
  quotientDenominator(z: ArrayLike<number>, zp: ArrayLike<number>): number;
}

/** Activations hs[0..L] and pre-activations us[0..L−1]. */
function run(G: Mlp, z: ArrayLike<number>): { hs: Float64Array[]; us: Float64Array[] } {
  const hs = [Float64Array.from(z)];
  const us: Float64Array[] = [];
  G.W.forEach((W, l) => {
    const h = hs[l]!;
    const n = h.length;
    const u = Float64Array.from(G.b[l]!);
    for (let i = 0; i < u.length; i++) for (let j = 0; j < n; j++) u[i] += W[i * n + j]! * h[j]!;
    us.push(u);
    hs.push(u.map((v) => sigma(G.acts[l]!, v)));
  });
  return { hs, us };
}

/** Backpropagate the cotangent gx at the output: returns ∂/∂z, and adds ∂/∂θ into grad if given. */
function pullback(G: Mlp, fwd: { hs: Float64Array[]; us: Float64Array[] }, gx: Float64Array, grad?: Params, dsigma = sigmaPrime): Float64Array {
  let g = gx;
  for (let l = G.W.length - 1; l >= 0; l--) {
    const u = fwd.us[l]!;
    const h = fwd.hs[l]!;
    const n = h.length;
    const gu = u.map((v, i) => g[i]! * dsigma(G.acts[l]!, v));
    const gh = new Float64Array(n);
    for (let i = 0; i < gu.length; i++) {
      for (let j = 0; j < n; j++) {
        gh[j] += G.W[l]![i * n + j]! * gu[i]!;
        if (grad) grad.W[l]![i * n + j] += gu[i]! * h[j]!;
      }
      if (grad) grad.b[l]![i] += gu[i]!;
    }
    g = gh;
  }
  return g;
}

const generate = (G: Mlp, z: ArrayLike<number>) => run(G, z).hs[G.W.length]!;

export const correctPieces: Pieces = {
  jacobianSigmaPrime: sigmaPrime,
  metricOf: (J) => linalg.matmul(linalg.transpose(J), J), // M = JᵀJ, n_z × n_z
  penalty: (q, lambdaMin, lambdaMax) => (Math.max(q, lambdaMax) - lambdaMax) ** 2 + (Math.min(q, lambdaMin) - lambdaMin) ** 2,
  quotientDenominator: (z, zp) => Math.hypot(...Array.from(zp, (v, a) => v - z[a]!)),
};

export function build(replace: Partial<Pieces> = {}): jacobianClamping.JacobianClamping {
  const p: Pieces = { ...correctPieces, ...replace };
  function jacobian(G: Mlp, z: ArrayLike<number>): linalg.Matrix {
    const fwd = run(G, z);
    const nx = fwd.hs[G.W.length]!.length;
    const nz = z.length;
    const J = linalg.matrix(nx, nz);
    for (let r = 0; r < nx; r++) {
      const e = new Float64Array(nx);
      e[r] = 1;
      J.data.set(pullback(G, fwd, e, undefined, p.jacobianSigmaPrime), r * nz);
    }
    return J;
  }
  const metricTensor = (G: Mlp, z: ArrayLike<number>) => p.metricOf(jacobian(G, z));
  function conditionNumber(G: Mlp, z: ArrayLike<number>): number {
    const lam = linalg.eigSym(metricTensor(G, z)).values; // ascending
    const hi = lam[lam.length - 1]!;
    const lo = Math.max(lam[0]!, 0);
    return lo > 0 ? hi / lo : Infinity;
  }
  return {
    generate,
    jacobian,
    metricTensor,
    conditionNumber,
    meanLogCondition: (G, zs) => zs.reduce((s, z) => s + Math.log(conditionNumber(G, z)), 0) / zs.length,
    quotient(G, z, delta) {
      const zp = Array.from(z, (v, a) => v + delta[a]!);
      const x0 = generate(G, z);
      const x1 = generate(G, zp);
      return Math.hypot(...x0.map((v, i) => v - x1[i]!)) / p.quotientDenominator(z, zp);
    },
    penalty: p.penalty,
    clampBatch(G, zs, deltas, cfg, grad, weight = 1) {
      const B = zs.length;
      const q = new Float64Array(B);
      let loss = 0;
      zs.forEach((z, k) => {
        const zp = Array.from(z, (v, a) => v + deltas[k]![a]!);
        const f0 = run(G, z);
        const f1 = run(G, zp);
        const diff = f0.hs[G.W.length]!.map((v, i) => v - f1.hs[G.W.length]![i]!);
        const num = Math.hypot(...diff);
        const den = p.quotientDenominator(z, zp);
        q[k] = num / den;
        loss += p.penalty(q[k]!, cfg.lambdaMin, cfg.lambdaMax) / B;
        if (!grad || num === 0) return;
        // dL/dQ by a central difference of the penalty itself (exact for a piecewise quadratic away
        // from the kinks, within h² at them); dQ/dG(z) = diff/(‖diff‖·‖z − z′‖).
        const h = 1e-7 * (1 + q[k]!);
        const dLdQ = (p.penalty(q[k]! + h, cfg.lambdaMin, cfg.lambdaMax) - p.penalty(q[k]! - h, cfg.lambdaMin, cfg.lambdaMax)) / (2 * h);
        if (dLdQ === 0) return;
        const c = (weight * dLdQ) / (B * num * den);
        pullback(G, f0, diff.map((v) => c * v), grad);
        pullback(G, f1, diff.map((v) => -c * v), grad);
      });
      return { loss, q };
    },
  };
}

const impl = build();
export default impl;
