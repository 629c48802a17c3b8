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
import { predictMetricDepth, DEPTH_PRO_SIZE, warmUpDepthCode } from './depth/metricDepth';
import { metric3dLetterbox, metric3dPixelValues, toFloat16Array } from './depth/metric3dInput';
import { maskFromLogits, segmentBoxes, warmUpMaskCode } from './sam/boxMasks';
import { fastSamPixelValues, rgbaToRaw, samInputs } from './sam/samInputs';
import { decodeMaskRLE } from './sam/rle';
import { resolveModelHost } from '../host';
import { dtypeFor, PRESETS, type ModelEntry } from '../manifest';
import type { FileProgressUpdate } from '../report';

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

/** The manifest's real entry, pointed at the tiny folder that mirrors the repo's published file names. */
const tinyOf = (e: ModelEntry, id: string): ModelEntry => ({ ...e, id });
const F16_ON_CPU = { kind: 'webgpu' as const, shaderF16: true };

/** Metric3D's reference letterbox scale (YvanYin/Metric3D hubconf.py), written out independently of metric3dInput.ts. */
const upstreamScale = (w: number, h: number) => Math.min(616 / h, 1064 / w);

async function loadTinyDepth(variant: { kind: 'wasm' | 'webgpu'; shaderF16: boolean }) {
  const entry = tinyOf(PRESETS.standard.depth, TINY_IDS.depth);
  const hostCfg = { host: resolveModelHost({}), localModelPath: root };
  if (variant.kind === 'wasm') return loadModelWithFallback({ entry, caps: cpu, hostCfg });
  // the WebGPU-with-shader-f16 variant's files, run on the CPU: what the file contract is, not the device
  const { model, processor } = await loadModelWithFallback({ entry: { ...entry, dtype: { ...entry.dtype, wasm: dtypeFor(entry, variant) } }, caps: cpu, hostCfg });
  return { model, processor };
}

