import { effClaims } from '../../src/claims/eff/index.ts';
import { seedStabilityTests } from './claim-tests.ts';

seedStabilityTests('eff', effClaims);
