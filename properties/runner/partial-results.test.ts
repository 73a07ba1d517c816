/** PartialResults: what a killed run leaves is read back exactly, under the same settings only. */
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PartialResults, PARTIAL_FILE, type RunSettings } from '../../src/runner/partial-results.ts';
import type { ClaimResult } from '../../src/runner/result.ts';

const settings: RunSettings = { globalSeed: 7, runs: null, claimFiles: [], impls: [], options: { backend: 'auto' } };
const result = (id: string, note: string): ClaimResult => ({
  id, tier: 'fast', kind: 'property', expect: 'holds', status: 'holds', passed: true, seed: 1, globalSeed: 7, numRuns: 3, evidence: { note }, durationMs: 5, replay: `gan-claims replay ${id} --seed 7`,
});

describe('PartialResults', () => {
  test('results survive a torn last line; the last result per id wins; finish removes the record', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'partial-'));
    const p = PartialResults.start(dir, settings);
    p.add(result('a.one', 'first'));
    p.add(result('b.two', 'only'));
    p.add(result('a.one', 'second'));
    appendFileSync(path.join(dir, PARTIAL_FILE), '{"id":"c.thr'); // killed mid-write
    const { partial, done } = PartialResults.resume(dir, settings);
    expect(done.map((r) => [r.id, r.evidence['note']])).toEqual([['a.one', 'second'], ['b.two', 'only']]);
    partial.add(result('c.three', 'new'));
    expect(readFileSync(partial.file, 'utf8')).toContain('"c.three"');
    partial.finish();
    expect(existsSync(path.join(dir, PARTIAL_FILE))).toBe(false);
  });

  test('a resume under other settings, or with nothing to resume, is a usage error', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'partial-'));
    expect(() => PartialResults.resume(dir, settings)).toThrow(/--resume: no partial\.jsonl/);
    PartialResults.start(dir, settings).add(result('a.one', 'x'));
    expect(() => PartialResults.resume(dir, { ...settings, globalSeed: 8 })).toThrow(/--resume: .*other settings/);
    expect(() => PartialResults.resume(dir, { ...settings, runs: 10 })).toThrow(/other settings/);
    expect(PartialResults.resume(dir, { ...settings }).done).toHaveLength(1);
  });
});
