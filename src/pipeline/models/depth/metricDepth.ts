/**
 * Metric depth from a loaded depth model (Metric3D or DepthPro), returned in metres aligned to the image.
 * The same code runs in the depth worker and in Node tests (real Transformers.js, tiny models).
 */
import type { PreTrainedModel, Processor, Tensor } from '@huggingface/transformers';
import type { RGBAImage } from '../../../core/geometry/raster';
import { depthPixelValues, fastDepthPixelValues, type DptConfig } from './depthInputs';
import type { DepthMap } from '../../../core/geometry/raster';
import type { Intrinsics, IntrinsicsSource } from '../../../core/camera/intrinsics';
import { resampleBilinear } from './resample';
import { ScratchFloats } from '../scratch';

/** The model input, reused from photo to photo (see ScratchFloats). */
const pixelScratch = new ScratchFloats();

export type DepthFamily = 'metric3d' | 'depth-pro';

/** Metric3D predicts depth as if seen by a camera with this focal length (pixels at the model input). */
export const METRIC3D_CANONICAL_FOCAL = 1000;
/** Metric3D's reference implementation clamps metric depth to [0, 300] m. */
export const METRIC3D_MAX_DEPTH = 300;
/** DepthPro's processor feeds a square image of this side; its focal estimate is in these pixels. */
export const DEPTH_PRO_SIZE = 1536;

export interface DepthRequest {
  image: RGBAImage;
  /** Use the one-pass resize (default); false runs the model's own processor. */
  fastPreprocess?: boolean;
  /** Intrinsics for `image` (same width/height); their source decides whether DepthPro's own focal wins. */
  intrinsics: Intrinsics;
  intrinsicsSource: IntrinsicsSource;
  /** Size of the returned depth map (default the image's): smaller keeps the hand-off and buildScene cheap. */
  outSize?: { width: number; height: number };
}

export interface DepthResult {
  /** At req.outSize (default the image size); the intrinsics below are for the image (rescale them). */
  depth: DepthMap;
  /** The intrinsics the metric scale actually used (may be the model's focal estimate). */
  intrinsics: Intrinsics;
  intrinsicsSource: IntrinsicsSource;
  intrinsicsDetail: string;
  /** Model input size, e.g. 518-ish x 700-ish for Metric3D. */
  inputSize: { width: number; height: number };
  timings: { preprocessMs: number; inferenceMs: number; postprocessMs: number };
}

/** Photos whose focal length is only a guess: DepthPro's own estimate is better than the default. */
export function focalIsGuess(source: IntrinsicsSource): boolean {
  return source === 'default';
}

/**
 * Metric3D de-canonical transform. Reference: YvanYin/Metric3D hubconf.py (`__main__` example):
 * resize keeping aspect ratio with `scale`, scale the intrinsics by the same factor, predict, un-pad,
 * upsample to the original size ("hold depth": the values are not rescaled by resizing), then
 * `pred_depth * (intrinsic[0] / 1000.0)` — 1000 being the canonical camera's focal length — and clamp to
 * [0, 300]. onnx-community/metric3d-vit-small's processor (DPTImageProcessor, 518, keep_aspect_ratio,
 * ensure_multiple_of 14, no padding, normalisation inside the graph) resizes the whole image, so the focal
 * at the model input is fx * inputWidth / imageWidth and there is nothing to un-pad.
 */
export function metric3dScale(fx: number, imageWidth: number, inputWidth: number): number {
  return (fx * (inputWidth / imageWidth)) / METRIC3D_CANONICAL_FOCAL;
}

/**
 * DepthPro depth scales with focal/width (Apple's depth_pro: inverse_depth = canonical * W / f_px). The ONNX
 * export already applied its own estimate `focallength_px` (pixels at the 1536 input); a known focal
 * replaces it: depth * (fx / W) / (f_est / 1536).
 */
export function depthProScale(fx: number, imageWidth: number, focalEstimateInput: number): number {
  return fx / imageWidth / (focalEstimateInput / DEPTH_PRO_SIZE);
}

