/**
 * Results of a run as they arrive, one JSON line per finished claim in `<out>/partial.jsonl`, so a
 * run killed after hours (a nightly slow tier, a preempted CI job) keeps what it computed and
 * `gan-claims run … --resume` runs only what is missing. The first line records the settings the
 * results depend on; a resume under other settings is refused (results are a function of them).
 * The file is removed once the full report is written.
 */
import { appendFileSync, existsSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ClaimResult } from './result.ts';
import type { UnitResult } from './run-claim.ts';
import { UsageError } from './usage-error.ts';

export const PARTIAL_FILE = 'partial.jsonl';

/** Everything besides the claim id that a claim's result depends on. */
export interface RunSettings {
  globalSeed: number;
  runs: number | null;
  claimFiles: string[];
  impls: string[];
  options: Record<string, unknown>;
}

export class PartialResults {
  readonly file: string;

  private constructor(dir: string) {
    this.file = path.join(dir, PARTIAL_FILE);
  }

  /** Starts a fresh record in `dir` (an earlier partial record there is replaced). */
  static start(dir: string, settings: RunSettings): PartialResults {
    const p = new PartialResults(dir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(p.file, `${JSON.stringify({ settings })}\n`);
    return p;
  }

  /**
   * Continues the record in `dir`: returns the results it holds (the last one per id; a torn last
   * line from a killed process is ignored) and appends to it from here on.
   */
  static resume(dir: string, settings: RunSettings): { partial: PartialResults; done: ClaimResult[]; units: UnitResult[] } {
    const p = new PartialResults(dir);
    if (!existsSync(p.file)) throw new UsageError(`--resume: no ${PARTIAL_FILE} in ${dir} (nothing to resume; run without --resume)`);
    const lines = readFileSync(p.file, 'utf8').split('\n').filter((l) => l.trim() !== '');
    const parsed = lines.map((l) => { try { return JSON.parse(l) as unknown; } catch { return undefined; } });
    const head = parsed[0] as { settings?: RunSettings } | undefined;
    if (!head?.settings) throw new UsageError(`--resume: ${p.file} does not start with the run's settings`);
    if (JSON.stringify(head.settings) !== JSON.stringify(settings)) {
      throw new UsageError(`--resume: the results in ${p.file} were computed with other settings (${JSON.stringify(head.settings)}), not ${JSON.stringify(settings)}`);
    }
    const byId = new Map<string, ClaimResult>();
    const units = new Map<string, UnitResult>();
    for (const r of parsed.slice(1)) {
      const u = (r as { unit?: UnitResult } | undefined)?.unit;
      if (u && typeof u.id === 'string') units.set(`${u.id}#${u.index}`, u);
      else if (r && typeof (r as ClaimResult).id === 'string') byId.set((r as ClaimResult).id, r as ClaimResult);
    }
    // A unit that failed is run again on resume (it may have been killed mid-way by the machine).
    return { partial: p, done: [...byId.values()], units: [...units.values()].filter((u) => !u.error) };
  }

  /** Appends one unit's result (a long claim resumes at its first missing unit). */
  addUnit(u: UnitResult): void {
    appendFileSync(this.file, `${JSON.stringify({ unit: u })}\n`);
  }

  /** Appends one result synchronously (it is on disk before the next claim starts). */
  add(r: ClaimResult): void {
    appendFileSync(this.file, `${JSON.stringify(r)}\n`);
  }

  /** The full report is written: the partial record is no longer needed. */
  finish(): void {
    rmSync(this.file, { force: true });
  }
}
