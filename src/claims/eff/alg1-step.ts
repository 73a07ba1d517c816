/**
 * eff.velocity.alg1-step — 001 Algorithm 1 (§IV.A) with eq. 23–26 (and the regulariser eq. 28–29,
 * §V): one training iteration is n_disc gradient-descent steps of the discriminator on eq. 24 (each on
 * a batch of target points, at the current particles), then one particle step eq. 26 with ∇D of the
 * updated discriminator.
 *
 * Checked: the system's alg1Step (`particle-gan`) against a plain reference written from the paper
 * (alg1-reference.ts: explicit loops over units and rows, analytic gradients of eq. 24 and 29, the
 * literal sum of eq. 25), on generated small states: ReLU or tanh, H ≤ 16 units, N ≤ 12 particles
 * (spread out, or in one tight cluster, where the built-in's grouped ReLU path prunes most work),
 * n_disc ∈ [0, 3] batches of M ≤ 12 points, β = 0 or β ∈ (0, 5].
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ClaimViolation } from '../claim.ts';
import { Rng } from '../../random/rng.ts';
import { couplingFromRatio } from '../../systems/particle-gan/coupling.ts';
import type { Alg1State, Alg1StepOptions } from '../../systems/particle-gan/particle-gan.ts';
import { refAlg1Step } from './alg1-reference.ts';
import { particleSystem } from './systems.ts';

/**
 * Both sides compute the same sums in different orders (≤ 30 rows × 16 units per step, ≤ 3 steps):
 * relative 1e-9 of each array's scale leaves ~10⁶ ulps for the orderings and for the cancellation in
 * (g₁ − g₂) and in the β terms.
 */
const RTOL = 1e-9;

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

function compare(what: string, got: ArrayLike<number>, want: ArrayLike<number>, info: Record<string, unknown>): number {
  if (got.length !== want.length) throw new ClaimViolation(`${what}: length ${got.length} ≠ ${want.length}`, info);
  const scale = Math.max(maxAbs(want), 1e-300);
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const e = Math.abs(got[i]! - want[i]!);
    if (!(e <= RTOL * scale)) throw new ClaimViolation(`${what}[${i}]: got ${got[i]}, reference ${want[i]} (|error| ${e.toExponential(3)} > ${(RTOL * scale).toExponential(3)})`, { ...info, index: i });
    worst = Math.max(worst, e);
  }
  return worst / scale;
}

export const effAlg1Step = property({
  id: 'eff.velocity.alg1-step',
  source: { paper: '001_cb8436cba21c199a.txt', where: '§IV.A, Algorithm 1, eq. 23–26; §V, eq. 28–29' },
  statement: 'for iteration number do: for n_disc do: Sample N data-points, {x_i}, from the 8-Gaussian distribution. Compute L_D^(N) = (1/N) Σ_a D_φ(X_a) − (1/N) Σ_l D_φ(x_l) + (λ/2) Σ_k φ_k² and update discriminator parameters by descending its stochastic gradient φ ← φ − α_D ∇_φ L_D^(N); end for; update X_a according to Eq. (21): X_a^i ← X_a^i + α_G (1/N) Σ_{b,j} Γ^{i,j}_{a,b} ∇_j D(X_b).',
  checks: 'For generated small states (ReLU or tanh discriminator eq. 23 with H ∈ [1, 16] units, a, w ~ N(0, 1), b ~ N(0, 9); N ∈ [1, 12] particles spread out or in one tight cluster; n_disc ∈ [0, 3] batches of M ∈ [1, 12] target points; α_D, α_G ∈ (0, 0.5]; g₂/g₁ ∈ [0, 1] with g₁ + g₂(N − 1) = N; β = 0 or in (0, 5]): the system\'s Algorithm 1 iteration — n_disc explicit gradient steps on eq. 24 with the 1/width L2 term (+ β·eq. 29), then the particle step eq. 26 with ∇D of the updated discriminator — equals a plain reference implementation (analytic gradients, the literal sum of eq. 25) in every particle coordinate and discriminator parameter (rtol 1e-9 of each array\'s scale), and leaves its input state unchanged.',
  notes: 'The paper\'s Algorithm 1 prints the L2 term as (λ/2)Σφ²; eq. 24 (App. A setup) fixes it as (1/width)(|w|² + |a|² + |b|²), which is what the particle runs use. The regulariser is taken in one explicit step with the loss (Algorithm 1 plus eq. 28); runAlg1 splits it into sub-steps only for stiff β (alg1.ts).',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['particle-gan'],
  arbitrary: fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    activation: fc.constantFrom('relu' as const, 'tanh' as const),
    H: fc.integer({ min: 1, max: 16 }),
    N: fc.integer({ min: 1, max: 12 }),
    M: fc.integer({ min: 1, max: 12 }),
    nDisc: fc.integer({ min: 0, max: 3 }),
    cluster: fc.boolean(),
    alphaD: fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
    alphaG: fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
    phi: fc.double({ min: 0, max: 1, noNaN: true }),
    beta: fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 5, noNaN: true })),
  }),
  check: ({ seed, activation, H, N, M, nDisc, cluster, alphaD, alphaG, phi, beta }, ctx) => {
    const rng = new Rng(seed);
    // App. A's initialisation; particles around (1/√2, 1/√2) with std 0.1 (one cluster) or 1.
    const a = rng.normals(new Float64Array(H), 0, 1);
    const w = rng.normals(new Float64Array(2 * H), 0, 1);
    const b = rng.normals(new Float64Array(H), 0, 3);
    const std = cluster ? 0.1 : 1;
    const x = Float64Array.from({ length: 2 * N }, () => Math.SQRT1_2 + std * rng.normal());
    // Target batches: points of the 8-Gaussian mixture (radius 2, std 0.02).
    const data = Array.from({ length: nDisc }, () => {
      const d = new Float64Array(2 * M);
      for (let r = 0; r < M; r++) {
        const k = rng.int(8);
        d[2 * r] = 2 * Math.cos((2 * Math.PI * k) / 8) + 0.02 * rng.normal();
        d[2 * r + 1] = 2 * Math.sin((2 * Math.PI * k) / 8) + 0.02 * rng.normal();
      }
      return d;
    });
    const opts: Alg1StepOptions = { coupling: couplingFromRatio(phi, N), alphaD, alphaG, beta };
    const state: Alg1State = { x, disc: { activation, a, w, b } };
    const copy = { x: Float64Array.from(x), a: Float64Array.from(a), w: Float64Array.from(w), b: Float64Array.from(b) };
    const got = particleSystem(ctx).alg1Step(state, data, opts);
    const info = { H, N, M, nDisc, activation, beta };
    for (const k of ['x', 'a', 'w', 'b'] as const) {
      const now = k === 'x' ? state.x : state.disc[k];
      for (let i = 0; i < now.length; i++) if (now[i] !== copy[k][i]) throw new ClaimViolation(`alg1Step modified its input state (${k}[${i}])`, info);
    }
    const ref = refAlg1Step({ x: copy.x, disc: { activation, a: copy.a, w: copy.w, b: copy.b } }, data, opts);
    const errX = compare('particles X after the iteration', got.x, ref.x, info);
    const errA = compare('read-out weights a', got.disc.a, ref.disc.a, info);
    const errW = compare('hidden weights w', got.disc.w, ref.disc.w, info);
    const errB = compare('biases b', got.disc.b, ref.disc.b, info);
    return { relErr: Math.max(errX, errA, errW, errB) };
  },
});
