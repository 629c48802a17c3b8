/**
 * Scene building (lift, canonicalize, objects3d) for samples and RGB-D pairs, in the geometry worker: on
 * the main thread it blocked the page 600-770 ms per scene. Where workers are missing (unit tests in Node)
 * or the worker cannot start, it runs here instead.
 */
import type { GeometryWorkerApi } from '../../workers/geometry.worker';
import { WorkerClient, AbortedError, WorkerCrashError } from '../pipeline/workerClient';
import { defaultWorkers } from '../pipeline/workers';
import { engine, type BuildSceneInput, type BuildSceneResult } from './engine';
import { SupersededLoad } from './loadSequence';

let client: WorkerClient<GeometryWorkerApi> | null = null;

export async function buildSceneOffThread(input: BuildSceneInput, signal?: AbortSignal): Promise<BuildSceneResult> {
  if (typeof Worker === 'undefined') return engine.buildScene(input);
  client ??= new WorkerClient<GeometryWorkerApi>('geometry', defaultWorkers.geometry);
  try {
    // structured clone copies the inputs: the depth map and photo stay with the caller's scene
    return (await client.call((api) => api.build(input), signal)) as BuildSceneResult;
  } catch (e) {
    if (e instanceof AbortedError) throw new SupersededLoad();
    if (e instanceof WorkerCrashError) {
      client.restart();
      client = null;
    }
    throw e;
  }
}
