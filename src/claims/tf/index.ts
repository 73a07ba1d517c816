import type { Claim } from '../claim.ts';

/** Every tf claim, listed explicitly (a test checks that no claim file is left out). */
export const tfClaims: Claim[] = [];
