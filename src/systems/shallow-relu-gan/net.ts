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

/**
 * Workspace for a batch of n inputs: pre-activations A, stored unit-major (A[i·n + s] = a_i(x_s)) so
 * both passes stream each unit's batch contiguously; acc (n×D) holds the forward sums.
 */
export interface NetWork {
  n: number;
  A: Float64Array;
  acc: Float64Array;
}

export function netWork(net: ShallowNet, n: number): NetWork {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`netWork: batch size n must be a positive integer, got ${n}`);
  return { n, A: new Float64Array(n * net.H), acc: new Float64Array(n * net.D) };
}

/*
 * Both passes run unit-major (outer loop over hidden units, inner over the batch): a unit's weights
 * stay in registers and the batch in L1, about 2× faster at H = 2048 than sample-major loops, whose
 * n×H pre-activations spill out of cache. Every sum keeps the order of the sample-major form (over
 * units i = 0…H−1 for outputs and input gradients, over samples s = 0…n−1 for parameter
 * gradients), so results are bit-identical to it (properties/systems/shallow-relu-gan/net-order.test.ts
 * checks this against a reference transcription).
 */

/** Y (n×D) = h(X) for X (n×d); keeps pre-activations in ws.A for the backward pass. */
export function forward(net: ShallowNet, X: Float64Array, n: number, Y: Float64Array, ws: NetWork): void {
  const { d, H, D, W, b, V, c } = net;
  const A = ws.A;
  const acc = ws.acc;
  acc.fill(0, 0, n * D);
  // Branch-free ReLU (a + |a|)/2: activation signs are random, so a branch (or Math.max,
  // which V8 lowers to one) mispredicts half the time and runs 2–3× slower.
  for (let i = 0; i < H; i++) {
    const ao = i * n;
    const bi = b[i]!;
    if (d === 1 && D === 1) {
      const w = W[i]!;
      const v = V[i]!;
      for (let s = 0; s < n; s++) {
        const a = w * X[s]! + bi;
        A[ao + s] = a;
        acc[s] += v * (a + Math.abs(a));
      }
      continue;
    }
    if (d === 2 && D <= 2) {
      // The 2-D grid's generator (D = 2) and discriminator (D = 1), same sums written out.
      const w0 = W[2 * i]!;
      const w1 = W[2 * i + 1]!;
      const v0 = V[i]!;
      const v1 = D === 2 ? V[H + i]! : 0;
      for (let s = 0; s < n; s++) {
        let a = bi;
        a += w0 * X[2 * s]!;
        a += w1 * X[2 * s + 1]!;
        A[ao + s] = a;
        const r = a + Math.abs(a);
        if (D === 1) acc[s] += v0 * r;
        else {
          acc[2 * s] += v0 * r;
          acc[2 * s + 1] += v1 * r;
        }
      }
      continue;
    }
    for (let s = 0; s < n; s++) {
      let a = bi;
      for (let k = 0; k < d; k++) a += W[i * d + k]! * X[s * d + k]!;
      A[ao + s] = a;
      const r = a + Math.abs(a);
      for (let j = 0; j < D; j++) acc[s * D + j] += V[j * H + i]! * r;
    }
  }
  for (let s = 0; s < n; s++) for (let j = 0; j < D; j++) Y[s * D + j] = c[j]! + 0.5 * acc[s * D + j]!;
}

/**
 * Backward pass for the last forward(): given gY = ∂L/∂Y (n×D), adds ∂L/∂θ into gTheta (when
 * given) and writes ∂L/∂X (n×d) into gX (when given).
 */
