/**
 * The one place the project imports TensorFlow.js. Everything under src/tf/ takes `tf` from here.
 *
 * `@tensorflow/tfjs` brings tfjs-core with every gradient registered, the cpu backend and the
 * (unused in Node) webgl backend; the wasm backend registers itself on import. The webgpu and
 * tensorflow (tfjs-node) backends are imported lazily by backend.ts, only when asked for.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

export { tf };
export type Tensor = tf.Tensor;
export type Tensor2D = tf.Tensor2D;
export type Variable = tf.Variable;
