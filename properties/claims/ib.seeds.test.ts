import { ibClaims } from '../../src/claims/ib/index.ts';
import { seedStabilityTests } from './claim-tests.ts';

seedStabilityTests('ib', ibClaims);
