/**
 * eff.ntk-analytic — the empirical NTK of a width-H one-hidden-layer net converges to the analytic
 * infinite-width NTK (arc-cosine kernel for ReLU, arcsine for erf; src/kernels/ntk-analytic.ts),
 * with relative Frobenius error falling like 1/√H (CLT: each entry is an average of H i.i.d. terms).
 * The two computations are independent: closed-form Gaussian integrals (the `ntk` system, `--impl
 * ntk=…`; built-in src/kernels/ntk-analytic.ts) vs sums over sampled units (the built-in empirical NTK).
 */
import fc from 'fast-check';
import { experiment, property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { analyticNtk, type Ntk } from '../../kernels/ntk.ts';
import { empiricalNtkGram, empiricalNtkUnitTerms, initOneHidden, spherePoints } from '../../kernels/ntk-empirical.ts';
import { RunningMean, bonferroniZ } from '../../stats/mean-z.ts';
import { Rng } from '../../random/rng.ts';
import { bootstrapCI, linearFit } from '../../stats/index.ts';
import { withReason } from './outcome.ts';
import { ntkSystem } from './systems.ts';


/** Widths spanning 2⁶ … 2¹² as in the catalog (every second power of two: the fit needs the span, not every point). */
const LOG2_WIDTHS = [6, 8, 10, 12];
/** Independent nets per width; the error at each width is their root-mean-square. */
const REPS = 4;
/**
 * The calibrated check: every Gram entry at the widths in Z_WIDTHS, pooled over REPS nets (REPS·H
 * i.i.d. units), equals the analytic entry by a two-sided z-test with the units' own standard
 * error, family-wise α = ALPHA_INSTANCE per instance (Bonferroni over entries × tested widths).
 * E tᵢ is the analytic kernel exactly, so this is the statement "converges to the analytic NTK".
 * Only the two widest are z-tested: with 256 pooled units (H = 2⁶) the unit terms' skewness (a² is
 * χ²₁-like, erf′ is a rare-event term at large pre-activation variance) makes 4–4.5σ maxima appear
 * in 150 instances where the normal tail predicts 0.1, so a 1e-8 tail is not a normal tail there;
 * at 4 096 and 16 384 units the first Edgeworth correction at z ≈ 6.6 is below a factor 3.
 * (The fitted log–log slope, −1/2 ± 0.3 before, is a random quantity with no stated rate: seed 6
 * drew −0.83. It is reported; the smaller widths enter only through it.)
 */
export const ALPHA_INSTANCE = 1e-8;
/** Indices into LOG2_WIDTHS of the z-tested widths (2¹⁰ and 2¹²). */
const Z_WIDTHS = [2, 3];
/** The empirical Gram (empiricalNtkGram) and the mean of the unit terms are two code paths for one sum. */
const PATHS_RTOL = 1e-12;

export function convergenceSlope(seed: number, activation: 'relu' | 'erf', param: 'standard' | 'ntk', wVar: number, bVar: number, radius: number, log2Widths: readonly number[] = LOG2_WIDTHS, ntk: Ntk = analyticNtk, aVar = 1) {
  const rng = new Rng(seed);
  const m = 6, n = 4;
  const X = spherePoints(rng, m, n, radius);
  const k = ntk.kernel({ activation, wVar, bVar, aVar, c: 1, param });
  const A = new Float64Array(m * m);
  for (let p = 0; p < m; p++) for (let q = 0; q < m; q++) A[p * m + q] = k.k(X.subarray(p * n, p * n + n), X.subarray(q * n, q * n + n));
  let den = 0;
  for (const v of A) den += v * v;
  const errs: number[] = [];
  /** Per width: max |z| over the upper-triangle entries, pooled over REPS nets. */
  const maxAbsZ: number[] = [];
  let pathsErr = 0;
  for (const e of log2Widths) {
    let s2 = 0;
    const stats = Array.from({ length: m * m }, () => new RunningMean());
    for (let r = 0; r < REPS; r++) {
      const net = initOneHidden(rng, { activation, n, H: 2 ** e, wVar, bVar, aVar, c: 1, param });
      const G = empiricalNtkGram(net, X, m);
      const sum = new Float64Array(m * m);
      empiricalNtkUnitTerms(net, X, m, (_i, t) => {
        for (let q = 0; q < m * m; q++) { stats[q]!.add(t[q]!); sum[q] += t[q]!; }
      });
      let num = 0, scale = 0;
      for (let i = 0; i < m * m; i++) scale = Math.max(scale, Math.abs(G.data[i]!));
      for (let i = 0; i < m * m; i++) {
        num += (G.data[i]! - A[i]!) ** 2;
        pathsErr = Math.max(pathsErr, Math.abs(G.data[i]! - sum[i]! / net.H) / (scale || 1));
      }
      s2 += num / den;
    }
    errs.push(Math.sqrt(s2 / REPS));
    let zMax = 0;
    for (let p = 0; p < m; p++) for (let q = p; q < m; q++) {
      const st = stats[p * m + q]!;
      // A unit term with zero variance (every unit inactive, say) and the exact mean gives z = 0.
      const dev = st.mean - A[p * m + q]!;
      const z = st.se > 0 ? dev / st.se : Math.abs(dev) <= 1e-12 * (Math.abs(A[p * m + q]!) + 1) ? 0 : Infinity;
      zMax = Math.max(zMax, Math.abs(z));
    }
    maxAbsZ.push(zMax);
  }
  const fit = linearFit(log2Widths.map((e) => e * Math.LN2), errs.map(Math.log));
  const tests = ((m * (m + 1)) / 2) * Z_WIDTHS.length;
  return { errs, slope: fit.slope, maxAbsZ, zCrit: bonferroniZ(ALPHA_INSTANCE, tests), pathsErr };
}

export const effNtkAnalytic = property({
  id: 'eff.ntk-analytic',
  source: { paper: '001_cb8436cba21c199a.txt', where: '§III (infinite-width NTK, refs. [18, 22])' },
  statement: 'The exact form of the infinite-width NTK can be found for particular network architectures, such as those with a ReLU or Erf activation [22].',
  checks: 'For generated seeds, activation (ReLU/erf), parameterisation (standard/NTK), σ_w² ∈ [0.2, 3], σ_b² ∈ [0, 3], read-out variance σ_a² = 1 or ∈ [0.2, 3] and input radius ∈ [0.5, 2] (6 inputs in ℝ⁴), H ∈ {2⁶, 2⁸, 2¹⁰, 2¹²} with 4 independent nets per width: at H = 2¹⁰ and 2¹² every entry of the empirical NTK Gram matrix, pooled over the 4 nets, equals the analytic entry by a two-sided z-test with the units\' standard error (family-wise α = 1e-8 per instance, Bonferroni over 21 entries × 2 widths), so the error there is within z·se ∝ 1/√H; empiricalNtkGram equals the mean of the per-unit terms (rtol 1e-12). The fitted log–log slope of the relative Frobenius error is reported.',
  tier: 'fast', kind: 'property', expect: 'holds', systems: ['ntk'],
  numRuns: 100,
  arbitrary: fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    activation: fc.constantFrom('relu' as const, 'erf' as const),
    param: fc.constantFrom('standard' as const, 'ntk' as const),
    wVar: fc.double({ min: 0.2, max: 3, noNaN: true }),
    bVar: fc.double({ min: 0, max: 3, noNaN: true }),
    radius: fc.double({ min: 0.5, max: 2, noNaN: true }),
    // σ_a² ≠ 1 exercises the read-out variance, which enters the two parameterisations differently
    // (a kernel that drops it passed when every instance had σ_a² = 1).
    aVar: fc.oneof(fc.constant(1), fc.double({ min: 0.2, max: 3, noNaN: true })),
  }),
  check: ({ seed, activation, param, wVar, bVar, radius, aVar }, ctx) => {
    const { errs, slope, maxAbsZ, zCrit, pathsErr } = convergenceSlope(seed, activation, param, wVar, bVar, radius, LOG2_WIDTHS, ntkSystem(ctx), aVar);
    ensure(pathsErr <= PATHS_RTOL, `empiricalNtkGram and the mean of the unit terms differ by ${pathsErr.toExponential(2)} (relative)`, { pathsErr });
    Z_WIDTHS.map((k) => [maxAbsZ[k]!, k] as const).forEach(([z, k]) => ensure(z <= zCrit, `empirical NTK at H = 2^${LOG2_WIDTHS[k]} (${REPS} nets pooled) is off the analytic kernel: max |z| over entries = ${z.toFixed(3)} > ${zCrit.toFixed(3)} (family-wise α = ${ALPHA_INSTANCE})`, { maxAbsZ, zCrit, errs, slope }));
    return { slope, errAt4096: errs[errs.length - 1]!, maxAbsZTested: Math.max(...Z_WIDTHS.map((k) => maxAbsZ[k]!)) };
  },
});

