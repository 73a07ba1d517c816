/** `gan-claims run` and `gan-claims replay`: run claims, print the live table, write the report. */
import path from 'node:path';
import type { Claim } from '../claims/claim.ts';
import { buildReport, type Report } from '../report/report.ts';
import { writeReportDir } from '../report/write.ts';
import { runWork } from '../runner/run-many.ts';
import { applyShard, parseShard, shardWork, workItems } from '../runner/shard.ts';
import { DEFAULT_DURATIONS, estimateMs, loadDurations, recordDurations, saveDurations } from '../runner/durations.ts';
import type { UnitResult } from '../runner/run-claim.ts';
import { knownSystems, allClaims, parseImplSpec } from '../runner/load.ts';
import type { ClaimTask } from '../runner/task.ts';
import { PartialResults } from '../runner/partial-results.ts';
import type { ClaimResult } from '../runner/result.ts';
import { UsageError } from '../runner/usage-error.ts';
import { LiveTable } from './live-table.ts';
import { stabilityCommand } from './stability-command.ts';
import { parseBackend, parsePositiveInt, parseSeed, parseTier, parseWorkers } from './options.ts';
import { resolveSelection } from './select.ts';

export interface RunFlags {
  tier?: string;
  seed?: string;
  runs?: string;
  workers?: string;
  shard?: string;
  out?: string;
  json?: boolean;
  junit?: string;
  claims?: string[];
  impl?: string[];
  backend?: string;
  path?: string;
  resume?: boolean;
  /** Verdict-stability run: a count N, a range a..b or a list a,b,c of global seeds. */
  seeds?: string;
  /** Durations record that `--shard` balances on (default: the package's fixtures/durations.json). */
  durations?: string;
  /** Update this durations record (true: the default one) from the finished run. */
  recordDurations?: string | boolean;
}

export const DEFAULT_OUT = 'gan-claims-report';

