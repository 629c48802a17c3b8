/**
 * Metric depth from a loaded depth model (Metric3D or DepthPro), returned in metres aligned to the image.
 * The same code runs in the depth worker and in Node tests (real Transformers.js, tiny models).
 */
import type { PreTrainedModel, Processor, Tensor } from '@huggingface/transformers';
import type { RGBAImage } from '../../../core/geometry/raster';
import { depthPixelValues } from './depthInputs';
import { inputTensor, metric3dPixelValues, unpaddedRegion, type Letterbox } from './metric3dInput';
import type { DepthMap } from '../../../core/geometry/raster';
import type { Intrinsics, IntrinsicsSource } from '../../../core/camera/intrinsics';
import { cropMap, resampleBilinear } from './resample';
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
  /** Model input size: 1064 x 616 for Metric3D (letterboxed), 1536 x 1536 for DepthPro. */
  inputSize: { width: number; height: number };
  timings: { preprocessMs: number; inferenceMs: number; postprocessMs: number };
}

/** Photos whose focal length is only a guess: DepthPro's own estimate is better than the default. */
export function focalIsGuess(source: IntrinsicsSource): boolean {
  return source === 'default';
}

/**
 * Metric3D de-canonical transform (YvanYin/Metric3D hubconf.py): the network saw the photo resized by
 * `letterboxScale` (see metric3dInput.ts), so the focal length at its input is fx * letterboxScale, and
 * `pred_depth * (intrinsic[0] / 1000.0)` with that scaled focal gives metres.
 */
export function metric3dScale(fx: number, letterboxScale: number): number {
  return (fx * letterboxScale) / METRIC3D_CANONICAL_FOCAL;
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
  const prepared = await prepareInput(model, processor, family, image);
  const [, , inH, inW] = prepared.dims;
  const t1 = performance.now();
  let out: { predicted_depth: Tensor; focallength_px?: Tensor };
  try {
    out = (await model({ pixel_values: prepared.tensor })) as typeof out;
  } finally {
    pixelScratch.release(prepared.pooled);
  }
  const t2 = performance.now();
  // an fp16 export returns float16 (Uint16Array bits in Node, Float16Array in browsers that have it)
  const pred = out.predicted_depth.type === 'float32' ? out.predicted_depth : out.predicted_depth.to('float32');
  const dims = pred.dims;
  const ph = dims[dims.length - 2];
  const pw = dims[dims.length - 1];
  const all = pred.data as Float32Array;
  const raw = all.length === ph * pw ? all : all.subarray(0, ph * pw);
  const ow = req.outSize?.width ?? W;
  const oh = req.outSize?.height ?? H;
  const valid = prepared.letterbox ? cropMap(raw, pw, unpaddedRegion(prepared.letterbox, pw, ph)) : { data: raw, width: pw, height: ph };
  const data = resampleBilinear(valid.data, valid.width, valid.height, ow, oh);

  let intrinsics = req.intrinsics;
  let source = req.intrinsicsSource;
  let detail: string;
  let scale: number;
  if (family === 'metric3d') {
    const s = prepared.letterbox?.scale ?? inW / W;
    scale = metric3dScale(intrinsics.fx, s);
    detail = `Metric3D canonical focal ${METRIC3D_CANONICAL_FOCAL}px rescaled by fx=${intrinsics.fx.toFixed(1)}px x ${s.toFixed(4)} (letterboxed to ${inW}x${inH})`;
  } else {
    // a q4f16 export returns float16 here too
    const est = out.focallength_px ? Number((out.focallength_px.to('float32').data as Float32Array)[0]) : NaN;
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

interface PreparedInput {
  tensor: Tensor;
  dims: number[];
  /** Metric3D's letterbox (absent for DepthPro, whose processor resizes the whole photo). */
  letterbox?: Letterbox;
  /** The pooled float buffer to give back after the run. */
  pooled?: Float32Array;
}

/** The dtype the session declares for `pixel_values` (fp16 exports take float16; Transformers.js does not cast). */
export function sessionInputType(model: PreTrainedModel, input = 'pixel_values'): 'float32' | 'float16' {
  const sessions = (model as unknown as { sessions?: Record<string, { inputMetadata?: { name: string; type?: string }[] }> }).sessions ?? {};
  for (const s of Object.values(sessions)) {
    const meta = s.inputMetadata?.find((m) => m.name === input);
    if (meta?.type === 'float16') return 'float16';
  }
  return 'float32';
}

async function prepareInput(model: PreTrainedModel, processor: Processor, family: DepthFamily, image: RGBAImage): Promise<PreparedInput> {
  const type = sessionInputType(model);
  if (family === 'metric3d') {
    const { values, box } = metric3dPixelValues(image, (n) => pixelScratch.take(n));
    const dims = [1, 3, box.inputHeight, box.inputWidth];
    // ONNX Runtime copies a float32 input during run(): the pooled buffer goes back after it; a float16 copy is made here
    const tensor = inputTensor(values, dims, type);
    if (type === 'float16') pixelScratch.release(values);
    return { tensor, dims, letterbox: box, pooled: type === 'float32' ? values : undefined };
  }
  const px = await depthPixelValues(processor, image);
  const tensor = type === 'float16' ? inputTensor(px.data as Float32Array, px.dims, 'float16') : px;
  return { tensor, dims: px.dims };
}

/**
 * The depth worker's non-model code on dummy data (input preparation into the pooled buffer, the
 * resampling to the geometry's size): after a load, so the first photo finds it optimised and touched.
 */
export function warmUpDepthCode(working = { width: 1024, height: 768 }, out = { width: 512, height: 384 }): void {
  const img = { ...working, data: new Uint8ClampedArray(working.width * working.height * 4) };
  for (let round = 0; round < 2; round++) {
    const { values, box } = metric3dPixelValues(img, (n) => pixelScratch.take(n));
    pixelScratch.release(values);
    const valid = cropMap(new Float32Array(box.inputWidth * box.inputHeight), box.inputWidth, unpaddedRegion(box, box.inputWidth, box.inputHeight));
    resampleBilinear(valid.data, valid.width, valid.height, out.width, out.height);
  }
}
