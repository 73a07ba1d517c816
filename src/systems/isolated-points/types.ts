/**
 * The Isolated Points Model's data (002 §2, eq. 1): true points xᵢ with masses pᵢ and generated
 * points x̃ⱼ with fixed masses p̃ⱼ, all in ℝᵈ, stored flat (row i = point i) so the dynamics
 * run over preallocated Float64Arrays.
 */
export interface IpmPoints {
  d: number;
  /** True points, Nr×d row-major. */
  trueX: Float64Array;
  /** True masses pᵢ (length Nr). */
  p: Float64Array;
  /** Generated points x̃ⱼ, Ng×d row-major (the initial state; systems copy it). */
  genX: Float64Array;
  /** Generated masses p̃ⱼ (length Ng). */
  pTilde: Float64Array;
}

export interface IpmSteps {
  /** Ridge λ > 0 of the discriminator objective (eq. 3). */
  lambda: number;
  /** Discriminator step η_d (eq. 4). */
  etaD: number;
  /** Generator step η_g (eq. 9); μ = η_g/η_d. */
  etaG: number;
}

/**
 * Which discriminator enters the generator step: 'simultaneous' is eq. (9) (∇fᵏ at x̃ᵏ, both players
 * use step-k values); 'alternating' is eq. (11b) (∇fᵏ⁺¹ at x̃ᵏ, discriminator first).
 */
export type Scheme = 'simultaneous' | 'alternating';

export function checkPoints(pts: IpmPoints, fn: string): { nr: number; ng: number } {
  const { d, trueX, p, genX, pTilde } = pts;
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`${fn}: d must be a positive integer, got ${d}`);
  for (const [name, a] of [['trueX', trueX], ['p', p], ['genX', genX], ['pTilde', pTilde]] as const) {
    if (!(a instanceof Float64Array)) throw new TypeError(`${fn}: ${name} must be a Float64Array`);
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) throw new RangeError(`${fn}: ${name} has a non-finite entry at ${i}`);
  }
  if (trueX.length !== p.length * d) throw new RangeError(`${fn}: trueX has length ${trueX.length}, expected p.length·d = ${p.length * d}`);
  if (genX.length !== pTilde.length * d) throw new RangeError(`${fn}: genX has length ${genX.length}, expected pTilde.length·d = ${pTilde.length * d}`);
  for (const [name, a] of [['p', p], ['pTilde', pTilde]] as const) {
    for (let i = 0; i < a.length; i++) if (!(a[i]! > 0)) throw new RangeError(`${fn}: ${name}[${i}] must be positive, got ${a[i]}`);
  }
  return { nr: p.length, ng: pTilde.length };
}

export function checkSteps(s: IpmSteps, fn: string): void {
  for (const k of ['lambda', 'etaD', 'etaG'] as const) {
    const v = s[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || !(v >= 0)) throw new RangeError(`${fn}: ${k} must be a finite non-negative number, got ${v}`);
  }
}

/** Point i of a flat n×d array, as a view (no copy). */
export function row(a: Float64Array, i: number, d: number): Float64Array {
  return a.subarray(i * d, (i + 1) * d);
}
