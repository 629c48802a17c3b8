/**
 * Photos without depth go through the model pipeline (filter, objects, masks, depth, geometry in workers).
 * It only starts when the person asks: it downloads models, which a photo drop should never do silently.
 */
import { SpatialPipeline } from '../pipeline/orchestrator';
import { defaultWorkers } from '../pipeline/workers';
import { detectDevice, type DeviceChoice } from '../pipeline/device';
import { DEPTH_PRO, PRESETS, resolveManifest, type Manifest } from '../pipeline/manifest';
import { downloadSize, photoDownloadBytes } from '../pipeline/hub/listing';
import { pipelineStore } from './pipelineStore';
import { settingsStore } from './settingsStore';
import { notify, sceneStore, emptyMeasure } from './sceneStore';
import { scaleIntrinsics } from '../core/camera/transform';
import { approveModelHost } from './remoteConsent';
import { finishLoad, startLoad } from './loadSequence';
import { effectiveModelHost, hostCheckStore, modelFailureMessage } from './modelHostCheck';

let pipeline: SpatialPipeline | null = null;
let pipelineKey = '';
let running: AbortController | null = null;

/** The manifest the settings choose: preset, the opt-in scene check, and the depth model (Metric3D or DepthPro). */
function chosenManifest(): Manifest {
  const { modelPreset, sceneCheck, depthModel } = settingsStore.getState();
  return resolveManifest(modelPreset, depthModel === 'depth-pro' ? { depth: DEPTH_PRO } : {}, { sceneCheck });
}

/** The one model pipeline of the page (also used by dataset export and the VLM). */
export async function getPipeline(): Promise<SpatialPipeline> {
  const { modelPreset, modelHost, sceneCheck, depthModel } = settingsStore.getState();
  const key = `${modelPreset}|${modelHost}|${sceneCheck}|${depthModel}|${location.search}`;
  const host = effectiveModelHost();
  // a host named in the address (?modelHost=) is shown and asked about before the first download
  await approveModelHost(host, modelHost);
  if (pipeline && key === pipelineKey) return pipeline;
  pipeline?.dispose();
  const device = await deviceChoice();
  pipeline = new SpatialPipeline({
    manifest: chosenManifest(),
    host,
    device,
    workers: defaultWorkers,
    reporter: pipelineStore.getState(),
    // a WebGPU failure earlier in this page's life: start on WASM again
    startOnWasm: pipelineStore.getState().device.fallback !== undefined,
  });
  pipelineKey = key;
  return pipeline;
}

let device: Promise<DeviceChoice> | null = null;
/** The device the models will run on (asked once: adapters do not change while the page lives). */
export function deviceChoice(): Promise<DeviceChoice> {
  device ??= detectDevice();
  return device;
}

/**
 * What the next photo will download, from the committed Hub listings, for this device and these settings:
 * shown before the person presses the button. Files already in the browser's cache are not subtracted
 * (the progress line says "cached" for them once the run starts).
 */
export async function expectedDownload(): Promise<{ bytes: number; device: string }> {
  const d = await deviceChoice();
  const device = d.caps.kind === 'wasm' ? 'WASM' : d.caps.shaderF16 ? 'WebGPU with shader-f16' : 'WebGPU';
  return { bytes: photoDownloadBytes(chosenManifest(), d.caps), device };
}

/** The opt-in scene check's download (it runs on WASM on every device). */
export function sceneCheckBytes(): number {
  return downloadSize(PRESETS[settingsStore.getState().modelPreset].filter, { kind: 'wasm', shaderF16: false }).bytes;
}

export async function runModels(): Promise<void> {
  const cur = sceneStore.getState().current;
  if (!cur || cur.scene || running) return;
  // a model run is a load like any other: a newer load (a sample picked meanwhile) cancels it
  const t = startLoad('Running the models (the first run downloads them)…');
  const controller = new AbortController();
  t.signal.addEventListener('abort', () => controller.abort(), { once: true });
  running = controller;
  try {
    const p = await getPipeline();
    const r = await p.run(
      { rgb: cur.rgb, name: cur.source.name, intrinsics: cur.intrinsics, intrinsicsSource: cur.intrinsicsSource, intrinsicsDetail: cur.intrinsicsDetail },
      controller.signal,
    );
    if (sceneStore.getState().current?.key !== cur.key) return; // another input was loaded meanwhile
    const K = scaleIntrinsics(r.scene.camera.intrinsics, cur.rgb.width, cur.rgb.height);
    finishLoad(t, {
      notice: null,
      current: {
        ...cur,
        key: `${cur.key}:models`,
        scene: r.scene,
        cloud: r.cloud,
        // the depth map the scene was built from (the geometry size); measuring maps clicks onto its grid
        depth: r.depth,
        intrinsics: K,
        intrinsicsSource: r.scene.camera.source,
        intrinsicsDetail: r.scene.camera.detail,
        notes: [`Models ran in ${Math.round(r.totalMs)} ms: ${r.scene.objects.length} objects found.`, ...(r.filter?.warning ? [r.filter.warning] : [])],
      },
      highlight: [],
      visuals: [],
      measure: emptyMeasure(),
      viewResets: sceneStore.getState().viewResets + 1,
    });
  } catch (e) {
    if (!finishLoad(t)) return; // superseded by a newer load: it owns the messages now
    const msg = e instanceof Error ? e.message : String(e);
    notify('error', controller.signal.aborted ? 'Stopped: the models were cancelled.' : modelFailureMessage(msg, hostCheckStore.getState()));
  } finally {
    if (running === controller) running = null;
  }
}

export function cancelModels(): void {
  running?.abort();
}
