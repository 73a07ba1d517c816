/**
 * `gan-claims run … --seeds N`: the selected claims under N global seeds; writes stability.json,
 * stability.md and junit.xml (one case per claim, failed when any seed disagreed with `expect`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import junitPkg, { type Builder } from 'junit-report-builder';
import type { Claim } from '../claims/claim.ts';
import { renderStabilityMarkdown } from '../report/stability-markdown.ts';
import { runMany } from '../runner/run-many.ts';
import type { ClaimResult } from '../runner/result.ts';
import { buildStability, claimStability, parseSeeds, type StabilityReport } from '../runner/stability.ts';
import type { ClaimTask } from '../runner/task.ts';

const junitRoot = ((junitPkg as unknown as { default?: Builder }).default ?? junitPkg) as Builder;

export interface StabilityInput {
  selected: Claim[];
  patterns: string[];
  tier: string;
  globalSeed: number;
  seedsSpec: string;
  runs?: number;
  workers: number;
  out: string;
  junit?: string;
  json?: boolean;
  task: Omit<ClaimTask, 'id' | 'globalSeed'>;
}

export async function stabilityCommand(i: StabilityInput): Promise<number> {
  const started = new Date();
  const seeds = parseSeeds(i.seedsSpec, i.globalSeed);
  const log = i.json ? process.stderr : process.stdout;
  log.write(`gan-claims stability · ${seeds.length} global seed(s) derived from ${i.globalSeed} · ${i.selected.length} claim(s) · tier ${i.tier} · ${i.workers} worker(s)\n`);
  // Claim-major task order: a claim's seeds finish close together, so its line prints early.
  const tasks: ClaimTask[] = i.selected.flatMap((c) => seeds.map((globalSeed) => ({ ...i.task, id: c.id, globalSeed })));
  const pending = new Map(i.selected.map((c) => [c.id, [] as ClaimResult[]]));
  const width = Math.max(8, ...i.selected.map((c) => c.id.length));
  const results = await runMany(tasks, {
    workers: i.workers,
    onResult: (r) => {
      const got = pending.get(r.id)!;
      got.push(r);
      if (got.length === seeds.length) {
        const s = claimStability(got);
        const ok = s.agreed === s.seeds;
        const tally = Object.entries(s.statuses).map(([k, v]) => `${v} ${k}`).join(', ');
        log.write(`${ok ? '✓' : '✗'} ${s.id.padEnd(width)}  ${String(s.agreed).padStart(4)}/${s.seeds} as expected (${s.expect})  ${tally}\n`);
        if (!ok) log.write(`    first disagreement: seed ${s.firstDisagreement!.globalSeed}, ${s.firstDisagreement!.status}${s.firstDisagreement!.message ? `: ${s.firstDisagreement!.message.split('\n')[0]}` : ''}\n    replay: ${s.firstDisagreement!.replay}\n`);
      }
    },
  });
  // Per claim, in seed order (results come back in task order).
  const byClaim = i.selected.map((_c, k) => results.slice(k * seeds.length, (k + 1) * seeds.length));
  const report: StabilityReport = buildStability(byClaim, i.globalSeed, seeds, started, {
    patterns: i.patterns, tier: i.tier, ...(i.runs ? { runs: i.runs } : {}), seedsSpec: i.seedsSpec, workers: i.workers,
  });
  await mkdir(i.out, { recursive: true });
  await writeFile(path.join(i.out, 'stability.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(i.out, 'stability.md'), renderStabilityMarkdown(report));
  writeStabilityJunit(report, i.junit ?? path.join(i.out, 'junit.xml'));
  const s = report.summary;
  log.write(`\n${s.stable} of ${s.claims} claims gave their expected verdict on all ${seeds.length} seeds (${s.disagreements} disagreement(s) in ${s.runs} runs) · report in ${path.relative(process.cwd(), i.out) || '.'}/stability.md\n`);
  if (i.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  return s.unstable === 0 ? 0 : 1;
}

function writeStabilityJunit(r: StabilityReport, file: string): void {
  const b = junitRoot.newBuilder();
  const suite = b.testSuite().name('gan-claims.stability').property('globalSeed', String(r.globalSeed)).property('seeds', r.seeds.join(','));
  for (const c of r.claims) {
    const tc = suite.testCase().className('gan-claims.stability').name(`${c.id} (${c.expect})`).time(c.durationMs.median * c.seeds / 1000);
    if (c.firstDisagreement) tc.failure(`${c.agreed}/${c.seeds} seeds as expected; first disagreement: seed ${c.firstDisagreement.globalSeed}, ${c.firstDisagreement.status}; replay: ${c.firstDisagreement.replay}`);
  }
  b.writeTo(file);
}
