/** Laws of jacobianFD: central differences against analytic Jacobians of random polynomial maps ℝⁿ → ℝᵐ. */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { jacobianFD, matrix, type Matrix } from '../../src/linalg/index.ts';
import { entry } from './arbitraries.ts';

/**
 * Central differences on a cubic: truncation h²/6·|f'''| with h = cbrt(eps)·max(1,|x|) ≈ 6e-6·(1+|x|),
 * plus rounding eps·|f|/h. With coefficients ≤ 3 and |x| ≤ 3 both stay below 1e-7 of the
 * scale Σ|coef|·(1 + |x|)³.
 */
const FD_TOL = 1e-7;

/** f_i(x) = Σ_j L_ij x_j + Σ_j Q_ij x_j² + K_i · Π_{p} x_{mono_i[p]} (a cubic monomial with possibly repeated indices). */
interface Poly { n: number; m: number; L: number[]; Q: number[]; K: number[]; mono: number[][] }

const polyArb = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).chain(([n, m]) =>
  fc.record({
    n: fc.constant(n),
    m: fc.constant(m),
    L: fc.array(entry(3), { minLength: n * m, maxLength: n * m }),
    Q: fc.array(entry(3), { minLength: n * m, maxLength: n * m }),
    K: fc.array(entry(3), { minLength: m, maxLength: m }),
    mono: fc.array(fc.array(fc.nat(n - 1), { minLength: 3, maxLength: 3 }), { minLength: m, maxLength: m }),
  }),
);

function evaluate(p: Poly, x: Float64Array): Float64Array {
  const y = new Float64Array(p.m);
  for (let i = 0; i < p.m; i++) {
    let s = 0;
    for (let j = 0; j < p.n; j++) s += p.L[i * p.n + j]! * x[j]! + p.Q[i * p.n + j]! * x[j]! * x[j]!;
    s += p.K[i]! * p.mono[i]!.reduce((acc, k) => acc * x[k]!, 1);
    y[i] = s;
  }
  return y;
}

function analytic(p: Poly, x: Float64Array): Matrix {
  const J = matrix(p.m, p.n);
  for (let i = 0; i < p.m; i++) {
    for (let k = 0; k < p.n; k++) {
      let d = p.L[i * p.n + k]! + 2 * p.Q[i * p.n + k]! * x[k]!;
      // Product rule over the monomial's positions equal to k.
      const mono = p.mono[i]!;
      for (let q = 0; q < mono.length; q++) {
        if (mono[q] !== k) continue;
        let prod = 1;
        for (let r = 0; r < mono.length; r++) if (r !== q) prod *= x[mono[r]!]!;
        d += p.K[i]! * prod;
      }
      J.data[i * p.n + k] = d;
    }
  }
  return J;
}

describe('jacobianFD', () => {
  test.prop([polyArb.chain((p) => fc.tuple(fc.constant(p), fc.array(entry(3), { minLength: p.n, maxLength: p.n })))])(
    'matches the analytic Jacobian of a cubic polynomial map',
    ([p, xs]) => {
      const x = Float64Array.from(xs);
      const J = jacobianFD((z) => evaluate(p, z), x);
      const A = analytic(p, x);
      expect([J.rows, J.cols]).toEqual([p.m, p.n]);
      const xmax = Math.max(1, ...xs.map(Math.abs));
      const coef = Math.max(1, ...p.L.map(Math.abs), ...p.Q.map(Math.abs), ...p.K.map(Math.abs));
      const scale = coef * p.n * (1 + xmax) ** 3;
      for (let i = 0; i < J.data.length; i++) expect(Math.abs(J.data[i]! - A.data[i]!)).toBeLessThanOrEqual(FD_TOL * scale);
      // x is left untouched.
      expect(Array.from(x)).toEqual(xs);
    },
  );

  test('explicit step h and bad input', () => {
    const J = jacobianFD((z) => Float64Array.of(z[0]! * z[0]!), Float64Array.of(3), 1e-3);
    expect(J.data[0]).toBeCloseTo(6, 10); // central difference is exact for a quadratic
    expect(() => jacobianFD((z) => z, Float64Array.of(NaN))).toThrow(/jacobianFD: x has a non-finite entry/);
    expect(() => jacobianFD((z) => z, Float64Array.of(1), -1)).toThrow('jacobianFD: h must be a positive finite number, got -1');
    expect(() => jacobianFD(() => Float64Array.of(Infinity), Float64Array.of(1))).toThrow(/jacobianFD: f\(x \+ h·e_j\) has a non-finite entry/);
    expect(() => jacobianFD((z) => Float64Array.of(z[0]! > 1 ? 1 : 0, 0).subarray(0, z[0]! > 1 ? 1 : 2), Float64Array.of(1))).toThrow(/different lengths/);
  });
});
