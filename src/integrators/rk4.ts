/**
 * Classic fourth-order Runge–Kutta with preallocated stages: no allocation per step, so a sweep of
 * millions of steps runs at the speed of the field evaluation.
 */
import { assertStep, type VectorField } from './vector-field.ts';

export class Rk4 {
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly tmp: Float64Array;

  constructor(readonly field: VectorField, readonly dim: number) {
    if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`Rk4: dim must be a positive integer, got ${dim}`);
    this.k1 = new Float64Array(dim);
    this.k2 = new Float64Array(dim);
    this.k3 = new Float64Array(dim);
    this.k4 = new Float64Array(dim);
    this.tmp = new Float64Array(dim);
  }

  /** Advances `x` in place by `steps` steps of size `dt`. */
  integrate(x: Float64Array, dt: number, steps: number): Float64Array {
    assertStep(dt, 'dt');
    const { field, k1, k2, k3, k4, tmp, dim } = this;
    if (x.length !== dim) throw new RangeError(`Rk4: state has length ${x.length}, expected ${dim}`);
    const h2 = dt / 2;
    const h6 = dt / 6;
    for (let s = 0; s < steps; s++) {
      field(x, k1);
      for (let i = 0; i < dim; i++) tmp[i] = x[i]! + h2 * k1[i]!;
      field(tmp, k2);
      for (let i = 0; i < dim; i++) tmp[i] = x[i]! + h2 * k2[i]!;
      field(tmp, k3);
      for (let i = 0; i < dim; i++) tmp[i] = x[i]! + dt * k3[i]!;
      field(tmp, k4);
      for (let i = 0; i < dim; i++) x[i] = x[i]! + h6 * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!);
    }
    return x;
  }
}
