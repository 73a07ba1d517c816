import type { Claim } from '../claim.ts';
import { ibMnist, ibMnistSmoke } from './ib-mnist.ts';
import { jcMnist, jcMnistSmoke } from './jc-mnist.ts';
import { effAppgFrozen, effAppgFrozenSmoke } from './eff-appg-frozen.ts';

/**
 * Every tf claim, listed explicitly (a test checks that no claim file is left out). The gpu-tier
 * claims keep the catalog ids; their CPU smoke versions (tier fast) test the pipeline only.
 */
export const tfClaims: Claim[] = [ibMnist, ibMnistSmoke, jcMnist, jcMnistSmoke, effAppgFrozen, effAppgFrozenSmoke];
