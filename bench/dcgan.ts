/**
 * GAN training speed of the TensorFlow.js tier on the backend at hand (--backend or auto), and the
 * gpu tier's aggregate runs per hour.
 * - dense smoke GAN (the CPU smoke versions' model) steps/s, always;
 * - DCGAN (the gpu tier's model) steps/s at H = 32 and 64 where the backend can train convolutions
 *   (webgpu, tensorflow; wasm has no Conv2DBackpropFilter and cpu is > 60 s/step);
 * - gpu-tier runs per hour = 3600 / (steps per run × s per step), per claim, from the DCGAN rate
 *   measured here, or from GPU.md's H100 webgpu measurement when this backend cannot train a DCGAN;
 * - the PyTorch peer (bench/peers/dcgan.py) where python3 has torch (the GPU machine), for reference.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './run.ts';
import { tfSetup } from '../src/tf/setup.ts';
import { trainGanRun, PAPER_CLAMP, type GanRunConfig } from '../src/tf/train-gan.ts';
import { trainGanRunsBatched, type BatchedGanConfig } from '../src/tf/train-gans-batched.ts';
import { tf } from '../src/tf/tf.ts';
import type { GanData } from '../src/tf/train-gan.ts';
import { IB_GPU, IB_SETTINGS } from '../src/claims/tf/ib-mnist.ts';
import { JC_GPU } from '../src/claims/tf/jc-mnist.ts';

const STEPS = 60;
/** GPU.md: TensorFlow.js webgpu on the H100, DCGAN H = 32, ms per GAN step (D + G), 2026-11-22. */
const GPU_MD_MS_PER_STEP = 199;

function backendArg(): string {
  const i = process.argv.indexOf('--backend');
  return i >= 0 ? process.argv[i + 1]! : 'auto';
}

export async function bench(): Promise<BenchRow[]> {
  const setup = await tfSetup({ backend: backendArg() });
  const b = setup.backend;
  const where = `${b.name}${b.adapter ? ` (${b.adapter})` : ''}`;
  const rate = (cfg: Omit<GanRunConfig, 'steps' | 'evalEvery' | 'nEval' | 'nJac' | 'clamp'>) =>
    trainGanRun({ ...cfg, steps: STEPS, evalEvery: STEPS, nEval: 16, nJac: 0, clamp: null }, 1, setup.data).stepsPerSecond;
  const rows: BenchRow[] = [];
  const dense = rate({ arch: 'dense', H: 64, nz: 16, alphaG: 1, alphaD: 1, lrG: 1e-3, lrD: 1e-3, gamma: 0.9, batch: 32, digits: [0, 1, 7] });
  rows.push({ name: `tf dense smoke GAN steps/s (${b.name})`, value: dense, unit: '1/s', note: `H=64 nz=16 batch 32, ${STEPS} steps (D + G per step), ${where}` });
  let msPerStep = GPU_MD_MS_PER_STEP;
  let source = `GPU.md H100 webgpu ${GPU_MD_MS_PER_STEP} ms/step (DCGAN cannot train on ${b.name})`;
  if (b.name === 'webgpu' || b.name === 'tensorflow') {
    for (const H of [32, 64]) {
      const r = rate({ arch: 'dcgan', H, nz: 100, alphaG: 1, alphaD: 1, lrG: 2e-4, lrD: 2e-4, gamma: 0.9, batch: 64 });
      rows.push({ name: `tf DCGAN steps/s H=${H} (${b.name})`, value: r, unit: '1/s', note: `batch 64 nz 100, ${where}` });
      if (H === JC_GPU.gan.H) { msPerStep = 1000 / r; source = `measured here, H=${H}`; }
    }
  }
  const ibRuns = IB_SETTINGS.length * IB_GPU.lrGrid.length * IB_GPU.seeds;
  const tier = [
    { id: 'ib.mnist', runs: ibRuns, steps: IB_GPU.gan.steps },
    { id: 'jc.mnist', runs: 2 * JC_GPU.runs, steps: JC_GPU.gan.steps },
  ];
  const totalSteps = tier.reduce((s, t) => s + t.runs * t.steps, 0);
  for (const t of tier) {
    rows.push({ name: `gpu tier ${t.id} runs/hour`, value: 3600 / ((t.steps * msPerStep) / 1000), unit: 'runs/h', note: `${t.runs} runs × ${t.steps} steps needed; ${source}` });
  }
  rows.push({ name: 'gpu tier ib+jc total hours (one process)', value: (totalSteps * msPerStep) / 3.6e6, unit: 'h', note: `${totalSteps} DCGAN steps; ${source}` });
  rows.push(...(await batchedRows(setup.data, b.name)));
  const peer = spawnSync('python3', [fileURLToPath(new URL('./peers/dcgan.py', import.meta.url)), '--steps', '50'], { encoding: 'utf8', timeout: 10 * 60_000 });
  const line = peer.status === 0 ? peer.stdout.trim().split('\n').pop() : undefined;
  if (line?.startsWith('{')) {
    const p = JSON.parse(line) as { ms_per_step: number; device: string; torch: string };
    rows.push({ name: `PyTorch DCGAN steps/s H=32 (${p.device}), reference`, value: 1000 / p.ms_per_step, unit: '1/s', note: `bench/peers/dcgan.py, torch ${p.torch}` });
  } else {
    rows.push({ name: 'PyTorch DCGAN peer', value: NaN, unit: '1/s', note: `not run here: ${(peer.stderr || peer.error?.message || 'python3/torch unavailable').trim().split('\n').pop()}` });
  }
  return rows;
}

