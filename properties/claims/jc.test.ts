import { jcClaims } from '../../src/claims/jc/index.ts';
import { claimTests } from './claim-tests.ts';

claimTests('jc', jcClaims);
