/**
 * Timing of the O(n³) linalg kernels the claims call inside loops: eig (balancing + Hessenberg +
 * Francis QR) and expm (Padé 13 scaling and squaring), n = 2 … 64, µs per call on random Gaussian
 * matrices (seeded; expm inputs scaled to ‖A‖ ≈ 3 so that the scaling step is exercised).
 */
import { Rng } from '../src/random/rng.ts';
import { eig, expm, matrix, type Matrix } from '../src/linalg/index.ts';

export interface BenchRow { name: string; value: number; unit: string; note?: string }

const SIZES = [2, 4, 8, 16, 32, 64];
/** Minimum wall time per measurement, so small n get enough calls for a stable mean. */
const MIN_MS = 200;

function randomMatrix(rng: Rng, n: number, s: number): Matrix {
  const A = matrix(n, n);
  for (let i = 0; i < n * n; i++) A.data[i] = rng.normal() * s;
  return A;
}

function timePerCall(fn: () => void): number {
  for (let i = 0; i < 5; i++) fn(); // warm-up (JIT)
  let calls = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < MIN_MS * 1e6) {
    for (let i = 0; i < 4; i++) fn();
    calls += 4;
    elapsed = Number(process.hrtime.bigint() - t0);
  }
  return elapsed / 1e3 / calls;
}

export async function bench(): Promise<BenchRow[]> {
  const rng = new Rng(20260101);
  const rows: BenchRow[] = [];
  for (const n of SIZES) {
    const A = randomMatrix(rng, n, 1);
    rows.push({ name: `linalg eig n=${n}`, value: timePerCall(() => eig(A)), unit: 'µs/call', note: 'general real, Gaussian entries' });
  }
  for (const n of SIZES) {
    const A = randomMatrix(rng, n, 3 / Math.sqrt(n));
    rows.push({ name: `linalg expm n=${n}`, value: timePerCall(() => expm(A)), unit: 'µs/call', note: 'Padé 13 + squaring, ‖A‖₂ ≈ 6' });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await bench()) console.log(`${r.name.padEnd(22)} ${r.value.toFixed(2).padStart(10)} ${r.unit}`);
}
