import { diracClaims } from '../../src/claims/dirac/index.ts';
import { seedStabilityTests } from './claim-tests.ts';

seedStabilityTests('dirac', diracClaims);
