/**
 * R independent GAN runs trained as one batched computation (#14): the runs' dense generators and
 * discriminators are stacked along a leading run axis (weights [R, in, out], biases [R, 1, out]) and
 * every layer is one batched matMul, so a training step dispatches the same kernels for R runs as
 * trainGanRun does for one. Runs differ in seed, initialisation scales, learning rates, RMSProp decay
 * and whether Jacobian Clamping is on; they share the architecture, batch size and step count.
 *
 * Equivalence with R separate trainGanRun calls (properties/tf/train-gans-batched.test.ts): each run
 * draws from its own Rng in exactly trainGanRun's order (G and D initialisation through
 * makeGenerator/makeDiscriminator themselves, the fixed evaluation latents, then per step the batch
 * indices, z_D, z_G and the clamp's δ), the objective is the sum of the runs' losses (run r's
 * parameters get run r's gradient only), and the optimizers repeat tfjs's own update formulas
 * elementwise with per-run constants. What differs is only the float32 summation order inside the
 * batched kernels.
 *
 * Dense architecture only (gan-models.ts 'dense'): the CPU readings' model. A diverged run keeps
 * going as NaNs without touching the others (their slices are independent) and is reported as
 * diverged at its first non-finite loss, like a separate run that stops there.
 */
import { Rng } from '../random/rng.ts';
import { tf, type Tensor } from './tf.ts';
import { makeDiscriminator, makeGenerator, type Net } from './gan-models.ts';
import { evaluateGenerator } from './gan-eval.ts';
import { matMul } from './matmul.ts';
import { PIXELS, toFloat } from './mnist.ts';
import {
  ADAM_BETA1, ADAM_BETA2, OPT_EPS, normals, perturbations, validate,
  type Checkpoint, type ClampConfig, type GanData, type GanRunConfig, type GanRunResult,
} from './train-gan.ts';

/** What may differ between the runs of one batch. */
export interface BatchedRunSpec {
  seed: number;
  clamped: boolean;
  alphaG?: number;
  alphaD?: number;
  lrG?: number;
  lrD?: number;
  gamma?: number;
}

/** The shared configuration (per-run fields of `runs` override alphaG, alphaD, lrG, lrD, gamma). */
export type BatchedGanConfig = Omit<GanRunConfig, 'clamp' | 'arch'> & { arch: 'dense'; clamp: ClampConfig };


/**
 * x [R, B, m] · w [R, m, n] → [R, B, n]: matmul.ts's matMul on stacked tensors (untransposed batched
 * matMuls in the gradient too). One kernel per product whatever R: the point on GPU backends, where each kernel costs
 * ~50 µs of engine overhead (GPU.md). On wasm it is the wrong trade: its BatchMatMul with a batch of
 * 10 costs ~90× one 2-D matMul of the same slice ([10,32,128]·[10,128,784] 28 ms vs [32,128]·[128,784]
 * 0.3 ms, 2026-12-04), and splitting it costs as much in copies (unstacking [10,784,128] 24 ms), so on
 * CPU separate runs on worker threads are faster (`npm run bench` measures both).
 */
const bmm = matMul;

interface Stack { W: tf.Variable[]; b: tf.Variable[]; vars: tf.Variable[] }

/** Stacks R nets' [W0, W1, W2, b0, b1, b2] (gan-models.ts dense order) into batched variables. */
function stack(nets: Net[], name: string): Stack {
  const k = nets[0]!.vars.length / 2;
  const W = Array.from({ length: k }, (_, l) => tf.variable(tf.tidy(() => tf.stack(nets.map((n) => n.vars[l]!))), true, `${name}W${l}`));
  const b = Array.from({ length: k }, (_, l) => tf.variable(tf.tidy(() => tf.expandDims(tf.stack(nets.map((n) => n.vars[k + l]!)), 1)), true, `${name}b${l}`));
  return { W, b, vars: [...W, ...b] };
}

/** gan-models.ts's dense generator, batched: z [R, B, nz] → [R, B, 784]. */
function applyG(W: Tensor[], b: Tensor[], z: Tensor): Tensor {
  const h1 = tf.relu(tf.add(bmm(z, W[0]!), b[0]!));
  const h2 = tf.relu(tf.add(bmm(h1, W[1]!), b[1]!));
  return tf.tanh(tf.add(bmm(h2, W[2]!), b[2]!));
}

/** The first n runs of a stacked [R, …] tensor (differentiable: slice's gradient is a pad). */
const firstRuns = (t: Tensor, n: number) => tf.slice(t, [0, 0, 0], [n, -1, -1]);

