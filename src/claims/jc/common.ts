/** Shared pieces of the jc claims (003, Odena et al. 2018, "Is Generator Conditioning Causally Related to GAN Performance?"). */
import fc from 'fast-check';
import type { ClaimContext } from '../claim.ts';
import { Rng } from '../../random/rng.ts';
import { initMlp, jacobianClamping, type Activation, type JacobianClamping, type Mlp } from '../../systems/jacobian-clamping/index.ts';

export const PAPER = '003_cb9c7e829c17fc25.txt';

export interface GeneratorSpec {
  seed: number;
  nz: number;
  nx: number;
  hidden: number[];
  act: Activation;
  /** Weight gain: > 1 makes larger, more varied Jacobians. */
  gain: number;
}

/** Small generators: n_z ≤ 4, n_x ≤ 6, 1–2 hidden layers of width ≤ 8, tanh or ReLU. */
export const generatorSpec = (o: { act?: Activation[]; nxAtLeastNz?: boolean } = {}): fc.Arbitrary<GeneratorSpec> =>
  fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    nz: fc.integer({ min: 1, max: 4 }),
    extra: fc.integer({ min: o.nxAtLeastNz ? 0 : -2, max: 3 }),
    hidden: fc.array(fc.integer({ min: 2, max: 8 }), { minLength: 1, maxLength: 2 }),
    act: fc.constantFrom(...(o.act ?? (['tanh', 'relu'] as Activation[]))),
    gain: fc.double({ min: 0.5, max: 2.5, noNaN: true }),
  }).map(({ extra, ...r }) => ({ ...r, nx: Math.max(1, r.nz + extra) }));

export function buildGenerator(s: GeneratorSpec): Mlp {
  return initMlp(new Rng(s.seed), { sizes: [s.nz, ...s.hidden, s.nx], hidden: s.act, gain: s.gain });
}

/** A latent point drawn from the spec's seed stream (so it shrinks with the seed). */
export function latent(s: GeneratorSpec, salt: number): Float64Array {
  return new Rng(s.seed ^ (salt * 0x9e3779b9)).normals(new Float64Array(s.nz));
}

/** Perturbation sizes for "error O(ε)" checks. */
export const FIRST_ORDER_EPS = [1e-3, 1e-4, 1e-5] as const;

/**
 * "x(ε) → x₀ with error O(ε)": the ratio r(ε) = |x(ε) − x₀|/ε must stay bounded as ε shrinks,
 * checked as r(1e-5) ≤ 2·max(r(1e-3), r(1e-4)) + atol/1e-5 (atol: the rounding of x). An error
 * that does not vanish (a wrong x₀) makes r grow tenfold per step and fails; a first-order error
 * aε + bε² passes even when a and bε partly cancel at one ε.
 */
export function firstOrderRatios(err: (eps: number) => number): number[] {
  return FIRST_ORDER_EPS.map((e) => err(e) / e);
}
export function firstOrderOk(r: number[], atol: number): boolean {
  return r[2]! <= 2 * Math.max(r[0]!, r[1]!) + atol / FIRST_ORDER_EPS[2];
}

/** The jacobian-clamping system under test (`--impl jacobian-clamping=…`, else the built-in). */
export function jcSystem(ctx: ClaimContext): JacobianClamping {
  return ctx.impl<JacobianClamping>('jacobian-clamping', jacobianClamping);
}

const LEAK = 0.2;
function act(a: string, u: number): number {
  if (a === 'tanh') return Math.tanh(u);
  if (a === 'relu') return u > 0 ? u : 0;
  if (a === 'leaky-relu') return u > 0 ? u : LEAK * u;
  return u;
}

/**
 * G(z) straight from the definition h_{l+1} = act_l(W_l h_l + b_l), written here so the claims'
 * finite differences and quotients do not go through the system under test.
 */
export function referenceForward(G: Mlp, z: ArrayLike<number>): Float64Array {
  let h = Float64Array.from(z);
  for (let l = 0; l < G.W.length; l++) {
    const nin = G.sizes[l]!;
    const nout = G.sizes[l + 1]!;
    const next = new Float64Array(nout);
    for (let i = 0; i < nout; i++) {
      let s = G.b[l]![i]!;
      for (let j = 0; j < nin; j++) s += G.W[l]![i * nin + j]! * h[j]!;
      next[i] = act(G.acts[l]!, s);
    }
    h = next;
  }
  return h;
}

/** Mean over the batch of Algorithm 1's penalty, from the definition (reference forward, dist² to [λ_min, λ_max]). */
export function referenceClampLoss(G: Mlp, zs: readonly ArrayLike<number>[], deltas: readonly ArrayLike<number>[], lambdaMin: number, lambdaMax: number): { loss: number; q: Float64Array } {
  const q = new Float64Array(zs.length);
  let loss = 0;
  zs.forEach((z, b) => {
    const d = deltas[b]!;
    const zp = Float64Array.from(z, (v, a) => v + d[a]!);
    const g0 = referenceForward(G, z);
    const g1 = referenceForward(G, zp);
    let num = 0, den = 0;
    for (let i = 0; i < g0.length; i++) num += (g0[i]! - g1[i]!) ** 2;
    for (let a = 0; a < zp.length; a++) den += (zp[a]! - z[a]!) ** 2;
    q[b] = Math.sqrt(num) / Math.sqrt(den);
    const dist = q[b]! < lambdaMin ? lambdaMin - q[b]! : q[b]! > lambdaMax ? q[b]! - lambdaMax : 0;
    loss += (dist * dist) / zs.length;
  });
  return { loss, q };
}
