/**
 * Generators of instances shared by the ib.* property claims: polytonic generators (000
 * Assumption 1) and 1-D Gaussian-mixture targets. Every instance is built from fast-check values
 * so failures shrink to small P, few modes and round numbers.
 */
import fc from 'fast-check';
import { mixture1d, polytonic, pieceValue, type Mixture1D, type Piece, type PolytonicFamily, type PolytonicGenerator } from '../../systems/generator-1d/index.ts';

export interface PolytonicSpec {
  family: PolytonicFamily;
  s1: 1 | -1;
  firstBreak: number;
  gaps: number[];
  slopes: number[];
  cubics: number[];
  centers: number[];
  offsets: number[];
  continuous: boolean;
}

export const polytonicSpecArb: fc.Arbitrary<PolytonicSpec> = fc.integer({ min: 1, max: 5 }).chain((P) =>
  fc.record({
    family: fc.constantFrom<PolytonicFamily>('linear', 'smooth'),
    s1: fc.constantFrom<1 | -1>(1, -1),
    firstBreak: fc.double({ min: -3, max: 0, noNaN: true }),
    gaps: fc.array(fc.double({ min: 0.05, max: 2, noNaN: true }), { minLength: P - 1, maxLength: P - 1 }),
    slopes: fc.array(fc.double({ min: 0.05, max: 5, noNaN: true }), { minLength: P, maxLength: P }),
    cubics: fc.array(fc.double({ min: 0.01, max: 2, noNaN: true }), { minLength: P, maxLength: P }),
    centers: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: P, maxLength: P }),
    offsets: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: P, maxLength: P }),
    continuous: fc.boolean(),
  }),
);

/** Builds the generator: pieces alternate (eq. 1b); a continuous one has offsets fixed by continuity at the breaks. */
export function buildPolytonic(s: PolytonicSpec): PolytonicGenerator {
  const P = s.slopes.length;
  const breaks: number[] = [];
  let z = s.firstBreak;
  for (let i = 0; i < P - 1; i++) {
    breaks.push(z);
    z += s.gaps[i]!;
  }
  const pieces: Piece[] = [];
  for (let p = 0; p < P; p++) {
    const lo = p === 0 ? (breaks[0] ?? 0) - 1 : breaks[p - 1]!;
    const hi = p === P - 1 ? (breaks[P - 2] ?? 0) + 1 : breaks[p]!;
    const piece: Piece = {
      s: (p % 2 === 0 ? s.s1 : -s.s1),
      a: s.slopes[p]!,
      b: s.family === 'smooth' ? s.cubics[p]! : 0,
      c: 0.5 * (lo + hi) + 0.5 * (hi - lo) * s.centers[p]!,
      o: s.offsets[p]!,
    };
    if (s.continuous && p > 0) {
      const zb = breaks[p - 1]!;
      piece.o = 0;
      piece.o = pieceValue(pieces[p - 1]!, zb) - pieceValue(piece, zb);
    }
    pieces.push(piece);
  }
  return polytonic(breaks, pieces);
}

export interface MixtureSpec {
  weights: number[];
  gaps: number[];
  stds: number[];
  start: number;
}

/**
 * K-mode targets with ordered means μ_{k+1} = μ_k + gap_k·(σ_k + σ_{k+1}): gap factors ≥ `minGap`
 * separate the modes by low-density regions (depth controlled by the factor).
 */
export function mixtureSpecArb(opts: { minK: number; maxK: number; minGap: number; maxGap: number; minWeight?: number; minStd?: number; maxStd?: number }): fc.Arbitrary<MixtureSpec> {
  return fc.integer({ min: opts.minK, max: opts.maxK }).chain((K) =>
    fc.record({
      weights: fc.array(fc.double({ min: opts.minWeight ?? 0.1, max: 1, noNaN: true }), { minLength: K, maxLength: K }),
      gaps: fc.array(fc.double({ min: opts.minGap, max: opts.maxGap, noNaN: true }), { minLength: K - 1, maxLength: K - 1 }),
      stds: fc.array(fc.double({ min: opts.minStd ?? 0.2, max: opts.maxStd ?? 2, noNaN: true }), { minLength: K, maxLength: K }),
      start: fc.double({ min: -5, max: 5, noNaN: true }),
    }),
  );
}

export function buildMixture(s: MixtureSpec): Mixture1D {
  const means = [s.start];
  for (let k = 1; k < s.weights.length; k++) means.push(means[k - 1]! + s.gaps[k - 1]! * (s.stds[k - 1]! + s.stds[k]!));
  return mixture1d(s.weights, means, s.stds);
}
