/**
 * The workers' model code on tiny generated ONNX models through the real Transformers.js +
 * onnxruntime-node (no mocks): metric depth values/shapes and box -> mask shapes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RawImage, AutoModel, AutoProcessor, Tensor } from '@huggingface/transformers';
import { TINY_DEPTH, TINY_DEPTH_PRO_FOCAL, TINY_IDS, writeTinyModels } from '../../../scripts/lib/onnxTinyModels';
import { configureTransformers, loadModelWithFallback } from './load';
import { predictMetricDepth, metric3dScale, DEPTH_PRO_SIZE, warmUpDepthCode } from './depth/metricDepth';
import { depthPixelValues, dptInputSize } from './depth/depthInputs';
import { maskFromLogits, segmentBoxes, warmUpMaskCode } from './sam/boxMasks';
import { fastSamPixelValues, rgbaToRaw, samInputs } from './sam/samInputs';
import { decodeMaskRLE } from './sam/rle';
import { resolveModelHost } from '../host';
import type { ModelEntry } from '../manifest';
import type { FileProgressUpdate } from '../../state/pipelineStore';

const root = mkdtempSync(join(tmpdir(), 'tiny-models-'));
const fp32 = (subs: string[]) => Object.fromEntries(subs.map((s) => [s, 'fp32' as const]));
const entry = (id: string, family: ModelEntry['family'], subs: string[]): ModelEntry => ({
  id, revision: 'main', family, files: ['config.json', 'preprocessor_config.json'], approxBytes: 0,
  dtype: { webgpuF16: fp32(subs), webgpu: fp32(subs), wasm: fp32(subs) },
});
const cpu = { kind: 'wasm' as const, shaderF16: false };

function rgba(img: RawImage) {
  const c = img.rgba();
  return { width: c.width, height: c.height, data: c.data };
}

function solidImage(w: number, h: number, rgb: [number, number, number]): RawImage {
  const data = new Uint8ClampedArray(w * h * 3);
  for (let i = 0; i < w * h; i++) data.set(rgb, i * 3);
  return new RawImage(data, w, h, 3);
}

beforeAll(() => {
  writeTinyModels(root);
  configureTransformers({ host: resolveModelHost({}), localModelPath: root, useBrowserCache: false });
});

describe('metric depth (tiny Metric3D contract)', () => {
  it('returns metres aligned to the image, rescaled by the real focal length', async () => {
    const progress: FileProgressUpdate[] = [];
    const loaded = await loadModelWithFallback({
      entry: entry(TINY_IDS.depth, 'metric3d', ['model']),
      caps: cpu,
      hostCfg: { host: resolveModelHost({}), localModelPath: root },
      onProgress: (p) => progress.push(p),
    });
    const W = 640, H = 480;
    const image = solidImage(W, H, [100, 150, 200]);
    const intr = { fx: 500, fy: 500, cx: 319.5, cy: 239.5, width: W, height: H };
    const r = await predictMetricDepth(loaded.model, loaded.processor, 'metric3d', { image: rgba(image), intrinsics: intr, intrinsicsSource: 'exif-35mm', fastPreprocess: false });
    expect(r.depth.width).toBe(W);
    expect(r.depth.height).toBe(H);
    expect(r.depth.data.length).toBe(W * H);
    // DPT resize keeping aspect ratio: 480 -> 518 fits height best, both sides multiples of 14.
    expect(r.inputSize.height % 14).toBe(0);
    expect(r.inputSize.width % 14).toBe(0);
    const canonical = 150 * TINY_DEPTH.scale + TINY_DEPTH.offset; // mean of (100,150,200) = 150
    const expected = canonical * (500 * (r.inputSize.width / W)) / 1000;
    expect(metric3dScale(500, W, r.inputSize.width)).toBeCloseTo(500 * r.inputSize.width / W / 1000, 10);
    // The processor's bicubic resize rings at the image border; the interior is exact.
    expect(r.depth.data[(H / 2) * W + W / 2]).toBeCloseTo(expected, 4);
    const off = r.depth.data.filter((d) => Math.abs(d - expected) / expected > 0.01).length;
    expect(off / (W * H)).toBeLessThan(0.01);
    expect(r.intrinsics).toEqual(intr);
    expect(r.intrinsicsSource).toBe('exif-35mm');
    expect(progress.some((p) => p.file === 'onnx/model.onnx')).toBe(true);
    // the worker's warm-up leaves stale values in the pooled input buffer: the fast path gives the same depth after it
    const fastBefore = await predictMetricDepth(loaded.model, loaded.processor, 'metric3d', { image: rgba(image), intrinsics: intr, intrinsicsSource: 'exif-35mm' });
    warmUpDepthCode(loaded.processor, { width: W, height: H }, { width: W / 2, height: H / 2 });
    const fastAfter = await predictMetricDepth(loaded.model, loaded.processor, 'metric3d', { image: rgba(image), intrinsics: intr, intrinsicsSource: 'exif-35mm' });
    expect(Array.from(fastAfter.depth.data)).toEqual(Array.from(fastBefore.depth.data));
  });

  it('doubling the focal length doubles the depth (the canonical-camera rescale)', async () => {
    const loaded = await loadModelWithFallback({
      entry: entry(TINY_IDS.depth, 'metric3d', ['model']), caps: cpu, hostCfg: { host: resolveModelHost({}), localModelPath: root },
    });
    const image = solidImage(300, 200, [30, 60, 90]);
    const base = { cx: 149.5, cy: 99.5, width: 300, height: 200 };
    const a = await predictMetricDepth(loaded.model, loaded.processor, 'metric3d', { image: rgba(image), intrinsics: { ...base, fx: 250, fy: 250 }, intrinsicsSource: 'explicit' });
    const b = await predictMetricDepth(loaded.model, loaded.processor, 'metric3d', { image: rgba(image), intrinsics: { ...base, fx: 500, fy: 500 }, intrinsicsSource: 'explicit' });
    expect(b.depth.data[1234] / a.depth.data[1234]).toBeCloseTo(2, 6);
  });
});

describe('box -> mask (tiny SAM contract)', () => {
  it('one mask per box at the image size, covering the box', async () => {
    const loaded = await loadModelWithFallback({
      entry: entry(TINY_IDS.sam, 'sam', ['vision_encoder', 'prompt_encoder_mask_decoder']),
      caps: cpu,
      hostCfg: { host: resolveModelHost({}), localModelPath: root },
    }, (id, opts) => AutoModel.from_pretrained(id, opts));
    const W = 800, H = 600;
    const image = solidImage(W, H, [120, 120, 120]);
    const boxes = [
      { x0: 100, y0: 100, x1: 300, y1: 250 },
      { x0: 400, y0: 50, x1: 780, y1: 590 },
    ];
    const r = await segmentBoxes(loaded.model, loaded.processor, rgba(image), boxes, { width: 400, height: 300 });
    warmUpMaskCode(loaded.processor); // leaves stale values in the reused buffers
    // the worker's way: run lengths only, rasterised in a reused buffer; same masks
    const rleOnly = await segmentBoxes(loaded.model, loaded.processor, rgba(image), boxes, { width: 400, height: 300 }, { keepBits: false });
    expect(r.masks).toHaveLength(2);
    boxes.forEach((b, i) => {
      const m = r.masks[i];
      if (!m.bits) throw new Error('bits asked for');
      expect(rleOnly.masks[i].bits).toBeUndefined();
      expect(rleOnly.masks[i].rle).toEqual(m.rle);
      expect(rleOnly.masks[i].rleAt).toEqual(m.rleAt);
      expect(rleOnly.masks[i].area).toBe(m.area);
      expect([m.width, m.height]).toEqual([W, H]);
      expect(m.score).toBeCloseTo(0.95, 5);
      const boxArea = (b.x1 - b.x0) * (b.y1 - b.y0);
      // Mask logits are sampled on SAM's 256x256 grid, so edges are off by a few pixels at most.
      expect(Math.abs(m.area - boxArea) / boxArea).toBeLessThan(0.05);
      expect(m.bits[Math.round((b.y0 + b.y1) / 2) * W + Math.round((b.x0 + b.x1) / 2)]).toBe(1);
      expect(m.bits[5 * W + 5]).toBe(0);
      expect(decodeMaskRLE(m.rle)).toEqual(m.bits);
    });
  });
});

describe('mask upsampling', () => {
  it('agrees with SamImageProcessor.post_process_masks (upsample, crop padding, resize, threshold)', async () => {
    const processor = await AutoProcessor.from_pretrained(TINY_IDS.sam);
    const mw = 256, mh = 256, W = 800, H = 600;
    const logits = new Float32Array(mw * mh);
    // A blob and a stripe, in the part of the grid that covers an 800x600 image padded to 1024 (192 rows).
    for (let y = 0; y < mh; y++) for (let x = 0; x < mw; x++) {
      logits[y * mw + x] = Math.min(30 - Math.hypot(x - 80, y - 90), 6 - Math.abs(x - 150 - (y - 100) * 0.5));
      if (Math.hypot(x - 80, y - 90) < 30) logits[y * mw + x] = 30 - Math.hypot(x - 80, y - 90);
    }
    const pp = processor as unknown as { post_process_masks(m: Tensor[], o: number[][], r: number[][]): Promise<Tensor[]> };
    const [ref] = await pp.post_process_masks([new Tensor('float32', logits, [1, 1, mh, mw])], [[H, W]], [[768, 1024]]);
    const ours = maskFromLogits(logits, mw, mh, mw, (768 / 1024) * mh, W, H);
    const refBits = ref.data as Uint8Array;
    let diff = 0, on = 0;
    for (let i = 0; i < ours.length; i++) { diff += ours[i] !== refBits[i] ? 1 : 0; on += refBits[i]; }
    expect(on).toBeGreaterThan(10_000);
    expect(diff / on).toBeLessThan(0.02);
  });
});

describe('SAM one-pass preprocessing', () => {
  it('gives the processor\'s pixel values for an image already at the longest edge, else defers to it', async () => {
    const processor = await AutoProcessor.from_pretrained(TINY_IDS.sam);
    const W = 1024, H = 700;
    const data = new Uint8ClampedArray(W * H * 4);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7919) % 256;
    const img = { width: W, height: H, data };
    const fast = await samInputs(processor, img, [{ x0: 1, y0: 2, x1: 30, y1: 40 }]);
    const ref = (await processor(rgbaToRaw(img), { input_boxes: [[[1, 2, 30, 40]]] })) as unknown as typeof fast;
    expect(fast.pixel_values.dims).toEqual(ref.pixel_values.dims);
    const a = fast.pixel_values.data as Float32Array, b = ref.pixel_values.data as Float32Array;
    let maxDiff = 0;
    for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
    expect(maxDiff).toBeLessThan(1e-5);
    expect(fast.reshaped_input_sizes).toEqual(ref.reshaped_input_sizes);
    expect(Array.from(fast.input_boxes.data as Float32Array)).toEqual(Array.from(ref.input_boxes.data as Float32Array));
    expect(fastSamPixelValues({ width: 800, height: 600, data: new Uint8ClampedArray(800 * 600 * 4) }, { size: { longest_edge: 1024 }, pad_size: { width: 1024, height: 1024 } })).toBeNull();
    // the pipeline hands workers the image in shared memory: the processor path reads it the same way
    const sab = new Uint8ClampedArray(new SharedArrayBuffer(800 * 600 * 4));
    sab.set(data.subarray(0, 800 * 600 * 4));
    const box = [{ x0: 1, y0: 2, x1: 30, y1: 40 }];
    const viaShared = await samInputs(processor, { width: 800, height: 600, data: sab }, box);
    const viaCopy = await samInputs(processor, { width: 800, height: 600, data: data.slice(0, 800 * 600 * 4) }, box);
    expect(Array.from(viaShared.pixel_values.data as Float32Array)).toEqual(Array.from(viaCopy.pixel_values.data as Float32Array));
    // a reused buffer full of stale values (a portrait photo's, say) gives the same input, padding zeroed
    for (const [w, h] of [[1024, 700], [600, 1024]]) {
      const im = { width: w, height: h, data: data.subarray(0, w * h * 4) };
      const clean = await samInputs(processor, im, []);
      const dirty = await samInputs(processor, im, [], (n) => new Float32Array(n).fill(7));
      expect(Array.from(dirty.pixel_values.data as Float32Array)).toEqual(Array.from(clean.pixel_values.data as Float32Array));
    }
  });
});

describe('depth one-pass preprocessing', () => {
  it('matches DPTImageProcessor\'s size rule and (bilinear vs bicubic) its values on a smooth image', async () => {
    const processor = await AutoProcessor.from_pretrained(TINY_IDS.depth);
    for (const [W, H] of [[1024, 768], [768, 1024], [1024, 576], [640, 480]]) {
      const data = new Uint8ClampedArray(W * H * 4);
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) data.set([(x * 255) / W, (y * 255) / H, 128, 255], (y * W + x) * 4);
      const fast = await depthPixelValues(processor, { width: W, height: H, data });
      const ref = await depthPixelValues(processor, { width: W, height: H, data }, false);
      expect(fast.dims).toEqual(ref.dims);
      const a = fast.data as Float32Array, b = ref.data as Float32Array;
      let sum = 0;
      for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
      expect(sum / a.length).toBeLessThan(1);
    }
    expect(dptInputSize(640, 480, { size: { width: 518, height: 518 }, keep_aspect_ratio: true, ensure_multiple_of: 14 })).toEqual({ width: 686, height: 518 });
  });

  it('the one-pass path gives the same metric depth as the processor path (tiny model)', async () => {
    const loaded = await loadModelWithFallback({ entry: entry(TINY_IDS.depth, 'metric3d', ['model']), caps: cpu, hostCfg: { host: resolveModelHost({}), localModelPath: root } });
    const image = rgba(solidImage(1024, 768, [90, 120, 150]));
    const intrinsics = { fx: 800, fy: 800, cx: 511.5, cy: 383.5, width: 1024, height: 768 };
    const a = await predictMetricDepth(loaded.model, loaded.processor, 'metric3d', { image, intrinsics, intrinsicsSource: 'explicit' });
    const b = await predictMetricDepth(loaded.model, loaded.processor, 'metric3d', { image, intrinsics, intrinsicsSource: 'explicit', fastPreprocess: false });
    expect(a.inputSize).toEqual(b.inputSize);
    expect(a.depth.data[384 * 1024 + 512]).toBeCloseTo(b.depth.data[384 * 1024 + 512], 3);
  });
});

describe('DepthPro (tiny contract: predicted_depth + focallength_px)', () => {
  it('uses its own focal estimate when the photo has none, and rescales to a known focal otherwise', async () => {
    const loaded = await loadModelWithFallback({ entry: entry(TINY_IDS.depthPro, 'depth-pro', ['model']), caps: cpu, hostCfg: { host: resolveModelHost({}), localModelPath: root } });
    const W = 640, H = 480;
    const image = rgba(solidImage(W, H, [100, 150, 200]));
    const guess = { fx: 700, fy: 700, cx: 319.5, cy: 239.5, width: W, height: H };
    const own = await predictMetricDepth(loaded.model, loaded.processor, 'depth-pro', { image, intrinsics: guess, intrinsicsSource: 'default' });
    const fEst = (TINY_DEPTH_PRO_FOCAL * W) / DEPTH_PRO_SIZE;
    expect(own.intrinsicsSource).toBe('model-estimate');
    expect(own.intrinsics.fx).toBeCloseTo(fEst, 6);
    const raw = 150 * TINY_DEPTH.scale + TINY_DEPTH.offset;
    expect(own.depth.data[240 * W + 320]).toBeCloseTo(raw, 3);
    const exif = await predictMetricDepth(loaded.model, loaded.processor, 'depth-pro', { image, intrinsics: guess, intrinsicsSource: 'exif-35mm' });
    expect(exif.intrinsicsSource).toBe('exif-35mm');
    expect(exif.intrinsics.fx).toBe(700);
    // depth scales with focal: the EXIF focal replaces the model's estimate.
    expect(exif.depth.data[240 * W + 320] / own.depth.data[240 * W + 320]).toBeCloseTo(700 / fEst, 4);
  });
});
