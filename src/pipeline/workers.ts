/** Default worker factories (Vite bundles each `new Worker(new URL(...))` as a module worker). */
import type { WorkerFactories } from './orchestrator';

/** One script hosts every model role (workers/model.worker.ts); the worker's name says which it serves. */
const modelWorker = (role: string): Worker => new Worker(new URL('../../workers/model.worker.ts', import.meta.url), { type: 'module', name: role });

export const defaultWorkers: WorkerFactories = {
  depth: () => modelWorker('depth'),
  masks: () => modelWorker('masks'),
  objects: () => modelWorker('objects'),
  filter: () => modelWorker('filter'),
  vlm: () => modelWorker('vlm'),
  geometry: () => new Worker(new URL('../../workers/geometry.worker.ts', import.meta.url), { type: 'module', name: 'geometry' }),
};
