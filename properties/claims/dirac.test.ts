import { diracClaims } from '../../src/claims/dirac/index.ts';
import { claimTests } from './claim-tests.ts';

claimTests('dirac', diracClaims);
