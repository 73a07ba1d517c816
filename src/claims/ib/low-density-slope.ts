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
 * Part (b)'s slope is the system's closed-form G′ (`generator-1d`, `--impl`); part (a) is about the
 * exact density of a generated polytonic G and uses the reference's piece formulas and Φ-masses.
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure, undecidedIf } from '../assert.ts';
import { binProbability, densityBreaks, mixture1d, mixturePdf, normalPdf, pieceInverse, pieceValue, rangeOf, mixtureCdf, normalQuantile, type Generator1d, type Mixture1D } from '../../systems/generator-1d/index.ts';
import { buildPolytonic, polytonicSpecArb } from './arbitraries.ts';
import { generatorSystem } from './systems.ts';

/**
 * Half-width of the difference quotient of exact bin probabilities (relative to 1 + |x|). Where one
 * piece alone is active the inequality is an equality (eq. 1a has one term), so the check compares
 * at its boundary: the slack is the computation's own error, estimated per instance (below).
 */
const H_DENS = 1e-7;
/** Safety factor on the per-instance error estimate (Richardson + rounding + the slope's difference error). */
const ERR_FACTOR = 10;
/**
 * Domain: the statement's quantities must be representable. x is taken inside a piece (z* at least
 * Z_INSET of its z-interval from the ends), ≥ BREAK_SEP·(1 + |x|) from every density jump, where
 * f_X ≥ DENSITY_FLOOR (a density of 6.8e−315, what seed 1 generated when z* sat on a break and x
 * was pushed out of its piece's range, carries no digits).
 */
const Z_INSET = 0.05;
const BREAK_SEP = 1e-6;
const DENSITY_FLOOR = 1e-12;
/** Outer pieces are taken on [b − Z_OUTER, b] or [b, b + Z_OUTER] (|z| ≤ 3 + Z_OUTER keeps φ(z) ≥ 1e-6). */
const Z_OUTER = 3;

/** Part (b): G′ = φ(z*)/f_min is computed in closed form, so only rounding (a few ε) separates it from the bound. */
const GAP_RTOL = 1e-12;

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

function gapSlope(sys: Generator1d, w: number, s1: number, s2: number, sep: number): { slope: number; fMin: number; bound: number } {
  const m = mixture1d([w, 1 - w], [0, sep * (s1 + s2)], [s1, s2]);
  const xs = gapMinimum(m);
  const fMin = mixturePdf(m, xs);
  const zs = normalQuantile(mixtureCdf(m, xs));
  // G′ = φ(z)/f_X(G(z)) (checked against differences of G by ib.thm1.monotone where differences are
  // well conditioned; in a gap with f_min ~ 1e-9 the quantile's conditioning 1/f_min rules them out).
  const slope = sys.monotoneSlope(m, zs);
  // F_X(x*) ∈ [w/2, 1 − (1 − w)/2] since μ₁ ≤ x* ≤ μ₂, so |z*| ≤ zMax and G′ ≥ φ(zMax)/f_min → ∞.
  const zMax = Math.max(-normalQuantile(w / 2), -normalQuantile((1 - w) / 2));
  return { slope, fMin, bound: normalPdf(zMax) / fMin };
}

