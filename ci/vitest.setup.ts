/**
 * Every property test in the suite draws from one fixed fast-check seed, so `npm test` (and CI)
 * is deterministic; GAN_CLAIMS_TEST_SEED=N explores other instances (and a failure prints its seed
 * and path, replayable with that variable).
 */
import fc from 'fast-check';

const seed = Number(process.env['GAN_CLAIMS_TEST_SEED'] ?? 20221122);
if (!Number.isSafeInteger(seed)) throw new RangeError(`GAN_CLAIMS_TEST_SEED must be an integer, got ${process.env['GAN_CLAIMS_TEST_SEED']}`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
