/** Types shared by the model workers and the pipeline that drives them (comlink APIs). */
import type { DeviceCaps, DtypeMap, ModelEntry } from '../../src/pipeline/manifest';
import type { ModelHost } from '../../src/pipeline/host';
import type { FileProgressUpdate } from '../../src/pipeline/report';

export interface WorkerInit {
  entry: ModelEntry;
  caps: DeviceCaps;
  host: ModelHost;
  useBrowserCache: boolean;
  /** Test hook: WebGPU session creation (true) or the first inference on WebGPU ('inference') throws, so the fallback runs. */
  failWebGPU?: boolean | 'inference';
}

/** What a load did: the device it ended on and why, the dtypes, and how long it took. */
export interface LoadReport {
  model: string;
  caps: DeviceCaps;
  dtype: DtypeMap;
  fallback?: { error: string };
  ms: number;
}

export type ProgressCallback = (p: FileProgressUpdate) => void;
export type LoadCallback = (r: LoadReport) => void;

/** Every model worker has these. */
export interface ModelWorkerApi {
  init(cfg: WorkerInit, onProgress: ProgressCallback, onLoad: LoadCallback): Promise<void>;
  load(): Promise<LoadReport>;
  unload(): Promise<void>;
  /** Test hook: the worker dies with an uncaught error (as an OOM would). */
  crashForTest(): Promise<never>;
}

/** The image every model stage sees (working size). Copied into each worker. */
export interface WorkerImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}
