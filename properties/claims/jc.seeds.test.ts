import { jcClaims } from '../../src/claims/jc/index.ts';
import { seedStabilityTests } from './claim-tests.ts';

seedStabilityTests('jc', jcClaims);
