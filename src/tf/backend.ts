/**
 * Backend choice for the TensorFlow.js tier: --backend auto|tensorflow|webgpu|wasm|cpu.
 *
 * - tensorflow: @tensorflow/tfjs-node-gpu or @tensorflow/tfjs-node, imported dynamically and used only
 *   when it loads (its install script downloads libtensorflow from outside the npm registry, so it is
 *   not a dependency of this package; install it yourself where that works).
 * - webgpu: @tensorflow/tfjs-backend-webgpu over the `webgpu` npm package (Dawn). The GPU object must
 *   exist on `navigator` before the backend module is imported, or the backend never registers.
 * - wasm: the CPU default (SIMD; about 40× the pure-JS backend here).
 * - cpu: pure JavaScript, the slowest, always available.
 * auto keeps the first that initialises of: tensorflow with CUDA (tfjs-node-gpu), webgpu, tensorflow
 * on the CPU (tfjs-node: native TensorFlow, faster than wasm), wasm, cpu: fastest first.
 * A backend that fails is a BackendError with a one-line reason, never a stack trace.
 */
import { existsSync } from 'node:fs';
import { tf } from './tf.ts';

export const BACKENDS = ['tensorflow', 'webgpu', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = BackendName | 'auto';

export interface BackendInfo {
  /** The backend that runs (tf.getBackend()). */
  name: BackendName;
  /** What was asked for. */
  requested: BackendChoice;
  /** For webgpu: adapter vendor/architecture/device/description as Dawn reports them. */
  adapter?: string;
  /** Backends auto tried before this one, with why each was passed over. */
  skipped: { name: BackendName; reason: string }[];
}

export class BackendError extends Error {
  constructor(readonly backend: string, reason: string) {
    super(`TensorFlow.js backend '${backend}' could not be initialised: ${reason}`);
    this.name = 'BackendError';
  }
}

export function parseBackend(value: string | undefined): BackendChoice {
  const v = (value ?? 'auto').toLowerCase();
  if (v === 'auto' || (BACKENDS as readonly string[]).includes(v)) return v as BackendChoice;
  throw new RangeError(`backend must be one of auto, ${BACKENDS.join(', ')}; got '${value}'`);
}

let current: BackendInfo | undefined;

/** Initialise the requested backend once per process (a later different request switches if it can). */
export async function initBackend(choice: BackendChoice | string = 'auto'): Promise<BackendInfo> {
  const requested = parseBackend(choice);
  if (current && (requested === current.requested || requested === current.name)) return current;
  const order: [BackendName, boolean][] = requested === 'auto'
    ? [['tensorflow', true], ['webgpu', false], ['tensorflow', false], ['wasm', false], ['cpu', false]]
    : [[requested, false]];
  const skipped: BackendInfo['skipped'] = [];
  for (const [name, gpuOnly] of order) {
    if (gpuOnly && !(await hasPackage('@tensorflow/tfjs-node-gpu'))) {
      skipped.push({ name, reason: '@tensorflow/tfjs-node-gpu (CUDA) is not installed' });
      continue;
    }
    if (name === 'tensorflow' && skipped.some((s) => s.name === 'tensorflow' && !s.reason.includes('CUDA'))) continue;
    try {
      const adapter = await tryBackend(name);
      current = { name, requested, skipped, ...(adapter ? { adapter } : {}) };
      return current;
    } catch (e) {
      const reason = e instanceof Error ? e.message.split('\n')[0]! : String(e);
      if (requested !== 'auto') throw new BackendError(name, reason);
      skipped.push({ name, reason });
    }
  }
  throw new BackendError('auto', skipped.map((s) => `${s.name}: ${s.reason}`).join('; '));
}

/** The backend initialised by initBackend (undefined before). */
export function currentBackend(): BackendInfo | undefined {
  return current;
}

async function tryBackend(name: BackendName): Promise<string | undefined> {
  let adapter: string | undefined;
  if (name === 'tensorflow') await loadTfjsNode();
  if (name === 'webgpu') adapter = await loadWebgpu();
  const ok = await quiet(() => tf.setBackend(name));
  if (!ok || tf.getBackend() !== name) throw new Error(`setBackend('${name}') left the backend at '${tf.getBackend()}'`);
  await tf.ready();
  // One tiny op proves the kernels run (a backend can register and still fail on first use).
  const probe = tf.tidy(() => tf.sum(tf.mul(tf.ones([4]), 2)));
  const v = (await probe.data())[0];
  probe.dispose();
  if (v !== 8) throw new Error(`probe op returned ${v}, expected 8`);
  return adapter;
}

async function hasPackage(pkg: string): Promise<boolean> {
  try {
    (await import('node:module')).createRequire(import.meta.url).resolve(pkg);
    return true;
  } catch {
    return false;
  }
}

async function loadTfjsNode(): Promise<void> {
  if (tf.findBackendFactory('tensorflow')) return;
  // Names in variables so bundlers and tsc leave these optional packages alone.
  for (const pkg of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    try {
      await quiet(() => import(/* @vite-ignore */ pkg));
      if (tf.findBackendFactory('tensorflow')) return;
    } catch {
      // try the next one
    }
  }
  throw new Error('neither @tensorflow/tfjs-node-gpu nor @tensorflow/tfjs-node is installed (optional; its install downloads libtensorflow)');
}

async function loadWebgpu(): Promise<string> {
  const g = globalThis as { navigator?: { gpu?: any } };
  if (!g.navigator?.gpu) {
    // Without a Vulkan loader Dawn finds no adapter anyway, and says so on stderr from native code.
    if (process.platform === 'linux' && !hasVulkanLoader()) throw new Error('no Vulkan loader (libvulkan.so.1) on this machine, so Dawn has no adapter');
    const pkg = 'webgpu';
    let mod: any;
    try {
      mod = await import(/* @vite-ignore */ pkg);
    } catch (e) {
      throw new Error(`the 'webgpu' package (Dawn for Node) does not load: ${(e as Error).message.split('\n')[0]}`);
    }
    Object.assign(globalThis, mod.globals);
    const gpu = await quiet(() => mod.create([]));
    Object.defineProperty(globalThis, 'navigator', { value: { ...(g.navigator ?? {}), gpu }, configurable: true });
  }
  const gpu = (globalThis as any).navigator.gpu;
  const adapter = await quiet(() => gpu.requestAdapter());
  if (!adapter) throw new Error('no WebGPU adapter (no Vulkan/Metal/D3D12 driver Dawn can use)');
  const info = adapter.info ?? (adapter.requestAdapterInfo ? await adapter.requestAdapterInfo() : {});
  const adapterName = [info.vendor, info.architecture, info.device, info.description].filter((s: unknown) => s).join(' / ') || 'unknown adapter';
  if (!tf.findBackendFactory('webgpu')) await quiet(() => import('@tensorflow/tfjs-backend-webgpu'));
  if (!tf.findBackendFactory('webgpu')) throw new Error('@tensorflow/tfjs-backend-webgpu did not register (navigator.gpu missing at import time)');
  return adapterName;
}

function hasVulkanLoader(): boolean {
  const dirs = [...(process.env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean),
    '/usr/lib/x86_64-linux-gnu', '/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib', '/lib64', '/lib', '/usr/local/lib'];
  return dirs.some((d) => existsSync(`${d}/libvulkan.so.1`));
}

/**
 * Run f with console.log/warn/info silenced: TensorFlow.js prints banners and fallback notices
 * ("Hi there 👋 …", "Initialization of backend … failed") that would corrupt the CLI's stdout.
 */
export async function quiet<T>(f: () => Promise<T> | T): Promise<T> {
  const saved = { log: console.log, warn: console.warn, info: console.info };
  console.log = console.warn = console.info = () => {};
  try {
    return await f();
  } finally {
    Object.assign(console, saved);
  }
}
