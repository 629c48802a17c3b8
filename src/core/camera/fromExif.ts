/**
 * Where a photo's intrinsics come from: numbers the user typed, EXIF tags, or a documented default.
 * Pure: takes plain numbers (src/io/exif.ts reads the tags).
 */
import type { Intrinsics, IntrinsicsSource } from './intrinsics';
import { isExifOrientation, orientationSwapsAxes, rotateIntrinsicsForOrientation, scaleIntrinsics } from './transform';

/** The EXIF tags that bear on intrinsics, as plain values (exifr's names; PixelX/YDimension accepted too). */
export interface ExifTags {
  FocalLengthIn35mmFilm?: number;
  /** Physical focal length, millimetres. */
  FocalLength?: number;
  /** Sensor pixels per FocalPlaneResolutionUnit, for an image of ExifImageWidth x ExifImageHeight. */
  FocalPlaneXResolution?: number;
  FocalPlaneYResolution?: number;
  /** 2 inch, 3 centimetre (EXIF); 4 millimetre and 5 micrometre (written by some cameras). */
  FocalPlaneResolutionUnit?: number;
  ExifImageWidth?: number;
  ExifImageHeight?: number;
  PixelXDimension?: number;
  PixelYDimension?: number;
  /** 1..8; the pixel order of the file, not of what a browser shows. */
  Orientation?: number;
  Make?: string;
  Model?: string;
}

export interface IntrinsicsEstimate {
  intrinsics: Intrinsics;
  source: IntrinsicsSource;
  /** Which tags and numbers were used, or why the default. */
  detail: string;
}

/** Diagonal of a 36 x 24 mm frame: "35 mm equivalent" focal lengths are defined against it. */
export const FULL_FRAME_DIAGONAL_MM = Math.hypot(36, 24);

/** A phone's main camera (~26 mm equivalent) — the most common source of photos people will drop in. */
export const DEFAULT_FOCAL_35MM = 26;

const UNIT_MM: Record<number, number> = { 2: 25.4, 3: 10, 4: 1, 5: 0.001 };

const fmt = (v: number, digits = 1) => Number(v.toFixed(digits)).toString();

function positive(v: unknown, max = Infinity): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= max;
}

function centred(f: number, width: number, height: number): Intrinsics {
  return { fx: f, fy: f, cx: (width - 1) / 2, cy: (height - 1) / 2, width, height };
}

/**
 * 35 mm-equivalent focal length -> pixels. The equivalence is by diagonal (crop factor = 43.27 mm / sensor
 * diagonal), so f_px = f35 · diag_px / 43.27 for any aspect ratio; for 3:2 images it equals f35/36 · width.
 * On the Pixel fixture (4.67 mm lens, 1.55 µm pixels => 3013 px at 4048 wide) the diagonal rule gives 3040 px
 * (+0.9 %) where the width rule would give 2924 px (-3 %).
 */
export function focalPxFrom35mm(f35: number, width: number, height: number): number {
  return (f35 * Math.hypot(width, height)) / FULL_FRAME_DIAGONAL_MM;
}

/** Intrinsics the user (or a dataset) gives. cx, cy default to the image centre; fy to fx. Throws on nonsense. */
export function intrinsicsFromExplicit(
  k: { fx: number; fy?: number; cx?: number; cy?: number },
  width: number,
  height: number,
  detail = 'given',
): IntrinsicsEstimate {
  const fy = k.fy ?? k.fx;
  const cx = k.cx ?? (width - 1) / 2;
  const cy = k.cy ?? (height - 1) / 2;
  if (!positive(width) || !positive(height)) throw new RangeError(`image size must be positive, got ${width}x${height}`);
  if (!positive(k.fx) || !positive(fy)) throw new RangeError(`focal lengths must be positive finite pixels, got ${k.fx}, ${fy}`);
  if (!Number.isFinite(cx) || !Number.isFinite(cy)) throw new RangeError(`principal point must be finite, got ${cx}, ${cy}`);
  return { intrinsics: { fx: k.fx, fy, cx, cy, width, height }, source: 'explicit', detail };
}

/** The documented fallback: a ~26 mm-equivalent phone camera, principal point at the centre. */
export function defaultIntrinsics(width: number, height: number, why: string): IntrinsicsEstimate {
  const f = focalPxFrom35mm(DEFAULT_FOCAL_35MM, width, height);
  return {
    intrinsics: centred(f, width, height),
    source: 'default',
    detail: `default: assumed a ${DEFAULT_FOCAL_35MM} mm-equivalent phone camera (f = ${fmt(f)} px) because ${why}; metric answers may be off by 20-50 %`,
  };
}

function cameraName(tags: ExifTags): string {
  const name = [tags.Make, tags.Model].filter((s) => typeof s === 'string' && s.trim()).join(' ').trim();
  return name ? ` (${name.slice(0, 80)})` : '';
}

/**
 * Intrinsics from EXIF tags.
 *
 * `imageWidth` x `imageHeight` is the size of the pixels the app works on, with EXIF orientation ALREADY
 * applied — what createImageBitmap (imageOrientation 'from-image', the default) and <img> give. Orientations
 * 5-8 mean the file stores the transposed size; the tags describe that stored (sensor) order, so the
 * intrinsics are computed there and rotated with the pixels.
 *
 * Order: FocalLengthIn35mmFilm (by diagonal), then FocalLength x FocalPlane[XY]Resolution scaled from the
 * EXIF image size to the current one (a photo resized after capture), else the default, flagged.
 */
