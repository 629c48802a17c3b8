/**
 * Depth-model pixel values from an RGBA image in one pass (resize + HWC->CHW), for processors that
 * neither rescale nor normalise (onnx-community/metric3d-vit-small: normalisation is inside the graph).
 * SamImageProcessor-style savings: DPTImageProcessor goes RGBA->RGB->canvas->RGBA->RGB->permute, ~0.2 s
 * per image in a loaded browser. The size follows DPTImageProcessor's rule (keep_aspect_ratio +
 * ensure_multiple_of); resampling is bilinear, as Metric3D's reference code does (cv2 INTER_LINEAR),
 * where the processor uses the canvas (browser) or bicubic (Node).
 */
import { RawImage, Tensor, type Processor } from '@huggingface/transformers';
import type { RGBAImage } from '../../../core/geometry/raster';
import { linearTaps } from '../../../core/geometry/linearTaps';

export interface DptConfig {
  do_resize?: boolean;
  do_rescale?: boolean;
  do_normalize?: boolean;
  do_pad?: boolean;
  keep_aspect_ratio?: boolean;
  ensure_multiple_of?: number;
  size?: { height?: number; width?: number };
  image_processor_type?: string;
}

function bankersRound(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 ? (r % 2 === 0 ? r : r - 1) : r;
}

/** DPTImageProcessor's output size (Transformers.js get_resize_output_image_size, DPT branch). */
export function dptInputSize(w: number, h: number, cfg: DptConfig): { width: number; height: number } | null {
  const size = cfg.size;
  const m = cfg.ensure_multiple_of;
  if (!size?.width || !size.height || !cfg.keep_aspect_ratio || !m) return null;
  let sh = size.height / h;
  let sw = size.width / w;
  // "scale as little as possible"
  if (Math.abs(1 - sw) < Math.abs(1 - sh)) sh = sw;
  else sw = sh;
  return { width: bankersRound((sw * w) / m) * m, height: bankersRound((sh * h) / m) * m };
}

/** `alloc` may return a reused buffer with stale contents: every element is written. */
export function fastDepthPixelValues(img: RGBAImage, cfg: DptConfig, alloc: (n: number) => Float32Array = (n) => new Float32Array(n)): Tensor | null {
  if (cfg.image_processor_type !== 'DPTImageProcessor' || cfg.do_rescale !== false || cfg.do_normalize !== false || cfg.do_pad) return null;
  const out = dptInputSize(img.width, img.height, cfg);
  if (!out) return null;
  const { width: ow, height: oh } = out;
  const { width: W, height: H, data } = img;
  const plane = ow * oh;
  const px = alloc(3 * plane);
  const cols = linearTaps(ow, W);
  const rows = linearTaps(oh, H);
  // byte offsets of the column taps, once, not per pixel and channel
  const xa = cols.i0.map((i) => i * 4), xb = cols.i1.map((i) => i * 4), xw = cols.w;
  for (let y = 0; y < oh; y++) {
    const r0 = rows.i0[y] * W * 4;
    const r1 = rows.i1[y] * W * 4;
    const wy = rows.w[y];
    let o = y * ow;
    for (let x = 0; x < ow; x++, o++) {
      const wx = xw[x];
      const a = r0 + xa[x], b = r0 + xb[x], c = r1 + xa[x], d = r1 + xb[x];
      for (let ch = 0; ch < 3; ch++) {
        const top = data[a + ch] + (data[b + ch] - data[a + ch]) * wx;
        const bottom = data[c + ch] + (data[d + ch] - data[c + ch]) * wx;
        px[ch * plane + o] = top + (bottom - top) * wy;
      }
    }
  }
  return new Tensor('float32', px, [1, 3, oh, ow]);
}

export async function depthPixelValues(processor: Processor, img: RGBAImage, allowFast = true, alloc?: (n: number) => Float32Array): Promise<Tensor> {
  const cfg = (processor as unknown as { image_processor?: { config: DptConfig } }).image_processor?.config;
  const fast = allowFast && cfg ? fastDepthPixelValues(img, cfg, alloc) : null;
  if (fast) return fast;
  const raw = new RawImage(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength), img.width, img.height, 4).rgb();
  return ((await processor(raw)) as { pixel_values: Tensor }).pixel_values;
}