/**
 * Runs batched into one model (#14): kernels dispatched per training step per run and run-steps per
 * second, for one run (trainGanRun) and for R runs (trainGanRunsBatched, every other one clamped as
 * in jc.mnist). Kernels per step = the difference of tf.profile's kernel counts at two step counts
 * (the final evaluation cancels); throughput from each trainer's own training-time clock.
 */
async function batchedRows(data: GanData, backend: string): Promise<BenchRow[]> {
  const cfg: BatchedGanConfig = { arch: 'dense', H: 64, nz: 16, alphaG: 1, alphaD: 1, lrG: 1e-3, lrD: 1e-3, gamma: 0.9, batch: 32, steps: 1, evalEvery: 10_000, nEval: 16, nJac: 0, clamp: PAPER_CLAMP };
  const perStep = async (f: (steps: number) => unknown) => {
    const count = async (steps: number) => (await tf.profile(() => { f(steps); })).kernels.length;
    return ((await count(6)) - (await count(2))) / 4;
  };
  const rows: BenchRow[] = [];
  const R = 10;
  const specs = Array.from({ length: R }, (_, r) => ({ seed: r + 1, clamped: r % 2 === 1 }));
  const single = (steps: number, clamped: boolean) => trainGanRun({ ...cfg, steps, clamp: clamped ? PAPER_CLAMP : null }, 1, data);
  const batched = (steps: number) => trainGanRunsBatched({ ...cfg, steps }, specs, data);
  // Half the runs clamped: one separate run's kernels are the mean of an unclamped and a clamped one.
  const k1 = ((await perStep((n) => single(n, false))) + (await perStep((n) => single(n, true)))) / 2;
  const kR = (await perStep(batched)) / R;
  const note = `dense H=64 nz=16 batch 32, half the runs clamped, ${backend}`;
  rows.push({ name: 'tf kernels per step per run, 1 run (trainGanRun)', value: k1, unit: 'kernels', note });
  rows.push({ name: `tf kernels per step per run, ${R} runs batched`, value: kR, unit: 'kernels', note: `${(k1 / kR).toFixed(1)}× fewer (aim ≥ R/2 = ${R / 2})` });
  const STEPS = 40;
  const sps1 = (single(STEPS, false).stepsPerSecond + single(STEPS, true).stepsPerSecond) / 2;
  const spsR = batched(STEPS).batchStepsPerSecond * R;
  rows.push({ name: 'tf run-steps/s, 1 run at a time', value: sps1, unit: '1/s', note });
  rows.push({ name: `tf run-steps/s, ${R} runs batched`, value: spsR, unit: '1/s', note: `${(spsR / sps1).toFixed(2)}× the throughput per run${backend === 'wasm' || backend === 'cpu' ? ' (CPU: batched matMuls are slow here, see train-gans-batched.ts; the gain is on GPU backends)' : ''}` });
  return rows;
}
