/**
 * Photos from another host (the ?image= parameter, a link's photo URL) -> a file io/photoInput.ts loads.
 * Browser only (fetch + location).
 */
import { ImageInputError } from './imageLimits';
import { checkPhotoFileSize, type InputFile } from './photoInput';

export { ImageInputError } from './imageLimits';
export { resizeRgba } from './photoDecode';

/** Fetch a photo from a URL (once approved); same-origin or CORS-enabled only. Its size is checked twice: declared, then read. */
export async function fetchPhoto(url: string, signal?: AbortSignal): Promise<InputFile> {
  let res: Response;
  try {
    res = await fetch(url, { signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ImageInputError(`Could not fetch the image at ${url} (network error or the server does not allow it).`);
  }
  if (!res.ok) throw new ImageInputError(`Could not fetch the image at ${url} (HTTP ${res.status}).`);
  const name = decodeURIComponent(new URL(url, location.href).pathname.split('/').pop() || 'image');
  checkPhotoFileSize(name, Number(res.headers.get('content-length') ?? 0));
  return { blob: await res.blob(), name }; // loadPhoto checks the size it actually got
}
