import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { registry } from '../../src/claims/registry.ts';

const dir = path.resolve(import.meta.dirname, '../../fixtures/counterexamples');

test('every claim registered as refuted keeps its shrunk counterexample in fixtures/counterexamples', () => {
  for (const c of registry.filter((x) => x.expect === 'refuted')) {
    const file = path.join(dir, `${c.id}.json`);
    expect(existsSync(file), `${file} missing: run npx tsx ci/record-counterexamples.ts ${c.id}`).toBe(true);
    const rec = JSON.parse(readFileSync(file, 'utf8')) as { id?: string; counterexample?: unknown; replay?: string; message?: string };
    expect(rec.id ?? c.id).toBe(c.id);
    expect(rec.counterexample ?? rec.message, `${c.id}: fixture has neither counterexample nor message`).toBeDefined();
  }
});