export function intrinsicsFromExif(tags: ExifTags, imageWidth: number, imageHeight: number): IntrinsicsEstimate {
  if (!positive(imageWidth) || !positive(imageHeight)) {
    throw new RangeError(`image size must be positive, got ${imageWidth}x${imageHeight}`);
  }
  const orientation = isExifOrientation(tags.Orientation) ? tags.Orientation : 1;
  const swap = orientationSwapsAxes(orientation);
  const storedW = swap ? imageHeight : imageWidth;
  const storedH = swap ? imageWidth : imageHeight;
  const cam = cameraName(tags);
  const orientNote = orientation !== 1 ? `, EXIF orientation ${orientation}` : '';

  // 35 mm equivalent: defined on the diagonal, so neither the resize nor a quarter turn changes f_px/diag.
  const f35 = tags.FocalLengthIn35mmFilm;
  if (positive(f35, 5000)) {
    const f = focalPxFrom35mm(f35, imageWidth, imageHeight);
    return {
      intrinsics: centred(f, imageWidth, imageHeight),
      source: 'exif-35mm',
      detail: `EXIF FocalLengthIn35mmFilm ${fmt(f35)} mm${cam} -> f = ${fmt(f)} px over the ${imageWidth}x${imageHeight} diagonal${orientNote}`,
    };
  }

  const fmm = tags.FocalLength;
  const unitMm = UNIT_MM[tags.FocalPlaneResolutionUnit ?? 2];
  const xres = tags.FocalPlaneXResolution;
  const yres = positive(tags.FocalPlaneYResolution) ? tags.FocalPlaneYResolution : xres;
  if (positive(fmm, 5000) && positive(xres) && positive(yres) && unitMm !== undefined) {
    let exifW = tags.ExifImageWidth ?? tags.PixelXDimension;
    let exifH = tags.ExifImageHeight ?? tags.PixelYDimension;
    const notes: string[] = [];
    if (!positive(exifW) || !positive(exifH)) {
      exifW = storedW;
      exifH = storedH;
      notes.push('no EXIF image size: assumed the file was not resized');
    } else if (Math.abs(exifW / exifH - storedH / storedW) < Math.abs(exifW / exifH - storedW / storedH) - 1e-3) {
      // Some writers record the displayed (rotated) size; the sensor-order size is the other way round.
      [exifW, exifH] = [exifH, exifW];
      notes.push('EXIF image size was recorded rotated');
    }
    const sx = storedW / exifW;
    const sy = storedH / exifH;
    if (Math.abs(sx - sy) > 0.01 * Math.max(sx, sy)) notes.push(`EXIF size ${exifW}x${exifH} has another aspect ratio (cropped?)`);
    else if (Math.abs(sx - 1) > 1e-3) notes.push(`resized from ${exifW}x${exifH}`);
    const stored: Intrinsics = {
      fx: ((fmm * xres) / unitMm) * sx,
      fy: ((fmm * yres) / unitMm) * sy,
      cx: (storedW - 1) / 2,
      cy: (storedH - 1) / 2,
      width: storedW,
      height: storedH,
    };
    const K = rotateIntrinsicsForOrientation(stored, orientation);
    const sensorMm = (exifW * unitMm) / xres;
    return {
      intrinsics: K,
      source: 'exif-focal-plane',
      detail:
        `EXIF FocalLength ${fmt(fmm, 2)} mm x FocalPlaneXResolution${cam} -> fx = ${fmt(K.fx)} px, fy = ${fmt(K.fy)} px ` +
        `(implied sensor width ${fmt(sensorMm, 2)} mm${orientNote}${notes.length ? '; ' + notes.join('; ') : ''})`,
    };
  }

  const why = positive(fmm)
    ? `EXIF has FocalLength ${fmt(fmm, 2)} mm${cam} but neither a 35 mm equivalent nor the sensor resolution to convert it`
    : `the photo has no usable focal-length EXIF tags${cam}`;
  return defaultIntrinsics(imageWidth, imageHeight, why);
}

/** Intrinsics a person typed for a batch or a pair (any missing field: fy = fx, principal point centred). */
export interface GivenIntrinsics {
  fx?: number;
  fy?: number;
  cx?: number;
  cy?: number;
}

/** True when the given numbers name a focal length (the rest may be defaulted). */
export const hasGivenFocal = (g: GivenIntrinsics | undefined): g is GivenIntrinsics & { fx: number } => positive(g?.fx);

/**
 * A photo's intrinsics on the pixels the app works on: the numbers given (in the photo's own displayed
 * pixels, `original`), else its EXIF tags, else the default guess; then scaled to `size`. The one rule
 * every input path (app, dataset export, CLI) follows.
 */
export function photoIntrinsics(
  tags: ExifTags,
  original: { width: number; height: number },
  size: { width: number; height: number },
  given?: GivenIntrinsics,
  givenDetail = 'given',
): IntrinsicsEstimate {
  const est = hasGivenFocal(given)
    ? intrinsicsFromExplicit(
        { fx: given.fx, fy: positive(given.fy) ? given.fy : undefined, cx: Number.isFinite(given.cx) ? given.cx : undefined, cy: Number.isFinite(given.cy) ? given.cy : undefined },
        original.width, original.height, givenDetail,
      )
    : intrinsicsFromExif(tags, original.width, original.height);
  return { ...est, intrinsics: scaleIntrinsics(est.intrinsics, size.width, size.height) };
}
