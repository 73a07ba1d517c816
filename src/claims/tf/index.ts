import type { Claim } from '../claim.ts';
import { ibMnist, ibMnistSmoke } from './ib-mnist.ts';
import { jcMnist, jcMnistSmoke } from './jc-mnist.ts';
import { jcMnistCpu } from './jc-mnist-cpu.ts';
import { effAppgFrozen, effAppgFrozenSmoke } from './eff-appg-frozen.ts';
import { jcMetricTensorTf } from './jc-metric-tensor-tf.ts';
import { ntkFiniteWidthTf } from './ntk-finite-width-tf.ts';

/**
 * Every tf claim, listed explicitly (a test checks that no claim file is left out). The gpu-tier
 * claims keep the catalog ids; their CPU smoke versions (tier fast) test the pipeline only; a `.cpu`
 * claim (tier slow) decides its gpu claim's statement on the wasm backend with dense networks. The
 * `.tf` claims take a user's TensorFlow.js model as their subject (systems tf-generator, tf-discriminator).
 */
export const tfClaims: Claim[] = [ibMnist, ibMnistSmoke, jcMnist, jcMnistSmoke, jcMnistCpu, effAppgFrozen, effAppgFrozenSmoke, jcMetricTensorTf, ntkFiniteWidthTf];
