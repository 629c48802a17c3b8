/**
 * Metric3D's input the way its authors feed it, not the way the Hub repo's preprocessor_config.json
 * (DPTImageProcessor, short side 518) would: the network predicts depth for a canonical camera, so the
 * focal length at its input decides the metric scale, and only the reference letterbox gives the scale the
 * network was trained and exported for.
 *
 * Reference: YvanYin/Metric3D `hubconf.py` (`__main__` example) and `onnx/test_onnx.py`:
 *   input_size = (616, 1064)                      # ViT models
 *   scale = min(input_size[0] / h, input_size[1] / w)
 *   rgb = cv2.resize(rgb, (int(w * scale), int(h * scale)), interpolation=cv2.INTER_LINEAR)
 *   padding = [123.675, 116.28, 103.53]           # the mean colour
 *   pad_h_half = pad_h // 2; pad_w_half = pad_w // 2
 *   rgb = cv2.copyMakeBorder(rgb, pad_h_half, pad_h - pad_h_half, pad_w_half, pad_w - pad_w_half, ..., value=padding)
 *   ... pred_depth[pad_info[0] : H - pad_info[1], pad_info[2] : W - pad_info[3]]   # un-pad
 *   ... interpolate(pred_depth, rgb_origin.shape[:2], mode='bilinear')            # "hold depth"
 *   canonical_to_real_scale = intrinsic[0] / 1000.0  # intrinsic already multiplied by `scale`
 * The ONNX export (`onnx/metric3d_onnx_export.py`, Metric3DExportModel.normalize_image) subtracts the mean and
 * divides by the std inside the graph, so the input is raw 0..255 RGB and the mean-colour padding becomes 0.
 */
import { Tensor } from '@huggingface/transformers';
import type { RGBAImage } from '../../../core/geometry/raster';
import { linearTaps } from '../../../core/geometry/linearTaps';

export const METRIC3D_INPUT = { height: 616, width: 1064 } as const;
export const METRIC3D_PAD_RGB = [123.675, 116.28, 103.53] as const;

export interface Letterbox {
  /** The photo is resized by this factor (both axes) before padding. */
  scale: number;
  /** Size of the resized photo inside the input. */
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  inputWidth: number;
  inputHeight: number;
}

/** The reference letterbox for a w x h photo (Python's int() truncation and // floor division). */
export function metric3dLetterbox(w: number, h: number, input: { width: number; height: number } = METRIC3D_INPUT): Letterbox {
  const scale = Math.min(input.height / h, input.width / w);
  const width = Math.max(1, Math.min(input.width, Math.trunc(w * scale)));
  const height = Math.max(1, Math.min(input.height, Math.trunc(h * scale)));
  const padW = input.width - width, padH = input.height - height;
  const left = Math.floor(padW / 2), top = Math.floor(padH / 2);
  return { scale, width, height, top, bottom: padH - top, left, right: padW - left, inputWidth: input.width, inputHeight: input.height };
}

/**
 * Raw RGB (0..255) CHW pixel values of the letterboxed photo, resized bilinearly (cv2 INTER_LINEAR: pixel
 * centres aligned). `alloc` may return a reused buffer with stale contents: every element is written.
 */
export function metric3dPixelValues(img: RGBAImage, alloc: (n: number) => Float32Array = (n) => new Float32Array(n)): { values: Float32Array; box: Letterbox } {
  const box = metric3dLetterbox(img.width, img.height);
  const { inputWidth: iw, inputHeight: ih } = box;
  const plane = iw * ih;
  const px = alloc(3 * plane);
  for (let c = 0; c < 3; c++) px.fill(METRIC3D_PAD_RGB[c], c * plane, (c + 1) * plane);
  const { width: W, height: H, data } = img;
  const cols = linearTaps(box.width, W);
  const rows = linearTaps(box.height, H);
  const xa = cols.i0.map((i) => i * 4), xb = cols.i1.map((i) => i * 4), xw = cols.w;
  for (let y = 0; y < box.height; y++) {
    const r0 = rows.i0[y] * W * 4, r1 = rows.i1[y] * W * 4, wy = rows.w[y];
    let o = (y + box.top) * iw + box.left;
    for (let x = 0; x < box.width; x++, o++) {
      const wx = xw[x];
      const a = r0 + xa[x], b = r0 + xb[x], c = r1 + xa[x], d = r1 + xb[x];
      for (let ch = 0; ch < 3; ch++) {
        const top = data[a + ch] + (data[b + ch] - data[a + ch]) * wx;
        const bottom = data[c + ch] + (data[d + ch] - data[c + ch]) * wx;
        px[ch * plane + o] = top + (bottom - top) * wy;
      }
    }
  }
  return { values: px, box };
}

/**
 * The part of a prediction of size pw x ph that covers the photo (the padding cut away). The network may
 * predict at another resolution than its input; the padding is cut in proportion.
 */
export function unpaddedRegion(box: Letterbox, pw: number, ph: number): { x0: number; y0: number; width: number; height: number } {
  const sx = pw / box.inputWidth, sy = ph / box.inputHeight;
  return { x0: box.left * sx, y0: box.top * sy, width: box.width * sx, height: box.height * sy };
}

/** The input tensor in the dtype the session declares (an fp16 export takes float16). */
export function inputTensor(values: Float32Array, dims: number[], type: 'float32' | 'float16'): Tensor {
  if (type === 'float32') return new Tensor('float32', values, dims);
  return new Tensor('float16', toFloat16Array(values), dims);
}

type Float16Ctor = { from(src: ArrayLike<number>): ArrayLike<number> };

/**
 * float32 -> IEEE half. Browsers with Float16Array (what ORT then expects for float16 tensors) get one;
 * elsewhere (Node 20) the half bits in a Uint16Array, as onnxruntime-common stores float16 without it.
 */
export function toFloat16Array(values: Float32Array): Uint16Array {
  const F16 = (globalThis as { Float16Array?: Float16Ctor }).Float16Array;
  if (F16) return F16.from(values) as unknown as Uint16Array;
  const out = new Uint16Array(values.length);
  const f = new Float32Array(1), u = new Uint32Array(f.buffer);
  for (let i = 0; i < values.length; i++) {
    f[0] = values[i];
    out[i] = halfBits(u[0]);
  }
  return out;
}

/** Round-to-nearest-even float32 bits -> float16 bits (overflow to infinity, NaN kept, subnormals kept). */
export function halfBits(x: number): number {
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rem = mant & ((1 << shift) - 1), mid = 1 << (shift - 1);
    if (rem > mid || (rem === mid && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && half & 1)) half++; // a carry into the exponent rounds up to infinity
  return sign | half;
}
