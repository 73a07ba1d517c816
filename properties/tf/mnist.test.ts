import { expect, test } from 'vitest';
import { checksum, CLASS_COUNTS, loadMnist, MNIST_SHA256, PIXELS, toFloat } from '../../src/tf/mnist.ts';

test('MNIST from the package: checksum, 8 004 / 1 996 split, ⌊n/5⌋ test digits per class', () => {
  const m = loadMnist();
  expect(m.sha256).toBe(MNIST_SHA256);
  expect(m.train.n).toBe(8004);
  expect(m.test.n).toBe(1996);
  for (let d = 0; d < 10; d++) {
    const inTest = m.test.labels.filter((l) => l === d).length;
    const inTrain = m.train.labels.filter((l) => l === d).length;
    expect(inTest + inTrain).toBe(CLASS_COUNTS[d]);
    expect(inTest).toBe(Math.floor(CLASS_COUNTS[d]! / 5)); // i mod 5 = 4 → ⌊n/5⌋ per class
  }
});

test('the checksum sees a single changed pixel', () => {
  const m = loadMnist();
  const px = m.train.pixels.slice();
  const lb = m.train.labels.slice();
  const before = checksum(px, lb);
  px[12345] = (px[12345]! + 1) % 256;
  expect(checksum(px, lb)).not.toBe(before);
});

test('toFloat maps bytes to [0, 1] and, signed, to [−1, 1]', () => {
  const m = loadMnist();
  const a = toFloat(m.test, [0, 1]);
  const s = toFloat(m.test, [0, 1], true);
  expect(a.length).toBe(2 * PIXELS);
  for (let i = 0; i < a.length; i++) {
    expect(a[i]).toBeGreaterThanOrEqual(0);
    expect(a[i]).toBeLessThanOrEqual(1);
    expect(s[i]).toBeCloseTo(2 * a[i]! - 1, 6);
  }
});
