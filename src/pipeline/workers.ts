/** Default worker factories (Vite bundles each `new Worker(new URL(...))` as a module worker). */
import type { WorkerFactories } from './orchestrator';

export const defaultWorkers: WorkerFactories = {
  depth: () => new Worker(new URL('../../workers/depth.worker.ts', import.meta.url), { type: 'module', name: 'depth' }),
  masks: () => new Worker(new URL('../../workers/masks.worker.ts', import.meta.url), { type: 'module', name: 'masks' }),
  objects: () => new Worker(new URL('../../workers/objects.worker.ts', import.meta.url), { type: 'module', name: 'objects' }),
  filter: () => new Worker(new URL('../../workers/filter.worker.ts', import.meta.url), { type: 'module', name: 'filter' }),
  vlm: () => new Worker(new URL('../../workers/vlm.worker.ts', import.meta.url), { type: 'module', name: 'vlm' }),
  geometry: () => new Worker(new URL('../../workers/geometry.worker.ts', import.meta.url), { type: 'module', name: 'geometry' }),
};
