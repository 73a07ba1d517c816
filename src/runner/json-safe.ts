/**
 * JSON-safe copies of counterexamples and evidence: typed arrays become arrays, non-finite numbers
 * become the strings 'NaN' / 'Infinity' / '-Infinity' (JSON has no literal for them), Maps become
 * objects, functions are dropped. Keeps reports loadable by any JSON reader.
 */
export function jsonSafe(value: unknown, depth = 0): unknown {
  if (depth > 12) return '[deep]';
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, (x) => jsonSafe(x, depth + 1));
  if (Array.isArray(value)) return value.map((x) => jsonSafe(x, depth + 1));
  if (value instanceof Map) return jsonSafe(Object.fromEntries(value), depth + 1);
  if (value instanceof Error) return { name: value.name, message: value.message };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const s = jsonSafe(v, depth + 1);
    if (s !== undefined) out[k] = s;
  }
  return out;
}
