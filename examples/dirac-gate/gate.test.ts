/**
 * The gating use case, end to end: a user's correct Dirac-GAN passes every dirac.* claim and the
 * user's own claim; the same code with a planted sign error in the regulariser fails the build
 * with a shrunk counterexample and a replay command that reproduces it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { registry, runClaim, DEFAULT_SEED } from 'gan-claims';
import correct from './correct-dirac.ts';
import buggy from './buggy-dirac.ts';
import { energyDissipation } from './my-claims.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dirac = registry.filter((c) => c.id.startsWith('dirac.'));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/gan-claims.mjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('gating a user implementation with the dirac claims', () => {
  test('the correct implementation satisfies every dirac claim and the user claim', async () => {
    for (const c of [...dirac, energyDissipation]) {
      const r = await runClaim(c, { globalSeed: DEFAULT_SEED, impls: { 'dirac-gan': correct } });
      expect(r.status, `${c.id}: ${r.message}`).toBe('holds');
    }
  });

  test('the planted regulariser sign error is caught with a counterexample', async () => {
    const r = await runClaim(dirac.find((c) => c.id === 'dirac.eigs')!, { globalSeed: DEFAULT_SEED, impls: { 'dirac-gan': buggy }, implSpecs: ['dirac-gan=examples/dirac-gate/buggy-dirac.ts'] });
    expect(r.status).toBe('refuted');
    expect(r.counterexampleText).toMatch(/beta/);
    expect(r.replay).toContain('--impl dirac-gan=examples/dirac-gate/buggy-dirac.ts');
    const user = await runClaim(energyDissipation, { globalSeed: DEFAULT_SEED, impls: { 'dirac-gan': buggy } });
    expect(user.status).toBe('refuted');
  });

  test('through the CLI: the build fails (exit 1) and the printed replay command reproduces the counterexample', () => {
    const run = cli(['run', 'dirac.eigs', 'my.dirac.*', '--impl', 'dirac-gan=examples/dirac-gate/buggy-dirac.ts',
      '--claims', 'examples/dirac-gate/my-claims.ts', '--workers', '1', '--json', '--out', path.join(root, 'tmp/gate-report')]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.out) as { results: { id: string; status: string; replay: string; counterexampleText?: string }[] };
    const eigs = report.results.find((x) => x.id === 'dirac.eigs')!;
    expect(eigs.status).toBe('refuted');
    const args = eigs.replay.replace(/^npx gan-claims /, '').match(/'[^']*'|\S+/g)!.map((a) => a.replace(/^'|'$/g, ''));
    const replay = cli([...args, '--json', '--out', path.join(root, 'tmp/gate-replay')]);
    expect(replay.code).toBe(1);
    const again = (JSON.parse(replay.out) as typeof report).results[0]!;
    expect(again.counterexampleText).toBe(eigs.counterexampleText);
  });
});
