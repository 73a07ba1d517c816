/**
 * report.json: the stable, versioned record of one run. Same global seed ⇒ same `results`
 * (timings and `machine` aside) on any machine; `merge` joins shard reports.
 */
import os from 'node:os';
import type { ClaimResult } from '../runner/result.ts';
import type { UnitResult } from '../runner/run-claim.ts';

export const REPORT_SCHEMA = 'gan-claims/report';
export const REPORT_VERSION = 1;

export interface Machine {
  node: string;
  platform: string;
  arch: string;
  cpus: number;
  cpuModel: string;
}

export interface RunSettings {
  patterns: string[];
  tier: string;
  runs?: number;
  shard?: string;
  workers: number;
  claimFiles: string[];
  impls: string[];
  options: Record<string, string>;
}

export interface Summary {
  total: number;
  passed: number;
  failed: number;
  holds: number;
  refuted: number;
  /** Statistical or reproduction claims whose test decided neither way. */
  notShown: number;
  error: number;
  skipped: number;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  version: typeof REPORT_VERSION;
  globalSeed: number;
  startedAt: string;
  durationMs: number;
  machine: Machine;
  settings: RunSettings;
  summary: Summary;
  results: ClaimResult[];
  /**
   * A shard's results for claims whose other units ran in other shards (not yet reduced, not in
   * `results` or the summary); `gan-claims merge` joins them and reduces each claim.
   */
  pendingUnits?: UnitResult[];
}

export function machineInfo(): Machine {
  const cpus = os.cpus();
  return { node: process.version, platform: process.platform, arch: process.arch, cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown' };
}

export function summarize(results: readonly ClaimResult[]): Summary {
  const count = (s: ClaimResult['status']) => results.filter((r) => r.status === s).length;
  const passed = results.filter((r) => r.passed).length;
  return {
    total: results.length, passed, failed: results.length - passed,
    holds: count('holds'), refuted: count('refuted'), notShown: count('not-shown'), error: count('error'), skipped: count('skipped'),
  };
}

export function buildReport(
  results: ClaimResult[], globalSeed: number, startedAt: Date, settings: RunSettings, pendingUnits: UnitResult[] = [],
): Report {
  return {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    globalSeed,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    machine: machineInfo(),
    settings,
    summary: summarize(results),
    results,
    ...(pendingUnits.length > 0 ? { pendingUnits } : {}),
  };
}

/** Validates a parsed report.json (used by merge and show); throws naming the file. */
export function parseReport(text: string, file: string): Report {
  let r: unknown;
  try {
    r = JSON.parse(text);
  } catch (e) {
    throw new RangeError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const o = r as Partial<Report>;
  if (o?.schema !== REPORT_SCHEMA) throw new RangeError(`${file}: not a gan-claims report (schema ${String(o?.schema)})`);
  if (o.version !== REPORT_VERSION) throw new RangeError(`${file}: report version ${String(o.version)} is not supported (expected ${REPORT_VERSION})`);
  if (!Array.isArray(o.results)) throw new RangeError(`${file}: report has no results array`);
  return o as Report;
}
