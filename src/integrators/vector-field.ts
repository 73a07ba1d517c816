/**
 * A vector field knows nothing of step schemes: it writes dx/dt at `x` into `out`.
 * Integrators (rk4, simultaneous and alternating steps) take any VectorField, so one system
 * serves every "continuous vs discrete" or "simultaneous vs alternating" claim.
 */
export type VectorField = (x: Float64Array, out: Float64Array) => void;

/** Throws a RangeError naming the argument if a step size is not a positive finite number. */
export function assertStep(h: number, what = 'h'): void {
  if (!(Number.isFinite(h) && h > 0)) throw new RangeError(`${what} must be a positive finite number, got ${h}`);
}
