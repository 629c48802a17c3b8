/**
 * SAM inputs from an RGBA image. When the image already has SAM's input size on its longest side (the
 * pipeline's working size is 1024, SAM's too), rescale + normalise + pad + HWC->CHW happen in one pass
 * here instead of SamImageProcessor's five (rgb(), rescale, normalise, pad, permute), which cost
 * ~0.5 s per image in a loaded browser. Same numbers as the processor (tested); otherwise it falls back
 * to the processor.
 */
import { RawImage, Tensor, type Processor } from '@huggingface/transformers';
import type { RGBAImage } from '../../../core/geometry/raster';
import type { Box2D } from '../../../core/scene/types';

export interface SamInputs {
  pixel_values: Tensor;
  original_sizes: [number, number][];
  reshaped_input_sizes: [number, number][];
  input_boxes: Tensor;
}

export interface SamProcessorConfig {
  do_rescale?: boolean;
  rescale_factor?: number;
  do_normalize?: boolean;
  image_mean?: number[];
  image_std?: number[];
  do_pad?: boolean;
  pad_size?: { height: number; width: number };
  size?: { longest_edge?: number };
}

export function rgbaToRaw(img: RGBAImage): RawImage {
  return new RawImage(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength), img.width, img.height, 4).rgb();
}

/**
 * The one-pass path, or null when the image needs resizing (then use the processor). `alloc` may return
 * a reused buffer with stale contents: every element is written, the padding included.
 */
export function fastSamPixelValues(img: RGBAImage, cfg: SamProcessorConfig, alloc: (n: number) => Float32Array = (n) => new Float32Array(n)): Tensor | null {
  const longest = cfg.size?.longest_edge;
  const pad = cfg.pad_size;
  if (!longest || !pad || cfg.do_pad === false || Math.max(img.width, img.height) !== longest) return null;
  if (img.width > pad.width || img.height > pad.height) return null;
  const scale = cfg.do_rescale === false ? 1 : (cfg.rescale_factor ?? 1 / 255);
  const mean = cfg.do_normalize === false ? [0, 0, 0] : (cfg.image_mean ?? [0, 0, 0]);
  const std = cfg.do_normalize === false ? [1, 1, 1] : (cfg.image_std ?? [1, 1, 1]);
  const plane = pad.width * pad.height;
  const out = alloc(3 * plane);
  const { width: W, height: H, data } = img;
  // zero padding, as the processor pads normalised values with 0
  for (let c = 0; c < 3; c++) {
    const p0 = c * plane;
    if (W < pad.width) for (let y = 0; y < H; y++) out.fill(0, p0 + y * pad.width + W, p0 + (y + 1) * pad.width);
    out.fill(0, p0 + H * pad.width, p0 + plane);
  }
  const a0 = scale / std[0], a1 = scale / std[1], a2 = scale / std[2];
  const b0 = -mean[0] / std[0], b1 = -mean[1] / std[1], b2 = -mean[2] / std[2];
  // one pass over the RGBA bytes (each read once), three plane writers
  for (let y = 0; y < H; y++) {
    let o = y * pad.width;
    const end = o + W;
    let src = y * W * 4;
    for (; o < end; o++, src += 4) {
      out[o] = data[src] * a0 + b0;
      out[plane + o] = data[src + 1] * a1 + b1;
      out[2 * plane + o] = data[src + 2] * a2 + b2;
    }
  }
  return new Tensor('float32', out, [1, 3, pad.height, pad.width]);
}

export async function samInputs(processor: Processor, img: RGBAImage, boxes: Box2D[], alloc?: (n: number) => Float32Array): Promise<SamInputs> {
  const cfg = (processor as unknown as { image_processor: { config: SamProcessorConfig } }).image_processor.config;
  const fast = fastSamPixelValues(img, cfg, alloc);
  const flat = boxes.flatMap((b) => [b.x0, b.y0, b.x1, b.y1]);
  if (fast) {
    // No resize: boxes stay in image pixels.
    return {
      pixel_values: fast,
      original_sizes: [[img.height, img.width]],
      reshaped_input_sizes: [[img.height, img.width]],
      input_boxes: new Tensor('float32', Float32Array.from(flat), [1, boxes.length, 4]),
    };
  }
  return (await processor(rgbaToRaw(img), { input_boxes: [boxes.map((b) => [b.x0, b.y0, b.x1, b.y1])] })) as SamInputs;
}
