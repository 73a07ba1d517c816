import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { BackendError, initBackend, parseBackend } from '../../src/tf/backend.ts';

test('parseBackend accepts the five names and rejects others with a RangeError naming the choices', () => {
  for (const b of ['auto', 'tensorflow', 'webgpu', 'wasm', 'cpu']) expect(parseBackend(b)).toBe(b);
  expect(parseBackend(undefined)).toBe('auto');
  expect(() => parseBackend('cuda')).toThrow(RangeError);
  expect(() => parseBackend('cuda')).toThrow(/auto, tensorflow, webgpu, wasm, cpu/);
});

test('a backend that cannot initialise is a BackendError with a one-line reason', async () => {
  let hasNode = true;
  try { createRequire(import.meta.url).resolve('@tensorflow/tfjs-node'); } catch { hasNode = false; }
  if (hasNode) return; // tfjs-node is optional; where it is installed this case does not arise
  const e = await initBackend('tensorflow').catch((x: unknown) => x);
  expect(e).toBeInstanceOf(BackendError);
  expect((e as Error).message).toMatch(/tfjs-node/);
  expect((e as Error).message.split('\n')).toHaveLength(1);
});

test('auto picks a backend that runs and records what it passed over', async () => {
  const info = await initBackend('auto');
  expect(['tensorflow', 'webgpu', 'wasm', 'cpu']).toContain(info.name);
  if (info.name !== 'tensorflow') expect(info.skipped.map((s) => s.name)).toContain('tensorflow');
});
