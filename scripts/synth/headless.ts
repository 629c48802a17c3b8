/**
 * The app's pipeline without a browser: the same stage modules the workers run (SAM box -> mask, metric
 * depth, Florence-2 objects from src/pipeline/models; lift, canonicalize, objects3d, scene from
 * src/core/scene/buildScene; QA synthesis from src/core/synth), called directly instead of through Web
 * Workers, on Transformers.js + onnxruntime-node. RGB-D frames (an index entry, or a photo with a depth PNG)
 * need no model; photos without depth load the models once, on first use, and keep them.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { AutoModel, AutoModelForDepthEstimation, Florence2ForConditionalGeneration, RawImage, type PreTrainedModel } from '@huggingface/transformers';
import { buildScene } from '../../src/core/build/buildScene';
import type { SceneGraph } from '../../src/core/scene/types';
import { bytesPhotoDecoder } from '../../src/io/imageDecode';
import { workingSize } from '../../src/io/imageLimits';
import { loadPhoto, loadRgbdInput, rgbdStride, type InputFile, type LoadedPhoto } from '../../src/io/photoInput';
import { resolveModelHost } from '../../src/pipeline/host';
import { configureTransformers, loadModelWithFallback, type Loaded } from '../../src/pipeline/models/load';
import { predictMetricDepth } from '../../src/pipeline/models/depth/metricDepth';
import { segmentBoxes } from '../../src/pipeline/models/sam/boxMasks';
import { detectObjects } from '../../src/pipeline/models/florence2/florence';
import { DEPTH_SIDE } from '../../src/pipeline/orchestrator';
import { buildFixtureScene, loadAnnotatedFrame } from '../lib/groundTruth';
import { DEPTH_SCALE_METRES, modelEntry, type SynthConfig } from './config';
import { indexPath, isUrl, recordId, type KeyedItem } from './items';
import { toItemResult, type ItemResult } from './records';

/** Largest photo or depth file read (bytes); bigger ones fail with the reason. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
const APP = 'spatiallens-synth';

/** An error in the item itself (corrupt, missing, too big): retrying cannot help. */
export class ItemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ItemError';
  }
}

