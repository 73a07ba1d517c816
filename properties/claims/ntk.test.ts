import { ntkClaims } from '../../src/claims/ntk/index.ts';
import { claimTests } from './claim-tests.ts';

claimTests('ntk', ntkClaims);