export async function predictMetricDepth(
  model: PreTrainedModel,
  processor: Processor,
  family: DepthFamily,
  req: DepthRequest,
): Promise<DepthResult> {
  const { image } = req;
  const W = image.width;
  const H = image.height;
  const t0 = performance.now();
  const inputs = { pixel_values: await depthPixelValues(processor, image, req.fastPreprocess ?? true, (n) => pixelScratch.take(n)) };
  const [, , inH, inW] = inputs.pixel_values.dims;
  const t1 = performance.now();
  const pixels = inputs.pixel_values.data as Float32Array; // read before the run, which may dispose the tensor
  let out: { predicted_depth: Tensor; focallength_px?: Tensor };
  try {
    out = (await model(inputs)) as typeof out;
  } finally {
    pixelScratch.release(pixels);
  }
  const t2 = performance.now();
  const pred = out.predicted_depth;
  const dims = pred.dims;
  const ph = dims[dims.length - 2];
  const pw = dims[dims.length - 1];
  const raw = pred.data as Float32Array;
  const ow = req.outSize?.width ?? W;
  const oh = req.outSize?.height ?? H;
  const data = resampleBilinear(raw.length === ph * pw ? raw : raw.subarray(0, ph * pw), pw, ph, ow, oh);

  let intrinsics = req.intrinsics;
  let source = req.intrinsicsSource;
  let detail: string;
  let scale: number;
  if (family === 'metric3d') {
    scale = metric3dScale(intrinsics.fx, W, inW);
    detail = `Metric3D canonical focal ${METRIC3D_CANONICAL_FOCAL}px rescaled by fx=${intrinsics.fx.toFixed(1)}px (input ${inW}x${inH})`;
  } else {
    const est = out.focallength_px ? Number((out.focallength_px.data as Float32Array)[0]) : NaN;
    if (focalIsGuess(source) && Number.isFinite(est) && est > 0) {
      const f = (est * W) / DEPTH_PRO_SIZE;
      intrinsics = { ...intrinsics, fx: f, fy: f };
      source = 'model-estimate';
      detail = `DepthPro focal estimate ${est.toFixed(1)}px at ${DEPTH_PRO_SIZE} -> ${f.toFixed(1)}px`;
      scale = 1;
    } else if (Number.isFinite(est) && est > 0) {
      scale = depthProScale(intrinsics.fx, W, est);
      detail = `DepthPro depth rescaled from its focal estimate ${est.toFixed(1)}px to fx=${intrinsics.fx.toFixed(1)}px`;
    } else {
      scale = 1;
      detail = 'DepthPro without a focal output: depth used as given';
    }
  }
  const max = family === 'metric3d' ? METRIC3D_MAX_DEPTH : Infinity;
  for (let i = 0; i < data.length; i++) {
    const d = data[i] * scale;
    data[i] = Number.isFinite(d) ? Math.min(Math.max(d, 0), max) : 0;
  }
  const t3 = performance.now();
  return {
    depth: { width: ow, height: oh, data },
    intrinsics,
    intrinsicsSource: source,
    intrinsicsDetail: detail,
    inputSize: { width: inW, height: inH },
    timings: { preprocessMs: t1 - t0, inferenceMs: t2 - t1, postprocessMs: t3 - t2 },
  };
}

/**
 * The depth worker's non-model code on dummy data (input preparation into the pooled buffer, the
 * resampling to the geometry's size): after a load, so the first photo finds it optimised and touched.
 */
export function warmUpDepthCode(processor: Processor, working = { width: 1024, height: 768 }, out = { width: 512, height: 384 }): void {
  const cfg = (processor as unknown as { image_processor?: { config: DptConfig } }).image_processor?.config;
  const img = { ...working, data: new Uint8ClampedArray(working.width * working.height * 4) };
  for (let round = 0; round < 2; round++) {
    const px = cfg ? fastDepthPixelValues(img, cfg, (n) => pixelScratch.take(n)) : null;
    if (px) pixelScratch.release(px.data as Float32Array);
    const [, , h, w] = px?.dims ?? [1, 3, 518, 686];
    resampleBilinear(new Float32Array(w * h), w, h, out.width, out.height);
  }
}