/** gan-models.ts's dense discriminator, batched: x [R, B, 784] → logits [R, B, 1]. */
function applyD(D: Stack, x: Tensor): Tensor {
  const h1 = tf.leakyRelu(tf.add(bmm(x, D.W[0]!), D.b[0]!), 0.2);
  const h2 = tf.leakyRelu(tf.add(bmm(h1, D.W[1]!), D.b[1]!), 0.2);
  return tf.add(bmm(h2, D.W[2]!), D.b[2]!);
}

/** Run r's generator as a plain [B, nz] → [B, 784] function (for the metrics), on copies of its slices. */
function runGenerator(G: Stack, r: number): { apply: (z: Tensor) => Tensor; dispose: () => void } {
  const W = G.W.map((w) => tf.tidy(() => tf.squeeze(tf.slice(w, [r, 0, 0], [1, -1, -1]), [0])));
  const b = G.b.map((v) => tf.tidy(() => tf.reshape(tf.slice(v, [r, 0, 0], [1, -1, -1]), [-1])));
  return {
    apply: (z) => {
      const h1 = tf.relu(tf.add(tf.matMul(z as tf.Tensor2D, W[0] as tf.Tensor2D), b[0]!));
      const h2 = tf.relu(tf.add(tf.matMul(h1 as tf.Tensor2D, W[1] as tf.Tensor2D), b[1]!));
      return tf.tanh(tf.add(tf.matMul(h2 as tf.Tensor2D, W[2] as tf.Tensor2D), b[2]!));
    },
    dispose: () => [...W, ...b].forEach((t) => t.dispose()),
  };
}

/** [R, 1, 1] float32 tensor of per-run constants (broadcast over each run's slice). */
const perRun = (v: number[]) => tf.tensor3d(Float32Array.from(v), [v.length, 1, 1]);

/**
 * tfjs's RMSProp (momentum 0) or Adam, elementwise with per-run learning rate and decay: the same op
 * sequence as tf.train.rmsprop / tf.train.adam, so each run's update is theirs to float32 rounding.
 */
class BatchedOptimizer {
  private slots: tf.Variable[][] = [];
  // Adam's β₁ᵗ and β₂ᵗ, float32 variables multiplied by β each step, as tf.train.adam keeps them.
  private readonly acc1: tf.Variable;
  private readonly acc2: tf.Variable;
  constructor(private readonly kind: 'rmsprop' | 'adam', private readonly lr: Tensor, private readonly decay: Tensor, private readonly oneMinusDecay: Tensor, private readonly beta1: number) {
    this.acc1 = tf.variable(tf.scalar(beta1), false);
    this.acc2 = tf.variable(tf.scalar(ADAM_BETA2), false);
  }

  apply(vars: tf.Variable[], grads: Record<string, Tensor>): void {
    tf.tidy(() => {
      const om1 = tf.sub(1, this.acc1);
      const om2 = tf.sub(1, this.acc2);
      vars.forEach((v, i) => {
        this.slots[i] ??= tf.tidy(() => [tf.variable(tf.zerosLike(v), false), tf.variable(tf.zerosLike(v), false)]);
        const [s0, s1] = this.slots[i]!;
        const g = grads[v.name]!;
        if (this.kind === 'rmsprop') {
          const ms = tf.add(tf.mul(s0!, this.decay), tf.mul(tf.square(g), this.oneMinusDecay));
          const mom = tf.add(tf.mul(s1!, 0), tf.div(tf.mul(g, this.lr), tf.sqrt(tf.add(ms, OPT_EPS))));
          s0!.assign(ms);
          s1!.assign(mom);
          v.assign(tf.sub(v, mom));
        } else {
          const m = tf.add(tf.mul(s0!, this.beta1), tf.mul(g, 1 - this.beta1));
          const s = tf.add(tf.mul(s1!, ADAM_BETA2), tf.mul(tf.square(g), 1 - ADAM_BETA2));
          const mHat = tf.div(m, om1);
          const sHat = tf.div(s, om2);
          s0!.assign(m);
          s1!.assign(s);
          v.assign(tf.add(tf.mul(tf.div(mHat, tf.add(tf.sqrt(sHat), OPT_EPS)), tf.neg(this.lr)), v));
        }
      });
      if (this.kind === 'adam') {
        this.acc1.assign(tf.mul(this.acc1, this.beta1));
        this.acc2.assign(tf.mul(this.acc2, ADAM_BETA2));
      }
    });
  }

  dispose(): void {
    this.slots.flat().forEach((v) => v.dispose());
    [this.lr, this.decay, this.oneMinusDecay, this.acc1, this.acc2].forEach((t) => t.dispose());
  }
}

