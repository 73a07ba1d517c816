/**
 * A user's own 1-D generators of 000 §3 (what `--impl generator-1d=./correct-generator.ts` loads),
 * written independently of the built-in one: the mixture quantile by bisection on the smaller
 * tail, the cubic pieces inverted in closed form (hyperbolic Cardano) and polished by one Newton
 * step, the central probability 2Φ(y) − 1 by its series near 0. Only the normal distribution's
 * Φ, 1 − Φ and φ come from the package (generic helpers).
 *
 * The named exports are the building blocks; the buggy-*.ts files reuse them and change one.
 */
import { generator1d } from 'gan-claims';

type Mixture1D = generator1d.Mixture1D;
type PolytonicGenerator = generator1d.PolytonicGenerator;
type Piece = generator1d.Piece;
const { normalCdfBoth, normalPdf } = generator1d;

/** [F_X(x), 1 − F_X(x)], each a weighted sum of the components' own tails (no 1 − F cancellation). */
export function mixtureTails(m: Mixture1D, x: number): [number, number] {
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < m.weights.length; k++) {
    const [c, s] = normalCdfBoth((x - m.means[k]!) / m.stds[k]!);
    lo += m.weights[k]! * c;
    hi += m.weights[k]! * s;
  }
  return [lo, hi];
}

export function mixtureDensity(m: Mixture1D, x: number): number {
  let f = 0;
  for (let k = 0; k < m.weights.length; k++) f += (m.weights[k]! / m.stds[k]!) * normalPdf((x - m.means[k]!) / m.stds[k]!);
  return f;
}

/**
 * The x with F_X(x) = p (tail 'lower') or 1 − F_X(x) = p (tail 'upper'), by bisection until the
 * bracket stops shrinking: the residual is taken in the tail the caller names, so p keeps its
 * relative precision however small it is.
 */
export function solveTail(m: Mixture1D, p: number, tail: 'lower' | 'upper', tails = mixtureTails): number {
  if (p <= 0) return tail === 'lower' ? -Infinity : Infinity;
  let a = Infinity;
  let b = -Infinity;
  for (let k = 0; k < m.weights.length; k++) {
    a = Math.min(a, m.means[k]! - 40 * m.stds[k]!);
    b = Math.max(b, m.means[k]! + 40 * m.stds[k]!);
  }
  for (let it = 0; it < 2000; it++) {
    const c = 0.5 * (a + b);
    if (c <= a || c >= b) break;
    const [lo, hi] = tails(m, c);
    const below = tail === 'lower' ? lo < p : hi > p; // the solution lies right of c
    if (below) a = c;
    else b = c;
  }
  return 0.5 * (a + b);
}

/** P(|Z| ≤ y) = erf(y/√2): its Taylor series below y = 1 (no 2Φ(y) − 1 cancellation), 1 − 2(1 − Φ(y)) above. */
export function centralMass(y: number): number {
  if (y >= 1) return 1 - 2 * normalCdfBoth(y)[1];
  const t = y / Math.SQRT2;
  let term = t;
  let sum = t;
  for (let n = 1; n < 40; n++) {
    term *= (-t * t) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

export function monotone(m: Mixture1D, z: number): number {
  const [lo, hi] = normalCdfBoth(z);
  return z <= 0 ? solveTail(m, lo, 'lower') : solveTail(m, hi, 'upper');
}

export function bitonic(m: Mixture1D, z: number): number {
  const y = Math.abs(z);
  const central = centralMass(y);
  return central <= 0.5 ? solveTail(m, central, 'lower') : solveTail(m, 2 * normalCdfBoth(y)[1], 'upper');
}

/** u with a·u + b·u³ = y (a > 0, b ≥ 0): u = 2√(a/3b)·sinh(asinh((3y/2a)·√(3b/a))/3), then one Newton step. */
export function solveCubic(a: number, b: number, y: number): number {
  if (b === 0) return y / a;
  const r = Math.sqrt(a / (3 * b));
  let u = 2 * r * Math.sinh(Math.asinh(((3 * y) / (2 * a)) * Math.sqrt((3 * b) / a)) / 3);
  u -= (a * u + b * u * u * u - y) / (a + 3 * b * u * u);
  return u;
}

function value(q: Piece, z: number): number {
  const u = z - q.c;
  return q.o + q.s * (q.a * u + q.b * u * u * u);
}

/** The closed range G_p([z_{p−1}, z_p]) of piece p (outer pieces run off to ±∞ with their sign). */
export function pieceRange(g: PolytonicGenerator, p: number): [number, number] {
  const q = g.pieces[p]!;
  const left = p === 0 ? -q.s * Infinity : value(q, g.breaks[p - 1]!);
  const right = p === g.pieces.length - 1 ? q.s * Infinity : value(q, g.breaks[p]!);
  return left <= right ? [left, right] : [right, left];
}

/** Eq. (1a): Σ over pieces whose range holds x of φ(z_p)/|G_p′(z_p)|, z_p = G_p⁻¹(x). */
export function pushforwardDensity(g: PolytonicGenerator, x: number): { density: number; terms: number[] } {
  const terms: number[] = [];
  for (let p = 0; p < g.pieces.length; p++) {
    const [lo, hi] = pieceRange(g, p);
    if (!(x >= lo && x <= hi)) continue;
    const q = g.pieces[p]!;
    const u = solveCubic(q.a, q.b, q.s * (x - q.o));
    terms.push(normalPdf(q.c + u) / (q.a + 3 * q.b * u * u));
  }
  return { density: terms.reduce((s, t) => s + t, 0), terms };
}

const impl: generator1d.Generator1d = {
  pushforwardDensity,
  monotone,
  monotoneSlope: (m, z) => normalPdf(z) / mixtureDensity(m, monotone(m, z)),
  bitonic,
  bitonicSlope: (m, z) => (Math.sign(z) * 2 * normalPdf(z)) / mixtureDensity(m, bitonic(m, z)),
};

export default impl;
