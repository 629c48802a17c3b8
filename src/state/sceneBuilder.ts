/**
 * Scene building (lift, canonicalize, objects3d) for samples, RGB-D pairs and the dataset export, in one
 * geometry worker driven through the pipeline's WorkerClient (crash detection, a time limit, terminate):
 * on the main thread it blocked the page 600-770 ms per scene. Where workers are missing (unit tests in
 * Node) it runs here instead.
 */
import type { GeometryWorkerApi } from '../../workers/geometry.worker';
import { WorkerClient, AbortedError, WorkerCrashError } from '../pipeline/workerClient';
import { defaultWorkers } from '../pipeline/workers';
import { engine, type BuildSceneInput, type BuildSceneResult } from './engine';
import { SupersededLoad } from './loadSequence';

/** A scene build that takes longer than this is taken for a hung worker (a 16 MP depth map builds in seconds). */
export const SCENE_BUILD_TIMEOUT_MS = 120_000;

let client: WorkerClient<GeometryWorkerApi> | null = null;

export async function buildSceneOffThread(input: BuildSceneInput, signal?: AbortSignal): Promise<BuildSceneResult> {
  if (typeof Worker === 'undefined') return engine.buildScene(input);
  client ??= new WorkerClient<GeometryWorkerApi>('geometry', defaultWorkers.geometry);
  try {
    // structured clone copies the inputs: the depth map and photo stay with the caller's scene
    return (await client.call((api) => api.build(input), signal, SCENE_BUILD_TIMEOUT_MS)) as BuildSceneResult;
  } catch (e) {
    if (e instanceof AbortedError) throw new SupersededLoad();
    if (e instanceof WorkerCrashError) client?.restart(); // the next build starts a fresh worker
    throw e;
  }
}

/** Frees the geometry worker (after a dataset export); the next build starts it again. */
export function releaseSceneBuilder(): void {
  client?.terminate();
}
