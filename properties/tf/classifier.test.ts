import { beforeAll, expect, test } from 'vitest';
import { initBackend } from '../../src/tf/backend.ts';
import { accuracy, classify, loadClassifier } from '../../src/tf/classifier.ts';
import { loadMnist, toFloat } from '../../src/tf/mnist.ts';

beforeAll(async () => { await initBackend('wasm'); });

/** The fixture's accuracy was measured on the same 2 000 digits through the same inference path; float32 summation order may flip a borderline digit or two. */
const ACC_ATOL = 0.002;

test('the classifier fixture reaches its recorded test accuracy (≥ 98 %) through tf.conv2d on wasm', () => {
  const { params, manifest } = loadClassifier();
  const { test: t } = loadMnist();
  const c = classify(params, toFloat(t, Array.from({ length: t.n }, (_, i) => i)));
  const acc = accuracy(c.probs, t.labels);
  expect(Math.abs(acc - manifest.testAccuracy)).toBeLessThanOrEqual(ACC_ATOL);
  expect(acc).toBeGreaterThanOrEqual(0.98);
  for (let i = 0; i < c.n; i++) {
    let s = 0;
    for (let k = 0; k < 10; k++) s += c.probs[i * 10 + k]!;
    expect(Math.abs(s - 1)).toBeLessThan(1e-5);
  }
});
