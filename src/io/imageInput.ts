/**
 * Photos from the person (drop, paste, picker, camera, ?image= URL) -> a working-size RGBA image.
 * Browser only (photoDecode.ts: WebCodecs at a reduced scale, else createImageBitmap).
 */
import type { RGBAImage } from '../core/geometry/raster';
import { ImageInputError, WORKING_SIDE } from './imageLimits';
import { decodeToWorkingSize, type WorkingPhoto } from './photoDecode';
import { drawToRgba } from './canvasPixels';

export { ImageInputError } from './imageLimits';

/** A photo at the working size (see decodeToWorkingSize: header checked first, EXIF orientation applied). */
export type DecodedPhoto = WorkingPhoto;

/**
 * Decode a photo file: header checked first (format, 1x1, 12000x9000 refused before decoding), then
 * decoded with EXIF orientation straight to the working size (longest side at most `side`).
 */
export function decodePhoto(file: Blob, name = (file as File).name || 'photo', side = WORKING_SIDE): Promise<DecodedPhoto> {
  return decodeToWorkingSize(file, name, side);
}

/** Resize an RGBA image (the photo of an RGB-D pair is brought to the depth map's size). */
export async function resizeRgba(img: RGBAImage, width: number, height: number): Promise<RGBAImage> {
  if (img.width === width && img.height === height) return img;
  const data = new Uint8ClampedArray(img.data);
  const bitmap = await createImageBitmap(new ImageData(data, img.width, img.height));
  try {
    return drawToRgba(bitmap, width, height);
  } finally {
    bitmap.close();
  }
}

/** Fetch a photo from a URL (the ?image= parameter); same-origin or CORS-enabled only. */
export async function fetchPhoto(url: string): Promise<DecodedPhoto> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch {
    throw new ImageInputError(`Could not fetch the image at ${url} (network error or the server does not allow it).`);
  }
  if (!res.ok) throw new ImageInputError(`Could not fetch the image at ${url} (HTTP ${res.status}).`);
  const name = decodeURIComponent(new URL(url, location.href).pathname.split('/').pop() || 'image');
  return decodePhoto(await res.blob(), name);
}
