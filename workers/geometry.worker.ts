/** Geometry worker: src/core stages 5-8 (lift, canonicalize, objects3d, scene) off the main thread. */
import * as Comlink from 'comlink';
import {
  buildScene,
  finishScene,
  prepareScene,
  type BuildSceneInput,
  type BuildSceneResult,
  type FinishSceneInput,
  type PrepareSceneInput,
  type PreparedScene,
} from '../src/core/scene/buildScene';

/** Prepared clouds waiting for their objects, by id; a cancelled run's entry is dropped by the next one. */
const prepared = new Map<number, PreparedScene>();
let nextId = 1;
const KEEP = 2;

function send(r: BuildSceneResult): BuildSceneResult {
  const transfers: Transferable[] = [r.cloud.positions.buffer, r.cloud.colors.buffer, r.cloud.pixel.buffer, ...r.objectPixels.map((p) => p.buffer)];
  return Comlink.transfer(r, [...new Set(transfers)] as ArrayBuffer[]);
}

const api = {
  /** Buffers arrive transferred; the cloud and per-object pixel lists go back transferred. */
  build(input: BuildSceneInput): BuildSceneResult {
    return send(buildScene(input));
  },
  /** Lift + canonicalize now (depth is known, masks may not be); finish() with the id adds the objects. */
  prepare(input: PrepareSceneInput): { id: number; liftMs: number; canonicalizeMs: number } {
    const p = prepareScene(input);
    const id = nextId++;
    prepared.set(id, p);
    for (const k of prepared.keys()) if (prepared.size > KEEP && k !== id) prepared.delete(k);
    return { id, liftMs: p.liftMs, canonicalizeMs: p.canonicalizeMs };
  },
  finish(id: number, rest: FinishSceneInput): BuildSceneResult {
    const p = prepared.get(id);
    if (!p) throw new Error(`geometry: prepared cloud ${id} is gone (the worker restarted); build it again`);
    prepared.delete(id);
    return send(finishScene(p, rest));
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
