/** Shared pieces of the jc claims (003, Odena et al. 2018, "Is Generator Conditioning Causally Related to GAN Performance?"). */
import fc from 'fast-check';
import { Rng } from '../../random/rng.ts';
import { initMlp, type Activation, type Mlp } from '../../systems/jacobian-clamping/index.ts';

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
