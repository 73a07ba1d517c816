export type { VectorField } from './vector-field.ts';
export { Rk4 } from './rk4.ts';
export { simultaneousStep, alternatingStep, asFunction, type StepMap } from './gradient-steps.ts';
