/**
 * Records the shrunk counterexample of every claim registered as `expect: 'refuted'` (a printed
 * statement found wrong) to fixtures/counterexamples/<id>.json, at the default global seed.
 * `npx tsx ci/record-counterexamples.ts [ids…]`; a test checks every refuted claim has one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registry } from '../src/claims/registry.ts';
import { runClaim } from '../src/runner/run-claim.ts';
import { DEFAULT_SEED } from '../src/random/seed.ts';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/counterexamples');
mkdirSync(dir, { recursive: true });
const only = process.argv.slice(2);
for (const c of registry.filter((x) => x.expect === 'refuted' && (only.length === 0 || only.includes(x.id)))) {
  const r = await runClaim(c, { globalSeed: DEFAULT_SEED });
  if (r.status !== 'refuted') {
    console.error(`${c.id}: expected refuted, got ${r.status}; not recorded`);
    process.exitCode = 1;
    continue;
  }
  const record = {
    id: c.id, source: c.source, statement: c.statement, globalSeed: DEFAULT_SEED, seed: r.seed, path: r.path,
    counterexample: r.counterexample, counterexampleText: r.counterexampleText, message: r.message,
    evidence: r.evidence, replay: r.replay, corrected: registry.some((x) => x.id === `${c.id}.corrected`) ? `${c.id}.corrected` : undefined,
    recordedWith: 'npx tsx ci/record-counterexamples.ts',
  };
  writeFileSync(path.join(dir, `${c.id}.json`), `${JSON.stringify(record, null, 2)}\n`);
  console.log(`${c.id}: ${r.message}`);
}
