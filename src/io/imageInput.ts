/**
 * Photos from the person (drop, paste, picker, camera, ?image= URL) -> a working-size RGBA image.
 * Browser only (photoDecode.ts: WebCodecs at a reduced scale, else createImageBitmap).
 */
import { ImageInputError, WORKING_SIDE } from './imageLimits';
import { decodeToWorkingSize, type WorkingPhoto } from './photoDecode';

export { ImageInputError } from './imageLimits';

/** A photo at the working size (see decodeToWorkingSize: header checked first, EXIF orientation applied). */
export type DecodedPhoto = WorkingPhoto;

/**
 * Decode a photo file: header checked first (format, 1x1, 12000x9000 refused before decoding), then
 * decoded with EXIF orientation straight to the working size (longest side at most `side`).
 */
export function decodePhoto(file: Blob, name = (file as File).name || 'photo', side = WORKING_SIDE): Promise<DecodedPhoto> {
  checkPhotoFileSize(name, file.size);
  return decodeToWorkingSize(file, name, side);
}

export { resizeRgba } from './photoDecode';

/** Largest photo file read (bytes), checked before reading: a 50 MP JPEG is rarely over 40 MB. */
export const MAX_PHOTO_FILE_BYTES = 100 * 1024 * 1024;

export function checkPhotoFileSize(name: string, bytes: number): void {
  if (bytes > MAX_PHOTO_FILE_BYTES) {
    throw new ImageInputError(`"${name}" is ${Math.round(bytes / 1e6)} MB: a photo file is at most ${MAX_PHOTO_FILE_BYTES / 1024 / 1024} MB.`);
  }
}

/** Fetch a photo from a URL (the ?image= parameter, once approved); same-origin or CORS-enabled only. */
export async function fetchPhoto(url: string, signal?: AbortSignal): Promise<DecodedPhoto> {
  let res: Response;
  try {
    res = await fetch(url, { signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ImageInputError(`Could not fetch the image at ${url} (network error or the server does not allow it).`);
  }
  if (!res.ok) throw new ImageInputError(`Could not fetch the image at ${url} (HTTP ${res.status}).`);
  const name = decodeURIComponent(new URL(url, location.href).pathname.split('/').pop() || 'image');
  const declared = Number(res.headers.get('content-length') ?? 0);
  checkPhotoFileSize(name, declared);
  return decodePhoto(await res.blob(), name); // decodePhoto checks the size it actually got
}