const why = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function readBytes(path: string): Promise<Uint8Array> {
  if (isUrl(path)) {
    const res = await fetch(path, { redirect: 'follow' });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`); // may be transient: retried
    const len = Number(res.headers.get('content-length') ?? 0);
    if (len > MAX_FILE_BYTES) throw new ItemError(`${path}: ${len} bytes is over the ${MAX_FILE_BYTES}-byte limit`);
    const buf = new Uint8Array(await res.arrayBuffer());
    if (buf.length > MAX_FILE_BYTES) throw new ItemError(`${path}: over the ${MAX_FILE_BYTES}-byte limit`);
    return buf;
  }
  try {
    const b = readFileSync(path);
    if (b.length > MAX_FILE_BYTES) throw new ItemError(`${path}: over the ${MAX_FILE_BYTES}-byte limit`);
    return new Uint8Array(b.buffer, b.byteOffset, b.length);
  } catch (e) {
    throw e instanceof ItemError ? e : new ItemError(`${path}: cannot read (${why(e)})`);
  }
}

/** Any failure reading an item's own files (corrupt, wrong shape, bad sidecar) is the item's: retrying cannot help. */
async function asItem<T>(name: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw e instanceof ItemError ? e : new ItemError(`${name}: ${why(e)}`);
  }
}

const fileOf = async (path: string): Promise<InputFile> => ({ blob: new Blob([(await readBytes(path)) as Uint8Array<ArrayBuffer>]), name: path.replace(/^.*\//, '') });

type Role = 'depth' | 'masks' | 'objects';

export class HeadlessPipeline {
  private models = new Map<Role, Promise<Loaded<PreTrainedModel>>>();
  /** How many times each role's model was loaded (once per process: the tests check it). */
  readonly loads: Record<Role, number> = { depth: 0, masks: 0, objects: 0 };

  constructor(private readonly cfg: SynthConfig) {
    const m = cfg.models;
    configureTransformers({
      host: resolveModelHost({ setting: m.modelHost ?? null }),
      ...(m.modelDir ? { localModelPath: m.modelDir } : {}),
      useBrowserCache: false,
    });
  }

  private model(role: Role): Promise<Loaded<PreTrainedModel>> {
    let p = this.models.get(role);
    if (!p) {
      const entry = modelEntry(this.cfg.models, role);
      const cls = role === 'depth' ? AutoModelForDepthEstimation : role === 'objects' ? Florence2ForConditionalGeneration : AutoModel;
      const device = this.cfg.models.device;
      this.loads[role]++;
      p = loadModelWithFallback(
        { entry, caps: { kind: 'wasm', shaderF16: false }, hostCfg: { host: resolveModelHost({ setting: this.cfg.models.modelHost ?? null }), localModelPath: this.cfg.models.modelDir } },
        (id, opts) => cls.from_pretrained(id, device === 'cuda' ? { ...opts, device: 'cuda' } : opts) as Promise<PreTrainedModel>,
      ).catch((e: unknown) => {
        this.models.delete(role); // a failed load is tried again by the next item
        throw new Error(`the ${role} model ${entry.id} could not load: ${why(e)}`);
      });
      this.models.set(role, p);
    }
    return p;
  }

  async process(item: KeyedItem): Promise<ItemResult> {
    const t0 = performance.now();
    const id = recordId(item);
    const s = item.source;
    const local = (p: string) => (isUrl(p) ? null : p);
    const imagePath = (p: string) => (isUrl(p) ? p : `images/${id}${extname(p).toLowerCase()}`);
    const done = (scene: SceneGraph, photo: string, source: Record<string, string>, models: string[]) =>
      toItemResult({ key: item.key, name: item.name, id, image: imagePath(photo), imageFrom: local(photo), scene, source, config: this.cfg, ms: performance.now() - t0, models });
    const describe = (scene: SceneGraph, extra: Record<string, string>) => ({
      ...extra,
      depth: scene.provenance.depthSource,
      objects: scene.provenance.objectsSource,
      intrinsics: `${scene.camera.source}: ${scene.camera.detail}`,
      frame: `${scene.frame.method} (${scene.frame.confidence})`,
    });

    if (s.kind === 'rgbd') {
      let scene: SceneGraph;
      try {
        scene = buildFixtureScene(await loadAnnotatedFrame(s.entry, s.baseDir)).scene;
      } catch (e) {
        throw new ItemError(`${item.name}: ${why(e)}`);
      }
      return done(scene, indexPath(s.baseDir, s.entry.rgb), describe(scene, { frame_id: s.entry.id }), []);
    }

    const photoFile = await fileOf(s.photo);
    const sidecar = s.sidecar ? await fileOf(s.sidecar) : undefined;

    if (s.depth) {
      // RGB-D pair from a folder: io/photoInput.ts's loadRgbdInput, as the app's RGB-D pair and dataset export
      const depthFile = await fileOf(s.depth);
      const input = await asItem(item.name, () => loadRgbdInput({
        photo: { ...photoFile, name: item.name }, depth: depthFile, metresPerUnit: DEPTH_SCALE_METRES[this.cfg.depthScale], ...(sidecar ? { sidecar } : {}),
      }, bytesPhotoDecoder));
      const scene = buildScene({
        depth: input.depth, intrinsics: input.camera.intrinsics, intrinsicsSource: input.camera.source, intrinsicsDetail: input.camera.detail,
        rgb: input.rgb, objects: input.objects ?? [], stride: rgbdStride(input.depth),
        provenance: {
          depthSource: `depth file ${depthFile.name} (${this.cfg.depthScale})`,
          objectsSource: sidecar ? `sidecar ${sidecar.name}` : 'none (no sidecar)',
          createdAt: new Date(0).toISOString(), app: APP, imageName: item.name,
        },
      }).scene;
      return done(scene, s.photo, describe(scene, { photo: item.name }), []);
    }

    // A photo: objects (sidecar or Florence-2), then masks and depth side by side, then the geometry.
    const photo: LoadedPhoto = await asItem(item.name, () => loadPhoto({ ...photoFile, name: item.name }, bytesPhotoDecoder, sidecar ? { sidecar } : {}));
    const used: string[] = [];
    let objects = photo.objects;
    if (!objects) {
      const florence = await this.model('objects');
      used.push(modelEntry(this.cfg.models, 'objects').id);
      const dets = await detectObjects(florence.model, florence.processor, new RawImage(photo.rgb.data, photo.rgb.width, photo.rgb.height, 4));
      objects = dets.map((d, i) => ({ id: `obj-${i + 1}`, caption: d.caption, box2d: d.box2d }));
    }
    const geoSize = workingSize(photo.rgb.width, photo.rgb.height, DEPTH_SIDE);
    const depthEntry = modelEntry(this.cfg.models, 'depth');
    const boxes = objects.map((o) => o.box2d);
    const [masks, depth] = await Promise.all([
      boxes.length
        ? this.model('masks').then((m) => segmentBoxes(m.model, m.processor, photo.rgb, boxes, geoSize, { keepBits: false }))
        : Promise.resolve(null),
      this.model('depth').then((m) =>
        predictMetricDepth(m.model, m.processor, depthEntry.family === 'depth-pro' ? 'depth-pro' : 'metric3d', {
          image: photo.rgb, intrinsics: photo.camera.intrinsics, intrinsicsSource: photo.camera.source, outSize: geoSize,
        })),
    ]);
    if (masks) used.push(modelEntry(this.cfg.models, 'masks').id);
    used.push(depthEntry.id);
    const scene = buildScene({
      depth: depth.depth, intrinsics: depth.intrinsics, intrinsicsSource: depth.intrinsicsSource, intrinsicsDetail: depth.intrinsicsDetail,
      rgb: photo.rgb,
      objects: objects.map((o, i) => ({ id: o.id, caption: o.caption, box2d: o.box2d, mask: masks?.masks[i]?.rleAt ?? masks?.masks[i]?.rle })),
      stride: Math.max(1, Math.ceil(Math.max(depth.depth.width, depth.depth.height) / DEPTH_SIDE)),
      provenance: {
        depthSource: `${depthEntry.id} (${depth.inputSize.width}x${depth.inputSize.height})`,
        objectsSource: sidecar ? `sidecar ${sidecar.name}` : modelEntry(this.cfg.models, 'objects').id,
        createdAt: new Date(0).toISOString(), app: APP, imageName: item.name,
      },
    }).scene;
    return done(scene, s.photo, describe(scene, { photo: item.name }), used);
  }
}
