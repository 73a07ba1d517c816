/**
 * The large-width generator of 001 App. G and its neural tangent kernel, tracked during GAN training.
 *
 *   G^i(z) = √(2/width) Σ_k a_k^i σ(w_k·z + b_k),  z on the unit sphere in 256 dimensions,
 *   w ~ N(0, 0.046), b = 0, a ~ N(0, 2.25), σ = ReLU; all of w, b, a trained.
 * Its NTK in closed form (c² = 2/width, h_k = w_k·z + b_k):
 *   Θ^{ij}(z, z′) = c² [ δ_ij Σ_k σ(h_k(z)) σ(h_k(z′)) + (z·z′ + 1) Σ_k a_k^i a_k^j σ′(h_k(z)) σ′(h_k(z′)) ],
 * a handful of [N, width]·[width, N] products per evaluation (a property test compares it with the
 * inner products of autodiff parameter gradients). The peaks: g₁ = median of Θ^{ii}(z, z) (same seed),
 * g₂ = median of Θ^{ii}(z, z′), z ≠ z′; the paper reads (4.5, 1.1) off Fig. 20. At initialisation the
 * infinite-width values are g₁ = 2(0.046/2 + 2.25·½·2) = 4.546 and, for orthogonal seeds,
 * g₂ = 2(0.046/(2π) + 2.25·¼) = 1.140 (arc-cosine kernels of degree 1 and 0).
 *
 * Training (App. G: "a discriminator and a generator both with a single hidden layer and both using
 * ReLU activations", generator RMSProp lr 10⁻³, one fixed set of 200 seeds): the discriminator is the
 * App. A network D(x) = √(2/width_D) Σ a_i σ(w_i·x + b_i), a, w ~ N(0, 1), b ~ N(0, 9), also RMSProp
 * lr 10⁻³ (App. G does not state it); non-saturating loss (003 eq. 1–2); target: 8 Gaussians on a ring.
 */
import type { Rng } from '../random/rng.ts';
import { ringCentres, sampleRing, type RingMixture } from '../systems/jacobian-clamping/toy-data.ts';
import { tf, type Tensor } from './tf.ts';
import { matMul } from './matmul.ts';
import { lgamma } from '../stats/special.ts';

export const APPG_INPUT_DIM = 256;
export const APPG_W_VAR = 0.046;
export const APPG_A_VAR = 2.25;
/** Infinite-width NTK peaks at initialisation (see the header). */
export const APPG_G1_INF = 2 * (APPG_W_VAR / 2 + APPG_A_VAR);
export const APPG_G2_INF = 2 * (APPG_W_VAR / (2 * Math.PI) + APPG_A_VAR / 4);

export interface AppGNet { w: tf.Variable; b: tf.Variable; a: tf.Variable; width: number }

function gauss(rng: Rng, n: number, std: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = std * rng.normal();
  return out;
}

export function makeAppGGenerator(width: number, rng: Rng): AppGNet {
  if (!(Number.isInteger(width) && width >= 1)) throw new RangeError(`width must be a positive integer, got ${width}`);
  return {
    width,
    w: tf.variable(tf.tensor2d(gauss(rng, APPG_INPUT_DIM * width, Math.sqrt(APPG_W_VAR)), [APPG_INPUT_DIM, width])),
    b: tf.variable(tf.zeros([width])),
    a: tf.variable(tf.tensor2d(gauss(rng, width * 2, Math.sqrt(APPG_A_VAR)), [width, 2])),
  };
}

export function appGApply(g: AppGNet, z: Tensor): Tensor {
  return tf.mul(matMul(tf.relu(tf.add(matMul(z, g.w), g.b)), g.a), Math.sqrt(2 / g.width));
}

/** N seeds uniform on the unit sphere in 256 dimensions (N × 256, row-major). */
export function sphereSeeds(rng: Rng, n: number): Float32Array {
  const out = new Float32Array(n * APPG_INPUT_DIM);
  for (let i = 0; i < n; i++) out.set(rng.unitVector(APPG_INPUT_DIM), i * APPG_INPUT_DIM);
  return out;
}

export interface NtkBlocks {
  n: number;
  /** Θ^{11}, Θ^{22}, Θ^{12} as n × n float64 row-major. */
  t11: Float64Array;
  t22: Float64Array;
  t12: Float64Array;
}

