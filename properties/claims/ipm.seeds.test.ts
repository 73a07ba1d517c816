import { ipmClaims } from '../../src/claims/ipm/index.ts';
import { seedStabilityTests } from './claim-tests.ts';

seedStabilityTests('ipm', ipmClaims);
