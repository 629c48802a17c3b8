/**
 * One mask per object box (SAM v1 contract: vision_encoder + prompt_encoder_mask_decoder). The image is
 * embedded once; the boxes go to the decoder in chunks of SAM_BOX_CHUNK, because the exported decoder
 * repeats the image embedding per box (256x64x64 floats, 4 MB, plus its positional twin and the upscaled
 * features): 50-80 boxes in one call need gigabytes, which WASM and phones do not have.
 */
import { Tensor, type PreTrainedModel, type Processor } from '@huggingface/transformers';
import type { RGBAImage } from '../../../core/geometry/raster';
import { linearTaps } from '../../../core/geometry/linearTaps';
import { fastSamPixelValues, samInputs, type SamProcessorConfig } from './samInputs';
import type { Box2D, MaskRLE } from '../../../core/scene/types';
import { encodeMaskRLE } from './rle';
import { ScratchFloats } from '../scratch';

/** SAM's 3x1024x1024 input, reused from photo to photo (see ScratchFloats). */
const pixelScratch = new ScratchFloats();

export interface BoxMask {
  /** 0/1 per pixel of the image, row-major (absent when the caller asked for run lengths only). */
  bits?: Uint8Array;
  width: number;
  height: number;
  rle: MaskRLE;
  /** Predicted IoU of the chosen candidate. */
  score: number;
  area: number;
  /** The same mask at `alsoAt` (e.g. the depth map's size for the geometry), when asked for. */
  rleAt?: MaskRLE;
}

export interface BoxMaskResult {
  masks: BoxMask[];
  timings: { preprocessMs: number; inferenceMs: number; postprocessMs: number };
}

interface SamLike extends PreTrainedModel {
  get_image_embeddings(inputs: { pixel_values: Tensor }): Promise<Record<string, Tensor>>;
}

/** Boxes per decoder call: ~16 x 12 MB of per-box activations at most. */
export const SAM_BOX_CHUNK = 16;

/** Where masks are only wanted run-length encoded, they are rasterised into this reused buffer. */
let bitsScratch = new Uint8Array(0);
const scratchBits = (n: number): Uint8Array => {
  if (bitsScratch.length < n) bitsScratch = new Uint8Array(n);
  return bitsScratch.subarray(0, n);
};

/** `keepBits: false`: masks come back as run lengths only (no image-sized buffer per mask). */
export async function segmentBoxes(
  model: PreTrainedModel,
  processor: Processor,
  image: RGBAImage,
  boxes: Box2D[],
  alsoAt?: { width: number; height: number },
  opts: { keepBits?: boolean } = {},
): Promise<BoxMaskResult> {
  const keepBits = opts.keepBits ?? true;
  if (boxes.length === 0) return { masks: [], timings: { preprocessMs: 0, inferenceMs: 0, postprocessMs: 0 } };
  const sam = model as SamLike;
  const t0 = performance.now();
  const inputs = await samInputs(processor, image, boxes, (len) => pixelScratch.take(len));
  const n = boxes.length;
  const t1 = performance.now();
  const pixels = inputs.pixel_values.data as Float32Array; // read before the run, which may dispose the tensor
  let embeddings: Record<string, Tensor>;
  try {
    embeddings = await sam.get_image_embeddings({ pixel_values: inputs.pixel_values });
  } finally {
    pixelScratch.release(pixels);
  }
  const boxData = inputs.input_boxes.data as Float32Array;
  let best = new Float32Array(0);
  let mh = 0, mw = 0;
  const scores: number[] = [];
  for (let start = 0; start < n; start += SAM_BOX_CHUNK) {
    const m = Math.min(SAM_BOX_CHUNK, n - start);
    // Transformers.js 4.3.1 fills input_labels from input_points' shape, so a box-only call needs both: one
    // padding point per box (label -10: "ignore me" to SAM's prompt encoder; a boxes-only export drops them).
    const input_points = new Tensor('float32', new Float32Array(m * 2), [1, m, 1, 2]);
    const input_labels = new Tensor('int64', new BigInt64Array(m).fill(-10n), [1, m, 1]);
    const input_boxes = new Tensor('float32', boxData.slice(start * 4, (start + m) * 4), [1, m, 4]);
    const out = (await model({ ...embeddings, input_points, input_labels, input_boxes })) as { iou_scores: Tensor; pred_masks: Tensor };
    const [, , candidates, h, w] = out.pred_masks.dims;
    if (best.length === 0) {
      [mh, mw] = [h, w];
      best = new Float32Array(n * mh * mw);
    }
    const iou = out.iou_scores.data as Float32Array;
    const logits = out.pred_masks.data as Float32Array;
    for (let i = 0; i < m; i++) {
      let k = 0;
      for (let c = 1; c < candidates; c++) if (iou[i * candidates + c] > iou[i * candidates + k]) k = c;
      scores.push(iou[i * candidates + k]);
      best.set(logits.subarray((i * candidates + k) * mh * mw, (i * candidates + k + 1) * mh * mw), (start + i) * mh * mw);
    }
    out.pred_masks.dispose?.();
  }
  const t2 = performance.now();
  const pad = (processor as unknown as { image_processor: { pad_size?: { height: number; width: number } } }).image_processor.pad_size ?? { height: 1024, width: 1024 };
  const [rh, rw] = inputs.reshaped_input_sizes[0];
  const [H, W] = inputs.original_sizes[0];
  const masks: BoxMask[] = [];
  for (let i = 0; i < n; i++) {
    const m = maskFromLogits(best.subarray(i * mh * mw, (i + 1) * mh * mw), mw, mh, (rw / pad.width) * mw, (rh / pad.height) * mh, W, H, keepBits ? undefined : scratchBits(W * H));
    let area = 0;
    for (let p = 0; p < m.length; p++) area += m[p];
    const mask: BoxMask = { width: W, height: H, rle: encodeMaskRLE(m, W, H), score: scores[i], area };
    if (keepBits) mask.bits = m;
    if (alsoAt && (alsoAt.width !== W || alsoAt.height !== H)) {
      const n = alsoAt.width * alsoAt.height;
      const small = maskFromLogits(best.subarray(i * mh * mw, (i + 1) * mh * mw), mw, mh, (rw / pad.width) * mw, (rh / pad.height) * mh, alsoAt.width, alsoAt.height, scratchBits(n));
      mask.rleAt = encodeMaskRLE(small, alsoAt.width, alsoAt.height);
    }
    masks.push(mask);
  }
  const t3 = performance.now();
  return { masks, timings: { preprocessMs: t1 - t0, inferenceMs: t2 - t1, postprocessMs: t3 - t2 } };
}

