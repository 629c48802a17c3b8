/**
 * The one way a photo or an RGB-D pair becomes pixels + depth + camera + objects, for the app
 * (state/loadScene.ts), the dataset export (state/datasetStore.ts) and the CLI (scripts/synth/headless.ts).
 * Order matters and is the same for all three: file sizes, both headers (and their shapes compared) before
 * either is decoded, depth decoded and checked, the photo decoded straight at the depth map's size, the
 * sidecar's boxes, then the intrinsics. Only the pixel decoder differs (browser or pure JS), so it is
 * passed in (`PhotoDecoder`).
 */
import type { RGBAImage, DepthMap } from '../core/geometry/raster';
import type { IntrinsicsEstimate } from '../core/camera/fromExif';
import { hasGivenFocal, photoIntrinsics, type GivenIntrinsics } from '../core/camera/fromExif';
import { checkDepthPngHeader, decodeDepthPng, depthContentProblem, DepthFileError } from './depthFile';
import { readExifTags } from './exif';
import { ImageInputError, workingSize, WORKING_SIDE } from './imageLimits';
import { parseSidecar, type SidecarObject } from './objectsSidecar';
import { SENSOR_RELATIVE_DEPTH_ERROR } from '../core/units/uncertainty';

export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'ppm';

/** What a photo's header says, before any pixel is decoded. */
export interface PhotoHeader {
  format: PhotoFormat;
  /** Displayed size (EXIF orientation applied). */
  width: number;
  height: number;
  /** EXIF orientation 1..8 (1 when absent). */
  orientation: number;
}

/** Browser (io/photoDecode.ts) or pure JS (io/imageDecode.ts): the only part that differs by platform. */
export interface PhotoDecoder {
  /** Format, size and orientation from the header; throws (ImageInputError) for a file that cannot be a photo. */
  probe(name: string, bytes: Uint8Array): PhotoHeader;
  /** The photo at exactly `size`, in its displayed orientation. */
  decode(bytes: Uint8Array, header: PhotoHeader, name: string, size: { width: number; height: number }): Promise<RGBAImage>;
}

/** A file to read: a Blob (File in the browser; `new Blob([bytes])` in Node) and the name messages use. */
export interface InputFile {
  blob: Blob;
  name: string;
}

export type DepthScale = 'mm' | '256' | '5000';
export const DEPTH_SCALES: Record<DepthScale, { label: string; metresPerUnit: number }> = {
  mm: { label: 'millimetres (value / 1000)', metresPerUnit: 0.001 },
  '256': { label: 'value / 256 (KITTI)', metresPerUnit: 1 / 256 },
  '5000': { label: 'value / 5000 (TUM)', metresPerUnit: 1 / 5000 },
};

/** Largest photo file read (bytes), checked before reading: a 50 MP JPEG is rarely over 40 MB. */
export const MAX_PHOTO_FILE_BYTES = 100 * 1024 * 1024;
/** Largest depth file read (bytes), checked before reading it: a 16-bit 16 MP map is 32 MB raw. */
export const MAX_DEPTH_FILE_BYTES = 64 * 1024 * 1024;

export function checkPhotoFileSize(name: string, bytes: number): void {
  if (bytes > MAX_PHOTO_FILE_BYTES) {
    throw new ImageInputError(`"${name}" is ${Math.round(bytes / 1e6)} MB: a photo file is at most ${MAX_PHOTO_FILE_BYTES / 1024 / 1024} MB.`);
  }
}

function checkDepthFileSize(name: string, bytes: number): void {
  if (bytes > MAX_DEPTH_FILE_BYTES) {
    throw new DepthFileError(`"${name}" is ${Math.round(bytes / 1e6)} MB: a depth file is at most ${MAX_DEPTH_FILE_BYTES / 1024 / 1024} MB.`);
  }
}

const readAll = async (f: InputFile): Promise<Uint8Array> => new Uint8Array(await f.blob.arrayBuffer());

export interface CameraOptions {
  /** fx, fy, cx, cy in the photo's displayed pixels; without fx: EXIF, else the default guess. */
  intrinsics?: GivenIntrinsics;
  /** Where given intrinsics came from, for the scene's camera detail. */
  intrinsicsDetail?: string;
}

export interface LoadedPhoto {
  name: string;
  format: PhotoFormat;
  /** Displayed size of the photo as stored (never decoded at this size). */
  original: { width: number; height: number };
  rgb: RGBAImage;
  /** The file's bytes (EXIF; the dataset export keeps the original photo). */
  bytes: Uint8Array;
  orientation: number;
  camera: IntrinsicsEstimate;
  /** The sidecar's boxes at rgb's size; null without a sidecar. */
  objects: SidecarObject[] | null;
}

