/**
 * Units of work below a claim: a heavy experiment (trials, seeds, grid cells, learning rates)
 * declares independent units, each runnable alone, and a reducer that turns their results into the
 * claim's outcome. The runner may run the units in one thread, in worker threads, or in different
 * CI jobs (`--shard`, then `gan-claims merge`); the verdict is the same bit for bit because
 *
 * - a unit's randomness comes only from its own description and its own seed (`unitSeed`: derived
 *   from the claim's seed and the unit's index, never from a stream shared with other units);
 * - every unit result crosses the same lossless JSON encoding (`encodeUnitValue`) on every path,
 *   in-process included, so the reducer always sees the same doubles (−0, NaN, ±∞ and typed
 *   arrays survive it);
 * - the reducer gets the results in unit order, whatever order they finished in.
 */
import type { ClaimContext, ExperimentOutcome } from './claim.ts';
import { deriveSeed } from '../random/seed.ts';
import { Rng } from '../random/rng.ts';

/** What a unit list may depend on: the claim's seed and the run's options, nothing else. */
export interface UnitListContext {
  seed: number;
  globalSeed: number;
  options: Readonly<Record<string, string>>;
}

export interface Units<U = any, R = any> {
  /** The units in a fixed order. Each must be plain JSON data that carries everything its run needs. */
  list(ctx: UnitListContext): U[];
  /** A short stable label (durations are recorded under `<claim id>#<label>`); default: the index. */
  label?(unit: U, index: number): string;
  /** Runs one unit alone. `ctx.seed`/`ctx.rng` are the unit's own (see unitSeed). */
  run(unit: U, ctx: ClaimContext): R | Promise<R>;
  /** The claim's outcome from every unit's result, in unit order. `ctx` is the claim's own. */
  reduce(results: R[], ctx: ClaimContext): ExperimentOutcome | Promise<ExperimentOutcome>;
}

/** The seed of unit `index` of a claim whose seed is `claimSeed`. */
export function unitSeed(claimSeed: number, index: number): number {
  return deriveSeed(claimSeed, `unit:${index}`);
}

/** The context a unit runs in: the claim's, with the unit's own seed and generator. */
export function unitContext(ctx: ClaimContext, index: number): ClaimContext {
  const seed = unitSeed(ctx.seed, index);
  return { ...ctx, seed, rng: new Rng(seed) };
}

export function unitLabel(units: Units, unit: unknown, index: number): string {
  return units.label ? units.label(unit, index) : String(index);
}

const TYPED: Record<string, new (xs: number[]) => ArrayLike<number>> = {
  Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array,
};

function encodeNumber(x: number): unknown {
  if (Number.isNaN(x) || !Number.isFinite(x) || Object.is(x, -0)) return { $num: Object.is(x, -0) ? '-0' : String(x) };
  return x;
}

function toJson(v: unknown): unknown {
  if (typeof v === 'number') return encodeNumber(v);
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'function' || typeof v === 'bigint' || typeof v === 'symbol') throw new TypeError(`unit result: a ${typeof v} cannot cross between workers or machines`);
    return v;
  }
  if (ArrayBuffer.isView(v)) {
    const name = v.constructor.name;
    if (!(name in TYPED)) throw new TypeError(`unit result: ${name} is not supported`);
    return { $typed: name, values: Array.from(v as unknown as ArrayLike<number>, encodeNumber) };
  }
  if (Array.isArray(v)) return v.map(toJson);
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw new TypeError(`unit result: ${(v as object).constructor?.name ?? 'object'} is not plain data`);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toJson(x);
  return out;
}

function fromJson(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(fromJson);
  const o = v as Record<string, unknown>;
  if (typeof o['$num'] === 'string' && Object.keys(o).length === 1) return o['$num'] === '-0' ? -0 : Number(o['$num']);
  if (typeof o['$typed'] === 'string' && Array.isArray(o['values'])) return new TYPED[o['$typed']]!((o['values'] as unknown[]).map((x) => fromJson(x) as number));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) out[k] = fromJson(x);
  return out;
}

/** Lossless JSON text of a unit result (what workers return and shard reports store). */
export function encodeUnitValue(v: unknown): string {
  return JSON.stringify(toJson(v));
}

export function decodeUnitValue(s: string): unknown {
  return fromJson(JSON.parse(s));
}
