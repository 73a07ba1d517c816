/**
 * LineRbf (exact RBF on the line, Fig. 4) against the general FunctionSpaceIpm: the same dynamics in
 * d = 1 (single widths through rbfKernel, the concatenated kernel through sumKernels), and in d = 2
 * the motion stays on the line through the two points.
 */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { LineRbf, FunctionSpaceIpm } from '../../../src/systems/isolated-points/index.ts';
import { rbfKernel } from '../../../src/kernels/rbf.ts';
import { sumKernels } from '../../../src/kernels/multiscale.ts';

const widthsArb = fc.constantFrom([0.5], [1], [3], [0.5, 2], [0.3, 1, 3]);

describe('LineRbf', () => {
  test.prop([widthsArb, fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: 1e-3, max: 0.5, noNaN: true }), fc.integer({ min: 1, max: 120 })])(
    'equals FunctionSpaceIpm in d = 1 after k steps (rtol 1e-10)', (widths, start, lambda, k) => {
      const steps = { lambda, etaD: 0.02, etaG: 0.02 };
      const line = new LineRbf({ widths, ...steps, start });
      const kernel = widths.length === 1 ? rbfKernel(widths[0]!) : sumKernels(widths.map(rbfKernel));
      const ref = new FunctionSpaceIpm(kernel, { d: 1, trueX: Float64Array.of(0), p: Float64Array.of(1), genX: Float64Array.of(start), pTilde: Float64Array.of(1) }, steps);
      for (let i = 0; i < k; i++) { line.step(); ref.step(); }
      expect(Math.abs(line.x - ref.x[0]!)).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(start)));
      const probe = Float64Array.of(0.37 * start + 0.1);
      expect(Math.abs(line.value(probe[0]!) - ref.f.value(probe))).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(ref.f.value(probe))));
    });

  test('in d = 2 the exact dynamics keep a point started on an axis on that axis', () => {
    const ref = new FunctionSpaceIpm(rbfKernel(2), { d: 2, trueX: Float64Array.of(0, 0), p: Float64Array.of(1), genX: Float64Array.of(5, 0), pTilde: Float64Array.of(1) }, { lambda: 0.01, etaD: 0.01, etaG: 0.01 });
    const line = new LineRbf({ widths: [2], lambda: 0.01, etaD: 0.01, etaG: 0.01, start: 5 });
    for (let i = 0; i < 300; i++) { ref.step(); line.step(); }
    expect(ref.x[1]).toBe(0);
    expect(Math.abs(ref.x[0]! - line.x)).toBeLessThan(1e-10);
  });

  test('bad input names the argument', () => {
    expect(() => new LineRbf({ widths: [], lambda: 0, etaD: 1, etaG: 1, start: 0 })).toThrow(/widths/);
    expect(() => new LineRbf({ widths: [1], lambda: -1, etaD: 1, etaG: 1, start: 0 })).toThrow(/lambda/);
    expect(() => new LineRbf({ widths: [1], lambda: 0, etaD: 1, etaG: 1, start: NaN })).toThrow(/start/);
  });
});
