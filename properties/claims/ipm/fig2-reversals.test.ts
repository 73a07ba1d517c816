/** The oscillation counter of ipm.fig2 against hand-made sequences (it once returned 0 for everything). */
import { expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { countReversals } from '../../../src/claims/ipm/fig2.ts';

test('zig-zags, monotone runs and sub-threshold wiggles', () => {
  expect(countReversals([0, 1, 0, 1, 0], 0.05)).toBe(3);
  expect(countReversals([1.12, 0.77, 0.87, 0.7, 0.96, 0.85], 0.05)).toBe(4);
  expect(countReversals([0, 0.5, 1, 2], 0.05)).toBe(0);
  expect(countReversals([0, 0.04, 0, 0.04, 0], 0.05)).toBe(0);
  expect(countReversals([], 0.05)).toBe(0);
});

test.prop([fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { maxLength: 40 })])('a monotone sequence has none; reversing time keeps the count', (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  expect(countReversals(sorted, 0.05)).toBe(0);
  expect(countReversals([...xs].reverse(), 0.05)).toBe(countReversals(xs, 0.05));
});
