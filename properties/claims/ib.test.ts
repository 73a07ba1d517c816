import { ibClaims } from '../../src/claims/ib/index.ts';
import { claimTests } from './claim-tests.ts';

claimTests('ib', ibClaims);
