/**
 * What the pipeline is doing, for the UI: stages with status and timings, per-file downloads, the device
 * in use and why, errors and worker restarts. A zustand vanilla store whose `actions` are the pipeline's
 * reporter (pipeline/report.ts): the pipeline writes through that interface, React reads through hooks.
 */
import { createStore } from 'zustand/vanilla';
import { STAGES, type DeviceState, type FileProgress, type PipelineEvent, type PipelineReporter, type StageName, type StageState } from '../pipeline/report';

export type { DeviceState, FileProgress, FileProgressUpdate, PipelineEvent, StageName, StageState, StageStatus } from '../pipeline/report';

export interface PipelineData {
  stages: Record<StageName, StageState>;
  files: Record<string, FileProgress>;
  device: DeviceState;
  events: PipelineEvent[];
  warnings: string[];
  loadedModels: string[];
}

export interface PipelineState extends PipelineData {
  /** The store's writers; they are the PipelineReporter the orchestrator is given. */
  actions: PipelineReporter;
}

const idleStages = (): Record<StageName, StageState> => Object.fromEntries(STAGES.map((s) => [s, { status: 'idle', attempts: 0 }])) as Record<StageName, StageState>;

export const initialPipelineData = (): PipelineData => ({
  stages: idleStages(),
  files: {},
  device: { kind: 'unknown', shaderF16: false, reason: 'not detected yet' },
  events: [],
  warnings: [],
  loadedModels: [],
});

export const fileKey = (model: string, file: string) => `${model}/${file}`;

/** A pipeline store (the page has one; tests and the harness make their own). */
export const createPipelineStore = () => createStore<PipelineState>()((set) => ({
  ...initialPipelineData(),
  actions: {
    setStage: (stage, patch) => set((s) => ({ stages: { ...s.stages, [stage]: { ...s.stages[stage], ...patch } } })),
    setFile: (p) => set((s) => {
      const key = fileKey(p.model, p.file);
      const prev = s.files[key] ?? { loaded: 0, total: 0 };
      const next: FileProgress = { ...prev, ...p, loaded: p.loaded ?? prev.loaded, total: p.total ?? prev.total };
      // A file read from the Cache API stays "cached" through its progress events.
      if (prev.status === 'cached' && p.status !== 'error') next.status = 'cached';
      return { files: { ...s.files, [key]: next } };
    }),
    setDevice: (d) => set((s) => ({ device: { ...s.device, ...d } })),
    event: (e) => set((s) => ({ events: [...s.events, { ...e, at: Date.now() }] })),
    warn: (w) => set((s) => (s.warnings.includes(w) ? s : { warnings: [...s.warnings, w] })),
    setLoaded: (model, loaded) => set((s) => ({
      loadedModels: loaded ? [...new Set([...s.loadedModels, model])] : s.loadedModels.filter((m) => m !== model),
    })),
    resetRun: () => set({ stages: idleStages(), warnings: [] }),
  },
}));

export type PipelineStore = ReturnType<typeof createPipelineStore>;
export const pipelineStore: PipelineStore = createPipelineStore();

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