/**
 * SAM's low-resolution logits -> a binary mask at the image size in one bilinear pass. Same result as
 * SamImageProcessor.post_process_masks (upsample to the padded input, crop the padding, resize to the
 * image, threshold at 0) without materialising the 1024x1024 intermediate per box.
 * `validW`/`validH`: the part of the logit grid that covers the image (the rest is padding).
 */
export function maskFromLogits(logits: Float32Array, mw: number, mh: number, validW: number, validH: number, W: number, H: number, out: Uint8Array = new Uint8Array(W * H)): Uint8Array {
  const { i0: xa, i1: xb, w: xw } = linearTaps(W, mw, validW);
  const rows = linearTaps(H, mh, validH);
  // separable: the vertical blend of the two logit rows once per output row (mw values), then two taps
  // per pixel; the same sums as the 2-D formula, regrouped
  const row = new Float64Array(mw);
  let lastY0 = -1, lastWy = -1;
  for (let y = 0; y < H; y++) {
    const y0 = rows.i0[y], wy = rows.w[y];
    if (y0 !== lastY0 || wy !== lastWy) {
      const r0 = y0 * mw, r1 = rows.i1[y] * mw;
      for (let c = 0; c < mw; c++) row[c] = logits[r0 + c] * (1 - wy) + logits[r1 + c] * wy;
      lastY0 = y0;
      lastWy = wy;
    }
    const o = y * W;
    for (let x = 0; x < W; x++) {
      const wx = xw[x];
      out[o + x] = row[xa[x]] * (1 - wx) + row[xb[x]] * wx > 0 ? 1 : 0;
    }
  }
  return out;
}

/**
 * The masks worker's non-model code on dummy data (input preparation into the pooled buffer, mask
 * upsampling at the working and the depth size, run lengths): after a load, so the first photo finds the
 * code optimised and the buffers touched.
 */
export function warmUpMaskCode(processor: Processor, working = { width: 1024, height: 768 }, depth = { width: 512, height: 384 }): void {
  const cfg = (processor as unknown as { image_processor: { config: SamProcessorConfig } }).image_processor.config;
  const img = { ...working, data: new Uint8ClampedArray(working.width * working.height * 4) };
  for (let i = 0; i < img.data.length; i++) img.data[i] = Math.imul(i, 2654435761) >>> 24;
  const logits = new Float32Array(256 * 256);
  for (let i = 0; i < logits.length; i++) logits[i] = ((i * 7919) % 97) - 48;
  for (let round = 0; round < 2; round++) {
    const px = fastSamPixelValues(img, cfg, (n) => pixelScratch.take(n));
    if (px) pixelScratch.release(px.data as Float32Array);
    for (const { width: w, height: h } of [working, depth]) encodeMaskRLE(maskFromLogits(logits, 256, 256, 256, 192, w, h, scratchBits(w * h)), w, h);
  }
}
