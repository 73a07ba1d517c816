/**
 * The same implementation with a planted bug: the regulariser's sign is flipped
 * (φ̇ = −θ + βφ, i.e. the penalty βφ²/2 ascended instead of descended). The dirac.* claims that
 * read the regularised system must catch it.
 */
import type { dirac } from 'gan-claims';
import correct from './correct-dirac.ts';

const impl: dirac.DiracGan = {
  ...correct,
  regularizedField: (beta) => (x, out) => {
    out[0] = x[1]!;
    out[1] = -x[0]! + beta * x[1]!; // BUG: should be −θ − βφ
  },
};

export default impl;