describe('metric depth (tiny Metric3D contract)', () => {
  it('returns metres aligned to the image, rescaled by the real focal length at the reference letterbox', async () => {
    const progress: FileProgressUpdate[] = [];
    const loaded = await loadModelWithFallback({
      entry: tinyOf(PRESETS.standard.depth, TINY_IDS.depth),
      caps: cpu,
      hostCfg: { host: resolveModelHost({}), localModelPath: root },
      onProgress: (p) => progress.push(p),
    });
    const W = 640, H = 480;
    const image = solidImage(W, H, [100, 150, 200]);
    const intr = { fx: 500, fy: 500, cx: 319.5, cy: 239.5, width: W, height: H };
    const r = await predictMetricDepth(loaded.model, loaded.processor, 'metric3d', { image: rgba(image), intrinsics: intr, intrinsicsSource: 'exif-35mm' });
    expect([r.depth.width, r.depth.height, r.depth.data.length]).toEqual([W, H, W * H]);
    expect(r.inputSize).toEqual({ width: 1064, height: 616 });
    const canonical = 150 * TINY_DEPTH.scale + TINY_DEPTH.offset; // mean of (100,150,200) = 150
    const expected = (canonical * 500 * upstreamScale(W, H)) / 1000;
    // every pixel, borders included: the padding (mean colour) is cut away before resampling
    let worst = 0;
    for (const d of r.depth.data) worst = Math.max(worst, Math.abs(d - expected) / expected);
    expect(worst).toBeLessThan(1e-4);
    expect(r.intrinsics).toEqual(intr);
    expect(r.intrinsicsSource).toBe('exif-35mm');
    expect(progress.some((p) => p.file === 'onnx/model.onnx')).toBe(true);
    // the worker's warm-up leaves stale values in the pooled input buffer: the same depth after it
    warmUpDepthCode({ width: W, height: H }, { width: W / 2, height: H / 2 });
    const again = await predictMetricDepth(loaded.model, loaded.processor, 'metric3d', { image: rgba(image), intrinsics: intr, intrinsicsSource: 'exif-35mm' });
    expect(Array.from(again.depth.data)).toEqual(Array.from(r.depth.data));
  });

  it('portrait and landscape photos get the same metric scale (the letterbox, not a short-side resize)', async () => {
    const loaded = await loadTinyDepth({ kind: 'wasm', shaderF16: false });
    for (const [W, H] of [[1024, 768], [576, 1024], [1000, 1000]]) {
      const intr = { fx: 800, fy: 800, cx: (W - 1) / 2, cy: (H - 1) / 2, width: W, height: H };
      const r = await predictMetricDepth(loaded.model, loaded.processor, 'metric3d', { image: rgba(solidImage(W, H, [90, 120, 150])), intrinsics: intr, intrinsicsSource: 'explicit', outSize: { width: 64, height: 48 } });
      const expected = ((120 * TINY_DEPTH.scale + TINY_DEPTH.offset) * 800 * upstreamScale(W, H)) / 1000;
      expect(r.depth.data[24 * 64 + 32]).toBeCloseTo(expected, 4);
    }
  });

  it('the fp16 file (float16 in and out) gives the fp32 file\'s depth', async () => {
    const f16 = await loadTinyDepth(F16_ON_CPU);
    const f32 = await loadTinyDepth({ kind: 'wasm', shaderF16: false });
    const W = 320, H = 240;
    const intr = { fx: 300, fy: 300, cx: 159.5, cy: 119.5, width: W, height: H };
    const img = rgba(solidImage(W, H, [30, 60, 90]));
    const a = await predictMetricDepth(f16.model, f16.processor, 'metric3d', { image: img, intrinsics: intr, intrinsicsSource: 'explicit' });
    const b = await predictMetricDepth(f32.model, f32.processor, 'metric3d', { image: img, intrinsics: intr, intrinsicsSource: 'explicit' });
    expect(a.depth.data[120 * W + 160]).toBeCloseTo(b.depth.data[120 * W + 160], 2);
    expect(Number.isFinite(a.depth.data[0])).toBe(true);
  });

  it('doubling the focal length doubles the depth (the canonical-camera rescale)', async () => {
    const loaded = await loadTinyDepth({ kind: 'wasm', shaderF16: false });
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
      entry: tinyOf(PRESETS.standard.masks, TINY_IDS.sam), // q8 (_quantized) files on WASM, as published at `boxes`
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

describe('box -> mask in chunks', () => {
  it('60 boxes go to the decoder 16 at a time and each gets its own mask', async () => {
    const loaded = await loadModelWithFallback({ entry: tinyOf(PRESETS.standard.masks, TINY_IDS.sam), caps: cpu, hostCfg: { host: resolveModelHost({}), localModelPath: root } });
    const session = (loaded.model as unknown as { sessions: Record<string, { run: (feeds: Record<string, { dims: number[] }>) => Promise<unknown> }> }).sessions.prompt_encoder_mask_decoder;
    const sizes: number[] = [];
    const run = session.run.bind(session);
    session.run = (feeds) => { sizes.push(feeds.input_boxes.dims[1]); return run(feeds); };
    const W = 1024, H = 768;
    const boxes = Array.from({ length: 60 }, (_, i) => ({ x0: (i % 10) * 100 + 5, y0: Math.floor(i / 10) * 120 + 5, x1: (i % 10) * 100 + 60, y1: Math.floor(i / 10) * 120 + 80 }));
    const r = await segmentBoxes(loaded.model, loaded.processor, rgba(solidImage(W, H, [128, 128, 128])), boxes);
    expect(sizes).toEqual([16, 16, 16, 12]);
    expect(r.masks).toHaveLength(60);
    boxes.forEach((b, i) => {
      const bits = r.masks[i].bits!;
      expect(bits[Math.round((b.y0 + b.y1) / 2) * W + Math.round((b.x0 + b.x1) / 2)], `box ${i}`).toBe(1);
      const area = (b.x1 - b.x0) * (b.y1 - b.y0);
      expect(Math.abs(r.masks[i].area - area) / area).toBeLessThan(0.15);
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

describe('Metric3D letterbox', () => {
  it('follows hubconf.py: min(616/h, 1064/w), int() sizes, // padding split, mean-colour padding', () => {
    expect(metric3dLetterbox(640, 480)).toEqual({ scale: 616 / 480, width: 821, height: 616, top: 0, bottom: 0, left: 121, right: 122, inputWidth: 1064, inputHeight: 616 });
    expect(metric3dLetterbox(768, 1024)).toMatchObject({ width: 462, height: 616, left: 301, right: 301 });
    expect(metric3dLetterbox(4000, 1000)).toMatchObject({ scale: 1064 / 4000, width: 1064, height: 266, top: 175, bottom: 175 });
    const { values, box } = metric3dPixelValues({ width: 4, height: 2, data: new Uint8ClampedArray(4 * 2 * 4).fill(200) });
    const plane = box.inputWidth * box.inputHeight;
    expect(values[0]).toBeCloseTo(123.675, 5); // padding, red channel
    expect(values[plane + 0]).toBeCloseTo(116.28, 5);
    expect(values[(box.top + 1) * box.inputWidth + box.left + 1]).toBe(200);
  });
  it('float16 conversion rounds to nearest even and keeps infinities and NaN', () => {
    const bits = (x: number) => toFloat16Array(Float32Array.of(x))[0];
    expect(bits(1)).toBe(0x3c00);
    expect(bits(-2)).toBe(0xc000);
    expect(bits(65504)).toBe(0x7bff);
    expect(bits(1e6)).toBe(0x7c00);
    expect(bits(NaN) & 0x7c00).toBe(0x7c00);
    expect(bits(5.960464477539063e-8)).toBe(1); // the smallest subnormal
    expect(bits(1 + 2 ** -11)).toBe(0x3c00); // a tie rounds to even
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
