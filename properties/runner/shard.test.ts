import { expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { applyShard, parseShard } from '../../src/runner/shard.ts';

test.prop([fc.uniqueArray(fc.string(), { maxLength: 60 }), fc.integer({ min: 1, max: 12 })])(
  'the n shards partition the selection: every claim exactly once, order kept, sizes balanced',
  (items, n) => {
    const parts = Array.from({ length: n }, (_, i) => applyShard(items, { index: i + 1, count: n }));
    expect(parts.flat().sort()).toEqual([...items].sort());
    for (const p of parts) {
      const positions = p.map((x) => items.indexOf(x));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    const sizes = parts.map((p) => p.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  },
);

test.prop([fc.string()])('parseShard rejects anything but i/n with 1 ≤ i ≤ n, naming --shard', (s) => {
  fc.pre(!/^\d+\/\d+$/.test(s));
  expect(() => parseShard(s)).toThrow(/--shard/);
});

test('parseShard edge cases', () => {
  expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  expect(() => parseShard('0/3')).toThrow(/--shard/);
  expect(() => parseShard('4/3')).toThrow(/--shard/);
  expect(() => parseShard('1/0')).toThrow(/--shard/);
});
