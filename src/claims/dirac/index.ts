import type { Claim } from '../claim.ts';
import { diracEigs } from './eigs.ts';
import { diracRegimes } from './regimes.ts';
import { diracCriticalDamping } from './critical-damping.ts';
import { diracFig18 } from './fig18.ts';
import { diracSimgdDiverges } from './simgd-diverges.ts';
import { diracAltgdBounded } from './altgd-bounded.ts';
import { diracGpConverges } from './gp-converges.ts';

/** Every dirac claim, listed explicitly (a test checks that no claim file is left out). */
export const diracClaims: Claim[] = [
  diracEigs,
  diracRegimes,
  diracCriticalDamping,
  diracFig18,
  diracSimgdDiverges,
  diracAltgdBounded,
  diracGpConverges,
];
