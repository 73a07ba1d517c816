/** `gan-claims merge <dir…>`: joins shard reports (same global seed) into one report directory. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReport, summarize, type Report } from '../report/report.ts';
import { writeReportDir } from '../report/write.ts';
import { UsageError } from '../runner/usage-error.ts';
import { DEFAULT_OUT } from './run-command.ts';

export async function mergeCommand(dirs: string[], flags: { out?: string; json?: boolean }): Promise<number> {
  const reports = dirs.map((d) => {
    const f = path.join(d, 'report.json');
    if (!existsSync(f)) throw new UsageError(`merge: no report.json in ${d}`);
    return parseReport(readFileSync(f, 'utf8'), f);
  });
  const seeds = new Set(reports.map((r) => r.globalSeed));
  if (seeds.size > 1) throw new UsageError(`merge: reports have different global seeds (${[...seeds].join(', ')})`);
  const byId = new Map<string, Report['results'][number]>();
  for (const r of reports) {
    for (const res of r.results) {
      if (byId.has(res.id)) throw new UsageError(`merge: claim ${res.id} appears in more than one report`);
      byId.set(res.id, res);
    }
  }
  const results = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  const first = reports[0]!;
  const merged: Report = {
    ...first,
    startedAt: reports.map((r) => r.startedAt).sort()[0]!,
    durationMs: Math.max(...reports.map((r) => r.durationMs)),
    settings: { ...first.settings, shard: undefined },
    summary: summarize(results),
    results,
  };
  const out = path.resolve(flags.out ?? DEFAULT_OUT);
  await writeReportDir(merged, out);
  if (flags.json) process.stdout.write(`${JSON.stringify(merged)}\n`);
  else process.stdout.write(`merged ${reports.length} report(s): ${merged.summary.passed} of ${merged.summary.total} claims as expected · report in ${out}\n`);
  return merged.summary.failed === 0 ? 0 : 1;
}
