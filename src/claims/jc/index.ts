import type { Claim } from '../claim.ts';

/** Every jc claim, listed explicitly (a test checks that no claim file is left out). */
export const jcClaims: Claim[] = [];