/** The closed-form NTK blocks on seeds Z (n × 256). */
export function appGNtk(g: AppGNet, Z: Float32Array): NtkBlocks {
  const n = Z.length / APPG_INPUT_DIM;
  const out = tf.tidy(() => {
    const z = tf.tensor2d(Z, [n, APPG_INPUT_DIM]);
    const h = tf.add(tf.matMul(z, g.w), g.b);
    const s = tf.relu(h);
    const d = tf.cast(tf.greater(h, 0), 'float32');
    const c2 = 2 / g.width;
    const gram = (x: Tensor, y: Tensor) => tf.matMul(x as tf.Tensor2D, tf.transpose(y as tf.Tensor2D));
    const zz1 = tf.add(gram(z, z), 1);
    const a1 = tf.reshape(tf.slice(g.a, [0, 0], [g.width, 1]), [g.width]);
    const a2 = tf.reshape(tf.slice(g.a, [0, 1], [g.width, 1]), [g.width]);
    const ss = gram(s, s);
    const da1 = tf.mul(d, a1);
    const da2 = tf.mul(d, a2);
    const t11 = tf.mul(tf.add(ss, tf.mul(zz1, gram(da1, da1))), c2);
    const t22 = tf.mul(tf.add(ss, tf.mul(zz1, gram(da2, da2))), c2);
    const t12 = tf.mul(tf.mul(zz1, gram(da1, da2)), c2);
    return [t11, t22, t12];
  });
  const [t11, t22, t12] = out.map((t) => {
    const v = Float64Array.from(t.dataSync());
    t.dispose();
    return v;
  }) as [Float64Array, Float64Array, Float64Array];
  return { n, t11, t22, t12 };
}

export interface NtkPeaks {
  /** Median of Θ^{ii}(z, z) over seeds and both outputs. */
  g1: number;
  /** Median of Θ^{ii}(z, z′) over ordered pairs z ≠ z′ and both outputs. */
  g2: number;
  /** max |Θ^{12}| / g₁: how far the kernel is from δ_ij (Fig. 20: "proportional to a 2×2 identity"). */
  offDiagonal: number;
  /** Means (not medians) of the same-seed and distinct-seed entries, for conditionalExpectation. */
  meanSame: number;
  meanCross: number;
}

/**
 * E_z Θ^{ii}(z, z) and E_{z≠z′} Θ^{ii}(z, z′) for seeds uniform on S^{255}, given the drawn weights
 * (averaged over i), valid while b = 0 (at initialisation). With u the first coordinate of a uniform
 * point on S^{n−1}: w·z ~ |w|u, P(w·z > 0) = ½, E σ(w·z)² = |w|²/(2n), E σ(w·z) = |w| m with
 * m = E u⁺ = Γ(n/2)/(2√π Γ((n+1)/2)), and for independent z, z′: E[z·z′ 1(w·z>0) 1(w·z′>0)] = m².
 *   same:  (2/W) Σ_k [ |w_k|²/(2n) + ā_k² · 2 · ½ ]
 *   cross: (2/W) Σ_k [ |w_k|² m² + ā_k² (¼ + m²) ],   ā_k² = mean over outputs of a_k^i².
 * An exact expectation, so the seeds' sample means match it to sampling error (≈ 1/√seeds of the
 * per-seed spread), independently of the closed-form kernel code it checks.
 */
export function conditionalExpectation(g: AppGNet): { same: number; cross: number } {
  const n = APPG_INPUT_DIM;
  const w = g.w.dataSync();
  const a = g.a.dataSync();
  const m = Math.exp(lgamma(n / 2) - lgamma((n + 1) / 2)) / (2 * Math.sqrt(Math.PI));
  let same = 0;
  let cross = 0;
  for (let k = 0; k < g.width; k++) {
    let w2 = 0;
    for (let j = 0; j < n; j++) w2 += w[j * g.width + k]! ** 2;
    const a2 = (a[2 * k]! ** 2 + a[2 * k + 1]! ** 2) / 2;
    same += w2 / (2 * n) + a2;
    cross += w2 * m * m + a2 * (0.25 + m * m);
  }
  return { same: (2 / g.width) * same, cross: (2 / g.width) * cross };
}

export function ntkPeaks(k: NtkBlocks): NtkPeaks {
  const { n, t11, t22, t12 } = k;
  const same: number[] = [];
  const cross: number[] = [];
  let off = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    const target = i === j ? same : cross;
    target.push(t11[i * n + j]!, t22[i * n + j]!);
    off = Math.max(off, Math.abs(t12[i * n + j]!));
  }
  const g1 = median(same);
  const avg = (xs: number[]) => xs.reduce((p, q) => p + q, 0) / xs.length;
  return { g1, g2: median(cross), offDiagonal: off / g1, meanSame: avg(same), meanCross: avg(cross) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : 0.5 * (s[m - 1]! + s[m]!);
}

export interface AppGConfig {
  width: number;
  widthD: number;
  seeds: number;
  steps: number;
  lrG: number;
  lrD: number;
  /** RMSProp decay (tf default 0.9; App. G does not state it). */
  gamma: number;
  /** Real samples per discriminator step. */
  batch: number;
  ring: RingMixture;
  /** Steps between NTK/output checkpoints (the first and last step always are). */
  every: number;
}

