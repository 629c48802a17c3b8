/**
 * Intrinsics follow the pixels: resizing and EXIF re-orientation change them too. Pixel coordinates are
 * 0-based with integer values at pixel centres, so the image spans [-0.5, width - 0.5].
 */
import type { Intrinsics } from './intrinsics';

/** EXIF Orientation 1..8; anything else is treated as 1 (as browsers do). */
export type ExifOrientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export function isExifOrientation(v: unknown): v is ExifOrientation {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 8;
}

/** Orientations 5-8 turn the image a quarter turn: the displayed width is the stored height. */
export function orientationSwapsAxes(o: number): boolean {
  return o >= 5 && o <= 8;
}

/**
 * Intrinsics for the same camera after resampling the image to newWidth x newHeight (no crop).
 * Pixel edges scale, so centres map as (x + 0.5)·s - 0.5. The one place this arithmetic lives.
 */
export function scaleIntrinsics(K: Intrinsics, newWidth: number, newHeight: number): Intrinsics {
  if (K.width === newWidth && K.height === newHeight) return K;
  const sx = newWidth / K.width;
  const sy = newHeight / K.height;
  return {
    fx: K.fx * sx,
    fy: K.fy * sy,
    cx: (K.cx + 0.5) * sx - 0.5,
    cy: (K.cy + 0.5) * sy - 0.5,
    width: newWidth,
    height: newHeight,
  };
}

/**
 * Intrinsics for a map of another size (a depth model's working size): scaleIntrinsics, but aspect ratios
 * that differ by more than 1% are refused: that is a crop, not a resize, and scaling would lie.
 */
export function intrinsicsForSize(K: Intrinsics, width: number, height: number): Intrinsics {
  if (K.width === width && K.height === height) return K;
  const sx = width / K.width, sy = height / K.height;
  if (Math.abs(sx / sy - 1) > 0.01) {
    throw new Error(`intrinsics are for ${K.width}x${K.height}, depth is ${width}x${height}: aspect ratios differ`);
  }
  return scaleIntrinsics(K, width, height);
}

/**
 * Stored pixel (x, y) of a W x H image -> displayed pixel after applying EXIF orientation `o`
 * (1 none, 2 mirror x, 3 rotate 180, 4 mirror y, 5 transpose, 6 rotate 90 clockwise, 7 transverse,
 * 8 rotate 90 counter-clockwise).
 */
export function orientPixel(o: ExifOrientation, x: number, y: number, W: number, H: number): [number, number] {
  switch (o) {
    case 1:
      return [x, y];
    case 2:
      return [W - 1 - x, y];
    case 3:
      return [W - 1 - x, H - 1 - y];
    case 4:
      return [x, H - 1 - y];
    case 5:
      return [y, x];
    case 6:
      return [H - 1 - y, x];
    case 7:
      return [H - 1 - y, W - 1 - x];
    case 8:
      return [y, W - 1 - x];
  }
}

/**
 * Intrinsics of the stored (sensor-order) pixels -> intrinsics of the displayed pixels after EXIF
 * orientation. Quarter turns swap fx/fy and the size; the principal point moves with its pixel.
 * Mirrored orientations (2, 4, 5, 7) keep positive focal lengths: a pinhole with fx > 0 cannot express a
 * mirror, so points lifted from a mirrored photo form the mirror image of the scene — same distances and
 * sizes, left/right swapped, which is what the photo itself shows.
 */
export function rotateIntrinsicsForOrientation(K: Intrinsics, orientation: number): Intrinsics {
  const o: ExifOrientation = isExifOrientation(orientation) ? orientation : 1;
  const [cx, cy] = orientPixel(o, K.cx, K.cy, K.width, K.height);
  if (orientationSwapsAxes(o)) return { fx: K.fy, fy: K.fx, cx, cy, width: K.height, height: K.width };
  return { fx: K.fx, fy: K.fy, cx, cy, width: K.width, height: K.height };
}
