/**
 * The nightly workflow is valid GitHub Actions (GitHub's own parser and schema,
 * @actions/workflow-parser, as the Actions VS Code extension uses), and it runs what the README
 * says: a matrix of `--shard i/N` jobs whose N matches the matrix, then a merge of all of them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';

const root = path.resolve(import.meta.dirname, '../..');
const file = '.github/workflows/nightly.yml';

function lint(content: string) {
  const r = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  return { r, errors: r.context.errors.getErrors().map((e) => e.message) };
}

test('nightly.yml passes the workflow parser and has plan → shard matrix → merge', async () => {
  const content = readFileSync(path.join(root, file), 'utf8');
  const { r, errors } = lint(content);
  expect(errors).toEqual([]);
  const wf = await convertWorkflowTemplate(r.context, r.value!);
  expect(r.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  const ids = wf.jobs.map((j) => j.id.value);
  expect(ids).toEqual(['plan', 'shard', 'merge']);
  // The matrix covers shards 1..N with N = env.SHARDS, so no shard's units go missing from the merge.
  const n = Number(/SHARDS: '(\d+)'/.exec(content)![1]);
  expect(content).toContain(`shard: [${Array.from({ length: n }, (_, i) => i + 1).join(', ')}]`);
  expect(content).toMatch(/gan-claims\.mjs run --tier slow .*--shard "\$\{\{ matrix\.shard \}\}\/\$SHARDS"/);
  expect(content).toMatch(/gan-claims\.mjs merge shards\/shard-\*/);
});

test('the linter catches a broken workflow (a job without runs-on, an unknown key)', () => {
  const broken = `on: push\njobs:\n  a:\n    steps:\n      - run: echo hi\n    runz-on: ubuntu-latest\n`;
  expect(lint(broken).errors.length).toBeGreaterThan(0);
});