export interface AppGCheckpoint extends NtkPeaks {
  step: number;
  /** Mean distance of the 200 outputs to their nearest ring centre. */
  meanDist: number;
  /** Ring modes holding at least one output within 3 std. */
  modesCovered: number;
  lossD: number;
  lossG: number;
}

export interface AppGResult { config: AppGConfig; history: AppGCheckpoint[]; expected0: { same: number; cross: number }; divergedAt?: number; stepsPerSecond: number; outputs0: number[][]; outputsT: number[][] }

export function trainAppG(cfg: AppGConfig, rng: Rng, progress?: (m: string) => void): AppGResult {
  const G = makeAppGGenerator(cfg.width, rng.fork());
  const Z = sphereSeeds(rng.fork(), cfg.seeds);
  const dr = rng.fork();
  const Dw = tf.variable(tf.tensor2d(gauss(dr, 2 * cfg.widthD, 1), [2, cfg.widthD]));
  const Db = tf.variable(tf.tensor1d(gauss(dr, cfg.widthD, 3)));
  const Da = tf.variable(tf.tensor2d(gauss(dr, cfg.widthD, 1), [cfg.widthD, 1]));
  const D = (x: Tensor) => tf.mul(matMul(tf.relu(tf.add(matMul(x, Dw), Db)), Da), Math.sqrt(2 / cfg.widthD));
  const optG = tf.train.rmsprop(cfg.lrG, cfg.gamma, 0, 1e-8);
  const optD = tf.train.rmsprop(cfg.lrD, cfg.gamma, 0, 1e-8);
  const centres = ringCentres(cfg.ring);
  const zT = tf.tensor2d(Z, [cfg.seeds, APPG_INPUT_DIM]);
  const outputs = (): number[][] => {
    const o = tf.tidy(() => appGApply(G, zT));
    const v = o.arraySync() as number[][];
    o.dispose();
    return v;
  };
  const checkpoint = (step: number, lossD: number, lossG: number): AppGCheckpoint => {
    const out = outputs();
    let dist = 0;
    const hit = new Set<number>();
    for (const p of out) {
      let best = Infinity;
      let bk = -1;
      centres.forEach((c, k) => {
        const d = Math.hypot(p[0]! - c[0]!, p[1]! - c[1]!);
        if (d < best) { best = d; bk = k; }
      });
      dist += best;
      if (best <= 3 * cfg.ring.std) hit.add(bk);
    }
    const cp = { step, ...ntkPeaks(appGNtk(G, Z)), meanDist: dist / out.length, modesCovered: hit.size, lossD, lossG };
    progress?.(`step ${step}/${cfg.steps}: g1 ${cp.g1.toFixed(3)} g2 ${cp.g2.toFixed(3)} mean distance ${cp.meanDist.toFixed(3)}`);
    return cp;
  };
  const outputs0 = outputs();
  const expected0 = conditionalExpectation(G);
  const history = [checkpoint(0, NaN, NaN)];
  let divergedAt: number | undefined;
  let ms = 0;
  for (let step = 1; step <= cfg.steps; step++) {
    const t0 = performance.now();
    const real = sampleRing(rng, cfg.ring, cfg.batch, centres);
    const xr = new Float32Array(cfg.batch * 2);
    real.forEach((p, i) => xr.set(p, 2 * i));
    const [lD, lG] = tf.tidy(() => {
      const x = tf.tensor2d(xr, [cfg.batch, 2]);
      const ld = optD.minimize(() => tf.add(tf.mean(tf.softplus(tf.neg(D(x)))), tf.mean(tf.softplus(D(appGApply(G, zT))))) as tf.Scalar, true, [Dw, Db, Da])!;
      const lg = optG.minimize(() => tf.mean(tf.softplus(tf.neg(D(appGApply(G, zT))))) as tf.Scalar, true, [G.w, G.b, G.a])!;
      return [ld, lg];
    });
    const ld = lD!.dataSync()[0]!;
    const lg = lG!.dataSync()[0]!;
    lD!.dispose(); lG!.dispose();
    ms += performance.now() - t0;
    if (!Number.isFinite(ld) || !Number.isFinite(lg)) { divergedAt = step; break; }
    if (step % cfg.every === 0 || step === cfg.steps) history.push(checkpoint(step, ld, lg));
  }
  const outputsT = outputs();
  zT.dispose(); G.w.dispose(); G.b.dispose(); G.a.dispose(); Dw.dispose(); Db.dispose(); Da.dispose(); optG.dispose(); optD.dispose();
  const done = divergedAt ?? cfg.steps;
  return { config: cfg, history, expected0, ...(divergedAt ? { divergedAt } : {}), stepsPerSecond: done / (ms / 1000), outputs0, outputsT };
}
