/**
 * What the pipeline is doing, for the UI: stages with status and timings, per-file downloads, the device
 * in use and why, errors and worker restarts. A plain zustand vanilla store: the pipeline writes, React
 * reads through hooks elsewhere.
 */
import { createStore } from 'zustand/vanilla';

export type StageName = 'ingest' | 'filter' | 'objects' | 'masks' | 'depth' | 'geometry' | 'scene';
export type StageStatus = 'idle' | 'running' | 'done' | 'cached' | 'skipped' | 'error' | 'cancelled';

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

export interface PipelineState {
  stages: Record<StageName, StageState>;
  files: Record<string, FileProgress>;
  device: DeviceState;
  events: PipelineEvent[];
  warnings: string[];
  loadedModels: string[];
}

const STAGES: StageName[] = ['ingest', 'filter', 'objects', 'masks', 'depth', 'geometry', 'scene'];

export const initialPipelineState = (): PipelineState => ({
  stages: Object.fromEntries(STAGES.map((s) => [s, { status: 'idle', attempts: 0 }])) as Record<StageName, StageState>,
  files: {},
  device: { kind: 'unknown', shaderF16: false, reason: 'not detected yet' },
  events: [],
  warnings: [],
  loadedModels: [],
});

export const pipelineStore = createStore<PipelineState>(() => initialPipelineState());
export type PipelineStore = typeof pipelineStore;

export const fileKey = (model: string, file: string) => `${model}/${file}`;

export function totals(files: Record<string, FileProgress>): { loaded: number; total: number; cachedFiles: number } {
  let loaded = 0;
  let total = 0;
  let cachedFiles = 0;
  for (const f of Object.values(files)) {
    loaded += f.loaded;
    total += f.total;
    if (f.status === 'cached') cachedFiles++;
  }
  return { loaded, total, cachedFiles };
}

/** Small helpers so writers stay one-liners; all take the store so tests can use their own. */
export const pipelineActions = {
  setStage(store: PipelineStore, stage: StageName, patch: Partial<StageState>) {
    store.setState((s) => ({ stages: { ...s.stages, [stage]: { ...s.stages[stage], ...patch } } }));
  },
  setFile(store: PipelineStore, p: FileProgressUpdate) {
    const key = fileKey(p.model, p.file);
    store.setState((s) => {
      const prev = s.files[key] ?? { loaded: 0, total: 0 };
      const next: FileProgress = { ...prev, ...p, loaded: p.loaded ?? prev.loaded, total: p.total ?? prev.total };
      // A file read from the Cache API stays "cached" through its progress events.
      if (prev.status === 'cached' && p.status !== 'error') next.status = 'cached';
      return { files: { ...s.files, [key]: next } };
    });
  },
  setDevice(store: PipelineStore, d: Partial<DeviceState>) {
    store.setState((s) => ({ device: { ...s.device, ...d } }));
  },
  event(store: PipelineStore, e: Omit<PipelineEvent, 'at'>) {
    store.setState((s) => ({ events: [...s.events, { ...e, at: Date.now() }] }));
  },
  warn(store: PipelineStore, w: string) {
    store.setState((s) => (s.warnings.includes(w) ? s : { warnings: [...s.warnings, w] }));
  },
  setLoaded(store: PipelineStore, model: string, loaded: boolean) {
    store.setState((s) => ({
      loadedModels: loaded ? [...new Set([...s.loadedModels, model])] : s.loadedModels.filter((m) => m !== model),
    }));
  },
  resetRun(store: PipelineStore) {
    store.setState((s) => ({ stages: initialPipelineState().stages, warnings: [], events: s.events }));
  },
};
