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
} from '../src/core/build/buildScene';
import { renderSyntheticScene } from '../src/core/testing/syntheticScene';
import { benchSceneSpec } from '../src/core/testing/benchScene';

/** Prepared clouds waiting for their objects, by id; a cancelled run's entry is dropped by the next one. */
const prepared = new Map<number, PreparedScene>();
let nextId = 1;
const KEEP = 2;

function send(r: BuildSceneResult): BuildSceneResult {
  const transfers: Transferable[] = [r.cloud.positions.buffer, r.cloud.colors.buffer, r.cloud.pixel.buffer, ...r.objectPixels.map((p) => p.buffer)];
  return Comlink.transfer(r, [...new Set(transfers)] as ArrayBuffer[]);
}

let warmed = false;

const api = {
  /**
   * Builds a small synthetic scene twice (once per worker), so the first photo's lift, canonicalize and
   * objects3d run optimised code; the pipeline asks for it while the models load.
   */
  warmUp(): void {
    if (warmed) return;
    warmed = true;
    // one ray per pixel: the warm-up needs the code paths run, not a lens's edges (anti-aliasing would add about 50 ms)
    const r = renderSyntheticScene({ ...benchSceneSpec(512, 384), antialias: false });
    for (let i = 0; i < 2; i++) {
      buildScene({
        depth: r.depth, intrinsics: r.intrinsics, intrinsicsSource: 'explicit', intrinsicsDetail: 'warm-up', rgb: r.rgb,
        objects: r.objects.map((o, k) => ({ id: o.id, caption: o.caption, box2d: o.box2d, mask: k % 2 ? o.mask : undefined })),
        provenance: { depthSource: 'warm-up', objectsSource: 'warm-up', createdAt: '', app: 'SpatialLens' },
      });
    }
  },
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
