/**
 * The TensorFlow.js tier, loaded only when one of its claims runs. Importing TensorFlow.js costs
 * ~2 s and the wasm backend installs process-wide uncaughtException handlers, neither of which
 * `gan-claims list`, `show`, or any other claim should pay for. Type-only imports stay static.
 */
export async function loadTf() {
  const [backend, appg, setup, trainGan, jacobian, toMlp] = await Promise.all([
    import('../../tf/backend.ts'),
    import('../../tf/appg.ts'),
    import('../../tf/setup.ts'),
    import('../../tf/train-gan.ts'),
    import('../../tf/jacobian.ts'),
    import('../../tf/to-mlp.ts'),
  ]);
  return { ...backend, ...appg, ...setup, ...trainGan, ...jacobian, ...toMlp };
}

export type TfTier = Awaited<ReturnType<typeof loadTf>>;
