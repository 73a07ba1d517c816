import type { Claim } from '../claim.ts';

/** Every ipm claim, listed explicitly (a test checks that no claim file is left out). */
export const ipmClaims: Claim[] = [];
