import { ipmClaims } from '../../src/claims/ipm/index.ts';
import { claimTests } from './claim-tests.ts';

claimTests('ipm', ipmClaims);