/** Runs the selected claims; returns the process exit code (0 all as expected, 1 otherwise). */
export async function runCommand(patterns: string[], flags: RunFlags, mode: 'run' | 'replay' = 'run'): Promise<number> {
  const started = new Date();
  const tier = mode === 'replay' ? 'all' : parseTier(flags.tier);
  const globalSeed = parseSeed(flags.seed);
  const runs = parsePositiveInt('--runs', flags.runs);
  const workers = parseWorkers(flags.workers);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const claimFiles = flags.claims ?? [];
  const implSpecs = flags.impl ?? [];
  const options = { backend: parseBackend(flags.backend) };
  const systems = knownSystems(await allClaims(claimFiles));
  implSpecs.forEach((s) => parseImplSpec(s, systems));

  let selected: Claim[] = await resolveSelection(patterns, tier, claimFiles);
  if (mode === 'replay') {
    selected = selected.filter((c) => c.id === patterns[0]);
    if (selected.length !== 1) throw new UsageError(`replay: unknown claim id '${patterns[0]}'`);
  }
  if (flags.seeds !== undefined && mode === 'run') {
    selected = applyShard(selected, shard);
    if (flags.resume) throw new UsageError('--seeds: cannot be combined with --resume');
    if (flags.seed !== undefined && flags.seed === 'random') throw new UsageError('--seeds: derive the seeds from a fixed --seed, not random');
    return stabilityCommand({
      selected, patterns, tier, globalSeed, seedsSpec: flags.seeds, ...(runs ? { runs } : {}),
      workers, out: path.resolve(flags.out ?? DEFAULT_OUT), ...(flags.junit ? { junit: path.resolve(flags.junit) } : {}), json: !!flags.json,
      task: { runs, path: flags.path, claimFiles, implSpecs, options, cwd: process.cwd() },
    });
  }

  const durations = loadDurations(flags.durations ? path.resolve(flags.durations) : undefined, flags.durations !== undefined);
  const work = shardWork(workItems(selected, durations, { globalSeed, options }), shard);
  selected = work.map((w) => w.claim);

  // With --json, stdout carries the report JSON only; the table goes to stderr.
  const log = flags.json ? process.stderr : process.stdout;
  const out = path.resolve(flags.out ?? DEFAULT_OUT);
  log.write(`gan-claims ${mode} · global seed ${globalSeed} · ${selected.length} claim(s) · tier ${tier}` +
    `${shard ? ` · shard ${shard.index}/${shard.count}` : ''} · ${Math.min(workers, Math.max(1, selected.length))} worker(s)\n`);
  // Each result goes to <out>/partial.jsonl as it arrives; --resume reuses those of a killed run.
  const settings = { globalSeed, runs: runs ?? null, claimFiles, impls: implSpecs, options };
  let partial: PartialResults;
  let reused: ClaimResult[] = [];
  let reusedUnits: UnitResult[] = [];
  if (flags.resume && mode === 'run') {
    const wanted = new Set(work.map((w) => w.claim.id));
    const r = PartialResults.resume(out, settings);
    partial = r.partial;
    reused = r.done.filter((x) => wanted.has(x.id));
    reusedUnits = r.units.filter((u) => wanted.has(u.id));
    log.write(`resuming: ${reused.length} result(s) and ${reusedUnits.length} unit(s) from ${path.relative(process.cwd(), partial.file)}\n`);
  } else {
    partial = PartialResults.start(out, settings);
  }
  const table = new LiveTable(log, Math.max(8, ...selected.map((c) => c.id.length)));
  for (const r of reused) table.result(r);
  const reusedIds = new Set(reused.map((r) => r.id));
  const tasks: ClaimTask[] = work.filter((w) => !reusedIds.has(w.claim.id)).map((w) => ({
    id: w.claim.id, globalSeed, runs, path: flags.path, claimFiles, implSpecs, options, cwd: process.cwd(), ...(w.units ? { units: w.units } : {}),
  }));
  const outcome = await runWork(tasks, {
    workers,
    doneUnits: reusedUnits,
    estimate: (id, unit) => estimateMs(durations, id, unit),
    onStart: (id) => table.start(id),
    onProgress: (id, m) => table.progress(id, m),
    onResult: (r) => { partial.add(r); table.result(r); },
    onUnit: (u) => partial.addUnit(u),
  });
  table.done();
  // In selection order whichever run computed them, so a resumed report reads like an uninterrupted one.
  const byId = new Map([...reused, ...outcome.results.filter((r) => r !== undefined)].map((r) => [r.id, r]));
  const results = work.map((w) => byId.get(w.claim.id)).filter((r) => r !== undefined);
  // Units of claims shared with other shards: `gan-claims merge` reduces them.
  const pendingUnits: UnitResult[] = tasks.flatMap((t, k) => (t.units ? outcome.units[k]! : []));

  const report: Report = buildReport(results, globalSeed, started, {
    patterns, tier, runs, shard: flags.shard, workers, claimFiles, impls: implSpecs, options,
  }, pendingUnits);
  if (flags.recordDurations !== undefined && flags.recordDurations !== false) {
    const file = typeof flags.recordDurations === 'string' ? path.resolve(flags.recordDurations) : DEFAULT_DURATIONS;
    saveDurations(file, recordDurations(loadDurations(file), results, pendingUnits, `recorded by gan-claims run on ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.startedAt.slice(0, 10)}`));
    log.write(`durations recorded in ${path.relative(process.cwd(), file)}\n`);
  }
  await writeReportDir(report, out, flags.junit ? path.resolve(flags.junit) : undefined);
  partial.finish();
  const s = report.summary;
  const pendingNote = pendingUnits.length > 0 ? ` · ${pendingUnits.length} unit(s) of ${new Set(pendingUnits.map((u) => u.id)).size} claim(s) shared with other shards (gan-claims merge)` : '';
  log.write(`\n${s.passed} of ${s.total} claims as expected (${s.holds} hold, ${s.refuted} refuted, ${s.notShown} not shown, ${s.error} error, ${s.skipped} skipped)${pendingNote} · ` +
    `global seed ${globalSeed} · report in ${path.relative(process.cwd(), out) || '.'}/\n`);
  if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  const unitFailed = pendingUnits.some((u) => u.error);
  return s.failed === 0 && !unitFailed ? 0 : 1;
}
