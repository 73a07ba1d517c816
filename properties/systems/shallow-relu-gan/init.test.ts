/**
 * He initialisation scaled by α (src/systems/shallow-relu-gan/init.ts, 000 §5 "scale of
 * initialization"): W and b ~ N(0, 2α²/d), V ~ N(0, 2α²/H), c = 0. Each group's sample variance over
 * N entries has relative standard deviation √(2/N); the bounds are 6 of those (a false alarm about
 * once in 5·10⁸ groups), so a wrong fan-in (V scaled by d instead of H) or a missing α is seen.
 */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Rng } from '../../../src/random/rng.ts';
import { heInit, shallowNet, vShapeInit } from '../../../src/systems/shallow-relu-gan/index.ts';

function meanSquare(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return s / v.length;
}

function expectVariance(v: Float64Array, variance: number): void {
  const tol = 6 * Math.sqrt(2 / v.length);
  expect(Math.abs(meanSquare(v) / variance - 1)).toBeLessThan(tol);
}

describe('He initialisation × α', () => {
  test.prop([fc.integer({ min: 1, max: 4 }), fc.integer({ min: 200, max: 800 }), fc.integer({ min: 1, max: 3 }), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 30 })(
    'W, b ~ N(0, 2α²/d), V ~ N(0, 2α²/H), c = 0', (d, H, D, alpha, seed) => {
      const net = heInit(shallowNet(d, H, D), new Rng(seed), alpha);
      expectVariance(net.W, (2 * alpha * alpha) / d);
      expectVariance(net.b, (2 * alpha * alpha) / d);
      expectVariance(net.V, (2 * alpha * alpha) / H);
      expect(Array.from(net.c)).toEqual(new Array(D).fill(0));
    });
  test.prop([fc.integer({ min: 400, max: 800 }), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 20 })(
    'V-shape: He weights, zero hidden biases, |V| with E V² = 2α²/H', (H, alpha, seed) => {
      const net = vShapeInit(shallowNet(1, H, 1), new Rng(seed), alpha);
      expectVariance(net.W, 2 * alpha * alpha);
      expect(net.b.every((x) => x === 0)).toBe(true);
      expect(net.V.every((x) => x >= 0)).toBe(true);
      expectVariance(net.V, (2 * alpha * alpha) / H);
    });
});
