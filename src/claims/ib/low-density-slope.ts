/**
 * ib.low-density-slope — 000 §3 "Polytonic generators in 1D are more constrained in low-density
 * regions": from eq. (1a), every active piece satisfies |∂_z G_p(z(x))| ≥ φ(G_p⁻¹(x))/f_X(x), and
 * as f_X → 0 in a gap the slope must grow without bound.
 *
 * Part (a) uses generated polytonic G with f_X the density of G(Z) taken independently as the
 * difference quotient of exact bin probabilities (Φ-masses), and |G_p′| by central differences of
 * the piece. Part (b) uses two-mode targets with separations d₁ < d₂ (in units of σ₁ + σ₂): the
 * monotone optimal generator's slope at the gap's density minimum x* is larger for the deeper gap,
 * and is ≥ φ(z_max)/f_min where F_X(x*) ∈ [w/2, 1 − (1 − w)/2] bounds |z*| ≤ z_max.
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { binProbability, densityBreaks, mixture1d, mixturePdf, normalPdf, pieceInverse, pieceValue, rangeOf, mixtureCdf, normalQuantile, monotoneOptimalSlope, type Mixture1D } from '../../systems/generator-1d/index.ts';
import { buildPolytonic, polytonicSpecArb } from './arbitraries.ts';

/** Relative slack of the inequality: difference quotients of width 2e-7 carry ~1e-8 relative error. */
const BOUND_RTOL = 1e-6;
/** Half-width of the difference quotient of exact bin probabilities (relative to 1 + |x|). */
const H_DENS = 1e-7;

function gapMinimum(m: Mixture1D): number {
  // Golden-section search for the density minimum between the two means (unimodal there for d ≥ 1.5).
  let a = m.means[0]!;
  let b = m.means[1]!;
  const r = (Math.sqrt(5) - 1) / 2;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  for (let i = 0; i < 200 && b - a > 1e-12 * (1 + Math.abs(a)); i++) {
    if (mixturePdf(m, c) < mixturePdf(m, d)) b = d;
    else a = c;
    c = b - r * (b - a);
    d = a + r * (b - a);
  }
  return 0.5 * (a + b);
}

function gapSlope(w: number, s1: number, s2: number, sep: number): { slope: number; fMin: number; bound: number } {
  const m = mixture1d([w, 1 - w], [0, sep * (s1 + s2)], [s1, s2]);
  const xs = gapMinimum(m);
  const fMin = mixturePdf(m, xs);
  const zs = normalQuantile(mixtureCdf(m, xs));
  // G′ = φ(z)/f_X(G(z)) (checked against differences of G by ib.thm1.monotone where differences are
  // well conditioned; in a gap with f_min ~ 1e-9 the quantile's conditioning 1/f_min rules them out).
  const slope = monotoneOptimalSlope(m, zs);
  // F_X(x*) ∈ [w/2, 1 − (1 − w)/2] since μ₁ ≤ x* ≤ μ₂, so |z*| ≤ zMax and G′ ≥ φ(zMax)/f_min → ∞.
  const zMax = Math.max(-normalQuantile(w / 2), -normalQuantile((1 - w) / 2));
  return { slope, fMin, bound: normalPdf(zMax) / fMin };
}

