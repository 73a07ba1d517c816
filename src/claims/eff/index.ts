import type { Claim } from '../claim.ts';

/** Every eff claim, listed explicitly (a test checks that no claim file is left out). */
export const effClaims: Claim[] = [];
