/**
 * 001 Algorithm 1, the core loop of every slow eff.* claim, against ../shared/peers/durr_alg1.py
 * (the same iteration in vectorised NumPy) in the same run: N = 200 particles from (√2, √2) ± 0.1,
 * ReLU discriminator of width 2048, n_disc = 5 SGD steps on fresh batches of 200 target points,
 * g₂/g₁ = 0.2, α_D = α_G = 0.1, float64. Also: the plain row loop (WideDisc.direct) for reference,
 * FLOP rate (the peer's FLOP count per iteration, i.e. the work the straightforward algorithm does)
 * against the machine's measured f64 peak, worker-thread scaling across grid cells, and the
 * projected time of the paper's full phase diagram.
 */
import { availableParallelism } from 'node:os';
import { runAlg1, runGrid, type Alg1Config } from '../src/systems/particle-gan/index.ts';
import { peersEnabled, runPeer } from './peer.ts';
import type { BenchRow } from './run.ts';

const N = 200, H = 2048, N_DISC = 5;
const ITERS = 60;
/** The peer's FLOP count per iteration (its docstring): 2(n_disc·2N·W(2d + 2) + N·W·2d), d = 2. */
const FLOP_PER_ITER = 2 * (N_DISC * 2 * N * H * 6 + N * H * 4);

function cfg(nDisc: number, iters: number, seed = 0): Alg1Config {
  return { N, disc: 'relu', H, phi: 0.2, nDisc, alphaD: 0.1, alphaG: 0.1, iters, init: 'appA', seed };
}

/** Iterations per second (wall and CPU) of one run, after a JIT warm-up run. */
function timeRun(nDisc: number, direct = false): { wall: number; cpu: number } {
  runAlg1({ ...cfg(nDisc, 5), direct });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  runAlg1({ ...cfg(nDisc, ITERS, 1), direct });
  const wall = (performance.now() - t0) / 1000;
  const u = process.cpuUsage(c0);
  return { wall: ITERS / wall, cpu: ITERS / ((u.user + u.system) / 1e6) };
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const ours = timeRun(N_DISC);
  rows.push({ name: 'particle-gan Alg. 1 (N 200, width 2048, n_disc 5), ours', value: ours.wall, unit: 'it/s', note: `${ours.cpu.toFixed(1)} it/CPU-s; spatially grouped ReLU rows, 1 thread` });
  const direct = timeRun(N_DISC, true);
  rows.push({ name: 'particle-gan Alg. 1, plain row loop (reference)', value: direct.wall, unit: 'it/s', note: `${direct.cpu.toFixed(1)} it/CPU-s` });
  rows.push({ name: 'particle-gan Alg. 1 equivalent FLOP rate, ours', value: (FLOP_PER_ITER * ours.wall) / 1e9, unit: 'GFLOP/s', note: `the straightforward algorithm's ${(FLOP_PER_ITER / 1e6).toFixed(1)} MFLOP per iteration × our it/s` });
  if (peersEnabled()) {
    const peer = runPeer('durr_alg1.py', ['--iters', '40']);
    const t1 = peer.result?.['threads_1'] as Record<string, number> | undefined;
    if (t1) {
      rows.push({ name: 'particle-gan Alg. 1, NumPy peer (1 thread)', value: t1['iters_per_s']!, unit: 'it/s', note: `${t1['iters_per_cpu_s']} it/CPU-s, ${t1['gflops']} GFLOP/s` });
      rows.push({ name: 'particle-gan Alg. 1 speed-up over the peer (per core)', value: ours.cpu / t1['iters_per_cpu_s']!, unit: '×', note: `wall-clock ratio ${(ours.wall / t1['iters_per_s']!).toFixed(2)}×; target ≥ 2×` });
    } else rows.push({ name: 'particle-gan NumPy peer', value: NaN, unit: '', note: peer.reason ?? 'no threads_1 field' });
    const peak = runPeer('machine_peak.py');
    const f64 = findPeak(peak.result);
    if (f64) rows.push({ name: 'particle-gan Alg. 1 equivalent rate / machine f64 GEMM peak (1 core)', value: (100 * (FLOP_PER_ITER * ours.cpu) / 1e9) / f64, unit: '%', note: `peak ${f64.toFixed(1)} GFLOP/s (numpy GEMM, 1 thread, measured now)` });
  }
  // Worker threads across grid cells.
  const threads = availableParallelism();
  const cells = Array.from({ length: 2 * threads }, (_, i) => cfg(N_DISC, 30, i));
  const t0 = performance.now();
  await runGrid(cells, { threads });
  const par = (cells.length * 30) / ((performance.now() - t0) / 1000);
  rows.push({ name: `particle-gan grid cells over ${threads} worker threads`, value: par, unit: 'it/s', note: `${cells.length} cells × 30 iterations, total throughput incl. worker start-up` });
  // Projection: t(iteration) = n_disc·t_d + t_g from n_disc = 1 and 5.
  const one = timeRun(1);
  const td = Math.max(1e-9, (1 / ours.cpu - 1 / one.cpu) / (N_DISC - 1));
  const tg = Math.max(0, 1 / one.cpu - td);
  // The paper's Fig. 5 grid as we read it: 20 log-spaced g₂/g₁ × n_disc = 1…20, 5060 iterations (5000 + the ±n·20 window).
  const nd = Array.from({ length: 20 }, (_, i) => i + 1);
  const cpuSeconds = 20 * nd.reduce((s, n) => s + 5060 * (n * td + tg), 0);
  rows.push({ name: 'projected paper phase diagram (20 × 20 cells, 5060 it)', value: cpuSeconds / threads / 3600, unit: 'h', note: `${(cpuSeconds / 3600).toFixed(1)} CPU-h over ${threads} threads; over an hour, so the slow tier runs a coarser grid (see eff.phase-transition)` });
  return rows;
}

/** machine_peak.py's single-thread float64 GEMM peak (its `gemm_peak_gflops.float64_threads1`). */
function findPeak(r: Record<string, unknown> | null): number | undefined {
  const peak = r?.['gemm_peak_gflops'] as Record<string, number> | undefined;
  return peak?.['float64_threads1'];
}
