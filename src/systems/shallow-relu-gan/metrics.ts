/**
 * Implicit-bias metrics of 000 §5.2 for shallow ReLU networks: Jacobian Frobenius norm over the
 * latent distribution, weight and update norms, activation-pattern change %, the empirical NTK
 * (for its effective rank, src/metrics/effective-rank.ts), breakplane-orientation updates and
 * delta-slope norms/updates (Def. 2).
 */
import { forward, netWork, type ShallowNet } from './net.ts';
import { toSpline } from './spline.ts';

/** Mean over the n inputs of ‖∂h/∂x‖_F, with ∂h/∂x = Σ_i 1[w_iᵀx + b_i > 0] v_i w_iᵀ (D×d). */
export function jacobianFrobenius(net: ShallowNet, X: Float64Array, n: number): number {
  const { d, H, D, W, b, V } = net;
  const J = new Float64Array(D * d);
  let total = 0;
  for (let s = 0; s < n; s++) {
    J.fill(0);
    for (let i = 0; i < H; i++) {
      let a = b[i]!;
      for (let k = 0; k < d; k++) a += W[i * d + k]! * X[s * d + k]!;
      if (!(a > 0)) continue;
      for (let j = 0; j < D; j++) {
        const v = V[j * H + i]!;
        for (let k = 0; k < d; k++) J[j * d + k] += v * W[i * d + k]!;
      }
    }
    let f = 0;
    for (let q = 0; q < J.length; q++) f += J[q]! * J[q]!;
    total += Math.sqrt(f);
  }
  return total / n;
}

/** Percentage of (input, neuron) pairs whose ReLU on/off state differs between two parameter sets. */
export function activationChangePct(net0: ShallowNet, net1: ShallowNet, X: Float64Array, n: number): number {
  if (net0.H !== net1.H || net0.d !== net1.d) throw new RangeError('activationChangePct: networks must have the same shape');
  const { d, H } = net0;
  let changed = 0;
  for (let s = 0; s < n; s++) {
    for (let i = 0; i < H; i++) {
      let a0 = net0.b[i]!;
      let a1 = net1.b[i]!;
      for (let k = 0; k < d; k++) {
        a0 += net0.W[i * d + k]! * X[s * d + k]!;
        a1 += net1.W[i * d + k]! * X[s * d + k]!;
      }
      if (a0 > 0 !== a1 > 0) changed++;
    }
  }
  return (100 * changed) / (n * H);
}

function l2(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

function l2diff(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(s);
}

export interface WeightNorms { W: number; b: number; V: number; c: number; total: number }

export function weightNorms(net: ShallowNet): WeightNorms {
  return { W: l2(net.W), b: l2(net.b), V: l2(net.V), c: l2(net.c), total: l2(net.theta) };
}

/** ‖θ₁ − θ₀‖ per parameter group and in total. */
export function updateNorms(net0: ShallowNet, net1: ShallowNet): WeightNorms {
  return { W: l2diff(net1.W, net0.W), b: l2diff(net1.b, net0.b), V: l2diff(net1.V, net0.V), c: l2diff(net1.c, net0.c), total: l2diff(net1.theta, net0.theta) };
}

/** ‖θ₁ − θ₀‖/‖θ₀‖: the relative parameter change of lazy-training analyses. */
export function relativeParamChange(net0: ShallowNet, net1: ShallowNet): number {
  return l2diff(net1.theta, net0.theta) / l2(net0.theta);
}

/**
 * Empirical NTK Gram matrix K = J Jᵀ (nD×nD, index s·D + j) with J = ∂h(x_s)_j/∂θ, in closed form:
 * K[(s,j),(t,l)] = Σ_i 1_si 1_ti V_ji V_li (x_s·x_t + 1) + δ_jl (Σ_i r_si r_ti + 1),
 * where 1_si = 1[a_si > 0] and r_si = ReLU(a_si) (pre-activations as forward() leaves them: unit-major).
 */
export function ntkGram(net: ShallowNet, X: Float64Array, n: number): Float64Array {
  const { d, H, D, V } = net;
  const A = new Float64Array(n * H);
  const ws = netWork(net, n);
  forward(net, X, n, new Float64Array(n * D), ws);
  A.set(ws.A);
  const m = n * D;
  const K = new Float64Array(m * m);
  for (let s = 0; s < n; s++) {
    for (let t = s; t < n; t++) {
      let xx = 1;
      for (let k = 0; k < d; k++) xx += X[s * d + k]! * X[t * d + k]!;
      let rr = 1;
      for (let i = 0; i < H; i++) {
        const as = A[i * n + s]!;
        const at = A[i * n + t]!;
        if (as > 0 && at > 0) rr += as * at;
      }
      for (let j = 0; j < D; j++) {
        for (let l = 0; l < D; l++) {
          let vv = 0;
          for (let i = 0; i < H; i++) if (A[i * n + s]! > 0 && A[i * n + t]! > 0) vv += V[j * H + i]! * V[l * H + i]!;
          const val = vv * xx + (j === l ? rr : 0);
          K[(s * D + j) * m + (t * D + l)] = val;
          K[(t * D + l) * m + (s * D + j)] = val;
        }
      }
    }
  }
  return K;
}

/** ‖K₁ − K₀‖_F/‖K₀‖_F. */
export function relativeKernelChange(K0: Float64Array, K1: Float64Array): number {
  return l2diff(K1, K0) / l2(K0);
}

/** Mean over neurons of ‖ξ_i¹ − ξ_i⁰‖ (breakplane orientation update; in 1-D 2 for a flip, else 0). */
export function breakplaneOrientationUpdate(net0: ShallowNet, net1: ShallowNet): number {
  const s0 = toSpline(net0);
  const s1 = toSpline(net1);
  let tot = 0;
  for (let i = 0; i < s0.H; i++) {
    let q = 0;
    for (let k = 0; k < s0.d; k++) q += (s1.xi[i * s0.d + k]! - s0.xi[i * s0.d + k]!) ** 2;
    tot += Math.sqrt(q);
  }
  return tot / s0.H;
}

/** Mean over neurons of ‖μ_i‖ (delta-slope norm). */
export function deltaSlopeNorm(net: ShallowNet): number {
  const s = toSpline(net);
  let tot = 0;
  for (let i = 0; i < s.H; i++) {
    let q = 0;
    for (let j = 0; j < s.D; j++) q += s.mu[i * s.D + j]! ** 2;
    tot += Math.sqrt(q);
  }
  return tot / s.H;
}

/** Mean over neurons of ‖μ_i¹ − μ_i⁰‖ ("norm of delta-slope absolute updates", Fig. 3b). */
export function deltaSlopeUpdate(net0: ShallowNet, net1: ShallowNet): number {
  const s0 = toSpline(net0);
  const s1 = toSpline(net1);
  let tot = 0;
  for (let i = 0; i < s0.H; i++) {
    let q = 0;
    for (let j = 0; j < s0.D; j++) q += (s1.mu[i * s0.D + j]! - s0.mu[i * s0.D + j]!) ** 2;
    tot += Math.sqrt(q);
  }
  return tot / s0.H;
}
