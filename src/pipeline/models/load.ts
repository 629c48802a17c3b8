/**
 * Loading models through Transformers.js with the manifest's dtypes, the configured host, progress
 * reporting, and a WebGPU -> WASM fallback. Runs in workers and in Node tests alike.
 */
import { env, AutoModel, AutoProcessor, type PreTrainedModel, type Processor } from '@huggingface/transformers';
import type { FileProgressUpdate } from '../report';
import { capsFor, type DeviceCaps, type Dtype, type DtypeMap, dtypeFor, type ModelEntry, requestedFiles } from '../manifest';
import { fileUrl, type ModelHost } from '../host';
import { cachedFiles, progressAdapter, withDownloadErrors, type RawProgress } from '../progress';

export interface HostConfig {
  host: ModelHost;
  /** Node tests: a local folder laid out as the Hub would serve it. */
  localModelPath?: string;
  useBrowserCache?: boolean;
  /** Bundled ORT wasm files (never a CDN). */
  wasmPaths?: { wasm: string; mjs: string };
}

export function configureTransformers(cfg: HostConfig): void {
  if (cfg.localModelPath) {
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    env.localModelPath = cfg.localModelPath.replace(/\/?$/, '/');
  } else {
    env.allowLocalModels = false;
    env.allowRemoteModels = true;
    env.remoteHost = cfg.host.base;
    env.remotePathTemplate = cfg.host.pathTemplate;
  }
  env.useBrowserCache = cfg.useBrowserCache ?? typeof caches !== 'undefined';
  const onnx = env.backends.onnx as { wasm?: { wasmPaths?: unknown; proxy?: boolean } };
  if (cfg.wasmPaths && onnx.wasm) onnx.wasm.wasmPaths = cfg.wasmPaths;
}

export const isNode = () => typeof process !== 'undefined' && !!process.versions?.node && typeof window === 'undefined' && typeof self === 'undefined';

/** Transformers.js device string for our device kind (onnxruntime-node calls its CPU provider 'cpu'). */
export function runtimeDevice(kind: DeviceCaps['kind']): 'webgpu' | 'wasm' | 'cpu' {
  if (kind === 'webgpu') return 'webgpu';
  return isNode() ? 'cpu' : 'wasm';
}

export interface LoadRequest {
  entry: ModelEntry;
  caps: DeviceCaps;
  hostCfg: HostConfig;
  onProgress?: (p: FileProgressUpdate) => void;
  /** Test hook: make WebGPU session creation fail, to exercise the fallback. */
  failWebGPU?: boolean;
}

export interface Loaded<M> {
  model: M;
  processor: Processor;
  caps: DeviceCaps;
  dtype: DtypeMap;
  fallback?: { error: string };
}

/** Single-file models take the dtype string; multi-session ones the per-sub-model map. */
function dtypeOption(map: DtypeMap): Dtype | DtypeMap {
  const keys = Object.keys(map);
  return keys.length === 1 && keys[0] === 'model' ? map.model : map;
}

/** The options every loader passes to Transformers.js for this entry on this device. */
export function loadOptions(entry: ModelEntry, caps: DeviceCaps): { revision: string; device: 'webgpu' | 'wasm' | 'cpu'; dtype: Dtype | DtypeMap } {
  return { revision: entry.revision, device: runtimeDevice(capsFor(entry, caps).kind), dtype: dtypeOption(dtypeFor(entry, caps)) };
}

async function loadOnce<M extends PreTrainedModel>(
  req: LoadRequest,
  requested: DeviceCaps,
  loadModel: (id: string, opts: Record<string, unknown>) => Promise<M>,
): Promise<Loaded<M>> {
  const { entry, hostCfg } = req;
  const caps = capsFor(entry, requested); // a wasmOnly model stays on WASM
  const dtype = dtypeFor(entry, caps);
  const urls = requestedFiles(entry, caps).map((file) => ({
    model: entry.id,
    file,
    url: fileUrl(hostCfg.host, entry.id, entry.revision, file),
  }));
  const cached = hostCfg.localModelPath ? new Set<string>() : await cachedFiles(urls);
  return withDownloadErrors(entry.id, hostCfg.host, async (track) => {
    const sink = req.onProgress ? progressAdapter(req.onProgress, cached) : undefined;
    const progress_callback = (p: RawProgress) => {
      if (p.file) track(p.file);
      sink?.(p);
    };
    if (caps.kind === 'webgpu' && req.failWebGPU) throw new Error('WebGPU session creation failed (forced by the failWebGPU test flag)');
    const opts = { ...loadOptions(entry, caps), progress_callback };
    const [model, processor] = await Promise.all([
      loadModel(entry.id, opts),
      AutoProcessor.from_pretrained(entry.id, { revision: entry.revision, progress_callback }),
    ]);
    return { model, processor, caps, dtype };
  });
}

/** Loads on the requested device; a failed WebGPU session falls back to WASM and says why. */
export async function loadModelWithFallback<M extends PreTrainedModel = PreTrainedModel>(
  req: LoadRequest,
  loadModel: (id: string, opts: Record<string, unknown>) => Promise<M> = (id, opts) =>
    AutoModel.from_pretrained(id, opts) as Promise<M>,
): Promise<Loaded<M>> {
  try {
    return await loadOnce(req, req.caps, loadModel);
  } catch (err) {
    if (capsFor(req.entry, req.caps).kind !== 'webgpu' || (err instanceof Error && err.name === 'ModelDownloadError')) throw err;
    const wasm: DeviceCaps = { kind: 'wasm', shaderF16: false };
    const loaded = await loadOnce(req, wasm, loadModel);
    return { ...loaded, fallback: { error: err instanceof Error ? err.message : String(err) } };
  }
}
