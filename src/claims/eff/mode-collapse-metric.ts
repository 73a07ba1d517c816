/**
 * eff.mode-collapse-metric — 001 eq. 22: log K + Σᵢ Pᵢ log Pᵢ with Pᵢ the share of particles whose
 * nearest mode is i. Checked on generated particle clouds placed around the modes of the 8-Gaussian
 * target (and of K-mode rings): the range [0, log K], 0 exactly for an even split, log K exactly
 * when one mode holds every particle, invariance under permuting the modes (rotating the cloud by
 * a multiple of 2π/K), and agreement with log K − H(P) computed from counts independently. The
 * metric and the shares are the system's (`particle-gan`).
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure, ensureClose } from '../assert.ts';
import { eightGaussians } from '../../systems/particle-gan/index.ts';
import { particleSystem } from './systems.ts';

/** Sums of ≤ 16 terms P log P: a few ulps of log K. */
const ATOL = 1e-12;

export const effModeCollapseMetric = property({
  id: 'eff.mode-collapse-metric',
  source: { paper: '001_cb8436cba21c199a.txt', where: '§IV, eq. 22' },
  statement: 'Mode Collapse Metric = log(8) + Σ_i P_i log(P_i). P_i = 1/8 would give a complete mode coverage with an even split, and have a value of 0. P_1 = 1, P_{i>1} = 0 would correspond to all generator points being nearest to a single mode, giving a mode collapse metric value of log 8.',
  checks: 'For generated K ∈ [2, 16] (K = 8 half the time), mode counts and particle offsets: the metric of the cloud lies in [0, log K], equals log K − H(counts/N) from an independent count, is 0 iff all counts are equal, log K iff one mode has every particle, and is unchanged when the cloud is rotated by 2πj/K (a mode permutation); for points anywhere in the plane, the shares equal those counted by nearest angle.',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['particle-gan'],
  arbitrary: fc.record({
    K: fc.oneof(fc.constant(8), fc.integer({ min: 2, max: 16 })),
    counts: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 16, maxLength: 16 }),
    shape: fc.constantFrom('random', 'even', 'single'),
    rot: fc.integer({ min: 0, max: 15 }),
    jitter: fc.double({ min: 0, max: 0.3, noNaN: true }),
    angles: fc.array(fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), { minLength: 8, maxLength: 8 }),
  }),
  check: ({ K, counts, shape, rot, jitter, angles }, ctx) => {
    const sys = particleSystem(ctx);
    const t = eightGaussians(2, 0.02, K);
    // The system takes particles row-major N×2.
    const rows = (u: Float64Array, v: Float64Array) => Float64Array.from({ length: 2 * u.length }, (_, k) => (k % 2 ? v : u)[k >> 1]!);
    let c: number[] = counts.slice(0, K);
    if (shape === 'even') c = c.map(() => 1 + (counts[0]! % 5));
    if (shape === 'single') c = c.map((_, i) => (i === rot % K ? 1 + counts[1]! : 0));
    if (!c.some((v) => v > 0)) c[0] = 1;
    const N = c.reduce((s, v) => s + v, 0);
    // Place particles within `jitter` (< half the inter-mode distance 2·2 sin(π/K)) of their mode.
    const maxJ = 0.45 * 2 * 2 * Math.sin(Math.PI / K);
    const x0 = new Float64Array(N), x1 = new Float64Array(N);
    let p = 0;
    for (let k = 0; k < K; k++) {
      for (let q = 0; q < c[k]!; q++, p++) {
        const ang = angles[p % angles.length]! + q;
        const r = Math.min(jitter, maxJ) * ((q % 7) / 7);
        x0[p] = t.modes[2 * k]! + r * Math.cos(ang);
        x1[p] = t.modes[2 * k + 1]! + r * Math.sin(ang);
      }
    }
    const m = sys.modeCollapse(t.modes, rows(x0, x1));
    let H = 0;
    for (const v of c) if (v > 0) H -= (v / N) * Math.log(v / N);
    ensureClose('metric vs log K − H(P)', m, Math.log(K) - H, { atol: ATOL });
    ensure(m >= -ATOL && m <= Math.log(K) + ATOL, `metric ${m} outside [0, log ${K}]`, { m, K });
    const even = c.every((v) => v === c[0]);
    const single = c.filter((v) => v > 0).length === 1;
    ensure(even === Math.abs(m) <= ATOL, `metric ${m} is 0 iff the split is even (even = ${even})`, { c, m });
    ensure(single === Math.abs(m - Math.log(K)) <= ATOL, `metric ${m} is log K iff one mode has all (single = ${single})`, { c, m });
    // Mode permutation: rotate the cloud by 2π·rot/K, which maps mode k to mode k + rot.
    const th = (2 * Math.PI * (rot % K)) / K;
    const y0 = x0.map((v, a) => Math.cos(th) * v - Math.sin(th) * x1[a]!);
    const y1 = x0.map((v, a) => Math.sin(th) * v + Math.cos(th) * x1[a]!);
    ensureClose('metric after permuting the modes', sys.modeCollapse(t.modes, rows(y0, y1)), m, { atol: ATOL });
    // Points anywhere: with all modes on one circle, the nearest mode is the one nearest in angle
    // (|x − m|² = |x|² + R² − 2R x·m), an independent way to count the shares.
    const z0 = new Float64Array(N), z1 = new Float64Array(N);
    const ref = new Float64Array(K);
    for (let a = 0; a < N; a++) {
      const ang = angles[a % angles.length]! * (1 + a) + 0.37 * a;
      const r = 0.05 + 3 * jitter * ((a % 5) + 1);
      z0[a] = r * Math.cos(ang);
      z1[a] = r * Math.sin(ang);
      const k = Math.round(Math.atan2(z1[a]!, z0[a]!) / ((2 * Math.PI) / K));
      ref[((k % K) + K) % K] += 1 / N;
    }
    const got = sys.modeShares(t.modes, rows(z0, z1));
    for (let k = 0; k < K; k++) ensureClose(`share of mode ${k} (nearest by angle)`, got[k]!, ref[k]!, { atol: 1e-12 });
    return { metric: m };
  },
});
