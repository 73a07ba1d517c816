import type { Claim } from '../claim.ts';
import { ibThm1Density } from './thm1-density.ts';

/** Every ib claim, listed explicitly (a test checks that no claim file is left out). ib.mnist lives with the TensorFlow.js tier. */
export const ibClaims: Claim[] = [ibThm1Density];
