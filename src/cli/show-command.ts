/** `gan-claims show <id>`: source, statement, check, and the last known result from a report. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReport } from '../report/report.ts';
import { allClaims } from '../runner/load.ts';
import { UsageError } from '../runner/usage-error.ts';
import { DEFAULT_OUT } from './run-command.ts';

export async function showCommand(id: string, flags: { out?: string; claims?: string[] }): Promise<number> {
  const claim = (await allClaims(flags.claims ?? [])).find((c) => c.id === id);
  if (!claim) throw new UsageError(`show: unknown claim id '${id}' (see 'gan-claims list')`);
  const p = (s: string) => process.stdout.write(`${s}\n`);
  p(`${claim.id}  [${claim.tier} · ${claim.kind} · expect ${claim.expect}]`);
  p(`source:    ${claim.source.paper}, ${claim.source.where}`);
  p(`statement: ${claim.statement}`);
  p(`check:     ${claim.checks}`);
  if (claim.notes) p(`notes:     ${claim.notes}`);
  if (claim.systems) p(`systems:   ${claim.systems.join(', ')} (replaceable with --impl)`);
  if (claim.exercises) p(`exercises: ${claim.exercises.join(', ')} (built-in only)`);
  const file = path.resolve(flags.out ?? DEFAULT_OUT, 'report.json');
  const last = existsSync(file) ? parseReport(readFileSync(file, 'utf8'), file).results.find((r) => r.id === id) : undefined;
  if (!last) {
    p(`last result: none in ${path.relative(process.cwd(), file)}`);
    return 0;
  }
  p(`last result: ${last.status} (${last.passed ? 'as expected' : `expected ${last.expect}`}), ${last.numRuns} runs, ${(last.durationMs / 1000).toFixed(2)} s, global seed ${last.globalSeed}`);
  if (last.message) p(`  ${last.message}`);
  if (last.counterexampleText) p(`  counterexample: ${last.counterexampleText}`);
  p(`  replay: ${last.replay}`);
  p(`  evidence: ${JSON.stringify(last.evidence)}`);
  return 0;
}
