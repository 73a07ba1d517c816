/** LiveTable off a TTY: plain result lines, and a claim's progress at most once per interval. */
import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { LiveTable } from '../../src/cli/live-table.ts';
import type { ClaimResult } from '../../src/runner/result.ts';

function capture() {
  const s = new PassThrough();
  let text = '';
  s.on('data', (d) => { text += String(d); });
  return { s, text: () => text };
}

const done: ClaimResult = { id: 'x.slow', tier: 'slow', kind: 'statistical', expect: 'holds', status: 'holds', passed: true, seed: 1, globalSeed: 1, numRuns: 4, evidence: {}, durationMs: 1234, replay: '' };

describe('LiveTable (non-TTY)', () => {
  test('progress lines are rate-limited per claim; results are always printed', async () => {
    const quiet = capture();
    const t1 = new LiveTable(quiet.s, 8, 3_600_000);
    t1.start('x.slow');
    t1.progress('x.slow', '10/100 runs');
    t1.result(done);
    const chatty = capture();
    const t2 = new LiveTable(chatty.s, 8, 0);
    t2.start('x.slow');
    t2.progress('x.slow', '10/100 runs');
    t2.progress('x.slow', '20/100 runs');
    t2.result(done);
    await new Promise((r) => setImmediate(r));
    expect(quiet.text()).not.toContain('10/100');
    expect(quiet.text()).toMatch(/✓ x\.slow +holds/);
    expect(chatty.text()).toContain('  … x.slow: 10/100 runs\n  … x.slow: 20/100 runs\n');
    expect(chatty.text()).not.toContain('\x1b[K');
  });
});
