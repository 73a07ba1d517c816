/** Public face of the float64 dense linear algebra module. */
export * from './matrix.ts';
export { matmul, matmulInto, matvec, transpose, add, sub, scale, trace } from './arith.ts';
export { dot, norm2, normFro, relFroError } from './norms.ts';
export { solve, inv, det, logdet, luFactor, type LU } from './lu.ts';
export { eig, sortEigenvalues, type Eigenvalues } from './eig.ts';
export { eigSym, SYMMETRY_RTOL, type SymmetricEigen } from './eig-sym.ts';
export { svd, type SVD } from './svd.ts';
export { expm } from './expm.ts';
export { sqrtm, sqrtmPsd, PSD_CLAMP_RTOL } from './sqrtm.ts';
export { spectralRadius } from './spectral.ts';
export { jacobianFD, DEFAULT_FD_STEP } from './jacobian-fd.ts';
