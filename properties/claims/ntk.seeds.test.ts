import { ntkClaims } from '../../src/claims/ntk/index.ts';
import { seedStabilityTests } from './claim-tests.ts';

seedStabilityTests('ntk', ntkClaims);
