/** Argument checks for the statistics functions (RangeError/TypeError naming function and argument). */
export type Alternative = 'greater' | 'less' | 'two-sided';

export function checkSample(fn: string, name: string, xs: ArrayLike<number>, minLength = 0): void {
  if (xs === null || typeof xs !== 'object' || typeof xs.length !== 'number') {
    throw new TypeError(`${fn}: ${name} must be an array of numbers`);
  }
  if (xs.length < minLength) throw new RangeError(`${fn}: ${name} needs at least ${minLength} values, got ${xs.length}`);
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${fn}: ${name}[${i}] must be a finite number, got ${v}`);
  }
}

export function checkAlternative(fn: string, alt: string): asserts alt is Alternative {
  if (alt !== 'greater' && alt !== 'less' && alt !== 'two-sided') {
    throw new RangeError(`${fn}: alternative must be 'greater', 'less' or 'two-sided', got ${String(alt)}`);
  }
}

export function checkLevel(fn: string, level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`${fn}: level must be in (0, 1), got ${level}`);
}

/** Combines one-sided tail probabilities into the p-value for an alternative (two-sided: doubled smaller tail, capped at 1). */
export function pFromTails(alt: Alternative, pGreater: number, pLess: number): number {
  const p = alt === 'greater' ? pGreater : alt === 'less' ? pLess : 2 * Math.min(pGreater, pLess);
  return Math.min(1, Math.max(0, p));
}
