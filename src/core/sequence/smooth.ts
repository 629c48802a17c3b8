/**
 * Robust smoothing of a per-frame curve with gaps.
 *
 * 1. Outliers (Hampel filter): a value farther from the median of its window (±`halfWindow` frames, present
 *    values only) than 3 scaled MADs plus 2 sigma is flagged and left out of the smoothed line. A depth
 *    glitch on one frame should not bend the curve, and the measurement's own sigma keeps a noisy but honest
 *    value in.
 * 2. The smoothed value at a frame is a local line fitted to the kept values in its window by inverse-variance
 *    weighted least squares (a straight trend passes through unchanged, even at the ends, where a plain
 *    mean would pull the line inwards); with fewer than two frames in the window, their weighted mean.
 *    Frames without a value stay gaps (null): the line is never drawn through missing frames.
 */
export interface SmoothOptions {
  /** Frames on each side in the window (default 2: five frames). */
  halfWindow?: number;
  /** Floor on sigma for the weights, so one exact value does not dominate (default 0.005 m). */
  minSigma?: number;
}

export interface Smoothed {
  smoothed: (number | null)[];
  outlier: boolean[];
}

const MAD_SCALE = 1.4826;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function smoothCurve(values: readonly (number | null)[], sigmas: readonly (number | null)[], opts: SmoothOptions = {}): Smoothed {
  const h = opts.halfWindow ?? 2;
  const minSigma = opts.minSigma ?? 0.005;
  const n = values.length;
  const window = (i: number): number[] => {
    const idx: number[] = [];
    for (let j = Math.max(0, i - h); j <= Math.min(n - 1, i + h); j++) if (values[j] !== null) idx.push(j);
    return idx;
  };
  const outlier = values.map((v, i) => {
    if (v === null) return false;
    const w = window(i).map((j) => values[j] as number);
    if (w.length < 3) return false;
    const med = median(w);
    const mad = MAD_SCALE * median(w.map((x) => Math.abs(x - med)));
    return Math.abs(v - med) > 3 * mad + 2 * (sigmas[i] ?? 0) + 1e-9;
  });
  const smoothed = values.map((v, i) => {
    if (v === null) return null;
    // weighted sums for y = a + b (j - i); the smoothed value is a
    let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const j of window(i)) {
      if (outlier[j]) continue;
      const sig = Math.max(sigmas[j] ?? 0, minSigma);
      const wt = 1 / (sig * sig);
      const x = j - i, y = values[j] as number;
      sw += wt; sx += wt * x; sy += wt * y; sxx += wt * x * x; sxy += wt * x * y;
    }
    if (sw === 0) return v;
    const det = sw * sxx - sx * sx;
    return det > 1e-9 * sw * sw ? (sy * sxx - sx * sxy) / det : sy / sw;
  });
  return { smoothed, outlier };
}
