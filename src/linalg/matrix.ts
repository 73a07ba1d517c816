/**
 * Dense row-major float64 matrices. The one matrix type of the project: every system, kernel and
 * metric passes Matrix (or Float64Array vectors) through this module's API.
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** Row-major: entry (i, j) is data[i * cols + j]. */
  readonly data: Float64Array;
}

export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`matrix: rows must be a non-negative integer, got ${rows}`);
  if (!Number.isInteger(cols) || cols < 0) throw new RangeError(`matrix: cols must be a non-negative integer, got ${cols}`);
  if (data !== undefined && data.length !== rows * cols) {
    throw new RangeError(`matrix: data has length ${data.length}, expected rows·cols = ${rows * cols}`);
  }
  return { rows, cols, data: data === undefined ? new Float64Array(rows * cols) : Float64Array.from(data) };
}

export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0]!.length;
  const m = matrix(r, c);
  rows.forEach((row, i) => {
    if (row.length !== c) throw new RangeError(`fromRows: row ${i} has length ${row.length}, expected ${c}`);
    m.data.set(row, i * c);
  });
  return m;
}

export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

export function identity(n: number): Matrix {
  const m = matrix(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

export function get(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j]!;
}

/** Throws a RangeError naming `what` unless m is square. */
export function assertSquare(m: Matrix, what = 'matrix'): void {
  if (m.rows !== m.cols) throw new RangeError(`${what} must be square, got ${m.rows}×${m.cols}`);
}

/** Throws a RangeError naming `what` if any entry is NaN or infinite. */
export function assertFinite(m: Matrix | Float64Array, what = 'matrix'): void {
  const d = m instanceof Float64Array ? m : m.data;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i]!)) throw new RangeError(`${what} has a non-finite entry (${d[i]}) at index ${i}`);
  }
}
