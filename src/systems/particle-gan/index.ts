/** The NTK-coupled particle model of 001 (Algorithms 1 and 2) and its metrics. */
export * from './target.ts';
export * from './metrics.ts';
export * from './coupling.ts';
export * from './wide-disc.ts';
export * from './fourier-disc.ts';
export * from './alg1.ts';
export * from './summary.ts';
export * from './grid.ts';
export * from './particle-gan.ts';
