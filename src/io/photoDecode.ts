/**
 * Photo file -> working-size RGBA without ever holding the full-size photo as RGBA: the header gives the
 * size (and EXIF orientation), the browser's decoder scales straight to about the working size, and only
 * working-size pixels are read back. Measured in Chromium 156 on a 4000x3000 JPEG (loaded 2-core box,
 * min of 8): WebCodecs ImageDecoder with desiredWidth/Height 175 ms (libjpeg decodes in the DCT domain
 * at 2/8 scale: a 1000x750 frame, then one small draw), createImageBitmap(full) + drawImage 384 ms,
 * createImageBitmap with resizeWidth/Height 458-594 ms (Chromium decodes at full size, then resizes on
 * the CPU). So ImageDecoder first, createImageBitmap's resize options where WebCodecs is missing.
 * The decoded frame is then read without a canvas where the browser allows (readFrameDirect). Same
 * machine, quiet, 12 MP JPEG, steady medians: decode 18-24 ms, then canvas draw 32 ms + getImageData
 * 13 ms before, copyTo(RGBA) 1 ms + resampleOriented 18 ms (12 of them first-touching the output) now.
 * Works in a window and in a worker (OffscreenCanvas).
 */
import type { RGBAImage } from '../core/geometry/raster';
import { checkImageBytes, ImageInputError, workingSize, WORKING_SIDE, type CheckOptions } from './imageLimits';
import type { ImageFormat } from './imageHeader';
import { orientationFromRotation, orientedSize, resampleOriented } from './orientResample';
import { drawToRgba } from './canvasPixels';
import type { PhotoDecoder } from './photoInput';
import { jpegOrientation } from './jpegOrientation';

export { jpegOrientation } from './jpegOrientation';

export interface WorkingPhoto {
  name: string;
  format: ImageFormat;
  /** Size after EXIF orientation, before scaling (from the header: never decoded at this size). */
  original: { width: number; height: number };
  rgb: RGBAImage;
  /** The file's bytes (EXIF tags; the dataset export keeps the original photo). */
  bytes: Uint8Array;
  /** EXIF orientation 1..8 (1 when absent). */
  orientation: number;
  /** Which path decoded it: WebCodecs read directly or through a canvas, or createImageBitmap. */
  decodedBy: DecodePath;
}

export type DecodePath = 'webcodecs-direct' | 'webcodecs-canvas' | 'image-bitmap';

/** Reused between photos: the decoder's RGBA copy of its frame (a fresh 3 MB buffer costs ~12 ms here). */
let frameScratch: Uint8Array | null = null;
let frameScratchBusy = false;

/** Larger frames than this (per side, against the output) go through the canvas, which filters a big downscale. */
const MAX_DIRECT_SCALE = 1.25;

/**
 * The frame's pixels, oriented and scaled to `out`, without a canvas: the decoder converts to RGBA into a
 * reused buffer (VideoFrame.copyTo with a format; I420 camera JPEGs included), one pass orients and
 * resamples. Null where the browser lacks copyTo conversion or the frame's orientation fields, or the
 * scale is large.
 */
async function readFrameDirect(frame: VideoFrame, out: { width: number; height: number }): Promise<RGBAImage | null> {
  const f = frame as VideoFrame & { rotation?: number; flip?: boolean };
  if (typeof f.rotation !== 'number' || typeof f.flip !== 'boolean' || frameScratchBusy) return null;
  const orientation = orientationFromRotation(f.rotation, f.flip);
  const rect = frame.visibleRect;
  if (!orientation || !rect) return null;
  const oriented = orientedSize(rect.width, rect.height, orientation);
  if (oriented.width > out.width * MAX_DIRECT_SCALE || oriented.height > out.height * MAX_DIRECT_SCALE) return null;
  const opts = { format: 'RGBA', colorSpace: 'srgb' } as unknown as VideoFrameCopyToOptions;
  let size: number;
  try {
    size = frame.allocationSize(opts);
  } catch {
    return null; // no RGBA conversion in this browser's copyTo
  }
  // a browser that ignores `format` sizes the frame's own layout (e.g. I420, 1.5 bytes a pixel): not RGBA
  if (size < rect.width * rect.height * 4) return null;
  if (!frameScratch || frameScratch.byteLength < size) frameScratch = new Uint8Array(size);
  const buf = frameScratch.subarray(0, size);
  frameScratchBusy = true;
  try {
    const planes = await frame.copyTo(buf, opts);
    const plane = planes[0];
    if (planes.length !== 1 || plane.stride < rect.width * 4) return null;
    const data = resampleOriented(buf, rect.width, rect.height, orientation, out.width, out.height, { stride: plane.stride, offset: plane.offset });
    return { width: out.width, height: out.height, data };
  } catch {
    return null;
  } finally {
    frameScratchBusy = false;
  }
}

/**
 * WebCodecs decode at a reduced scale (the decoder picks an n/8 JPEG scale near the desired size);
 * null where ImageDecoder or the type is unavailable. `desired` is in stored (unrotated) pixels.
 */
