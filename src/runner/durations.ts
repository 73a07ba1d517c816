/**
 * Recorded durations (fixtures/durations.json): what `--shard` balances on and `gan-claims plan`
 * predicts from. Milliseconds of one core's work, keyed by claim id and by `<claim id>#<unit label>`;
 * refreshed from a finished run with `--record-durations` (run or merge). A claim or unit never
 * recorded has no estimate, and sharding falls back to the round-robin order for it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ClaimResult } from './result.ts';
import type { UnitResult } from './run-claim.ts';
import { UsageError } from './usage-error.ts';

export interface Durations {
  version: 1;
  /** Where the numbers come from (machine, date, which reports). */
  note: string;
  claims: Record<string, number>;
  units: Record<string, number>;
}

/** The package's committed record (src/runner → ../../fixtures, the same from dist/runner). */
export const DEFAULT_DURATIONS = fileURLToPath(new URL('../../fixtures/durations.json', import.meta.url));

export function emptyDurations(): Durations {
  return { version: 1, note: '', claims: {}, units: {} };
}

export function loadDurations(file: string = DEFAULT_DURATIONS, required = false): Durations {
  if (!existsSync(file)) {
    if (required) throw new UsageError(`--durations: no such file: ${file}`);
    return emptyDurations();
  }
  const d = JSON.parse(readFileSync(file, 'utf8')) as Partial<Durations>;
  if (d.version !== 1 || typeof d.claims !== 'object' || typeof d.units !== 'object') throw new UsageError(`--durations: ${file} is not a durations record (version 1 with claims and units)`);
  return d as Durations;
}

export const unitDurationKey = (id: string, label: string) => `${id}#${label}`;

/**
 * Estimated cost of a claim, or of one of its `unitCount` units: the unit's own record, else the
 * claim's record shared evenly among its units (units of one claim are alike by construction).
 */
export function estimateMs(d: Durations, id: string, unit?: { label: string; count: number }): number | undefined {
  if (unit) return d.units[unitDurationKey(id, unit.label)] ?? (d.claims[id] !== undefined ? d.claims[id]! / unit.count : undefined);
  return d.claims[id];
}

/** The record updated with a run's results (whole claims and their units). */
export function recordDurations(d: Durations, results: readonly ClaimResult[], pendingUnits: readonly UnitResult[], note: string): Durations {
  const out: Durations = { version: 1, note, claims: { ...d.claims }, units: { ...d.units } };
  for (const r of results) {
    if (r.status === 'error' || r.status === 'skipped') continue;
    out.claims[r.id] = Math.round(r.durationMs);
    for (const u of r.units ?? []) out.units[unitDurationKey(r.id, u.label)] = Math.round(u.durationMs);
  }
  for (const u of pendingUnits) if (!u.error) out.units[unitDurationKey(u.id, u.label)] = Math.round(u.durationMs);
  const sorted = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  return { ...out, claims: sorted(out.claims), units: sorted(out.units) };
}

export function saveDurations(file: string, d: Durations): void {
  writeFileSync(file, `${JSON.stringify(d, null, 1)}\n`);
}
