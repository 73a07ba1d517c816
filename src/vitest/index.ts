/** `gan-claims/vitest`: selected claims as vitest tests over the user's implementations. */
export { describeClaims, type DescribeClaimsOptions } from './describe-claims.ts';
export { checkClaim, type GateRun, type GateVerdict } from './check-claim.ts';
