/**
 * Empirical NTK of a one-hidden-layer network f(x) = √(c/H) Σᵢ aᵢ σ(wᵢ·x + bᵢ), all of a, w, b
 * trained (same parameterisations as ntk-analytic.ts).
 *
 * The Gram matrix is computed in closed form per pair, never by materialising the Jacobian
 * (the width reaches 2¹⁶ in App. G):
 *   standard: Θ(x, y) = (c/H) Σᵢ [ σ(uᵢ)σ(vᵢ) + aᵢ² σ'(uᵢ)σ'(vᵢ)(x·y + 1) ]
 *   ntk:      Θ(x, y) = (c/H) Σᵢ [ aVar σ(uᵢ)σ(vᵢ) + aᵢ² σ'(uᵢ)σ'(vᵢ)(wVar x·y + bVar) ]
 * with uᵢ = wᵢ·x + bᵢ, vᵢ = wᵢ·y + bᵢ. `jacobianOneHidden` materialises ∂f/∂θ for small widths, so
 * the two can be compared (and the Jacobian against finite differences of `forwardOneHidden`).
 */
import { erf } from '../stats/index.ts';
import { matrix, type Matrix } from '../linalg/matrix.ts';
import type { Rng } from '../random/rng.ts';

export type NetActivation = 'relu' | 'tanh' | 'erf';

export interface OneHiddenNet {
  activation: NetActivation;
  /** Input dimension n and width H. */
  n: number;
  H: number;
  /** Row-major H×n hidden weights, hidden biases, read-out weights. */
  W: Float64Array;
  b: Float64Array;
  a: Float64Array;
  c: number;
  param: 'standard' | 'ntk';
  wVar: number;
  bVar: number;
  aVar: number;
}

export interface OneHiddenInit {
  activation: NetActivation;
  n: number;
  H: number;
  wVar: number;
  bVar: number;
  aVar?: number;
  c?: number;
  param?: 'standard' | 'ntk';
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

export function act(kind: NetActivation, u: number): number {
  if (kind === 'relu') return u > 0 ? u : 0;
  if (kind === 'tanh') return Math.tanh(u);
  return erf(u);
}

export function actDeriv(kind: NetActivation, u: number): number {
  if (kind === 'relu') return u > 0 ? 1 : 0;
  if (kind === 'tanh') {
    const t = Math.tanh(u);
    return 1 - t * t;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-u * u);
}

function posInt(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
}

/** Draws a network: W ~ N(0, wVar), b ~ N(0, bVar), a ~ N(0, aVar) entrywise. */
export function initOneHidden(rng: Rng, o: OneHiddenInit): OneHiddenNet {
  posInt('initOneHidden: n', o.n);
  posInt('initOneHidden: H', o.H);
  if (!['relu', 'tanh', 'erf'].includes(o.activation)) throw new RangeError(`initOneHidden: activation must be relu, tanh or erf, got ${String(o.activation)}`);
  const aVar = o.aVar ?? 1;
  for (const [k, v] of [['wVar', o.wVar], ['bVar', o.bVar], ['aVar', aVar]] as const) {
    if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`initOneHidden: ${k} must be a non-negative finite number, got ${v}`);
  }
  const W = rng.normals(new Float64Array(o.H * o.n), 0, Math.sqrt(o.wVar));
  const b = rng.normals(new Float64Array(o.H), 0, Math.sqrt(o.bVar));
  const a = rng.normals(new Float64Array(o.H), 0, Math.sqrt(aVar));
  return { activation: o.activation, n: o.n, H: o.H, W, b, a, c: o.c ?? 1, param: o.param ?? 'standard', wVar: o.wVar, bVar: o.bVar, aVar };
}

export function forwardOneHidden(net: OneHiddenNet, x: Float64Array): number {
  if (x.length !== net.n) throw new RangeError(`forwardOneHidden: x must have length ${net.n}, got ${x.length}`);
  let s = 0;
  for (let i = 0; i < net.H; i++) {
    let u = net.b[i]!;
    for (let j = 0; j < net.n; j++) u += net.W[i * net.n + j]! * x[j]!;
    s += net.a[i]! * act(net.activation, u);
  }
  return Math.sqrt(net.c / net.H) * s;
}

/**
 * ∂f/∂θ in the trained coordinates, θ = (a, W row-major, b) (standard) or their standardised
 * versions (ntk). Materialised: for small widths and the checks only.
 */