export const ibLowDensitySlope = property({
  id: 'ib.low-density-slope',
  source: { paper: '000_cdda2fe4dacffe72.txt', where: '§3, "Polytonic generators in 1D are more constrained in low-density regions"' },
  statement: 'lower bounding G_p(z(x)) as ∂_z G_p(z(x))/s_p = |∂_z G_p(z(x))| ≥ φ(G_p⁻¹(x))/f_X(x), ∀p ∈ P(x). In the zero-density limit f_X(x) → 0, unless φ(G_p⁻¹(x)) → 0, the only solution is |∂_u G_p(z(x))| = ∞.',
  checks: '(a) For generated polytonic G and x = G_p(z*) with z* inside a piece (≥ 5 % of its z-interval from its ends; outer pieces on 3 units of z), ≥ 1e-6 (relative) from the density\'s jump points and with f_X(x) ≥ 1e-12 (otherwise undecided), with f_X(x) = difference quotient of exact bin probabilities and |G_p′| by central differences: every active piece has |G_p′(z_p)| ≥ φ(z_p)/f_X(x) up to 10× the per-instance error estimate (Richardson on the quotient, rounding of the bin ends, the slope\'s difference error). (b) For generated two-mode targets (weight w ∈ [0.2, 0.8], σ₁, σ₂ ∈ [0.3, 2]) and separations 1.5 ≤ d₁ < d₂ ≤ 8 (units σ₁ + σ₂, d₂ − d₁ ≥ 0.05): at the gap\'s density minimum x* the monotone optimal G has slope (the system\'s closed-form G′) G′ = φ(z*)/f_min ≥ φ(z_max)/f_min with z_max = max|Φ⁻¹(w/2)|, |Φ⁻¹((1−w)/2)| (so G′ → ∞ as f_min → 0), and the deeper gap (smaller f_min) has the larger slope.',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['generator-1d'],
  arbitrary: fc.record({
    spec: polytonicSpecArb,
    pieceFrac: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    u: fc.double({ min: Z_INSET, max: 1 - Z_INSET, noNaN: true }),
    w: fc.double({ min: 0.2, max: 0.8, noNaN: true }),
    s1: fc.double({ min: 0.3, max: 2, noNaN: true }),
    s2: fc.double({ min: 0.3, max: 2, noNaN: true }),
    d1: fc.double({ min: 1.5, max: 7.9, noNaN: true }),
    dd: fc.double({ min: 0.05, max: 6, noNaN: true }),
  }),
  check: ({ spec, pieceFrac, u, w, s1, s2, d1, dd }, ctx) => {
    const sys = generatorSystem(ctx);
    const g = buildPolytonic(spec);
    // x = G_{p0}(z*) with z* inside piece p0's z-interval, so p0 is active at x and f_X(x) ≥ its term.
    const P = g.pieces.length;
    const p0 = Math.min(P - 1, Math.floor(pieceFrac * P));
    const zLo = p0 === 0 ? (P === 1 ? -Z_OUTER : g.breaks[0]! - Z_OUTER) : g.breaks[p0 - 1]!;
    const zHi = p0 === P - 1 ? (P === 1 ? Z_OUTER : g.breaks[P - 2]! + Z_OUTER) : g.breaks[p0]!;
    const zStar = zLo + u * (zHi - zLo);
    const x = pieceValue(g.pieces[p0]!, zStar);
    const h = H_DENS * (1 + Math.abs(x));
    const nearBreak = densityBreaks(g).find((b) => Math.abs(b - x) < BREAK_SEP * (1 + Math.abs(x)));
    undecidedIf(nearBreak !== undefined, `x = ${x} lies within ${BREAK_SEP} (relative) of a density jump at ${nearBreak}`, { x, nearBreak });
    const fX = binProbability(g, x - h, x + h) / (2 * h);
    const fX2 = binProbability(g, x - 2 * h, x + 2 * h) / (4 * h);
    undecidedIf(!(fX >= DENSITY_FLOOR), `f_X(x) = ${fX} below the representable floor ${DENSITY_FLOOR}`, { x, fX });
    // Error of f_X: Richardson estimate of the O(h²) truncation, plus rounding of the bin ends
    // (pieceInverse's absolute error ε(|x| + |o|)/|G′| + ε(|c| + |u|) against a bin 2h/|G′| wide).
    let roundRel = 0;
    for (let p = 0; p < P; p++) {
      const q = g.pieces[p]!;
      const zp = pieceInverse(q, x);
      roundRel = Math.max(roundRel, Number.EPSILON * ((Math.abs(x) + Math.abs(q.o)) + (Math.abs(q.c) + Math.abs(zp - q.c)) * Math.abs(q.a + 3 * q.b * (zp - q.c) ** 2)) / (2 * h));
    }
    const fErr = Math.abs(fX2 - fX) / (3 * fX) + 4 * roundRel;
    let worst = Infinity;
    let worstTol = 0;
    let active = 0;
    for (let p = 0; p < P; p++) {
      const [lo, hi] = rangeOf(g, p);
      if (!(x >= lo && x <= hi)) continue;
      active++;
      const q = g.pieces[p]!;
      const z = pieceInverse(q, x);
      const e = 1e-6 * (1 + Math.abs(z));
      const slope = Math.abs((pieceValue(q, z + e) - pieceValue(q, z - e)) / (2 * e));
      // Central difference of a cubic: truncation exactly b·e², rounding ~ε|G|/e.
      const slopeErr = (q.b * e * e + (4 * Number.EPSILON * (Math.abs(x) + Math.abs(q.o) + 1)) / e) / slope;
      const bound = normalPdf(z) / fX;
      const ratio = slope / bound;
      const tol = ERR_FACTOR * (fErr + slopeErr) + 1e-13;
      if (ratio < worst) { worst = ratio; worstTol = tol; }
      ensure(ratio >= 1 - tol, `piece ${p}: |G_p′| = ${slope} < φ(G_p⁻¹(x))/f_X(x) = ${bound} beyond the computation's error (relative shortfall ${(1 - ratio).toExponential(2)} > ${tol.toExponential(2)})`, { x, p, z, slope, bound, fX, tol });
    }
    ensure(active > 0, `no piece is active at x = ${x} = G_${p0}(${zStar})`, { x, p0, zStar });
    const d2 = Math.min(d1 + dd, 8);
    const a = gapSlope(sys, w, s1, s2, d1);
    const b = gapSlope(sys, w, s1, s2, d2);
    for (const [name, r] of [['d1', a], ['d2', b]] as const) {
      ensure(r.slope >= r.bound * (1 - GAP_RTOL), `${name}: gap slope ${r.slope} below φ(z_max)/f_min = ${r.bound}`, { ...r });
    }
    if (d2 > d1) {
      ensure(b.fMin < a.fMin, 'deeper separation must lower the gap density', { d1, d2, fMin1: a.fMin, fMin2: b.fMin });
      ensure(b.slope > a.slope, `gap slope not monotone in depth: f_min ${a.fMin} → ${b.fMin} but slope ${a.slope} → ${b.slope}`, { d1, d2, ...{ slope1: a.slope, slope2: b.slope } });
    }
    return { activePieces: active, worstRatio: worst, worstTol, gapSlope1: a.slope, gapSlope2: b.slope, fMin2: b.fMin };
  },
});
