/**
 * Which device runs the models: WebGPU when an adapter exists (its `shader-f16` feature decides fp16 vs
 * fp32 per sub-model, see manifest.dtypeFor), else WASM. Failures after this point (session creation,
 * device lost) fall back to WASM in the worker, and the pipeline state says so.
 */
import type { DeviceCaps } from './manifest';

export interface DeviceChoice {
  caps: DeviceCaps;
  reason: string;
  adapter?: string;
}

interface GpuLike {
  requestAdapter(opts?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<{ features: { has(f: string): boolean }; info?: { vendor?: string; architecture?: string; description?: string } } | null>;
}

export async function detectDevice(opts: { forceWasm?: boolean; gpu?: GpuLike | null } = {}): Promise<DeviceChoice> {
  if (opts.forceWasm) return { caps: { kind: 'wasm', shaderF16: false }, reason: 'WASM chosen in settings' };
  const gpu = opts.gpu !== undefined ? opts.gpu : ((globalThis.navigator as Navigator & { gpu?: GpuLike })?.gpu ?? null);
  if (!gpu) return { caps: { kind: 'wasm', shaderF16: false }, reason: 'this browser has no WebGPU' };
  let adapter: Awaited<ReturnType<GpuLike['requestAdapter']>> = null;
  let defaultAdapter: Awaited<ReturnType<GpuLike['requestAdapter']>> = null;
  try {
    // The adapter the models run on: Transformers.js sets ORT's env.webgpu.powerPreference to
    // 'high-performance' (backends/onnx.js), and ORT requests its adapter with it.
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    // Transformers.js refuses an fp16 dtype unless the *default* adapter has shader-f16 (utils/dtypes.js
    // isWebGpuFp16Supported calls requestAdapter() with no options): on a dual-GPU machine both must have it.
    defaultAdapter = await gpu.requestAdapter().catch(() => null);
  } catch (e) {
    return { caps: { kind: 'wasm', shaderF16: false }, reason: `WebGPU adapter request failed: ${(e as Error).message}` };
  }
  if (!adapter) return { caps: { kind: 'wasm', shaderF16: false }, reason: 'WebGPU is present but offered no adapter' };
  const shaderF16 = adapter.features.has('shader-f16') && !!defaultAdapter?.features.has('shader-f16');
  const name = [adapter.info?.vendor, adapter.info?.architecture, adapter.info?.description].filter(Boolean).join(' ') || 'unknown adapter';
  return {
    caps: { kind: 'webgpu', shaderF16 },
    reason: `WebGPU adapter (${name}) ${shaderF16 ? 'with shader-f16: fp16 weights' : 'without shader-f16: fp32 weights'}`,
    adapter: name,
  };
}
