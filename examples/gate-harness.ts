/**
 * The gating contract of one system, as vitest tests (used by every examples/<system>-gate/):
 *
 * - a correct, independently written implementation gives every fast claim that reads the system
 *   its registered verdict (what a user's CI sees when their code is right);
 * - each buggy implementation (a realistic bug: a sign, a missing 1/√n, an off-by-one in a step) is
 *   caught: every claim named in `caughtBy` comes out refuted, with a shrunk counterexample for a
 *   property, and a replay command that names the `--impl` the user passed.
 *
 * These are permanent mutant tests: a claim that stops catching a bug fails the build.
 */
import { describe, expect, test } from 'vitest';
import { registry, runClaim, DEFAULT_SEED, type Claim } from 'gan-claims';

export interface GateImpl {
  /** Repository-relative path, as a user would pass it to `--impl <system>=<file>`. */
  file: string;
  impl: unknown;
}

export interface BuggyImpl extends GateImpl {
  /** The bug, in words (shown in the test name). */
  bug: string;
  /** Claims (registered `expect: 'holds'`) that must come out refuted on this implementation. */
  caughtBy: string[];
}

export interface GateSpec {
  system: string;
  correct: GateImpl;
  buggy: BuggyImpl[];
  /** Other systems' implementations to supply at the same time (default: the built-ins). */
  with?: Record<string, GateImpl>;
  /** Instances per property claim for the correct implementation (default: the claim's own). */
  runs?: number;
  /** Which claims the correct implementation must pass (default: every fast claim reading `system`). */
  select?: (c: Claim) => boolean;
}

function readsSystem(c: Claim, system: string): boolean {
  return (c.systems ?? []).includes(system);
}

export function gateTests(spec: GateSpec): void {
  const { system } = spec;
  const claims = registry.filter(spec.select ?? ((c) => c.tier === 'fast' && readsSystem(c, system)));
  const others = Object.entries(spec.with ?? {});
  const impls = (impl: unknown) => ({ ...Object.fromEntries(others.map(([s, g]) => [s, g.impl])), [system]: impl });
  const specs = (file: string) => [...others.map(([s, g]) => `${s}=${g.file}`), `${system}=${file}`];

  describe(`gating the ${system} system`, () => {
    test('fast claims read it through ctx.impl', () => {
      expect(claims.length, `no fast claim declares systems: ['${system}']`).toBeGreaterThan(0);
      for (const c of claims) expect(readsSystem(c, system), c.id).toBe(true);
    });

    for (const c of claims) {
      test(`${spec.correct.file}: ${c.id} ${c.expect}`, async () => {
        const r = await runClaim(c, { globalSeed: DEFAULT_SEED, runs: c.type === 'property' ? spec.runs : undefined, impls: impls(spec.correct.impl), implSpecs: specs(spec.correct.file) });
        expect(r.status, `${c.id} on the correct ${system}: ${r.message ?? ''}\n  counterexample: ${r.counterexampleText ?? ''}\n  replay: ${r.replay}`).toBe(c.expect);
      });
    }

    for (const b of spec.buggy) {
      test(`${b.file} (${b.bug}) is caught by ${b.caughtBy.join(', ')}`, async () => {
        expect(b.caughtBy.length).toBeGreaterThan(0);
        for (const id of b.caughtBy) {
          const c = registry.find((x) => x.id === id);
          expect(c, `unknown claim ${id}`).toBeDefined();
          expect(c!.expect, `${id} must be a claim registered to hold`).toBe('holds');
          expect(readsSystem(c!, system), `${id} does not read ${system} through ctx.impl`).toBe(true);
          const r = await runClaim(c!, { globalSeed: DEFAULT_SEED, impls: impls(b.impl), implSpecs: specs(b.file) });
          expect(r.status, `${id} did not catch "${b.bug}": ${r.message ?? ''}`).toBe('refuted');
          if (c!.type === 'property') expect(r.counterexample, `${id}: no counterexample`).toBeDefined();
          expect(r.replay).toContain(`--impl ${system}=${b.file}`);
        }
      });
    }
  });
}