export function backward(net: ShallowNet, X: Float64Array, n: number, gY: Float64Array, ws: NetWork, gTheta: Float64Array | null, gX: Float64Array | null): void {
  const { d, H, D, W, V } = net;
  const A = ws.A;
  const P = paramCount(d, H, D);
  if (gTheta && gTheta.length !== P) throw new RangeError(`backward: gTheta must have length ${P}`);
  const oB = H * d;
  const oV = oB + H;
  const oC = oV + D * H;
  if (gTheta) for (let s = 0; s < n; s++) for (let j = 0; j < D; j++) if (gY[s * D + j] !== 0) gTheta[oC + j] += gY[s * D + j]!;
  if (gX) gX.fill(0, 0, n * d);
  for (let i = 0; i < H; i++) {
    const ao = i * n;
    if (D === 1) {
      // Scalar output (every discriminator, the 1-D generator): the running sums live in locals;
      // each is still added to in sample order, so the result is the same as in memory.
      const v = V[i]!;
      const wi = W[i * d]!;
      if (gTheta) {
        let gv = gTheta[oV + i]!;
        let gb = gTheta[oB + i]!;
        let gw = gTheta[i * d]!;
        let gw1 = d === 2 ? gTheta[2 * i + 1]! : 0;
        for (let s = 0; s < n; s++) {
          const a = A[ao + s]!;
          const gy = gY[s]!;
          let g = 0;
          if (gy !== 0) {
            gv += 0.5 * gy * (a + Math.abs(a));
            g += gy * v * +(a > 0);
          }
          gb += g;
          if (d === 1) {
            gw += g * X[s]!;
            if (gX) gX[s] += g * wi;
          } else if (d === 2) {
            gw += g * X[2 * s]!;
            gw1 += g * X[2 * s + 1]!;
            if (gX) {
              gX[2 * s] += g * wi;
              gX[2 * s + 1] += g * W[2 * i + 1]!;
            }
          } else {
            for (let k = 0; k < d; k++) gTheta[i * d + k] += g * X[s * d + k]!;
            if (gX) for (let k = 0; k < d; k++) gX[s * d + k] += g * W[i * d + k]!;
          }
        }
        gTheta[oV + i] = gv;
        gTheta[oB + i] = gb;
        if (d === 1) gTheta[i] = gw;
        else if (d === 2) {
          gTheta[2 * i] = gw;
          gTheta[2 * i + 1] = gw1;
        }
      } else if (gX) {
        for (let s = 0; s < n; s++) {
          const gy = gY[s]!;
          let g = 0;
          if (gy !== 0) g += gy * v * +(A[ao + s]! > 0);
          if (d === 1) gX[s] += g * wi;
          else if (d === 2) {
            gX[2 * s] += g * wi;
            gX[2 * s + 1] += g * W[2 * i + 1]!;
          } else for (let k = 0; k < d; k++) gX[s * d + k] += g * W[i * d + k]!;
        }
      }
      continue;
    }
    if (d === 2 && D === 2 && gTheta) {
      // The 2-D grid's generator: the general loop below written out, its parameter-gradient sums in
      // locals (each still added to in sample order, so bit-identical to it).
      const v0 = V[i]!, v1 = V[H + i]!, wi0 = W[2 * i]!, wi1 = W[2 * i + 1]!;
      let gv0 = gTheta[oV + i]!, gv1 = gTheta[oV + H + i]!, gb = gTheta[oB + i]!, gw0 = gTheta[2 * i]!, gw1 = gTheta[2 * i + 1]!;
      for (let s = 0; s < n; s++) {
        const a = A[ao + s]!;
        const on = +(a > 0);
        const gy0 = gY[2 * s]!, gy1 = gY[2 * s + 1]!;
        let g = 0;
        if (gy0 !== 0) {
          gv0 += 0.5 * gy0 * (a + Math.abs(a));
          g += gy0 * v0 * on;
        }
        if (gy1 !== 0) {
          gv1 += 0.5 * gy1 * (a + Math.abs(a));
          g += gy1 * v1 * on;
        }
        gb += g;
        gw0 += g * X[2 * s]!;
        gw1 += g * X[2 * s + 1]!;
        if (gX) {
          gX[2 * s] += g * wi0;
          gX[2 * s + 1] += g * wi1;
        }
      }
      gTheta[oV + i] = gv0;
      gTheta[oV + H + i] = gv1;
      gTheta[oB + i] = gb;
      gTheta[2 * i] = gw0;
      gTheta[2 * i + 1] = gw1;
      continue;
    }
    for (let s = 0; s < n; s++) {
      const a = A[ao + s]!;
      const on = +(a > 0);
      // g = ∂L/∂a_i(x_s) = Σ_j gY_sj V_ji 1[a > 0], summed over j in order (zero gY terms skipped).
      let g = 0;
      for (let j = 0; j < D; j++) {
        const gy = gY[s * D + j]!;
        if (gy === 0) continue;
        if (gTheta) gTheta[oV + j * H + i] += 0.5 * gy * (a + Math.abs(a));
        g += gy * V[j * H + i]! * on;
      }
      if (gTheta) {
        gTheta[oB + i] += g;
        for (let k = 0; k < d; k++) gTheta[i * d + k] += g * X[s * d + k]!;
      }
      if (gX) for (let k = 0; k < d; k++) gX[s * d + k] += g * W[i * d + k]!;
    }
  }
}
