/**
 * Discrete gradient dynamics of a two-player game whose joint field is a VectorField over the
 * state [player 1 | player 2] (player 1 = the first `split` coordinates).
 * - simultaneous: x ← x + h v(x)
 * - alternating: player 1 moves with v(x), then player 2 moves with v evaluated at the updated
 *   state (Mescheder et al. 2018, §2.2).
 */
import { assertStep, type VectorField } from './vector-field.ts';

export type StepMap = (x: Float64Array) => void;

export function simultaneousStep(field: VectorField, dim: number, h: number): StepMap {
  assertStep(h);
  const v = new Float64Array(dim);
  return (x) => {
    field(x, v);
    for (let i = 0; i < dim; i++) x[i] = x[i]! + h * v[i]!;
  };
}

export function alternatingStep(field: VectorField, dim: number, split: number, h: number): StepMap {
  assertStep(h);
  if (!Number.isInteger(split) || split < 1 || split >= dim) {
    throw new RangeError(`alternatingStep: split must be an integer in [1, ${dim - 1}], got ${split}`);
  }
  const v = new Float64Array(dim);
  return (x) => {
    field(x, v);
    for (let i = 0; i < split; i++) x[i] = x[i]! + h * v[i]!;
    field(x, v);
    for (let i = split; i < dim; i++) x[i] = x[i]! + h * v[i]!;
  };
}

/** The step map as a pure function ℝⁿ → ℝⁿ (copies), for finite-difference Jacobians. */
export function asFunction(step: StepMap): (x: Float64Array) => Float64Array {
  return (x) => {
    const y = Float64Array.from(x);
    step(y);
    return y;
  };
}
