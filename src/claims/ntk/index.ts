import type { Claim } from '../claim.ts';

/** Every ntk claim, listed explicitly (a test checks that no claim file is left out). */
export const ntkClaims: Claim[] = [];
