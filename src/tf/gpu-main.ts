/**
 * Entry point of the gpu tier on the GPU machine (bundled by ../shared/gpu/prepare-carry.sh; see
 * src/tf/gpu/README.md for the commands). Runs ib.mnist, jc.mnist and eff.appg-frozen (or a subset)
 * on the webgpu backend and writes <out>/report.json, <out>/<claim>.json as each finishes and the
 * Vega-Lite specs of the figures (<out>/figures/<claim>.<name>.vl.json), and one line per finished
 * training run to <out>/runs.jsonl (kept when a device call hits its time limit).
 *
 *   node main.mjs [--claims ib.mnist,jc.mnist,eff.appg-frozen] [--backend webgpu] [--seed N] [--out DIR]
 *                 [--mnist .gpu/mnist.bin.gz] [--classifier fixtures/mnist-classifier]
 *                 [--steps N] [--runs N] [--seeds N] [--width N]      (scale overrides)
 *
 * WebGPU must exist before its TensorFlow.js backend is imported (the backend registers only if
 * navigator.gpu exists at import time): backend.ts creates the Dawn GPU first, then imports it.
 * If WebGPU fails we stop with a clear error instead of letting TensorFlow.js fall back to the cpu
 * backend, and we end with process.exit() because the Dawn instance keeps the event loop alive.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../random/rng.ts';
import { deriveSeed, DEFAULT_SEED } from '../random/seed.ts';
import type { ClaimContext, ExperimentOutcome } from '../claims/claim.ts';
import { BackendError, initBackend } from './backend.ts';
import { tf } from './tf.ts';
import { IB_GPU, makeIbRun } from '../claims/tf/ib-mnist.ts';
import { JC_GPU, makeJcRun } from '../claims/tf/jc-mnist.ts';
import { APPG_GPU, makeAppGRun } from '../claims/tf/eff-appg-frozen.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const num = (name: string) => (arg(name) === undefined ? undefined : Number(arg(name)));

const out = arg('out') ?? process.env.OUT ?? 'gpu-out';
const globalSeed = num('seed') ?? DEFAULT_SEED;
const backendName = arg('backend') ?? 'webgpu';
const steps = num('steps');
const runs = num('runs');
const seeds = num('seeds');
const width = num('width');
const wanted = (arg('claims') ?? 'ib.mnist,jc.mnist,eff.appg-frozen').split(',');
const options: Record<string, string> = {
  backend: backendName,
  mnistBin: arg('mnist') ?? new URL('./mnist.bin.gz', import.meta.url).pathname,
  classifierDir: arg('classifier') ?? 'fixtures/mnist-classifier',
  runLog: join(out, 'runs.jsonl'),
};

const claims: Record<string, (ctx: ClaimContext) => Promise<ExperimentOutcome>> = {
  'ib.mnist': makeIbRun({ ...IB_GPU, ...(seeds ? { seeds } : {}), gan: { ...IB_GPU.gan, ...(steps ? { steps, evalEvery: steps } : {}) } }),
  'jc.mnist': makeJcRun({ ...JC_GPU, ...(runs ? { runs } : {}), gan: { ...JC_GPU.gan, ...(steps ? { steps, evalEvery: Math.max(1, Math.floor(steps / 10)) } : {}) } }),
  'eff.appg-frozen': makeAppGRun({ ...APPG_GPU, cfg: { ...APPG_GPU.cfg, ...(steps ? { steps, every: Math.max(1, Math.floor(steps / 20)) } : {}), ...(width ? { width } : {}) } }),
};

async function main(): Promise<number> {
  mkdirSync(join(out, 'figures'), { recursive: true });
  let info;
  try {
    info = await initBackend(backendName);
  } catch (e) {
    console.error(e instanceof BackendError ? e.message : `backend initialisation failed: ${(e as Error).message}`);
    return 2;
  }
  if (tf.getBackend() !== info.name) {
    console.error(`TensorFlow.js runs on '${tf.getBackend()}', not the requested '${info.name}': stopping`);
    return 2;
  }
  console.log(`gan-claims gpu tier: backend ${info.name}${info.adapter ? ` (${info.adapter})` : ''}, global seed ${globalSeed}, out ${out}`);
  const report: Record<string, unknown>[] = [];
  for (const id of wanted) {
    const run = claims[id];
    if (!run) {
      console.error(`unknown gpu claim '${id}' (known: ${Object.keys(claims).join(', ')})`);
      return 2;
    }
    const seed = deriveSeed(globalSeed, id);
    const t0 = performance.now();
    const ctx: ClaimContext = {
      seed, globalSeed, rng: new Rng(seed), options,
      progress: (m) => console.log(`[${id} ${((performance.now() - t0) / 1000).toFixed(0)} s] ${m}`),
      impl: (_name, builtin) => builtin,
    };
    let entry: Record<string, unknown>;
    try {
      const r = await run(ctx);
      for (const f of r.figures ?? []) writeFileSync(join(out, 'figures', `${id}.${f.name}.vl.json`), JSON.stringify(f.spec));
      entry = { id, tier: 'gpu', status: r.verdict ?? r.decision?.verdict ?? (r.holds ? 'holds' : 'refuted'), seed, numRuns: r.numRuns, durationMs: Math.round(performance.now() - t0), evidence: r.evidence, figures: (r.figures ?? []).map((f) => ({ name: f.name, title: f.title })) };
    } catch (e) {
      entry = { id, tier: 'gpu', status: 'error', seed, durationMs: Math.round(performance.now() - t0), message: (e as Error).message };
    }
    report.push(entry);
    writeFileSync(join(out, `${id}.json`), JSON.stringify(entry, null, 2));
    console.log(`${id}: ${entry.status} in ${((entry.durationMs as number) / 1000).toFixed(0)} s`);
  }
  writeFileSync(join(out, 'report.json'), JSON.stringify({
    tool: 'gan-claims gpu tier', date: new Date().toISOString(), globalSeed, backend: info.name, adapter: info.adapter,
    overrides: { steps, runs, seeds, width }, argv: process.argv.slice(2), claims: report,
  }, null, 2));
  return report.every((r) => r.status !== 'error') ? 0 : 1;
}

// The Dawn instance keeps Node's event loop alive: always leave through process.exit.
main().then((code) => process.exit(code), (e) => { console.error((e as Error).message); process.exit(1); });
