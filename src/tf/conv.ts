/**
 * A 'same'-padded stride-1 2-D convolution written as patches × matrix (im2col), for backends that
 * cannot train tf.conv2d: the wasm backend has no Conv2DBackpropFilter kernel, but patches built from
 * pad + slice + concat and one matMul differentiate with kernels it has (Slice, Pad, Concat, MatMul).
 *
 * The weight matrix W has shape [k·k·C, F] with row (i·k + j)·C + c, which is exactly tf.conv2d's
 * filter [k, k, C, F] flattened row-major, so trained weights run through tf.conv2d at inference and
 * a property test compares the two.
 */
import { tf, type Tensor } from './tf.ts';

/** x: [B, H, W, C] → patches [B, H, W, k·k·C] ('same' padding, stride 1, odd k). */
export function patches(x: Tensor, k: number): Tensor {
  if (!(k % 2 === 1 && k >= 1)) throw new RangeError(`patches: kernel size k must be odd and ≥ 1, got ${k}`);
  const [b, h, w, c] = x.shape as [number, number, number, number];
  const p = (k - 1) / 2;
  const xp = tf.pad(x, [[0, 0], [p, p], [p, p], [0, 0]]);
  const parts: Tensor[] = [];
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) parts.push(tf.slice(xp, [0, i, j, 0], [b, h, w, c]));
  return tf.concat(parts, 3);
}

/** Convolution by im2col: x [B, H, W, C], wMat [k·k·C, F] → [B, H, W, F]. */
export function convIm2col(x: Tensor, wMat: Tensor, k: number): Tensor {
  const [b, h, w] = x.shape as [number, number, number, number];
  const f = wMat.shape[1]!;
  const pt = patches(x, k);
  const flat = tf.reshape(pt, [b * h * w, pt.shape[3]!]);
  return tf.reshape(tf.matMul(flat as tf.Tensor2D, wMat as tf.Tensor2D), [b, h, w, f]);
}

/** The same convolution through tf.conv2d (forward only on wasm): filter = wMat reshaped to [k, k, C, F]. */
export function convNative(x: Tensor, wMat: Tensor, k: number): Tensor {
  const c = x.shape[3]!;
  const f = wMat.shape[1]!;
  return tf.conv2d(x as tf.Tensor4D, tf.reshape(wMat, [k, k, c, f]) as tf.Tensor4D, 1, 'same');
}

/**
 * Trainable convolution for backends without Conv2DBackpropFilter: the forward pass and the input
 * gradient use native kernels (Conv2D, Conv2DBackpropInput, both on wasm); the filter gradient is
 * Σ_n patch(x)_n ⊗ dy_n, with the patches stacked along a new leading axis (a fast contiguous copy,
 * unlike a concat along the channel axis) and one matMul per filter offset folded into a batched one.
 */
export function convTrainable(x: Tensor, wMat: Tensor, k: number): Tensor {
  const f = tf.customGrad(((xs: Tensor, ws: Tensor, save: (t: Tensor[]) => void) => {
    save([xs, ws]);
    const value = convNative(xs, ws, k);
    const gradFunc = (dy: Tensor, saved: Tensor[]) => {
      const [x0, w0] = saved as [Tensor, Tensor];
      const [b, h, w, c] = x0.shape as [number, number, number, number];
      const fOut = w0.shape[1]!;
      const dx = tf.conv2dTranspose(dy as tf.Tensor4D, tf.reshape(w0, [k, k, c, fOut]) as tf.Tensor4D, [b, h, w, c], 1, 'same');
      const p = (k - 1) / 2;
      const xp = tf.pad(x0, [[0, 0], [p, p], [p, p], [0, 0]]);
      const parts: Tensor[] = [];
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) parts.push(tf.reshape(tf.slice(xp, [0, i, j, 0], [b, h, w, c]), [1, b * h * w, c]));
      const stacked = tf.concat(parts, 0); // [k·k, N, C]
      const cols = tf.reshape(tf.transpose(stacked, [0, 2, 1]), [k * k * c, b * h * w]);
      const dW = tf.matMul(cols as tf.Tensor2D, tf.reshape(dy, [b * h * w, fOut]) as tf.Tensor2D);
      return [dx, dW];
    };
    return { value, gradFunc };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return f(x, wMat);
}

/** im2col of single-channel images in plain JS (constant patches of the data: no gradient needed). */
export function imagePatches(images: Float32Array, n: number, side: number, k: number): Float32Array {
  const p = (k - 1) / 2;
  const kk = k * k;
  const out = new Float32Array(n * side * side * kk);
  for (let b = 0; b < n; b++) {
    const img = b * side * side;
    for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) {
      const o = ((b * side + y) * side + x) * kk;
      for (let i = 0; i < k; i++) {
        const sy = y + i - p;
        if (sy < 0 || sy >= side) continue;
        for (let j = 0; j < k; j++) {
          const sx = x + j - p;
          if (sx >= 0 && sx < side) out[o + i * k + j] = images[img + sy * side + sx]!;
        }
      }
    }
  }
  return out;
}
