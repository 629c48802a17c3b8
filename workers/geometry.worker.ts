/** Geometry worker: src/core stages 5-8 (lift, canonicalize, objects3d, scene) off the main thread. */
import * as Comlink from 'comlink';
import { buildScene, type BuildSceneInput, type BuildSceneResult } from '../src/core/scene/buildScene';

const api = {
  /** Buffers arrive transferred; the cloud and per-object pixel lists go back transferred. */
  build(input: BuildSceneInput): BuildSceneResult {
    const r = buildScene(input);
    const transfers: Transferable[] = [r.cloud.positions.buffer, r.cloud.colors.buffer, r.cloud.pixel.buffer, ...r.objectPixels.map((p) => p.buffer)];
    return Comlink.transfer(r, [...new Set(transfers)] as ArrayBuffer[]);
  },
  crashForTest(): Promise<never> {
    setTimeout(() => {
      throw new Error('simulated worker crash (test hook)');
    }, 0);
    return new Promise<never>(() => {});
  },
};

export type GeometryWorkerApi = typeof api;
Comlink.expose(api);
