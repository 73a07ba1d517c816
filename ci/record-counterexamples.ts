/**
 * Records the shrunk counterexample of every claim registered as `expect: 'refuted'` (a printed
 * statement found wrong) to fixtures/counterexamples/<id>.json, at the default global seed.
 * `npx tsx ci/record-counterexamples.ts [ids…]`; a test checks every refuted claim has one.
 * `--from <file>` records from results already computed instead of re-running (a report.json, or one
 * claim's result as fixtures/ib/slow/<id>.json stores it) — for slow claims that took half an hour.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registry } from '../src/claims/registry.ts';
import { runClaim } from '../src/runner/run-claim.ts';
import { DEFAULT_SEED } from '../src/random/seed.ts';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/counterexamples');
mkdirSync(dir, { recursive: true });
const args = process.argv.slice(2);
const fromAt = args.indexOf('--from');
const fromFile = fromAt >= 0 ? args[fromAt + 1] : undefined;
if (fromAt >= 0 && !fromFile) throw new RangeError('record-counterexamples: --from needs a file');
const only = args.filter((_, i) => fromAt < 0 || (i !== fromAt && i !== fromAt + 1));
type Result = Awaited<ReturnType<typeof runClaim>>;
const precomputed = new Map<string, Result>();
if (fromFile) {
  const j = JSON.parse(readFileSync(fromFile, 'utf8')) as { results?: Result[] } & Result;
  for (const r of j.results ?? [j]) precomputed.set(r.id, r);
}
for (const c of registry.filter((x) => x.expect === 'refuted' && (only.length === 0 || only.includes(x.id)) && (!fromFile || precomputed.has(x.id)))) {
  const r = precomputed.get(c.id) ?? await runClaim(c, { globalSeed: DEFAULT_SEED });
  if (r.globalSeed !== DEFAULT_SEED) {
    console.error(`${c.id}: result is for global seed ${r.globalSeed}, not the default ${DEFAULT_SEED}; not recorded`);
    process.exitCode = 1;
    continue;
  }
  if (r.status !== 'refuted') {
    console.error(`${c.id}: expected refuted, got ${r.status}; not recorded`);
    process.exitCode = 1;
    continue;
  }
  const record = {
    id: c.id, source: c.source, statement: c.statement, globalSeed: DEFAULT_SEED, seed: r.seed, path: r.path,
    counterexample: r.counterexample, counterexampleText: r.counterexampleText, message: r.message ?? (c.notes ? `not reproduced: ${c.notes}` : undefined),
    evidence: r.evidence, replay: r.replay, corrected: registry.some((x) => x.id === `${c.id}.corrected`) ? `${c.id}.corrected` : undefined,
    recordedWith: fromFile ? `npx tsx ci/record-counterexamples.ts --from ${fromFile}` : 'npx tsx ci/record-counterexamples.ts',
  };
  writeFileSync(path.join(dir, `${c.id}.json`), `${JSON.stringify(record, null, 2)}\n`);
  console.log(`${c.id}: ${record.message}`);
}
