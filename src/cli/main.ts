/**
 * gan-claims CLI: list | run | show | replay | merge | plan | bench.
 * Exit codes: 0 every selected claim as expected, 1 otherwise, 2 bad usage or bad input (one line
 * on stderr naming the argument).
 */
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../runner/usage-error.ts';
import { listCommand } from './list-command.ts';
import { mergeCommand } from './merge-command.ts';
import { planCommand } from './plan-command.ts';
import { collect, TIERS, BACKENDS } from './options.ts';
import { runCommand, DEFAULT_OUT } from './run-command.ts';
import { showCommand } from './show-command.ts';

function program(): Command {
  const p = new Command('gan-claims')
    .description('Property-based verification of theorems about GAN training dynamics')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `gan-claims: ${s.slice(7)}` : s) })
    .showHelpAfterError(false);
  const claimsOpt = () => new Option('--claims <file>', 'load claim files from your project (repeatable)').argParser(collect);
  const implOpt = () => new Option('--impl <name=file>', 'check your implementation of a system, e.g. dirac-gan=./my-dirac.ts (repeatable)').argParser(collect);

  p.command('list')
    .description('list registered claims')
    .argument('[patterns...]', 'claim ids or globs (ipm.thm1.*)')
    .addOption(new Option('--tier <tier>', 'only this tier').choices(TIERS))
    .option('--json', 'JSON array of {id, tier, kind, expect, source, statement, checks}')
    .addOption(claimsOpt())
    .action(async (patterns: string[], o) => { process.exitCode = await listCommand(patterns, o); });

  const runOpts = (c: Command, seedRequired = false) => (seedRequired
    ? c.requiredOption('--seed <n>', 'the global seed of the run being replayed')
    : c.option('--seed <n|random>', 'global seed (default 20221122)'))
    .option('--runs <n>', 'instances per property claim (default 100)')
    .option('--workers <n>', 'worker threads (default: the core count)')
    .option('--out <dir>', `report directory (default ${DEFAULT_OUT})`)
    .option('--json', 'print the report JSON on stdout (and only it)')
    .option('--junit <file>', 'also write JUnit XML to this file')
    .addOption(new Option('--backend <name>', 'TensorFlow.js backend for the gpu tier').choices(BACKENDS).default('auto'))
    .addOption(claimsOpt())
    .addOption(implOpt());

  runOpts(p.command('run')
    .description('run claims (default: every fast claim)')
    .argument('[patterns...]', 'claim ids or globs (ipm.thm1.*)')
    .option('--tier <tier>', `fast | slow | gpu | all (default fast)`)
    .option('--shard <i/n>', 'run shard i of n (CI matrices; join with merge)')
    .option('--resume', `reuse the results a killed run left in <out>/partial.jsonl (same seed and settings); run the rest`)
    .option('--seeds <n|a..b|a,b,c>', 'verdict stability: run the claims under N global seeds derived from --seed (or exactly these); writes stability.json/.md')
    .option('--durations <file>', 'recorded durations --shard balances on (default: the package\'s fixtures/durations.json)')
    .option('--record-durations [file]', 'update a durations record from this run (default: fixtures/durations.json)'))
    .action(async (patterns: string[], o) => { process.exitCode = await runCommand(patterns, o); });

  runOpts(p.command('replay')
    .description('re-run exactly one claim (the failing instance when --path is given)')
    .argument('<id>', 'claim id')
    .option('--path <p>', 'fast-check path of the counterexample'), true)
    .action(async (id: string, o) => { process.exitCode = await runCommand([id], { ...o, workers: '1' }, 'replay'); });

  p.command('show')
    .description('source, statement, check and last known result of a claim')
    .argument('<id>', 'claim id')
    .option('--out <dir>', `report directory to read the last result from (default ${DEFAULT_OUT})`)
    .addOption(claimsOpt())
    .action(async (id: string, o) => { process.exitCode = await showCommand(id, o); });

  p.command('merge')
    .description('join shard reports into one')
    .argument('<dirs...>', 'report directories')
    .option('--out <dir>', `merged report directory (default ${DEFAULT_OUT})`)
    .option('--json', 'print the merged report JSON on stdout')
    .option('--record-durations [file]', 'update a durations record from the merged results (default: fixtures/durations.json)')
    .option('--partial', 'merge what is complete: claims with units in shards not given stay pending (listed), for a later merge')
    .action(async (dirs: string[], o) => { process.exitCode = await mergeCommand(dirs, o); });

  p.command('plan')
    .description('the work each --shard i/N runs and its predicted wall time, from recorded durations')
    .argument('[patterns...]', 'claim ids or globs')
    .addOption(new Option('--tier <tier>', 'tier (default fast)').choices(TIERS))
    .option('--shards <n>', 'number of shards (default 1)')
    .option('--workers <n>', 'worker threads per shard (default 2, a CI runner)')
    .option('--seed <n>', 'global seed (unit lists may depend on it)')
    .option('--durations <file>', 'durations record (default: the package\'s fixtures/durations.json)')
    .option('--json', 'print the plan as JSON')
    .addOption(claimsOpt())
    .action(async (patterns: string[], o) => { process.exitCode = await planCommand(patterns, o); });

  p.command('bench')
    .description('run the benchmarks (same as npm run bench)')
    .argument('[names...]', 'only these benchmark files (e.g. dirac linalg)')
    .option('--json', 'print rows as JSON')
    .action(async (names: string[], o) => {
      // A computed specifier: bench/ is not part of the compiled package (it runs through tsx).
      const bench = new URL('../../bench/run.ts', import.meta.url).href;
      const { benchCommand } = (await import(bench)) as { benchCommand: (n: string[], o: unknown) => Promise<number> };
      process.exitCode = await benchCommand(names, o);
    });
  return p;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; every other commander error is bad usage (it already printed why).
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`gan-claims: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`gan-claims: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    return 3;
  }
}
