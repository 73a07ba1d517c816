import { tfClaims } from '../../src/claims/tf/index.ts';
import { claimTests } from './claim-tests.ts';

claimTests('tf', tfClaims);
