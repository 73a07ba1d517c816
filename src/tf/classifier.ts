/**
 * The MNIST classifier behind the Fréchet distance (its 64 penultimate features) and the classifier
 * score (its softmax), as 003 §3 does with "a pre-trained MNIST classifier".
 *
 * Architecture: conv 5×5 1→8, ReLU, max-pool 2 → conv 5×5 8→16, ReLU, max-pool 2 → dense 784→64,
 * ReLU (features) → dense 64→10 (logits). Input pixels in [0, 1]. 54 314 float32 parameters (217 kB).
 * Trained by fixtures/mnist-classifier/train.ts on wasm (which cannot train tf.conv2d: see conv.ts for
 * the im2col / custom-gradient route); at run time the same weights run through tf.conv2d.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tf, type Tensor } from './tf.ts';
import { convNative, convTrainable } from './conv.ts';
import { NUM_CLASSES, PIXELS } from './mnist.ts';

export const FEATURES = 64;
export const CLASSIFIER_SHAPES = {
  conv1: [25, 8], conv1b: [8],
  conv2: [200, 16], conv2b: [16],
  fc1: [784, FEATURES], fc1b: [FEATURES],
  fc2: [FEATURES, NUM_CLASSES], fc2b: [NUM_CLASSES],
} as const;
export type ParamName = keyof typeof CLASSIFIER_SHAPES;
export type ClassifierParams = Record<ParamName, Tensor>;

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/mnist-classifier/', import.meta.url));

/**
 * Forward pass: images [n, 784] in [0, 1] → { features [n, 64], logits [n, 10] }.
 * `patches1`: for training, the first layer's im2col patches [n·784, 25] (imagePatches), so the first
 * convolution is a plain matMul; the second then trains through convTrainable.
 */
export function classifierForward(p: ClassifierParams, images: Tensor, patches1?: Tensor): { features: Tensor; logits: Tensor } {
  const n = images.shape[0]!;
  let h: Tensor = patches1
    ? tf.reshape(tf.matMul(patches1 as tf.Tensor2D, p.conv1 as tf.Tensor2D), [n, 28, 28, 8])
    : convNative(tf.reshape(images, [n, 28, 28, 1]), p.conv1, 5);
  h = tf.maxPool(tf.relu(tf.add(h, p.conv1b)) as tf.Tensor4D, 2, 2, 'valid');
  h = patches1 ? convTrainable(h, p.conv2, 5) : convNative(h, p.conv2, 5);
  h = tf.maxPool(tf.relu(tf.add(h, p.conv2b)) as tf.Tensor4D, 2, 2, 'valid');
  const features = tf.relu(tf.add(tf.matMul(tf.reshape(h, [n, 784]) as tf.Tensor2D, p.fc1 as tf.Tensor2D), p.fc1b));
  const logits = tf.add(tf.matMul(features as tf.Tensor2D, p.fc2 as tf.Tensor2D), p.fc2b);
  return { features, logits };
}

/** He-normal initial parameters (seeded through the caller's normals). */
export function initClassifier(normal: () => number): ClassifierParams {
  const out = {} as ClassifierParams;
  for (const [name, shape] of Object.entries(CLASSIFIER_SHAPES) as [ParamName, readonly number[]][]) {
    const size = shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(size);
    if (shape.length === 2) {
      const std = Math.sqrt(2 / shape[0]!);
      for (let i = 0; i < size; i++) data[i] = std * normal();
    }
    out[name] = tf.tensor(data, [...shape]);
  }
  return out;
}

export interface ClassifierManifest {
  format: 'gan-claims/mnist-classifier@1';
  params: { name: ParamName; shape: number[]; offset: number }[];
  testAccuracy: number;
  trainAccuracy: number;
  command: string;
  [k: string]: unknown;
}

/** Serialise to (manifest, little-endian float32 bytes). */
export function serialiseClassifier(p: ClassifierParams, meta: Omit<ClassifierManifest, 'format' | 'params'>): { manifest: ClassifierManifest; bytes: Buffer } {
  const chunks: Buffer[] = [];
  const params: ClassifierManifest['params'] = [];
  let offset = 0;
  for (const name of Object.keys(CLASSIFIER_SHAPES) as ParamName[]) {
    const data = p[name].dataSync() as Float32Array;
    params.push({ name, shape: [...p[name].shape], offset });
    chunks.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    offset += data.length;
  }
  return { manifest: { format: 'gan-claims/mnist-classifier@1', params, ...meta } as ClassifierManifest, bytes: Buffer.concat(chunks) };
}

export function loadClassifier(dir = FIXTURE_DIR): { params: ClassifierParams; manifest: ClassifierManifest } {
  const manifest = JSON.parse(readFileSync(`${dir}/model.json`, 'utf8')) as ClassifierManifest;
  if (manifest.format !== 'gan-claims/mnist-classifier@1') throw new Error(`${dir}/model.json: unknown format ${manifest.format}`);
  const buf = readFileSync(`${dir}/weights.bin`);
  const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const params = {} as ClassifierParams;
  for (const { name, shape, offset } of manifest.params) {
    const size = shape.reduce((a, b) => a * b, 1);
    params[name] = tf.tensor(all.subarray(offset, offset + size), shape);
  }
  return { params, manifest };
}

export interface Classified {
  n: number;
  /** n × 64 features, float64 copies of the float32 activations. */
  features: Float64Array;
  /** n × 10 softmax probabilities. */
  probs: Float64Array;
}

/** Classify n images ([0, 1] pixels, n × 784 floats) in batches (inference: tf.conv2d). */
export function classify(p: ClassifierParams, images: Float32Array, batch = 500): Classified {
  const n = images.length / PIXELS;
  if (!Number.isInteger(n)) throw new RangeError(`classify: images length ${images.length} is not a multiple of ${PIXELS}`);
  const features = new Float64Array(n * FEATURES);
  const probs = new Float64Array(n * NUM_CLASSES);
  for (let s = 0; s < n; s += batch) {
    const m = Math.min(batch, n - s);
    const [f, pr] = tf.tidy(() => {
      const x = tf.tensor2d(images.subarray(s * PIXELS, (s + m) * PIXELS), [m, PIXELS]);
      const out = classifierForward(p, x);
      return [out.features, tf.softmax(out.logits)];
    });
    features.set(f!.dataSync(), s * FEATURES);
    probs.set(pr!.dataSync(), s * NUM_CLASSES);
    f!.dispose();
    pr!.dispose();
  }
  return { n, features, probs };
}

export function accuracy(probs: Float64Array, labels: ArrayLike<number>): number {
  let hit = 0;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let c = 1; c < NUM_CLASSES; c++) if (probs[i * NUM_CLASSES + c]! > probs[i * NUM_CLASSES + best]!) best = c;
    if (best === labels[i]) hit++;
  }
  return hit / labels.length;
}
