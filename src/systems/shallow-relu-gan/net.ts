/**
 * Shallow ReLU network h(x) = Σ_i v_i ReLU(w_iᵀx + b_i) + c (000 Def. 2 plus an output bias),
 * input x ∈ ℝᵈ, output h(x) ∈ ℝᴰ, width H, in float64 with hand-written gradients.
 *
 * Parameters live in one Float64Array θ = [W (H×d, row-major), b (H), V (D×H, row-major), c (D)],
 * so optimizers, norms and update metrics work on flat vectors. Batched forward/backward passes
 * reuse caller-owned workspaces (no allocation per step).
 */
export interface ShallowNet {
  readonly d: number;
  readonly H: number;
  readonly D: number;
  readonly theta: Float64Array;
  readonly W: Float64Array;
  readonly b: Float64Array;
  readonly V: Float64Array;
  readonly c: Float64Array;
}

export function paramCount(d: number, H: number, D: number): number {
  return H * d + H + D * H + D;
}

function checkDims(d: number, H: number, D: number): void {
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`shallowNet: input dimension d must be a positive integer, got ${d}`);
  if (!Number.isInteger(H) || H < 1) throw new RangeError(`shallowNet: width H must be a positive integer, got ${H}`);
  if (!Number.isInteger(D) || D < 1) throw new RangeError(`shallowNet: output dimension D must be a positive integer, got ${D}`);
}

/** A network viewing `theta` (allocated when omitted). */
export function shallowNet(d: number, H: number, D: number, theta?: Float64Array): ShallowNet {
  checkDims(d, H, D);
  const P = paramCount(d, H, D);
  const t = theta ?? new Float64Array(P);
  if (t.length !== P) throw new RangeError(`shallowNet: theta must have length ${P}, got ${t.length}`);
  let o = 0;
  const W = t.subarray(o, (o += H * d));
  const b = t.subarray(o, (o += H));
  const V = t.subarray(o, (o += D * H));
  const c = t.subarray(o, (o += D));
  return { d, H, D, theta: t, W, b, V, c };
}

export function cloneNet(net: ShallowNet): ShallowNet {
  return shallowNet(net.d, net.H, net.D, Float64Array.from(net.theta));
}

/** Workspace for a batch of n inputs: pre-activations A (n×H). */
export interface NetWork {
  n: number;
  A: Float64Array;
  gA: Float64Array;
}

export function netWork(net: ShallowNet, n: number): NetWork {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`netWork: batch size n must be a positive integer, got ${n}`);
  return { n, A: new Float64Array(n * net.H), gA: new Float64Array(n * net.H) };
}

/** Y (n×D) = h(X) for X (n×d); keeps pre-activations in ws.A for the backward pass. */
export function forward(net: ShallowNet, X: Float64Array, n: number, Y: Float64Array, ws: NetWork): void {
  const { d, H, D, W, b, V, c } = net;
  const A = ws.A;
  for (let s = 0; s < n; s++) {
    const xo = s * d;
    const ao = s * H;
    if (d === 1) {
      const x = X[xo]!;
      for (let i = 0; i < H; i++) A[ao + i] = W[i]! * x + b[i]!;
    } else {
      for (let i = 0; i < H; i++) {
        let a = b[i]!;
        for (let k = 0; k < d; k++) a += W[i * d + k]! * X[xo + k]!;
        A[ao + i] = a;
      }
    }
    for (let j = 0; j < D; j++) {
      let y = c[j]!;
      const vo = j * H;
      // Branch-free ReLU (a + |a|)/2: activation signs are random, so a branch (or Math.max,
      // which V8 lowers to one) mispredicts half the time and runs 2–3× slower.
      let acc = 0;
      for (let i = 0; i < H; i++) {
        const a = A[ao + i]!;
        acc += V[vo + i]! * (a + Math.abs(a));
      }
      y += 0.5 * acc;
      Y[s * D + j] = y;
    }
  }
}

/**
 * Backward pass for the last forward(): given gY = ∂L/∂Y (n×D), adds ∂L/∂θ into gTheta (when
 * given) and writes ∂L/∂X (n×d) into gX (when given).
 */
export function backward(net: ShallowNet, X: Float64Array, n: number, gY: Float64Array, ws: NetWork, gTheta: Float64Array | null, gX: Float64Array | null): void {
  const { d, H, D, W, V } = net;
  const A = ws.A;
  const gA = ws.gA;
  const P = paramCount(d, H, D);
  if (gTheta && gTheta.length !== P) throw new RangeError(`backward: gTheta must have length ${P}`);
  const oB = H * d;
  const oV = oB + H;
  const oC = oV + D * H;
  for (let s = 0; s < n; s++) {
    const ao = s * H;
    const go = s * D;
    for (let i = 0; i < H; i++) gA[ao + i] = 0;
    for (let j = 0; j < D; j++) {
      const gy = gY[go + j]!;
      if (gy === 0) continue;
      const vo = j * H;
      if (gTheta) {
        gTheta[oC + j] += gy;
        for (let i = 0; i < H; i++) {
          const a = A[ao + i]!;
          gTheta[oV + vo + i] += 0.5 * gy * (a + Math.abs(a));
          gA[ao + i] += gy * V[vo + i]! * +(a > 0);
        }
      } else {
        for (let i = 0; i < H; i++) gA[ao + i] += gy * V[vo + i]! * +(A[ao + i]! > 0);
      }
    }
    const xo = s * d;
    if (gTheta) {
      if (d === 1) {
        const x = X[xo]!;
        for (let i = 0; i < H; i++) {
          const g = gA[ao + i]!;
          gTheta[oB + i] += g;
          gTheta[i] += g * x;
        }
      } else {
        for (let i = 0; i < H; i++) {
          const g = gA[ao + i]!;
          gTheta[oB + i] += g;
          for (let k = 0; k < d; k++) gTheta[i * d + k] += g * X[xo + k]!;
        }
      }
    }
    if (gX) {
      for (let k = 0; k < d; k++) {
        let g = 0;
        for (let i = 0; i < H; i++) g += gA[ao + i]! * W[i * d + k]!;
        gX[xo + k] = g;
      }
    }
  }
}
