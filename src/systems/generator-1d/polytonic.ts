/**
 * Piecewise-monotone ("polytonic", 000 Def. 1 / Assumption 1) 1-D generators with P alternating
 * pieces, and their exact pushforward of Z ~ N(0, 1).
 *
 * Piece p lives on [z_{p−1}, z_p] (z_0 = −∞, z_P = +∞) and is
 *   G_p(z) = o_p + s_p·(a_p·u + b_p·u³),  u = z − c_p,  a_p > 0, b_p ≥ 0,
 * strictly monotone with sign s_p = (−1)^{p−1}·s_1 (eq. 1b). b_p = 0 gives the piecewise linear
 * family, b_p > 0 the smooth (cubic) one. The formula extends each piece to all of ℝ, which the
 * exact bin probabilities use before clipping to the piece's domain.
 */
import { normalMass, normalPdf } from '../../stats/normal.ts';

export type PolytonicFamily = 'linear' | 'smooth';

export interface Piece {
  /** Monotonicity s_p ∈ {+1, −1}. */
  s: number;
  a: number;
  b: number;
  c: number;
  o: number;
}

export interface PolytonicGenerator {
  /** Interior breakpoints z_1 < … < z_{P−1}. */
  readonly breaks: Float64Array;
  readonly pieces: readonly Piece[];
}

export function polytonic(breaks: readonly number[], pieces: readonly Piece[]): PolytonicGenerator {
  if (pieces.length !== breaks.length + 1) throw new RangeError(`polytonic: need breaks.length + 1 pieces, got ${pieces.length} pieces, ${breaks.length} breaks`);
  for (let i = 1; i < breaks.length; i++) if (!(breaks[i]! > breaks[i - 1]!)) throw new RangeError('polytonic: breaks must be strictly increasing');
  for (let p = 0; p < pieces.length; p++) {
    const q = pieces[p]!;
    if (q.s !== 1 && q.s !== -1) throw new RangeError(`polytonic: pieces[${p}].s must be ±1`);
    if (!(q.a > 0) || !(q.b >= 0) || !Number.isFinite(q.a + q.b + q.c + q.o)) throw new RangeError(`polytonic: pieces[${p}] needs a > 0, b ≥ 0, finite c, o`);
    if (p > 0 && q.s !== -pieces[p - 1]!.s) throw new RangeError(`polytonic: adjacent pieces ${p - 1}, ${p} must alternate monotonicity (eq. 1b)`);
  }
  return { breaks: Float64Array.from(breaks), pieces };
}

export function pieceValue(q: Piece, z: number): number {
  const u = z - q.c;
  return q.o + q.s * (q.a * u + q.b * u * u * u);
}

export function pieceDerivative(q: Piece, z: number): number {
  const u = z - q.c;
  return q.s * (q.a + 3 * q.b * u * u);
}

/** G_p⁻¹(x) on the extended piece: solve a·u + b·u³ = s·(x − o) by safeguarded Newton. */
export function pieceInverse(q: Piece, x: number): number {
  if (x === Infinity || x === -Infinity) return q.c + q.s * x;
  const y = q.s * (x - q.o);
  if (q.b === 0) return q.c + y / q.a;
  // |a u + b u³| ≥ a|u| bounds the root; start from the larger of the linear and cubic guesses.
  let lo = Math.min(0, y / q.a);
  let hi = Math.max(0, y / q.a);
  let u = Math.abs(y / q.a) < Math.cbrt(Math.abs(y / q.b)) ? y / q.a : Math.cbrt(y / q.b);
  for (let it = 0; it < 200; it++) {
    const r = q.a * u + q.b * u * u * u - y;
    if (r === 0) break;
    if (r > 0) hi = u;
    else lo = u;
    let nu = u - r / (q.a + 3 * q.b * u * u);
    if (!(nu >= lo && nu <= hi)) nu = 0.5 * (lo + hi);
    if (Math.abs(nu - u) <= 4e-16 * Math.max(Math.abs(u), 1e-300)) {
      u = nu;
      break;
    }
    u = nu;
  }
  return q.c + u;
}

export function domainOf(g: PolytonicGenerator, p: number): [number, number] {
  return [p === 0 ? -Infinity : g.breaks[p - 1]!, p === g.pieces.length - 1 ? Infinity : g.breaks[p]!];
}

function pieceIndex(g: PolytonicGenerator, z: number): number {
  let p = 0;
  while (p < g.breaks.length && z > g.breaks[p]!) p++;
  return p;
}

export function generatorValue(g: PolytonicGenerator, z: number): number {
  return pieceValue(g.pieces[pieceIndex(g, z)]!, z);
}

export function generatorDerivative(g: PolytonicGenerator, z: number): number {
  return pieceDerivative(g.pieces[pieceIndex(g, z)]!, z);
}

/** Range X_p of piece p as [lo, hi] (closed; infinite ends for the outer pieces). */
export function rangeOf(g: PolytonicGenerator, p: number): [number, number] {
  const [z0, z1] = domainOf(g, p);
  const q = g.pieces[p]!;
  const e0 = z0 === -Infinity ? -q.s * Infinity : pieceValue(q, z0);
  const e1 = z1 === Infinity ? q.s * Infinity : pieceValue(q, z1);
  return e0 <= e1 ? [e0, e1] : [e1, e0];
}

/**
 * Eq. (1a): f_{G(Z)}(x) = Σ_{p active at x} s_p φ(G_p⁻¹(x)) / ∂_z G_p(G_p⁻¹(x)). Returns the
 * density and the per-piece terms (each one ≥ 0 by eq. 1b).
 */
export function pushforwardDensity(g: PolytonicGenerator, x: number): { density: number; terms: { p: number; z: number; slope: number; term: number }[] } {
  const terms: { p: number; z: number; slope: number; term: number }[] = [];
  let density = 0;
  for (let p = 0; p < g.pieces.length; p++) {
    const [lo, hi] = rangeOf(g, p);
    if (!(x >= lo && x <= hi)) continue;
    const q = g.pieces[p]!;
    const z = pieceInverse(q, x);
    const slope = pieceDerivative(q, z);
    const term = (q.s * normalPdf(z)) / slope;
    density += term;
    terms.push({ p, z, slope, term });
  }
  return { density, terms };
}

/**
 * Exact P(lo ≤ G(Z) ≤ hi) = Σ_p Φ-mass of {z ∈ Z_p : G_p(z) ∈ [lo, hi]}, from the pushforward's
 * definition (no density involved): the preimage of [lo, hi] under a monotone piece is an interval.
 */
export function binProbability(g: PolytonicGenerator, lo: number, hi: number): number {
  if (!(lo <= hi)) throw new RangeError(`binProbability: need lo ≤ hi, got ${lo}, ${hi}`);
  let total = 0;
  for (let p = 0; p < g.pieces.length; p++) {
    const q = g.pieces[p]!;
    const [z0, z1] = domainOf(g, p);
    const u = pieceInverse(q, lo);
    const v = pieceInverse(q, hi);
    const a = Math.max(z0, Math.min(u, v));
    const b = Math.min(z1, Math.max(u, v));
    if (a < b) total += normalMass(a, b);
  }
  return total;
}

/** Points where the pushforward density may jump: the images of the breakpoints (range ends). */
export function densityBreaks(g: PolytonicGenerator): number[] {
  const out: number[] = [];
  for (let p = 0; p < g.pieces.length; p++) {
    const [lo, hi] = rangeOf(g, p);
    if (Number.isFinite(lo)) out.push(lo);
    if (Number.isFinite(hi)) out.push(hi);
  }
  return out.sort((x, y) => x - y);
}
