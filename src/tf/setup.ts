/**
 * What every TensorFlow.js claim needs before training: the backend (ctx.options.backend, default
 * auto), MNIST (checksum verified), the classifier fixture, and the real-feature Gaussian of the test
 * digits the run uses. Cached per process and digit subset.
 */
import { initBackend, type BackendInfo } from './backend.ts';
import { classify, loadClassifier, type ClassifierManifest } from './classifier.ts';
import { featureStats } from './gan-eval.ts';
import { indicesOf, loadMnist, toFloat } from './mnist.ts';
import type { GanData } from './train-gan.ts';

export interface TfSetup { backend: BackendInfo; data: GanData; classifier: ClassifierManifest; mnistSha256: string; realCount: number }

const cache = new Map<string, TfSetup>();

/**
 * `options` are the claim context's options: backend, and for machines without node_modules (the GPU
 * bundle) mnistBin (a file from writeMnistBin) and classifierDir.
 */
export async function tfSetup(options: Readonly<Record<string, string>>, digits?: readonly number[]): Promise<TfSetup> {
  const info = await initBackend(options.backend ?? 'auto');
  const key = `${info.name}:${digits?.join(',') ?? 'all'}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const mnist = loadMnist(options.mnistBin);
  const { params, manifest } = loadClassifier(options.classifierDir);
  const idx = indicesOf(mnist.test, digits);
  const real = featureStats(classify(params, toFloat(mnist.test, idx)).features, idx.length);
  const s: TfSetup = { backend: info, data: { train: mnist.train, clf: params, real }, classifier: manifest, mnistSha256: mnist.sha256, realCount: idx.length };
  cache.set(key, s);
  return s;
}

/** The facts every TensorFlow.js claim's evidence starts with. */
export function setupEvidence(s: TfSetup): Record<string, unknown> {
  return {
    backend: s.backend.name,
    ...(s.backend.adapter ? { adapter: s.backend.adapter } : {}),
    backendRequested: s.backend.requested,
    ...(s.backend.skipped.length ? { backendsSkipped: s.backend.skipped.map((k) => `${k.name}: ${k.reason}`).join('; ') } : {}),
    mnistSha256: s.mnistSha256,
    classifierTestAccuracy: s.classifier.testAccuracy,
    realTestDigits: s.realCount,
  };
}
