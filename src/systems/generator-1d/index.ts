/** Piecewise-monotone 1-D generators, Gaussian-mixture targets and their optimal generators (000 §3). */
export * from '../../stats/normal.ts';
export * from './mixture.ts';
export * from './polytonic.ts';
export * from './optimal.ts';
export * from './steep.ts';
export * from './quadrature.ts';
export { generator1d, type Generator1d } from './generator-1d.ts';
