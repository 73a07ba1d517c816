/**
 * `gan-claims merge <dir…>`: joins shard reports (same global seed and settings) into the report a
 * single run of the same selection writes: results in registry order, and every claim that was
 * split into units across shards reduced here from its units' results (bit-identical to reducing
 * them in one process: the units' values are stored losslessly). With --partial, claims whose units
 * are not all present are left pending (listed, not reduced), for a later merge with the rest.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReport, summarize, type Report } from '../report/report.ts';
import { writeReportDir } from '../report/write.ts';
import { allClaims } from '../runner/load.ts';
import { runWork } from '../runner/run-many.ts';
import { listUnits, type UnitResult } from '../runner/run-claim.ts';
import { DEFAULT_DURATIONS, loadDurations, recordDurations, saveDurations } from '../runner/durations.ts';
import { UsageError } from '../runner/usage-error.ts';
import { DEFAULT_OUT } from './run-command.ts';

export async function mergeCommand(dirs: string[], flags: { out?: string; json?: boolean; recordDurations?: string | boolean; partial?: boolean }): Promise<number> {
  const reports = dirs.map((d) => {
    const f = path.join(d, 'report.json');
    if (!existsSync(f)) throw new UsageError(`merge: no report.json in ${d}`);
    return parseReport(readFileSync(f, 'utf8'), f);
  });
  const seeds = new Set(reports.map((r) => r.globalSeed));
  if (seeds.size > 1) throw new UsageError(`merge: reports have different global seeds (${[...seeds].join(', ')})`);
  const first = reports[0]!;
  const key = (r: Report) => JSON.stringify({ ...r.settings, shard: undefined, workers: undefined });
  const other = reports.find((r) => key(r) !== key(first));
  if (other) throw new UsageError(`merge: reports were run with different settings (${key(first)} vs ${key(other)})`);
  const byId = new Map<string, Report['results'][number]>();
  for (const r of reports) {
    for (const res of r.results) {
      if (byId.has(res.id)) throw new UsageError(`merge: claim ${res.id} appears in more than one report`);
      byId.set(res.id, res);
    }
  }
  // Claims split across shards: gather their units, check each is complete, reduce.
  const units = new Map<string, UnitResult[]>();
  for (const u of reports.flatMap((r) => r.pendingUnits ?? [])) {
    if (byId.has(u.id)) throw new UsageError(`merge: claim ${u.id} has both a result and unit results`);
    const list = units.get(u.id) ?? [];
    if (list.some((x) => x.index === u.index)) throw new UsageError(`merge: unit ${u.label} of ${u.id} appears in more than one report`);
    units.set(u.id, [...list, u]);
  }
  const claims = await allClaims(first.settings.claimFiles);
  // --partial: a claim with units still missing is not reduced; its units stay pending in the merged
  // report (so merging it later with the remaining shards finishes it) and it is listed as incomplete.
  const incomplete: { id: string; units: number; of: number }[] = [];
  for (const [id, list] of units) {
    const claim = claims.find((c) => c.id === id);
    if (!claim) throw new UsageError(`merge: claim ${id} is not registered (add its --claims file to the shard runs)`);
    const n = listUnits(claim, { globalSeed: first.globalSeed, options: first.settings.options }).length;
    if (list.length !== n) {
      if (flags.partial) {
        incomplete.push({ id, units: list.length, of: n });
        continue;
      }
      const have = new Set(list.map((u) => u.index));
      const missing = Array.from({ length: n }, (_, i) => i).filter((i) => !have.has(i));
      throw new UsageError(`merge: ${id} is missing ${missing.length} of its ${n} units (${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ', …' : ''}): merge every shard's report (or pass --partial)`);
    }
  }
  const pending = new Set(incomplete.map((c) => c.id));
  const ids = [...units.keys()].filter((id) => !pending.has(id));
  const reduced = await runWork(ids.map((id) => ({
    id, globalSeed: first.globalSeed, runs: first.settings.runs, claimFiles: first.settings.claimFiles,
    implSpecs: first.settings.impls, options: first.settings.options, cwd: process.cwd(),
  })), { workers: 1, doneUnits: ids.flatMap((id) => units.get(id)!) });
  for (const r of reduced.results) byId.set(r!.id, r!);
  // Registry order (user claims after built-ins), as a single run of the same selection reports them.
  const order = new Map(claims.map((c, k) => [c.id, k]));
  const results = [...byId.values()].sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) || a.id.localeCompare(b.id));
  const merged: Report = {
    ...first,
    startedAt: reports.map((r) => r.startedAt).sort()[0]!,
    durationMs: Math.max(...reports.map((r) => r.durationMs)),
    settings: { ...first.settings, shard: undefined },
    summary: summarize(results),
    results,
  };
  const stillPending = [...pending].flatMap((id) => units.get(id)!).sort((a, b) => a.id.localeCompare(b.id) || a.index - b.index);
  if (stillPending.length > 0) merged.pendingUnits = stillPending;
  else delete merged.pendingUnits;
  const out = path.resolve(flags.out ?? DEFAULT_OUT);
  await writeReportDir(merged, out);
  if (flags.recordDurations !== undefined && flags.recordDurations !== false) {
    const file = typeof flags.recordDurations === 'string' ? path.resolve(flags.recordDurations) : DEFAULT_DURATIONS;
    saveDurations(file, recordDurations(loadDurations(file), results, stillPending, `recorded by gan-claims merge of ${reports.length} shard report(s), ${merged.startedAt.slice(0, 10)}`));
  }
  if (flags.json) process.stdout.write(`${JSON.stringify(merged)}\n`);
  else {
    process.stdout.write(`merged ${reports.length} report(s): ${merged.summary.passed} of ${merged.summary.total} claims as expected · report in ${out}\n`);
    if (incomplete.length > 0) process.stdout.write(`incomplete (units in shards not merged; kept pending): ${incomplete.map((c) => `${c.id} ${c.units}/${c.of}`).join(', ')}\n`);
  }
  return merged.summary.failed === 0 ? 0 : 1;
}
