/**
 * Small float64 multilayer perceptrons for generators and discriminators (003 §2 works with the
 * generator's input–output Jacobian J_z ∈ ℝ^{n_x×n_z}). Layer l maps sizes[l] → sizes[l+1]:
 * h_{l+1} = act_l(W_l h_l + b_l), W_l row-major sizes[l+1]×sizes[l].
 *
 * Forward, the analytic Jacobian (forward mode: J = D_L W_L ⋯ D_1 W_1, D = diag(act′(pre))) and
 * reverse-mode parameter gradients, all over preallocated workspaces.
 */
import { matrix, type Matrix } from '../../linalg/matrix.ts';
import type { Rng } from '../../random/rng.ts';

export type Activation = 'tanh' | 'relu' | 'leaky-relu' | 'identity';
const LEAK = 0.2;

export interface Mlp {
  readonly sizes: readonly number[];
  /** One activation per layer (length sizes.length − 1). */
  readonly acts: readonly Activation[];
  readonly W: Float64Array[];
  readonly b: Float64Array[];
}

export interface MlpInit {
  sizes: readonly number[];
  /** Activation of every hidden layer. */
  hidden: Activation;
  /** Activation of the output layer (default identity). */
  output?: Activation;
  /** Weight std is gain/√fan_in (default 1; √2 suits ReLU). */
  gain?: number;
}

export function activate(a: Activation, u: number): number {
  switch (a) {
    case 'tanh': return Math.tanh(u);
    case 'relu': return u > 0 ? u : 0;
    case 'leaky-relu': return u > 0 ? u : LEAK * u;
    default: return u;
  }
}

export function activateDeriv(a: Activation, u: number): number {
  switch (a) {
    case 'tanh': { const t = Math.tanh(u); return 1 - t * t; }
    case 'relu': return u > 0 ? 1 : 0;
    case 'leaky-relu': return u > 0 ? 1 : LEAK;
    default: return 1;
  }
}

export function initMlp(rng: Rng, o: MlpInit): Mlp {
  const { sizes } = o;
  if (!Array.isArray(sizes) || sizes.length < 2) throw new RangeError('initMlp: sizes must list at least input and output sizes');
  sizes.forEach((s, i) => {
    if (!Number.isInteger(s) || s < 1) throw new RangeError(`initMlp: sizes[${i}] must be a positive integer, got ${s}`);
  });
  const gain = o.gain ?? 1;
  if (!(gain > 0) || !Number.isFinite(gain)) throw new RangeError(`initMlp: gain must be finite and > 0, got ${gain}`);
  const L = sizes.length - 1;
  const acts: Activation[] = [];
  const W: Float64Array[] = [];
  const b: Float64Array[] = [];
  for (let l = 0; l < L; l++) {
    acts.push(l === L - 1 ? o.output ?? 'identity' : o.hidden);
    W.push(rng.normals(new Float64Array(sizes[l + 1]! * sizes[l]!), 0, gain / Math.sqrt(sizes[l]!)));
    b.push(new Float64Array(sizes[l + 1]!));
  }
  return { sizes: [...sizes], acts, W, b };
}

/** A parameter-shaped zero buffer (gradients, Adam moments). */
export function zerosLike(mlp: Mlp): { W: Float64Array[]; b: Float64Array[] } {
  return { W: mlp.W.map((w) => new Float64Array(w.length)), b: mlp.b.map((v) => new Float64Array(v.length)) };
}

export function cloneMlp(mlp: Mlp): Mlp {
  return { sizes: mlp.sizes, acts: mlp.acts, W: mlp.W.map((w) => Float64Array.from(w)), b: mlp.b.map((v) => Float64Array.from(v)) };
}

/** Per-sample workspace: pre-activations and activations of each layer, and backprop deltas. */
export interface MlpWork {
  pre: Float64Array[];
  post: Float64Array[];
  delta: Float64Array[];
}

export function mlpWork(mlp: Mlp): MlpWork {
  return {
    pre: mlp.sizes.slice(1).map((s) => new Float64Array(s)),
    post: mlp.sizes.map((s) => new Float64Array(s)),
    delta: mlp.sizes.map((s) => new Float64Array(s)),
  };
}

/** Forward pass of one input; returns work.post[L] (the output, owned by `work`). */
export function forward(mlp: Mlp, x: ArrayLike<number>, work: MlpWork): Float64Array {
  const L = mlp.sizes.length - 1;
  const n0 = mlp.sizes[0]!;
  if (x.length !== n0) throw new RangeError(`forward: input must have length ${n0}, got ${x.length}`);
  work.post[0]!.set(x as ArrayLike<number>);
  for (let l = 0; l < L; l++) {
    const nin = mlp.sizes[l]!;
    const nout = mlp.sizes[l + 1]!;
    const W = mlp.W[l]!;
    const hin = work.post[l]!;
    const pre = work.pre[l]!;
    const hout = work.post[l + 1]!;
    const a = mlp.acts[l]!;
    for (let i = 0; i < nout; i++) {
      let s = mlp.b[l]![i]!;
      for (let j = 0; j < nin; j++) s += W[i * nin + j]! * hin[j]!;
      pre[i] = s;
      hout[i] = activate(a, s);
    }
  }
  return work.post[L]!;
}

