/**
 * ib.thm1.monotone — 000 §3: the monotone optimal generator G = F_X⁻¹∘Φ pushes N(0, 1) to f_X
 * (P = 1 in Thm 1, so eq. (1a) reads G′(z) = φ(z)/f_X(G(z))).
 *
 * Independent checks: (i) the CDF identity F_X(G(z)) = Φ(z) in the smaller tail (the quantile is
 * solved numerically, F_X is a sum of normal CDFs); (ii) a one-sample KS test of G(Z) on seeded
 * samples against F_X; (iii) G′ by Richardson-extrapolated central differences of G against
 * φ(z)/f_X(G(z)), and the system's closed-form G′ against the same. G and G′ are the system's
 * (`generator-1d`, `--impl`); F_X, f_X and Φ are the reference's (sums of normal CDFs and pdfs).
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure, ensureClose } from '../assert.ts';
import { Rng } from '../../random/rng.ts';
import { mixtureCdf, mixtureCdfBoth, mixturePdf, normalCdfBoth, normalPdf } from '../../systems/generator-1d/index.ts';
import { buildMixture, mixtureSpecArb } from './arbitraries.ts';
import { generatorSystem } from './systems.ts';
import { dkwCritical, ksStatistic } from './ks.ts';

/** Tail-probability identity: quantile solved to ~1e-15 relative in x, amplified by f·|x|/tail. */
const CDF_RTOL = 1e-9;
/** Samples for the KS test: cheap (one quantile each) and enough to see a 10% CDF error. */
const KS_N = 500;
/** Per-instance KS level: with 100 instances the family-wise false-alarm rate stays ≤ 1e-4 (DKW bound). */
const KS_ALPHA = 1e-6;
/** Richardson central differences with x-step ≤ 1e-4 (h = 1e-4·min(1, 1/G′)): truncation O(h⁴) and rounding ≪ 1e-6. */
const SLOPE_RTOL = 1e-6;
/** The system's closed-form G′ vs φ(z)/f_X(G(z)): two closed forms, rounding only (f_X is a sum of positive terms). */
const CLOSED_SLOPE_RTOL = 1e-9;

function fdSlope(g: (z: number) => number, z: number, h: number): number {
  const d1 = (g(z + h) - g(z - h)) / (2 * h);
  const d2 = (g(z + h / 2) - g(z - h / 2)) / h;
  return (4 * d2 - d1) / 3;
}

export const ibThm1Monotone = property({
  id: 'ib.thm1.monotone',
  source: { paper: '000_cdda2fe4dacffe72.txt', where: '§3, Thm 1 with P = 1; Fig. 1 (green: optimal monotonic generator)' },
  statement: 'Under Assumption 1, if X = G(Z) ~ f_X, where Z ~ N(0, 1) … (Density Matching) (1a); the optimal monotonic generators (Fig. 1, green curves).',
  checks: 'For generated 1-D Gaussian mixtures (K ∈ 1..4 modes, weights, stds, separations) and z ∈ [−6, 6]: G = F_X⁻¹∘Φ satisfies F_X(G(z)) = Φ(z) (smaller tail, rtol 1e-9), is increasing, its slope by Richardson differences equals φ(z)/f_X(G(z)) (rtol 1e-6) and so does the system\'s closed-form G′ (rtol 1e-9), and 500 seeded samples G(Z) pass a one-sample KS test against F_X at α = 1e-6 (DKW bound).',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['generator-1d'],
  arbitrary: fc.record({
    mix: mixtureSpecArb({ minK: 1, maxK: 4, minGap: 0, maxGap: 4 }),
    z: fc.double({ min: -6, max: 6, noNaN: true }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  }),
  check: ({ mix, z, seed }, ctx) => {
    const sys = generatorSystem(ctx);
    const m = buildMixture(mix);
    const G = (t: number) => sys.monotone(m, t);
    const x = G(z);
    const [lo, hi] = mixtureCdfBoth(m, x);
    const [pz, qz] = normalCdfBoth(z);
    const cdfErr = z <= 0 ? ensureClose('F_X(G(z)) vs Φ(z)', lo, pz, { rtol: CDF_RTOL }) / pz
      : ensureClose('1 − F_X(G(z)) vs 1 − Φ(z)', hi, qz, { rtol: CDF_RTOL }) / qz;
    ensure(G(z + 0.01) > x, 'G must be increasing', { z, x, next: G(z + 0.01) });
    const analytic = normalPdf(z) / mixturePdf(m, x);
    const h = 1e-4 * Math.min(1, 1 / analytic);
    const fd = fdSlope(G, z, h);
    const slopeErr = ensureClose('G′(z) by differences vs φ(z)/f_X(G(z))', fd, analytic, { rtol: SLOPE_RTOL }) / analytic;
    ensureClose('closed-form G′(z) vs φ(z)/f_X(G(z))', sys.monotoneSlope(m, z), analytic, { rtol: CLOSED_SLOPE_RTOL });
    const rng = new Rng(seed);
    const xs = new Float64Array(KS_N);
    for (let i = 0; i < KS_N; i++) xs[i] = G(rng.normal());
    const D = ksStatistic(xs, (t) => mixtureCdf(m, t));
    const crit = dkwCritical(KS_N, KS_ALPHA);
    ensure(D <= crit, `KS statistic ${D} exceeds the α = ${KS_ALPHA} critical value ${crit}`, { D, crit });
    return { modes: mix.weights.length, cdfRelErr: cdfErr, slopeRelErr: slopeErr, ksD: D, ksCritical: crit };
  },
});
