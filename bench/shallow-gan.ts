/**
 * Shallow ReLU GAN speed (000 §5.1 experiments, float64 hand-written gradients):
 * - training steps per second (one D step + one G step, batch 64, 1-D mix3, RMSProp) at H = 128 and 2048;
 * - the time of the full width × γ × learning-rate sweep of ib.width-hurts (slow tier): measured
 *   steps/s at each width of the sweep (both datasets), times the sweep's step count
 *   (steps × |lr grid| × seeds × |γ| per width and dataset). It is a projection from measured
 *   rates, not a run of the sweep (which takes hours on this hardware); the note says so.
 */
import type { BenchRow } from './run.ts';
import { grid2d, mix3, trainGan, type GaussianMixtureNd } from '../src/systems/shallow-relu-gan/index.ts';
import { WIDTH_HURTS_SLOW } from '../src/claims/ib/width-hurts.ts';
import { peersEnabled, runPeer } from './peer.ts';
import { peakNote } from './peak.ts';

/** Dense FLOPs of one GAN step (D step + G step), d_x = d_z = d: 2BH(13d + 8) (bench/peers/shallow_gan.py). */
const flopPerStep = (d: number, H: number, B: number) => 2 * B * H * (13 * d + 8);

function stepsPerSecond(data: GaussianMixtureNd, H: number, batch: number): number {
  // Warm up the JIT, then time enough steps for ~1 s of work.
  trainGan({ data, H, alpha: 1, init: 'he', lr: 1e-4, gamma: 0.9, batch, steps: 20, seed: 1 });
  const steps = Math.max(20, Math.round(400_000 / H));
  const t0 = performance.now();
  trainGan({ data, H, alpha: 1, init: 'he', lr: 1e-4, gamma: 0.9, batch, steps, seed: 2 });
  return steps / ((performance.now() - t0) / 1000);
}

/**
 * The hot kernel of ib.adaptivity (the longest single slow-tier item) and the ib sweeps: one training
 * step on the 2-D grid at H = 128, batch 64, against bench/peers/shallow_gan.py in the same run.
 */
function kernelRows(): BenchRow[] {
  const H = 128, B = 64;
  const ours = stepsPerSecond(grid2d(), H, B);
  const flop = flopPerStep(2, H, B);
  const rows: BenchRow[] = [{ name: 'hot kernel: shallow GAN step (grid, H 128, batch 64), ours', value: ours, unit: 'steps/s', note: `1 thread; ${peakNote((flop * ours) / 1e9)}` }];
  if (!peersEnabled()) return rows;
  const peer = runPeer('shallow_gan.py', ['--H', String(H), '--batch', String(B), '--steps', '2000'], { own: true, oneThread: true });
  const p = peer.result;
  if (p) {
    rows.push({ name: 'hot kernel: shallow GAN step, NumPy peer', value: Number(p['steps_per_s']), unit: 'steps/s', note: `bench/peers/shallow_gan.py, 1 BLAS thread; ${peakNote(Number(p['gflops']))}` });
    rows.push({ name: 'hot kernel: shallow GAN step, ours / NumPy', value: ours / Number(p['steps_per_s']), unit: '×', note: 'wall clock, same run' });
  } else rows.push({ name: 'hot kernel: shallow GAN step, NumPy peer', value: NaN, unit: '-', note: peer.reason });
  return rows;
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = kernelRows();
  for (const H of [128, 2048]) {
    rows.push({ name: `shallow GAN steps/s (mix3, H = ${H}, batch 64)`, value: stepsPerSecond(mix3(), H, 64), unit: '1/s', note: 'float64, one D + one G step per step, RMSProp' });
  }
  const p = WIDTH_HURTS_SLOW;
  const rate = new Map<string, number>();
  const sps = (name: 'mix3' | 'grid', H: number) => {
    const key = `${name}/${H}`;
    if (!rate.has(key)) rate.set(key, stepsPerSecond(name === 'mix3' ? mix3() : grid2d(), H, p.batch));
    return rate.get(key)!;
  };
  const runsPerWidth = p.lrGrid.length * p.seeds;
  let seconds = 0;
  for (const name of p.datasets) for (const H of p.widths) seconds += (p.steps * runsPerWidth * p.gammas.length) / sps(name, H);
  rows.push({
    name: 'ib.width-hurts full sweep time (projected)', value: seconds, unit: 's',
    note: `widths ${p.widths.join('/')} × γ ${p.gammas.join('/')} × ${p.lrGrid.length} lrs × ${p.seeds} seeds × ${p.steps} steps × ${p.datasets.join('+')}; measured steps/s per width × step count, one core`,
  });
  // The SGD arm the slow tier does not run: the paper's SGD optimum is H = 512, so the arm needs a wider net above it.
  const sgdWidths = [128, 512, 2048];
  let sgdSeconds = 0;
  for (const name of p.datasets) for (const H of sgdWidths) sgdSeconds += (p.steps * runsPerWidth) / sps(name, H);
  rows.push({
    name: 'ib.width-hurts SGD arm (γ = 1) sweep time (projected, not run)', value: sgdSeconds, unit: 's',
    note: `widths ${sgdWidths.join('/')} × ${p.lrGrid.length} lrs × ${p.seeds} seeds × ${p.steps} steps × ${p.datasets.join('+')}, one core (RMSProp's rates stand in for SGD's: the step cost is the same up to the optimizer update)`,
  });
  return rows;
}
