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
import type { Intrinsics, IntrinsicsSource } from '../../src/core/camera/intrinsics';
import { intrinsicsFromExif } from '../../src/core/camera/fromExif';
import { scaleIntrinsics } from '../../src/core/camera/transform';
import type { RGBAImage } from '../../src/core/geometry/raster';
import { buildScene } from '../../src/core/scene/buildScene';
import type { SceneGraph } from '../../src/core/scene/types';
import { decodeDepthPng, depthContentProblem } from '../../src/io/depthFile';
import { readExifTags } from '../../src/io/exif';
import { decodeImageToRgba } from '../../src/io/imageDecode';
import { workingSize, WORKING_SIDE } from '../../src/io/imageLimits';
import { parseSidecar, type SidecarObject } from '../../src/io/objectsSidecar';
import { resampleOriented, orientedSize } from '../../src/io/orientResample';
import { jpegOrientation } from '../../src/io/photoDecode';
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

interface Photo {
  /** Oriented, at `size`. */
  rgb: RGBAImage;
  /** Displayed (oriented) size of the photo as stored. */
  original: { width: number; height: number };
  K: Intrinsics;
  source: IntrinsicsSource;
  detail: string;
}

/** Decode + EXIF orientation + intrinsics, resampled to `to(original)`. */
async function decodePhoto(bytes: Uint8Array, name: string, to: (w: number, h: number) => { width: number; height: number }): Promise<Photo> {
  let stored: RGBAImage;
  try {
    stored = decodeImageToRgba(bytes);
  } catch (e) {
    throw new ItemError(`${name}: ${why(e)}`);
  }
  const orientation = jpegOrientation(bytes);
  const original = orientedSize(stored.width, stored.height, orientation);
  const size = to(original.width, original.height);
  const data = resampleOriented(stored.data, stored.width, stored.height, orientation, size.width, size.height);
  const est = intrinsicsFromExif(await readExifTags(bytes), original.width, original.height);
  return { rgb: { width: size.width, height: size.height, data }, original, K: scaleIntrinsics(est.intrinsics, size.width, size.height), source: est.source, detail: est.detail };
}

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

    const bytes = await readBytes(s.photo);
    const sidecarText = s.sidecar ? new TextDecoder().decode(await readBytes(s.sidecar)) : null;
    const readSidecar = (photo: Photo): SidecarObject[] | null => {
      if (sidecarText === null || !s.sidecar) return null;
      try {
        return parseSidecar(sidecarText, s.sidecar.replace(/^.*\//, ''), photo.original, photo.rgb);
      } catch (e) {
        throw new ItemError(why(e));
      }
    };

    if (s.depth) {
      // RGB-D pair from a folder: the photo at the depth map's size, no model (as the app's dataset export)
      const scale = DEPTH_SCALE_METRES[this.cfg.depthScale];
      let depth;
      try {
        depth = decodeDepthPng(await readBytes(s.depth), { kind: 'scale', metresPerUnit: scale });
      } catch (e) {
        throw e instanceof ItemError ? e : new ItemError(`${s.depth}: ${why(e)}`);
      }
      // the depth maps the app's own dataset export refuses (all zero: nothing measured) fail here too
      const problem = depthContentProblem(depth, s.depth.replace(/^.*\//, ''));
      if (problem?.refuse) throw new ItemError(problem.text);
      const photo = await decodePhoto(bytes, item.name, () => ({ width: depth.width, height: depth.height }));
      if (Math.abs(photo.original.width / photo.original.height - depth.width / depth.height) > 0.02) {
        throw new ItemError(`${item.name}: the photo (${photo.original.width} x ${photo.original.height}) and its depth map (${depth.width} x ${depth.height}) do not have the same shape`);
      }
      const objects = readSidecar(photo) ?? [];
      const scene = buildScene({
        depth, intrinsics: photo.K, intrinsicsSource: photo.source, intrinsicsDetail: photo.detail, rgb: photo.rgb, objects,
        stride: Math.max(1, Math.round(Math.max(depth.width, depth.height) / 640)),
        provenance: {
          depthSource: `depth file ${s.depth.replace(/^.*\//, '')} (${this.cfg.depthScale})`,
          objectsSource: s.sidecar ? `sidecar ${s.sidecar.replace(/^.*\//, '')}` : 'none (no sidecar)',
          createdAt: new Date(0).toISOString(), app: APP, imageName: item.name,
        },
      }).scene;
      return done(scene, s.photo, describe(scene, { photo: item.name }), []);
    }

    // A photo: objects (sidecar or Florence-2), then masks and depth side by side, then the geometry.
    const photo = await decodePhoto(bytes, item.name, (w, h) => workingSize(w, h, WORKING_SIDE));
    const used: string[] = [];
    let objects = readSidecar(photo);
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
          image: photo.rgb, intrinsics: photo.K, intrinsicsSource: photo.source, outSize: geoSize,
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
        objectsSource: s.sidecar ? `sidecar ${s.sidecar.replace(/^.*\//, '')}` : modelEntry(this.cfg.models, 'objects').id,
        createdAt: new Date(0).toISOString(), app: APP, imageName: item.name,
      },
    }).scene;
    return done(scene, s.photo, describe(scene, { photo: item.name }), used);
  }
}