async function cameraOf(bytes: Uint8Array, original: { width: number; height: number }, size: { width: number; height: number }, o: CameraOptions): Promise<IntrinsicsEstimate> {
  const tags = hasGivenFocal(o.intrinsics) ? {} : await readExifTags(bytes);
  return photoIntrinsics(tags, original, size, o.intrinsics, o.intrinsicsDetail);
}

async function sidecarObjects(sidecar: InputFile | undefined, original: { width: number; height: number }, to: { width: number; height: number }): Promise<SidecarObject[] | null> {
  return sidecar ? parseSidecar(await sidecar.blob.text(), sidecar.name, original, to) : null;
}

export interface LoadPhotoOptions extends CameraOptions {
  /** Longest side of the working image (default WORKING_SIDE). */
  side?: number;
  sidecar?: InputFile;
}

/** A photo without depth: header checked, decoded straight to the working size, its camera and sidecar boxes. */
export async function loadPhoto(file: InputFile, decoder: PhotoDecoder, o: LoadPhotoOptions = {}): Promise<LoadedPhoto> {
  checkPhotoFileSize(file.name, file.blob.size);
  const bytes = await readAll(file);
  checkPhotoFileSize(file.name, bytes.length); // a stream may deliver more than it declared
  const header = decoder.probe(file.name, bytes);
  const original = { width: header.width, height: header.height };
  const size = workingSize(original.width, original.height, o.side ?? WORKING_SIDE);
  const rgb = await decoder.decode(bytes, header, file.name, size);
  return {
    name: file.name, format: header.format, original, rgb, bytes, orientation: header.orientation,
    camera: await cameraOf(bytes, original, size, o),
    objects: await sidecarObjects(o.sidecar, original, size),
  };
}

export interface RgbdRequest extends CameraOptions {
  photo: InputFile;
  depth: InputFile;
  /** Depth unit: metres per stored value. */
  metresPerUnit: number;
  sidecar?: InputFile;
}

export interface LoadedRgbd extends LoadedPhoto {
  depth: DepthMap;
  /** A warning about the depth content (few valid pixels); refusals throw instead. */
  depthWarning: string | null;
  /** Relative depth error of a depth file: a sensor's (units/uncertainty.ts), for buildScene's tie bands and gravity weights. */
  depthRelativeError: number;
}

/** Shapes differing by more than 2% in aspect: a crop, not the same frame. */
function checkSameShape(photo: { width: number; height: number }, depth: { width: number; height: number }): void {
  if (Math.abs(photo.width / photo.height - depth.width / depth.height) > 0.02) {
    throw new ImageInputError(`The photo (${photo.width} × ${photo.height}) and the depth map (${depth.width} × ${depth.height}) do not have the same shape.`);
  }
}

/**
 * An RGB-D pair: the photo and a 16-bit depth PNG. Both headers are checked (and their shapes compared)
 * before either is decoded; the photo is decoded straight at the depth map's size, never at its own.
 */
export async function loadRgbdInput(r: RgbdRequest, decoder: PhotoDecoder): Promise<LoadedRgbd> {
  checkPhotoFileSize(r.photo.name, r.photo.blob.size); // the same cap as any photo, before either file is read
  checkDepthFileSize(r.depth.name, r.depth.blob.size);
  const [photoBytes, depthBytes] = await Promise.all([readAll(r.photo), readAll(r.depth)]);
  const dh = checkDepthPngHeader(r.depth.name, depthBytes);
  const header = decoder.probe(r.photo.name, photoBytes);
  const original = { width: header.width, height: header.height };
  checkSameShape(original, dh);
  const depth = decodeDepthPng(depthBytes, { kind: 'scale', metresPerUnit: r.metresPerUnit });
  const problem = depthContentProblem(depth, r.depth.name);
  if (problem?.refuse) throw new DepthFileError(problem.text);
  const size = { width: depth.width, height: depth.height };
  const rgb = await decoder.decode(photoBytes, header, r.photo.name, size);
  return {
    name: r.photo.name, format: header.format, original, rgb, bytes: photoBytes, orientation: header.orientation,
    camera: await cameraOf(photoBytes, original, size, r),
    objects: await sidecarObjects(r.sidecar, original, size),
    depth, depthWarning: problem?.text ?? null, depthRelativeError: SENSOR_RELATIVE_DEPTH_ERROR,
  };
}

/** Scene-building stride for a depth map: about 640 points across, as the app, the export and the CLI use. */
export const rgbdStride = (depth: { width: number; height: number }): number => Math.max(1, Math.round(Math.max(depth.width, depth.height) / 640));
