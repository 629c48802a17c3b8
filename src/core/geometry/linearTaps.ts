/**
 * Bilinear sampling positions along one axis, pixel centres aligned (align_corners = false, as
 * torch.nn.functional.interpolate and cv2.INTER_LINEAR do): output sample k reads source samples i0[k]
 * and i1[k] with weight w[k] on i1. `span`: how many source samples the output covers (default `srcN`;
 * less when the source is padded beyond the image, as SAM's logit grid is).
 */
export interface LinearTaps {
  i0: Int32Array;
  i1: Int32Array;
  w: Float64Array;
}

export function linearTaps(outN: number, srcN: number, span = srcN): LinearTaps {
  const i0 = new Int32Array(outN), i1 = new Int32Array(outN), w = new Float64Array(outN);
  const s = span / outN;
  for (let k = 0; k < outN; k++) {
    const f = Math.min(Math.max((k + 0.5) * s - 0.5, 0), srcN - 1);
    const a = Math.floor(f);
    i0[k] = a;
    i1[k] = Math.min(a + 1, srcN - 1);
    w[k] = f - a;
  }
  return { i0, i1, w };
}
