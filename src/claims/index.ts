export * from './claim.ts';
export * from './assert.ts';
export { registry, findClaim, selectClaims } from './registry.ts';
export * from './units.ts';
