// What a user project imports from the package (here resolved by the package's own name).
export { fc, property, ensureClose, dirac } from 'gan-claims';
export type { dirac as DiracNs } from 'gan-claims';
import type { dirac as d } from 'gan-claims';
export type DiracGan = d.DiracGan;