export interface BatchedResult {
  runs: GanRunResult[];
  /** Wall-clock training steps per second of the whole batch (every run advances one step). */
  batchStepsPerSecond: number;
}

/**
 * Trains `runs.length` GANs of one dense architecture together. `inspect(r, G)`: run r's trained
 * generator, before disposal (cross-checks, the equivalence test). Results are in the order of `runs`.
 */
export function trainGanRunsBatched(cfg: BatchedGanConfig, runs: readonly BatchedRunSpec[], data: GanData,
  progress?: (m: string) => void, inspect?: (r: number, G: { apply: (z: Tensor) => Tensor }) => void): BatchedResult {
  if (cfg.arch !== 'dense') throw new RangeError(`trainGanRunsBatched: arch must be 'dense', got ${String(cfg.arch)}`);
  if (runs.length < 1) throw new RangeError('trainGanRunsBatched: runs must not be empty');
  const R = runs.length;
  // Internally the clamped runs come first, so the clamp term is a slice of the first Rc runs.
  const order = [...runs.keys()].sort((a, b) => Number(runs[b]!.clamped) - Number(runs[a]!.clamped) || a - b);
  const per = order.map((k) => {
    const r = runs[k]!;
    return { ...r, alphaG: r.alphaG ?? cfg.alphaG, alphaD: r.alphaD ?? cfg.alphaD, lrG: r.lrG ?? cfg.lrG, lrD: r.lrD ?? cfg.lrD, gamma: r.gamma ?? cfg.gamma };
  });
  const runConfig = (p: (typeof per)[number]): GanRunConfig => ({ ...cfg, clamp: p.clamped ? cfg.clamp : null, alphaG: p.alphaG, alphaD: p.alphaD, lrG: p.lrG, lrD: p.lrD, gamma: p.gamma });
  for (const p of per) validate(runConfig(p));
  const Rc = per.filter((p) => p.clamped).length;
  const netCfg = { arch: 'dense' as const, H: cfg.H, nz: cfg.nz };
  const rngs = per.map((p) => new Rng(p.seed));
  // trainGanRun's draws, in its order: G's initialisation, D's, then the fixed evaluation latents.
  const Gs = rngs.map((rng, r) => makeGenerator(netCfg, per[r]!.alphaG, rng.fork()));
  const Ds = rngs.map((rng, r) => makeDiscriminator(netCfg, per[r]!.alphaD, rng.fork()));
  const G = stack(Gs, 'bG');
  const D = stack(Ds, 'bD');
  Gs.forEach((n) => n.dispose());
  Ds.forEach((n) => n.dispose());
  const fixed = rngs.map((rng) => {
    const f = rng.fork();
    return { zEval: normals(f, cfg.nEval * cfg.nz), zJac: cfg.nJac > 0 ? normals(f, cfg.nJac * cfg.nz) : null };
  });
  const kind = cfg.optimizer ?? 'rmsprop';
  const mkOpt = (lr: number[]) => new BatchedOptimizer(kind, perRun(lr), perRun(per.map((p) => p.gamma)), perRun(per.map((p) => 1 - p.gamma)), cfg.beta1 ?? ADAM_BETA1);
  const optG = mkOpt(per.map((p) => p.lrG));
  const optD = mkOpt(per.map((p) => p.lrD));
  const classes = cfg.digits ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const pool: number[] = [];
  for (let i = 0; i < data.train.n; i++) if (classes.includes(data.train.labels[i]!)) pool.push(i);
  const B = cfg.batch, nz = cfg.nz;
  const history: Checkpoint[][] = per.map(() => []);
  const divergedAt: (number | undefined)[] = per.map(() => undefined);
  const xReal = new Float32Array(R * B * PIXELS);
  const zD = new Float32Array(R * B * nz);
  const zG = new Float32Array(R * B * nz);
  const delta = new Float32Array(Math.max(1, Rc) * B * nz);
  let timeTraining = 0;

  for (let step = 1; step <= cfg.steps; step++) {
    const t0 = performance.now();
    rngs.forEach((rng, r) => {
      const idx = Array.from({ length: B }, () => pool[rng.int(pool.length)]!);
      xReal.set(toFloat(data.train, idx, true), r * B * PIXELS);
      zD.set(normals(rng, B * nz), r * B * nz);
      zG.set(normals(rng, B * nz), r * B * nz);
      if (per[r]!.clamped) delta.set(perturbations(rng, B, nz, cfg.clamp.eps), r * B * nz);
    });
    // Kept out of the tidy below (tf.keep): per-run losses and the clamp quotient.
    let lD: Tensor | null = null;
    let adv: Tensor | null = null;
    let clampL: Tensor | null = null;
    let qMean: Tensor | null = null;
    tf.tidy(() => {
      const x = tf.tensor3d(xReal, [R, B, PIXELS]);
      const zd = tf.tensor3d(zD, [R, B, nz]);
      // Per run 003 eq. 1 as in trainGanRun; the objective is the sum over runs.
      const gD = tf.variableGrads(() => {
        const l = tf.add(tf.mean(tf.softplus(tf.neg(applyD(D, x))), [1, 2]), tf.mean(tf.softplus(applyD(D, applyG(G.W, G.b, zd))), [1, 2]));
        lD = tf.keep(l);
        return tf.sum(l) as tf.Scalar;
      }, D.vars);
      optD.apply(D.vars, gD.grads);
      const zg = tf.tensor3d(zG, [R, B, nz]);
      const gG = tf.variableGrads(() => {
        const gz = applyG(G.W, G.b, zg);
        const a = tf.mean(tf.softplus(tf.neg(applyD(D, gz))), [1, 2]); // eq. 2
        adv = tf.keep(a);
        if (Rc === 0) return tf.sum(a) as tf.Scalar;
        // Algorithm 1 on the clamped runs: Q = ‖G(z) − G(z + δ)‖/ε per sample, penalised outside [λ_min, λ_max].
        const gz2 = applyG(G.W.map((w) => firstRuns(w, Rc)), G.b.map((b) => firstRuns(b, Rc)), tf.add(firstRuns(zg, Rc), tf.tensor3d(delta, [Rc, B, nz])));
        const Q = tf.div(tf.norm(tf.sub(firstRuns(gz, Rc), gz2), 'euclidean', 2), cfg.clamp.eps);
        qMean = tf.keep(tf.mean(Q, 1));
        const { lambdaMax: hi, lambdaMin: lo } = cfg.clamp;
        const c = tf.mean(tf.add(tf.square(tf.sub(tf.maximum(Q, hi), hi)), tf.square(tf.sub(tf.minimum(Q, lo), lo))), 1);
        clampL = tf.keep(c);
        return tf.add(tf.sum(a), tf.sum(c)) as tf.Scalar;
      }, G.vars);
      optG.apply(G.vars, gG.grads);
    });
    const ld = lD!.dataSync(), advs = adv!.dataSync();
    const cl = (clampL as Tensor | null)?.dataSync(), qv = (qMean as Tensor | null)?.dataSync();
    for (const t of [lD, adv, clampL, qMean] as (Tensor | null)[]) t?.dispose();
    timeTraining += performance.now() - t0;
    const lg = (r: number) => advs[r]! + (r < Rc ? cl![r]! : 0);
    for (let r = 0; r < R; r++) if (divergedAt[r] === undefined && (!Number.isFinite(ld[r]!) || !Number.isFinite(lg(r)))) divergedAt[r] = step;
    if (step % cfg.evalEvery === 0 || step === cfg.steps) {
      for (let r = 0; r < R; r++) {
        if (divergedAt[r] !== undefined) continue;
        const g = runGenerator(G, r);
        const m = evaluateGenerator(g.apply, nz, data.clf, data.real, fixed[r]!.zEval, fixed[r]!.zJac, classes);
        g.dispose();
        history[r]!.push({ step, lossD: ld[r]!, lossG: lg(r), ...(r < Rc ? { clampQ: qv![r]! } : {}), ...m });
      }
      progress?.(`step ${step}/${cfg.steps} (${R} runs batched)`);
    }
  }
  if (inspect) for (let r = 0; r < R; r++) {
    const g = runGenerator(G, r);
    inspect(order[r]!, g);
    g.dispose();
  }
  G.vars.forEach((v) => v.dispose());
  D.vars.forEach((v) => v.dispose());
  optG.dispose(); optD.dispose();
  const empty: Checkpoint = { step: 0, lossD: NaN, lossG: NaN, logCond: NaN, score: NaN, fd: NaN, classCounts: [], leastCount: 0 };
  const sps = cfg.steps / (timeTraining / 1000);
  const results: GanRunResult[] = new Array(R);
  per.forEach((p, r) => {
    results[order[r]!] = {
      config: runConfig(p), seed: p.seed, history: history[r]!, final: history[r]!.at(-1) ?? empty,
      ...(divergedAt[r] !== undefined ? { divergedAt: divergedAt[r] } : {}),
      stepsPerSecond: sps,
    };
  });
  return { runs: results, batchStepsPerSecond: sps };
}