export function jacobianOneHidden(net: OneHiddenNet, x: Float64Array): Float64Array {
  const { H, n } = net;
  const J = new Float64Array(H + H * n + H);
  const s = Math.sqrt(net.c / H);
  const ntk = net.param === 'ntk';
  const sa = ntk ? Math.sqrt(net.aVar) : 1;
  const sw = ntk ? Math.sqrt(net.wVar) : 1;
  const sb = ntk ? Math.sqrt(net.bVar) : 1;
  for (let i = 0; i < H; i++) {
    let u = net.b[i]!;
    for (let j = 0; j < n; j++) u += net.W[i * n + j]! * x[j]!;
    J[i] = s * sa * act(net.activation, u);
    const g = s * net.a[i]! * actDeriv(net.activation, u);
    for (let j = 0; j < n; j++) J[H + i * n + j] = g * sw * x[j]!;
    J[H + H * n + i] = g * sb;
  }
  return J;
}

/**
 * Empirical NTK Gram matrix of the m inputs in X (row-major m×n), closed form per pair.
 * Cost H·m·n for the pre-activations plus H·m² for the two Gram sums; memory O(m² + m).
 */
export function empiricalNtkGram(net: OneHiddenNet, X: Float64Array, m: number): Matrix {
  const { H, n } = net;
  posInt('empiricalNtkGram: m', m);
  if (X.length !== m * n) throw new RangeError(`empiricalNtkGram: X must have length m·n = ${m * n}, got ${X.length}`);
  const G1 = new Float64Array(m * m); // Σᵢ σσ
  const G2 = new Float64Array(m * m); // Σᵢ aᵢ² σ'σ'
  const f1 = new Float64Array(m);
  const f2 = new Float64Array(m);
  for (let i = 0; i < H; i++) {
    const bi = net.b[i]!;
    const ai2 = net.a[i]! * net.a[i]!;
    const off = i * n;
    for (let p = 0; p < m; p++) {
      let u = bi;
      const xo = p * n;
      for (let j = 0; j < n; j++) u += net.W[off + j]! * X[xo + j]!;
      f1[p] = act(net.activation, u);
      f2[p] = actDeriv(net.activation, u);
    }
    for (let p = 0; p < m; p++) {
      const a1 = f1[p]!;
      const a2 = ai2 * f2[p]!;
      const row = p * m;
      for (let q = p; q < m; q++) {
        G1[row + q] += a1 * f1[q]!;
        G2[row + q] += a2 * f2[q]!;
      }
    }
  }
  const out = matrix(m, m);
  const ntk = net.param === 'ntk';
  const ga = ntk ? net.aVar : 1;
  const gw = ntk ? net.wVar : 1;
  const gb = ntk ? net.bVar : 1;
  const scale = net.c / H;
  for (let p = 0; p < m; p++) {
    for (let q = p; q < m; q++) {
      let xy = 0;
      for (let j = 0; j < n; j++) xy += X[p * n + j]! * X[q * n + j]!;
      const v = scale * (ga * G1[p * m + q]! + G2[p * m + q]! * (gw * xy + gb));
      out.data[p * m + q] = v;
      out.data[q * m + p] = v;
    }
  }
  return out;
}

/** Points uniform on the sphere of the given radius in ℝⁿ, row-major m×n. */
export function spherePoints(rng: Rng, m: number, n: number, radius = 1): Float64Array {
  posInt('spherePoints: m', m);
  posInt('spherePoints: n', n);
  const X = new Float64Array(m * n);
  for (let p = 0; p < m; p++) {
    const v = rng.unitVector(n);
    for (let j = 0; j < n; j++) X[p * n + j] = radius * v[j]!;
  }
  return X;
}

/** Diagonal and off-diagonal entries of a Gram matrix, for the (g₁, g₂) peaks. */
export function splitDiagonal(G: Matrix): { diag: number[]; off: number[] } {
  const diag: number[] = [];
  const off: number[] = [];
  for (let p = 0; p < G.rows; p++) {
    for (let q = 0; q < G.cols; q++) (p === q ? diag : off).push(G.data[p * G.cols + q]!);
  }
  return { diag, off };
}

export function median(v: readonly number[]): number {
  if (v.length === 0) throw new RangeError('median: empty array');
  const s = [...v].sort((x, y) => x - y);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : 0.5 * (s[h - 1]! + s[h]!);
}

/**
 * Gram matrices of the width-Hₖ nets formed by the first Hₖ units of `net` (each a valid sample of a
 * width-Hₖ net, units being i.i.d.), for increasing Hₖ ≤ H, in one pass: nested-width convergence
 * studies at the cost of the widest net.
 */
