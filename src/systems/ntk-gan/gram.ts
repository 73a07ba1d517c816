/** Kernel Gram matrices between point lists (the kernel is any `Kernel`: RBF, analytic or empirical NTK). */
import { matrix, type Matrix } from '../../linalg/matrix.ts';
import type { Kernel } from '../../kernels/kernel.ts';

/** K[i][j] = k(pᵢ, pⱼ), symmetrised by evaluating the upper triangle only. */
export function gramMatrix(kernel: Kernel, points: readonly Float64Array[]): Matrix {
  const N = points.length;
  const K = matrix(N, N);
  for (let i = 0; i < N; i++) {
    for (let j = i; j < N; j++) {
      const v = kernel.k(points[i]!, points[j]!);
      K.data[i * N + j] = v;
      K.data[j * N + i] = v;
    }
  }
  return K;
}

/** C[u][j] = k(usᵤ, pⱼ). */
export function crossGram(kernel: Kernel, us: readonly Float64Array[], points: readonly Float64Array[]): Matrix {
  const C = matrix(us.length, points.length);
  for (let u = 0; u < us.length; u++) {
    for (let j = 0; j < points.length; j++) C.data[u * points.length + j] = kernel.k(us[u]!, points[j]!);
  }
  return C;
}
