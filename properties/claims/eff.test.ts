import { effClaims } from '../../src/claims/eff/index.ts';
import { claimTests } from './claim-tests.ts';

claimTests('eff', effClaims);