export function empiricalNtkGramPrefixes(net: OneHiddenNet, X: Float64Array, m: number, widths: readonly number[]): Matrix[] {
  const { n } = net;
  if (X.length !== m * n) throw new RangeError(`empiricalNtkGramPrefixes: X must have length m·n = ${m * n}, got ${X.length}`);
  for (let k = 0; k < widths.length; k++) {
    if (!Number.isInteger(widths[k]) || widths[k]! < 1 || widths[k]! > net.H || (k > 0 && widths[k]! <= widths[k - 1]!)) {
      throw new RangeError(`empiricalNtkGramPrefixes: widths must be increasing integers in [1, ${net.H}], got [${widths.join(', ')}]`);
    }
  }
  const G1 = new Float64Array(m * m);
  const G2 = new Float64Array(m * m);
  const f1 = new Float64Array(m);
  const f2 = new Float64Array(m);
  const xy = new Float64Array(m * m);
  for (let p = 0; p < m; p++) for (let q = 0; q < m; q++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += X[p * n + j]! * X[q * n + j]!;
    xy[p * m + q] = s;
  }
  const ntk = net.param === 'ntk';
  const ga = ntk ? net.aVar : 1, gw = ntk ? net.wVar : 1, gb = ntk ? net.bVar : 1;
  const out: Matrix[] = [];
  let next = 0;
  for (let i = 0; i < widths[widths.length - 1]!; i++) {
    const bi = net.b[i]!;
    const ai2 = net.a[i]! * net.a[i]!;
    for (let p = 0; p < m; p++) {
      let u = bi;
      for (let j = 0; j < n; j++) u += net.W[i * n + j]! * X[p * n + j]!;
      f1[p] = act(net.activation, u);
      f2[p] = actDeriv(net.activation, u);
    }
    for (let p = 0; p < m; p++) for (let q = 0; q < m; q++) {
      G1[p * m + q] += f1[p]! * f1[q]!;
      G2[p * m + q] += ai2 * f2[p]! * f2[q]!;
    }
    if (i + 1 === widths[next]) {
      const G = matrix(m, m);
      const scale = net.c / (i + 1);
      for (let k = 0; k < m * m; k++) G.data[k] = scale * (ga * G1[k]! + G2[k]! * (gw * xy[k]! + gb));
      out.push(G);
      next++;
    }
  }
  return out;
}

/**
 * The empirical NTK as a sample mean over units: Θ_H(x_p, x_q) = (1/H) Σᵢ tᵢ(p, q) with
 *   tᵢ(p, q) = c·[g_a σ(uᵢₚ)σ(uᵢ_q) + aᵢ² σ'(uᵢₚ)σ'(uᵢ_q)(g_w x_p·x_q + g_b)]
 * (g = 1 in the standard parameterisation). Units are i.i.d., and for Gaussian initialisation
 * E tᵢ(p, q) is the analytic infinite-width NTK exactly, so sampling error is measured from the
 * units themselves: `onUnit(i, t)` receives unit i's m×m term matrix (row-major, full).
 */
export function empiricalNtkUnitTerms(net: OneHiddenNet, X: Float64Array, m: number, onUnit: (i: number, t: Float64Array) => void): void {
  const { H, n } = net;
  posInt('empiricalNtkUnitTerms: m', m);
  if (X.length !== m * n) throw new RangeError(`empiricalNtkUnitTerms: X must have length m·n = ${m * n}, got ${X.length}`);
  const ntk = net.param === 'ntk';
  const ga = ntk ? net.aVar : 1, gw = ntk ? net.wVar : 1, gb = ntk ? net.bVar : 1;
  const xy = new Float64Array(m * m);
  for (let p = 0; p < m; p++) for (let q = 0; q < m; q++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += X[p * n + j]! * X[q * n + j]!;
    xy[p * m + q] = gw * s + gb;
  }
  const f1 = new Float64Array(m), f2 = new Float64Array(m), t = new Float64Array(m * m);
  for (let i = 0; i < H; i++) {
    const ai2 = net.a[i]! * net.a[i]!;
    for (let p = 0; p < m; p++) {
      let u = net.b[i]!;
      for (let j = 0; j < n; j++) u += net.W[i * n + j]! * X[p * n + j]!;
      f1[p] = act(net.activation, u);
      f2[p] = actDeriv(net.activation, u);
    }
    for (let p = 0; p < m; p++) for (let q = 0; q < m; q++) {
      t[p * m + q] = net.c * (ga * f1[p]! * f1[q]! + ai2 * f2[p]! * f2[q]! * xy[p * m + q]!);
    }
    onUnit(i, t);
  }
}
