/** Spectral radius max|λ| of a general real square matrix (through eig's Francis QR). */
import type { Matrix } from './matrix.ts';
import { checkSquare } from './check.ts';
import { eig } from './eig.ts';

export function spectralRadius(A: Matrix): number {
  checkSquare('spectralRadius', 'A', A);
  if (A.rows === 0) return 0;
  const { re, im } = eig(A);
  let r = 0;
  for (let i = 0; i < re.length; i++) r = Math.max(r, Math.hypot(re[i]!, im[i]!));
  return r;
}
