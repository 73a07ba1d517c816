/** Validation of CLI option values: each bad value is a UsageError naming the option (exit 2). */
import os from 'node:os';
import type { TierSelection } from '../claims/registry.ts';
import { DEFAULT_SEED } from '../random/seed.ts';
import { UsageError } from '../runner/usage-error.ts';

export const TIERS = ['fast', 'slow', 'gpu', 'all'] as const;
export const BACKENDS = ['auto', 'tensorflow', 'webgpu', 'wasm', 'cpu'] as const;

export function parseTier(v: string | undefined): TierSelection {
  const t = v ?? 'fast';
  if (!(TIERS as readonly string[]).includes(t)) throw new UsageError(`--tier: expected one of ${TIERS.join(', ')}, got '${t}'`);
  return t as TierSelection;
}

/** `--seed N` (integer in [0, 2⁵³)) or `--seed random` (drawn here, then printed like any seed). */
export function parseSeed(v: string | undefined): number {
  if (v === undefined) return DEFAULT_SEED;
  if (v === 'random') return Math.floor(Math.random() * 2 ** 31);
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) throw new UsageError(`--seed: expected a non-negative integer or 'random', got '${v}'`);
  return Number(v);
}

export function parsePositiveInt(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1 || !Number.isSafeInteger(Number(v))) throw new UsageError(`${name}: expected a positive integer, got '${v}'`);
  return Number(v);
}

export function parseWorkers(v: string | undefined): number {
  return parsePositiveInt('--workers', v) ?? Math.max(1, os.availableParallelism());
}

export function parseBackend(v: string | undefined): string {
  const b = v ?? 'auto';
  if (!(BACKENDS as readonly string[]).includes(b)) throw new UsageError(`--backend: expected one of ${BACKENDS.join(', ')}, got '${b}'`);
  return b;
}

/** Commander's repeatable option collector. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