/** Slow tier: the mean slope over many instances, every power of two from 2⁶ to 2¹², with a bootstrap CI. */
export const effNtkAnalyticSlope = experiment({
  id: 'eff.ntk-analytic.slope',
  source: { paper: '001_cb8436cba21c199a.txt', where: '§III (infinite-width NTK, refs. [18, 22])' },
  statement: 'The exact form of the infinite-width NTK can be found for particular network architectures, such as those with a ReLU or Erf activation [22].',
  checks: '60 random instances (ReLU/erf × standard/NTK parameterisation, random variances and inputs), H = 2⁶, 2⁷, …, 2¹², 4 nets per width: the 95 % percentile-bootstrap CI of the mean fitted log–log slope of the relative Frobenius error contains −1/2 and excludes 0.',
  tier: 'slow', kind: 'statistical', expect: 'holds', systems: ['ntk'],
  run: (ctx) => {
    const ntk = ntkSystem(ctx);
    const slopes: number[] = [];
    for (let i = 0; i < 60; i++) {
      const r = ctx.rng;
      const { slope } = convergenceSlope(r.nextU32(), i % 2 ? 'relu' : 'erf', i % 4 < 2 ? 'standard' : 'ntk', r.range(0.2, 3), r.range(0, 3), r.range(0.5, 2), [6, 7, 8, 9, 10, 11, 12], ntk);
      slopes.push(slope);
      if (i % 10 === 9) ctx.progress(`${i + 1}/60 instances`);
    }
    const ci = bootstrapCI(slopes, (xs) => xs.reduce((a, b) => a + b, 0) / xs.length, { rng: ctx.rng.fork() });
    const mean = slopes.reduce((a, b) => a + b, 0) / slopes.length;
    return withReason({ holds: ci.lo <= -0.5 && ci.hi >= -0.5 && ci.hi < 0, numRuns: slopes.length, evidence: { meanSlope: mean, ci: [ci.lo, ci.hi], level: ci.level, minSlope: Math.min(...slopes), maxSlope: Math.max(...slopes) } },
      () => `mean slope ${mean.toFixed(3)}, 95 % CI [${ci.lo.toFixed(3)}, ${ci.hi.toFixed(3)}] (need it to contain −0.5 and exclude 0)`);
  },
});
