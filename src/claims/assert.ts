/**
 * Check helpers for claim files: each throws a ClaimViolation naming the quantity, the values and
 * the tolerance, so a counterexample report says what failed without re-running it.
 */
import { ClaimViolation, Undecided } from './claim.ts';

export function ensure(cond: boolean, message: string, details: Record<string, unknown> = {}): asserts cond {
  if (!cond) throw new ClaimViolation(message, details);
}

/** |a − b| ≤ atol + rtol·max(|a|, |b|). Returns the observed error for evidence. */
export function ensureClose(what: string, actual: number, expected: number, tol: { rtol?: number; atol?: number }): number {
  const rtol = tol.rtol ?? 0;
  const atol = tol.atol ?? 0;
  const err = Math.abs(actual - expected);
  const bound = atol + rtol * Math.max(Math.abs(actual), Math.abs(expected));
  if (!(err <= bound)) {
    throw new ClaimViolation(`${what}: got ${actual}, expected ${expected} (|error| ${err.toExponential(3)} > ${bound.toExponential(3)})`, {
      what, actual, expected, err, rtol, atol,
    });
  }
  return err;
}

/** Relative Frobenius error ‖a − b‖/max(‖b‖, tiny) ≤ rtol, over flat arrays. Returns the error. */
export function ensureAllClose(what: string, actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number, atol = 0): number {
  if (actual.length !== expected.length) throw new ClaimViolation(`${what}: length ${actual.length} ≠ ${expected.length}`);
  let num = 0;
  let den = 0;
  for (let i = 0; i < actual.length; i++) {
    const d = actual[i]! - expected[i]!;
    num += d * d;
    den += expected[i]! * expected[i]!;
  }
  const abs = Math.sqrt(num);
  const rel = abs / Math.max(Math.sqrt(den), Number.MIN_VALUE);
  if (!(abs <= atol || rel <= rtol)) {
    throw new ClaimViolation(`${what}: relative Frobenius error ${rel.toExponential(3)} > ${rtol} (absolute ${abs.toExponential(3)})`, { what, rel, abs, rtol, atol });
  }
  return rel;
}

/** Marks the instance undecided (see Undecided) when `cond` holds: e.g. |ρ − 1| below the computation's error. */
export function undecidedIf(cond: boolean, message: string, details: Record<string, unknown> = {}): void {
  if (cond) throw new Undecided(message, details);
}