export const ibLowDensitySlope = property({
  id: 'ib.low-density-slope',
  source: { paper: '000_cdda2fe4dacffe72.txt', where: '§3, "Polytonic generators in 1D are more constrained in low-density regions"' },
  statement: 'lower bounding G_p(z(x)) as ∂_z G_p(z(x))/s_p = |∂_z G_p(z(x))| ≥ φ(G_p⁻¹(x))/f_X(x), ∀p ∈ P(x). In the zero-density limit f_X(x) → 0, unless φ(G_p⁻¹(x)) → 0, the only solution is |∂_u G_p(z(x))| = ∞.',
  checks: '(a) For generated polytonic G and x (away from the density\'s jump points), with f_X(x) = difference quotient of exact bin probabilities and |G_p′| by central differences: every active piece has |G_p′(z_p)| ≥ φ(z_p)/f_X(x) (rtol 1e-6). (b) For generated two-mode targets (weight w ∈ [0.2, 0.8], σ₁, σ₂ ∈ [0.3, 2]) and separations 1.5 ≤ d₁ < d₂ ≤ 8 (units σ₁ + σ₂, d₂ − d₁ ≥ 0.05): at the gap\'s density minimum x* the monotone optimal G has slope G′ = φ(z*)/f_min ≥ φ(z_max)/f_min with z_max = max|Φ⁻¹(w/2)|, |Φ⁻¹((1−w)/2)| (so G′ → ∞ as f_min → 0), and the deeper gap (smaller f_min) has the larger slope.',
  tier: 'fast', kind: 'property', expect: 'holds',
  exercises: ['generator-1d'],
  arbitrary: fc.record({
    spec: polytonicSpecArb,
    zStar: fc.double({ min: -4, max: 4, noNaN: true }),
    w: fc.double({ min: 0.2, max: 0.8, noNaN: true }),
    s1: fc.double({ min: 0.3, max: 2, noNaN: true }),
    s2: fc.double({ min: 0.3, max: 2, noNaN: true }),
    d1: fc.double({ min: 1.5, max: 7.9, noNaN: true }),
    dd: fc.double({ min: 0.05, max: 6, noNaN: true }),
  }),
  check: ({ spec, zStar, w, s1, s2, d1, dd }) => {
    const g = buildPolytonic(spec);
    // Pick x = G(z*) and move it off the density's jump points so the difference quotient is valid.
    let p0 = 0;
    while (p0 < g.breaks.length && zStar > g.breaks[p0]!) p0++;
    let x = pieceValue(g.pieces[p0]!, zStar);
    const h = H_DENS * (1 + Math.abs(x));
    for (const b of densityBreaks(g)) if (Math.abs(b - x) < 4 * h) x = b + 4 * h * Math.sign(x - b || 1);
    const fX = binProbability(g, x - h, x + h) / (2 * h);
    let worst = Infinity;
    let active = 0;
    for (let p = 0; p < g.pieces.length; p++) {
      const [lo, hi] = rangeOf(g, p);
      if (!(x >= lo && x <= hi)) continue;
      active++;
      const q = g.pieces[p]!;
      const z = pieceInverse(q, x);
      const e = 1e-6 * (1 + Math.abs(z));
      const slope = Math.abs((pieceValue(q, z + e) - pieceValue(q, z - e)) / (2 * e));
      const bound = normalPdf(z) / fX;
      const ratio = slope / bound;
      worst = Math.min(worst, ratio);
      ensure(ratio >= 1 - BOUND_RTOL, `piece ${p}: |G_p′| = ${slope} < φ(G_p⁻¹(x))/f_X(x) = ${bound}`, { x, p, z, slope, bound, fX });
    }
    const d2 = Math.min(d1 + dd, 8);
    const a = gapSlope(w, s1, s2, d1);
    const b = gapSlope(w, s1, s2, d2);
    for (const [name, r] of [['d1', a], ['d2', b]] as const) {
      ensure(r.slope >= r.bound * (1 - BOUND_RTOL), `${name}: gap slope ${r.slope} below φ(z_max)/f_min = ${r.bound}`, { ...r });
    }
    if (d2 > d1) {
      ensure(b.fMin < a.fMin, 'deeper separation must lower the gap density', { d1, d2, fMin1: a.fMin, fMin2: b.fMin });
      ensure(b.slope > a.slope, `gap slope not monotone in depth: f_min ${a.fMin} → ${b.fMin} but slope ${a.slope} → ${b.slope}`, { d1, d2, ...{ slope1: a.slope, slope2: b.slope } });
    }
    return { activePieces: active, ...(active > 0 ? { worstRatio: worst } : {}), gapSlope1: a.slope, gapSlope2: b.slope, fMin2: b.fMin };
  },
});