async function decodeScaled(bytes: Uint8Array, mime: string, desired: { width: number; height: number }, out: { width: number; height: number }): Promise<{ rgb: RGBAImage; path: DecodePath } | null> {
  if (typeof ImageDecoder === 'undefined' || !(await ImageDecoder.isTypeSupported(mime))) return null;
  const decoder = new ImageDecoder({ data: bytes as Uint8Array<ArrayBuffer>, type: mime, desiredWidth: desired.width, desiredHeight: desired.height });
  try {
    const { image } = await decoder.decode();
    try {
      if (Math.abs(image.displayWidth / image.displayHeight - out.width / out.height) > 0.02) {
        return null; // orientation not what the header said: let createImageBitmap decide
      }
      const direct = await readFrameDirect(image, out);
      return direct ? { rgb: direct, path: 'webcodecs-direct' } : { rgb: drawToRgba(image, out.width, out.height, 'medium'), path: 'webcodecs-canvas' };
    } finally {
      image.close();
    }
  } finally {
    decoder.close();
  }
}

/**
 * Decode a photo straight to the working size (longest side `side`), EXIF orientation applied.
 * The header is checked first (format, too small, too large) so a bad file is refused before decoding.
 * This is the one decode path for every image the app shows, wherever it comes from (a dropped photo,
 * ?image=, a link's thumbnail, a scene file's photo, the photo of an RGB-D pair): the same header limits
 * hold for all of them, and none is ever decoded at more than the size asked for.
 */
export async function decodeToWorkingSize(file: Blob, name = (file as File).name || 'photo', side = WORKING_SIDE, check: CheckOptions = {}): Promise<WorkingPhoto> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const header = checkImageBytes(name, bytes, check);
  const orientation = header.format === 'jpeg' ? jpegOrientation(bytes) : 1;
  const swap = orientation >= 5;
  const original = swap ? { width: header.height, height: header.width } : { width: header.width, height: header.height };
  const size = workingSize(original.width, original.height, side);
  try {
    const d = await decodeScaled(bytes, `image/${header.format}`, swap ? { width: size.height, height: size.width } : size, size);
    if (d) return { name, format: header.format, original, rgb: d.rgb, bytes, orientation, decodedBy: d.path };
  } catch {
    // damaged data or a decoder quirk: createImageBitmap below gives the error a person can read
  }
  let bitmap: ImageBitmap;
  try {
    // resize* is the oriented output size (HTML spec: orientation is applied before resizing).
    bitmap = await createImageBitmap(file.type === `image/${header.format}` ? file : new Blob([bytes], { type: `image/${header.format}` }), {
      imageOrientation: 'from-image',
      resizeWidth: size.width,
      resizeHeight: size.height,
      resizeQuality: 'medium',
    });
  } catch {
    throw new ImageInputError(`"${name}" could not be decoded: the ${header.format.toUpperCase()} data is damaged or incomplete.`);
  }
  try {
    if (bitmap.width !== size.width || bitmap.height !== size.height) {
      throw new ImageInputError(`"${name}" decoded at ${bitmap.width}x${bitmap.height}, expected ${size.width}x${size.height}.`);
    }
    return { name, format: header.format, original, rgb: drawToRgba(bitmap, size.width, size.height, 'medium'), bytes, orientation, decodedBy: 'image-bitmap' };
  } finally {
    bitmap.close();
  }
}

/**
 * Image bytes (a link's thumbnail, a scene file's photo) -> RGBA of exactly `size`, through the same
 * header checks and scaled decode as a dropped photo: decoded at most at `size`'s longest side, then
 * drawn to `size` (the image a scene's boxes were drawn on can differ a little in aspect).
 */
export async function decodeImageBytesTo(bytes: Uint8Array, mime: string, name: string, size: { width: number; height: number }, check: CheckOptions = {}): Promise<RGBAImage> {
  const part = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
  const photo = await decodeToWorkingSize(new Blob([part], { type: mime }), name, Math.max(size.width, size.height), check);
  return resizeRgba(photo.rgb, size.width, size.height);
}

/** Resize an RGBA image (the photo of an RGB-D pair is brought to the depth map's size). */
export async function resizeRgba(img: RGBAImage, width: number, height: number): Promise<RGBAImage> {
  if (img.width === width && img.height === height) return img;
  const bitmap = await createImageBitmap(new ImageData(new Uint8ClampedArray(img.data), img.width, img.height));
  try {
    return drawToRgba(bitmap, width, height);
  } finally {
    bitmap.close();
  }
}

/**
 * The decoder's own pass (resampleOriented) on dummy pixels, for the page to run when idle: the first
 * photo then finds it optimised (cold, the first 12 MP decode took 125-190 ms instead of ~50).
 */
export function warmUpPhotoDecode(): void {
  const w = 640, h = 480;
  const src = new Uint8Array(w * h * 4);
  for (let i = 0; i < src.length; i++) src[i] = Math.imul(i, 2654435761) >>> 24;
  for (const o of [1, 6]) resampleOriented(src, w, h, o, o >= 5 ? 495 : 660, o >= 5 ? 660 : 495);
}

/** The browser's decoder for io/photoInput.ts (WebCodecs or createImageBitmap, as decodeToWorkingSize). */
export const browserPhotoDecoder: PhotoDecoder = {
  probe(name, bytes) {
    const h = checkImageBytes(name, bytes);
    const orientation = h.format === 'jpeg' ? jpegOrientation(bytes) : 1;
    return { format: h.format, orientation, ...orientedSize(h.width, h.height, orientation) };
  },
  decode: (bytes, header, name, size) => decodeImageBytesTo(bytes, `image/${header.format}`, name, size),
};
