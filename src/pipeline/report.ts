/**
 * What the pipeline tells the page while it runs, as an interface the pipeline owns: stages with status
 * and timings, per-file downloads, the device and why, events (restarts, retries, fallbacks). The
 * pipeline knows nothing of how it is shown; state/pipelineStore.ts adapts a zustand store to it.
 */

export type StageName = 'ingest' | 'filter' | 'objects' | 'masks' | 'depth' | 'geometry' | 'scene';
export type StageStatus = 'idle' | 'running' | 'done' | 'cached' | 'skipped' | 'error' | 'cancelled';

export const STAGES: readonly StageName[] = ['ingest', 'filter', 'objects', 'masks', 'depth', 'geometry', 'scene'];

export interface StageState {
  status: StageStatus;
  startedAt?: number;
  ms?: number;
  /** Inference part of `ms` (model run only), when the stage ran a model. */
  inferenceMs?: number;
  detail?: string;
  error?: string;
  attempts: number;
}

export interface FileProgress {
  model: string;
  file: string;
  loaded: number;
  total: number;
  status: 'initiate' | 'download' | 'progress' | 'done' | 'cached' | 'error';
  error?: string;
}

/** A progress update: `loaded`/`total` omitted keep what the file had (e.g. on 'done'). */
export type FileProgressUpdate = Omit<FileProgress, 'loaded' | 'total'> & Partial<Pick<FileProgress, 'loaded' | 'total'>>;

export interface DeviceState {
  kind: 'webgpu' | 'wasm' | 'unknown';
  shaderF16: boolean;
  reason: string;
  /** Set when WebGPU was tried and failed (session creation or device lost). */
  fallback?: { from: 'webgpu'; role: string; error: string; at: number };
}

export interface PipelineEvent {
  at: number;
  kind: 'restart' | 'retry' | 'fallback' | 'error' | 'cancel' | 'unload' | 'info';
  stage?: StageName;
  message: string;
}

/** Where the orchestrator reports; every method is fire-and-forget. */
export interface PipelineReporter {
  setStage(stage: StageName, patch: Partial<StageState>): void;
  setFile(p: FileProgressUpdate): void;
  setDevice(d: Partial<DeviceState>): void;
  event(e: Omit<PipelineEvent, 'at'>): void;
  warn(w: string): void;
  setLoaded(model: string, loaded: boolean): void;
  /** A new run: stages back to idle, warnings cleared (events and files kept). */
  resetRun(): void;
}

/** A reporter that drops everything (scripts, tests that only want results). */
export const silentReporter: PipelineReporter = {
  setStage() {}, setFile() {}, setDevice() {}, event() {}, warn() {}, setLoaded() {}, resetRun() {},
};