/** Convenience: a fresh output array. */
export function mlpApply(mlp: Mlp, x: ArrayLike<number>, work = mlpWork(mlp)): Float64Array {
  return Float64Array.from(forward(mlp, x, work));
}

/**
 * Reverse pass after `forward(mlp, x, work)`: given ∂ℓ/∂output in gOut, ADDS ∂ℓ/∂θ into grad and,
 * if gIn is given, writes ∂ℓ/∂input into it.
 */
export function backward(mlp: Mlp, work: MlpWork, gOut: ArrayLike<number>, grad: { W: Float64Array[]; b: Float64Array[] }, gIn?: Float64Array): void {
  const L = mlp.sizes.length - 1;
  const top = work.delta[L]!;
  for (let i = 0; i < top.length; i++) top[i] = gOut[i]!;
  for (let l = L - 1; l >= 0; l--) {
    const nin = mlp.sizes[l]!;
    const nout = mlp.sizes[l + 1]!;
    const W = mlp.W[l]!;
    const gW = grad.W[l]!;
    const gb = grad.b[l]!;
    const dOut = work.delta[l + 1]!;
    const pre = work.pre[l]!;
    const hin = work.post[l]!;
    const dIn = work.delta[l]!;
    const a = mlp.acts[l]!;
    dIn.fill(0);
    for (let i = 0; i < nout; i++) {
      const g = dOut[i]! * activateDeriv(a, pre[i]!);
      if (g === 0) continue;
      gb[i]! += g;
      const row = i * nin;
      for (let j = 0; j < nin; j++) {
        gW[row + j]! += g * hin[j]!;
        dIn[j]! += g * W[row + j]!;
      }
    }
  }
  if (gIn) gIn.set(work.delta[0]!);
}

/** Input–output Jacobian J_z (n_x × n_z) by forward-mode products through the layers. */
export function jacobian(mlp: Mlp, z: ArrayLike<number>, work = mlpWork(mlp)): Matrix {
  forward(mlp, z, work);
  const L = mlp.sizes.length - 1;
  const nz = mlp.sizes[0]!;
  let J = new Float64Array(nz * nz);
  for (let i = 0; i < nz; i++) J[i * nz + i] = 1;
  for (let l = 0; l < L; l++) {
    const nin = mlp.sizes[l]!;
    const nout = mlp.sizes[l + 1]!;
    const W = mlp.W[l]!;
    const pre = work.pre[l]!;
    const next = new Float64Array(nout * nz);
    for (let i = 0; i < nout; i++) {
      const di = activateDeriv(mlp.acts[l]!, pre[i]!);
      if (di === 0) continue;
      for (let j = 0; j < nin; j++) {
        const w = W[i * nin + j]! * di;
        if (w === 0) continue;
        for (let c = 0; c < nz; c++) next[i * nz + c]! += w * J[j * nz + c]!;
      }
    }
    J = next;
  }
  return matrix(mlp.sizes[L]!, nz, J);
}

/**
 * Smallest |pre-activation| / ‖∂pre/∂z‖ over the kinked units (ReLU family): within this distance of
 * z in latent space no unit changes sign, so a piecewise-linear G is exactly affine there.
 * +∞ when no layer has a kink.
 */
export function kinkMargin(mlp: Mlp, z: ArrayLike<number>, work = mlpWork(mlp)): number {
  forward(mlp, z, work);
  const L = mlp.sizes.length - 1;
  const nz = mlp.sizes[0]!;
  let J = new Float64Array(nz * nz);
  for (let i = 0; i < nz; i++) J[i * nz + i] = 1;
  let margin = Infinity;
  for (let l = 0; l < L; l++) {
    const nin = mlp.sizes[l]!;
    const nout = mlp.sizes[l + 1]!;
    const W = mlp.W[l]!;
    const kinked = mlp.acts[l] === 'relu' || mlp.acts[l] === 'leaky-relu';
    const next = new Float64Array(nout * nz);
    for (let i = 0; i < nout; i++) {
      const pg = new Float64Array(nz); // ∂pre_i/∂z
      for (let j = 0; j < nin; j++) for (let c = 0; c < nz; c++) pg[c]! += W[i * nin + j]! * J[j * nz + c]!;
      if (kinked) {
        const gn = Math.hypot(...pg);
        if (gn > 0) margin = Math.min(margin, Math.abs(work.pre[l]![i]!) / gn);
      }
      const di = activateDeriv(mlp.acts[l]!, work.pre[l]![i]!);
      for (let c = 0; c < nz; c++) next[i * nz + c] = di * pg[c]!;
    }
    J = next;
  }
  return margin;
}
