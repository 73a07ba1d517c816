/**
 * The machine's measured peak, for "fraction of peak" figures: the scalar-JavaScript peak from
 * ../shared/peers/js_peak.mjs (one thread, Float64Array, 4-accumulator dot product in L2: the best
 * a scalar float64 loop reaches here) measured in this bench run. Cached per process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './run.ts';

const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/peers/js_peak.mjs');
let cached: { gflops: number; matmul: number; loadavg: number } | null | undefined;
let cachedGemm: number | null | undefined;

/**
 * One core's float64 GEMM peak (NumPy/OpenBLAS, n = 1024, 1 thread, best of 3): the hardware
 * ceiling a float64 kernel on one core can approach (vectorised FMA); scalar JS cannot reach it.
 */
export function gemmPeak(): number | null {
  if (cachedGemm !== undefined) return cachedGemm;
  const code = 'import numpy as np,time\na=np.random.rand(1024,1024);b=a.copy();a@b\nt=min((lambda t0:(a@b,time.perf_counter()-t0)[1])(time.perf_counter()) for _ in range(3))\nprint(2*1024**3/t/1e9)';
  const r = spawnSync('python3', ['-c', code], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' } });
  const v = Number(r.stdout?.trim());
  return (cachedGemm = r.status === 0 && Number.isFinite(v) ? v : null);
}

export function jsPeak(): { gflops: number; matmul: number; loadavg: number } | null {
  if (cached !== undefined) return cached;
  if (!existsSync(script)) return (cached = null);
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 120_000 });
  const line = r.stdout?.trim().split('\n').pop();
  if (r.status !== 0 || !line) return (cached = null);
  const j = JSON.parse(line) as { gflops: Record<string, number>; loadavg: number };
  return (cached = { gflops: j.gflops['dot4acc_n1e4'] ?? NaN, matmul: j.gflops['matmul_ikj_n256'] ?? NaN, loadavg: j.loadavg });
}

/** "x GFLOP/s = y % of the core's f64 GEMM peak (z % of the scalar-JS dot rate)" for a measured rate. */
export function peakNote(gflops: number): string {
  const g = gemmPeak();
  const p = jsPeak();
  const parts = [`${gflops.toFixed(2)} GFLOP/s`];
  if (g) parts.push(`${((100 * gflops) / g).toFixed(1)} % of one core's f64 GEMM peak ${g.toFixed(1)}`);
  if (p) parts.push(`${((100 * gflops) / p.gflops).toFixed(0)} % of the scalar-JS dot rate ${p.gflops.toFixed(2)}`);
  return parts.join(', ');
}

export async function bench(): Promise<BenchRow[]> {
  const p = jsPeak();
  const g = gemmPeak();
  const gemmRow: BenchRow[] = g ? [{ name: 'machine peak: f64 GEMM (NumPy, n = 1024), 1 core', value: g, unit: 'GFLOP/s' }] : [];
  if (!p) return [...gemmRow, { name: 'machine peak (scalar JS)', value: NaN, unit: '-', note: `${script} unavailable` }];
  return [
    ...gemmRow,
    { name: 'machine peak: scalar JS dot (4 acc., L2), 1 thread', value: p.gflops, unit: 'GFLOP/s', note: `loadavg ${p.loadavg}` },
    { name: 'machine peak: scalar JS naive matmul n = 256', value: p.matmul, unit: 'GFLOP/s' },
  ];
}
