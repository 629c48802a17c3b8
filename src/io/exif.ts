/**
 * Reads the EXIF tags that bear on intrinsics (see core/camera/fromExif.ts) with exifr, in the browser
 * (Blob/File/ArrayBuffer) and in Node (Uint8Array/Buffer). Never throws: unreadable input gives {}.
 *
 * Orientation is returned raw (1..8) — exifr's translated strings and its rotation helpers are not used —
 * and intrinsicsFromExif applies it to the size the decoder reports. We assume that size already has the
 * orientation applied: createImageBitmap (imageOrientation 'from-image', the default) and <img> do so.
 */
import exifr from 'exifr';
import type { ExifTags } from '../core/camera/fromExif';

/** exifr's key -> our key. exifr calls tag 0xA405 "FocalLengthIn35mmFormat". */
const NUMERIC: Record<string, keyof ExifTags> = {
  FocalLengthIn35mmFormat: 'FocalLengthIn35mmFilm',
  FocalLengthIn35mmFilm: 'FocalLengthIn35mmFilm',
  FocalLength: 'FocalLength',
  FocalPlaneXResolution: 'FocalPlaneXResolution',
  FocalPlaneYResolution: 'FocalPlaneYResolution',
  FocalPlaneResolutionUnit: 'FocalPlaneResolutionUnit',
  ExifImageWidth: 'ExifImageWidth',
  ExifImageHeight: 'ExifImageHeight',
  PixelXDimension: 'PixelXDimension',
  PixelYDimension: 'PixelYDimension',
  Orientation: 'Orientation',
};

const TEXT = ['Make', 'Model'] as const;

const PICK = [...Object.keys(NUMERIC), ...TEXT];

type ExifInput = Blob | ArrayBuffer | Uint8Array;

/** Keep only well-formed values: finite numbers, short printable strings. */
export function sanitizeExifTags(raw: unknown): ExifTags {
  const out: ExifTags = {};
  if (typeof raw !== 'object' || raw === null) return out;
  const r = raw as Record<string, unknown>;
  for (const [from, to] of Object.entries(NUMERIC)) {
    const v = r[from];
    if (typeof v === 'number' && Number.isFinite(v) && out[to] === undefined) (out as Record<string, number>)[to] = v;
  }
  for (const k of TEXT) {
    const v = r[k];
    // eslint-disable-next-line no-control-regex
    if (typeof v === 'string') out[k] = v.replace(/[\u0000-\u001f]/g, '').trim().slice(0, 100);
  }
  return out;
}

export async function readExifTags(input: ExifInput): Promise<ExifTags> {
  try {
    // exifr reads Blobs with FileReader, which Node lacks; the bytes work everywhere. EXIF (APP1) sits
    // at the head of a JPEG/HEIC/PNG, so the first MiB is enough and spares reading a large file twice.
    const data = typeof Blob !== 'undefined' && input instanceof Blob ? await input.slice(0, 1 << 20).arrayBuffer() : input;
    const raw: unknown = await exifr.parse(data, {
      pick: PICK,
      translateValues: false,
      reviveValues: true,
      gps: false,
      ifd1: false,
      interop: false,
      xmp: false,
      icc: false,
      iptc: false,
      jfif: false,
      ihdr: false,
      makerNote: false,
      userComment: false,
    });
    return sanitizeExifTags(raw);
  } catch {
    // Not an image exifr knows, or a damaged EXIF block: behave as "no tags" so the default applies.
    return {};
  }
}
