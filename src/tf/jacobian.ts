/**
 * The generator's input–output Jacobian J_z ∈ ℝ^{784×nz} at a batch of z, without a Jacobian primitive.
 *
 * How: reverse mode, one vector–Jacobian product per output pixel, all batched into one tf.grad call
 * per chunk of pixels. The batch of B latents is replicated once per pixel i of the chunk, pushed
 * through G in a single call, and pulled back with the one-hot cotangent e_i on its copy, so the
 * gradient of copy (i, b) is row i of J_{z_b}. Exact up to float32 rounding.
 * Why not forward differences in z (nz + 1 evaluations, cheaper): float32 rounding of G, about
 * 1e-7·|G|/h, swamps the smallest singular values, and the condition numbers 003 reports reach
 * e^20 for M_z (singular-value ratios ~e^10). Why not tf.jacobian: TensorFlow.js has none.
 * The generator must treat samples independently (no batch normalisation), which ours do.
 */
import { tf, type Tensor } from './tf.ts';

/**
 * J for each of the B rows of z (B × nz floats): returns B Float64Arrays of outDim × nz (row-major).
 * `chunk`: pixels per tf.grad call (memory ≈ chunk·B generator activations).
 */
export function generatorJacobians(G: (z: Tensor) => Tensor, z: Float32Array, B: number, nz: number, outDim: number, chunk = 196): Float64Array[] {
  if (z.length !== B * nz) throw new RangeError(`generatorJacobians: z has ${z.length} values, expected B·nz = ${B * nz}`);
  const J = Array.from({ length: B }, () => new Float64Array(outDim * nz));
  const zt = tf.tensor2d(z, [B, nz]);
  for (let i0 = 0; i0 < outDim; i0 += chunk) {
    const c = Math.min(chunk, outDim - i0);
    const g = tf.tidy(() => {
      const zRep = tf.tile(zt, [c, 1]); // row i·B + b is z_b, for pixel i0 + i
      // Cotangent: copy (i, b) selects output pixel i0 + i.
      const sel = tf.reshape(tf.tile(tf.expandDims(tf.slice(tf.eye(outDim), [i0, 0], [c, outDim]), 1), [1, B, 1]), [c * B, outDim]);
      return tf.grad((zz: Tensor) => tf.sum(tf.mul(G(zz), sel)))(zRep);
    });
    const d = g.dataSync();
    g.dispose();
    for (let i = 0; i < c; i++) for (let b = 0; b < B; b++) {
      J[b]!.set(d.subarray((i * B + b) * nz, (i * B + b + 1) * nz), (i0 + i) * nz);
    }
  }
  zt.dispose();
  return J;
}
