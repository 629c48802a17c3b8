/**
 * Depth files as RGB-D cameras and datasets write them: single-channel 16-bit PNG (or 8-bit) in some unit,
 * the SUN RGB-D bit-rotated variant, and NYU's raw Kinect disparity PGM. Browser-safe (no fs, no DOM).
 * Decoded values are metres; 0 marks "no depth" everywhere (DepthMap's convention).
 */
import { decode as decodePngRaw, encode as encodePngRaw } from 'fast-png';
import type { DepthMap } from '../core/geometry/raster';

export type DepthEncoding =
  | { kind: 'scale'; metresPerUnit: number }
  | { kind: 'sun-bitrotated' }
  | { kind: 'nyu-raw-disparity' };

/** Thrown for any depth file we cannot read; the message says what was wrong in words a user can act on. */
export class DepthFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DepthFileError';
  }
}

/** Largest image we agree to decode (pixels): keeps a hostile header from asking for gigabytes. */
const MAX_PIXELS = 64 * 1024 * 1024;

/** NYU raw Kinect disparity: Open3D's CreateFromNYUFormat constants. 2047 is the sensor's "no return". */
const NYU_INVALID_RAW = 2047;
const NYU_A = 351.3;
const NYU_B = 1092.5;

/**
 * Width x height from a PNG's IHDR without decoding, so a hostile header cannot make the decoder allocate
 * gigabytes before we get to refuse it. Null when the bytes do not start like a PNG.
 */
export function pngHeaderSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || bytes[0] !== 0x89 || bytes[1] !== 0x50 || bytes[2] !== 0x4e || bytes[3] !== 0x47) return null;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, 24);
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

/** Throws unless the PNG header announces a size we agree to decode. */
export function checkPngHeaderSize(bytes: Uint8Array, what: string): void {
  const size = pngHeaderSize(bytes);
  if (size && !(size.width > 0 && size.height > 0 && size.width * size.height <= MAX_PIXELS)) {
    throw new DepthFileError(`${what} header announces an unusable size ${size.width}x${size.height}`);
  }
}

/** What a depth PNG's IHDR says, read before any pixel is decoded. */
export interface DepthPngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** PNG colour type: 0 gray, 2 RGB, 3 palette, 4 gray + alpha, 6 RGBA. */
  colorType: number;
}

/**
 * Largest depth file a person gives (RGB-D pair, dataset), as scene files allow: depth cameras write 0.3-2 MP,
 * and the photo is decoded at the depth map's size, so this also bounds the photo's raster (16 MP: 64 MB).
 */
export const MAX_DEPTH_FILE_PIXELS = 16_000_000;

/** Smallest depth map worth lifting: a 1 x 1 "depth file" is a mistake, not a scene. */
export const MIN_DEPTH_SIDE = 8;

const COLOR_TYPES: Record<number, string> = { 0: 'grayscale', 2: 'RGB colour', 3: 'palette (indexed colour)', 4: 'grayscale + alpha', 6: 'RGBA colour' };

/**
 * Check a depth PNG from its header alone (format, size, bit depth, channels), so a 110 KB file holding
 * 9999 x 4999 pixels or a colour photo is refused before it is decoded. `name` is the file's name.
 * 8-bit grayscale is refused unless `allow8bit`: an 8-bit "depth" PNG is almost always a visualisation
 * (values 0-255 read as millimetres make a scene 25 cm deep).
 */
export function checkDepthPngHeader(name: string, bytes: Uint8Array, opts: { allow8bit?: boolean } = {}): DepthPngHeader {
  const expected = 'a depth file is a single-channel 16-bit grayscale PNG (millimetres, as RGB-D cameras write it)';
  if (bytes.length === 0) throw new DepthFileError(`"${name}" is empty (0 bytes): ${expected}.`);
  if (!(bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)) {
    throw new DepthFileError(`"${name}" is not a PNG: ${expected}.`);
  }
  if (bytes.length < 29 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') {
    throw new DepthFileError(`"${name}" looks like a PNG but its header is damaged.`);
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, 29);
  const h: DepthPngHeader = { width: dv.getUint32(16), height: dv.getUint32(20), bitDepth: bytes[24], colorType: bytes[25] };
  if (h.width < MIN_DEPTH_SIDE || h.height < MIN_DEPTH_SIDE) {
    throw new DepthFileError(`"${name}" is too small for a depth map (${h.width} × ${h.height} px): it needs at least ${MIN_DEPTH_SIDE} px on each side.`);
  }
  if (h.width * h.height > MAX_DEPTH_FILE_PIXELS) {
    throw new DepthFileError(`"${name}" is too large for a depth map (${h.width} × ${h.height} px): the limit is ${Math.round(MAX_DEPTH_FILE_PIXELS / 1e6)} MP.`);
  }
  if (h.colorType !== 0 && h.colorType !== 4) {
    throw new DepthFileError(`"${name}" is a ${COLOR_TYPES[h.colorType] ?? `colour type ${h.colorType}`} PNG, not depth: ${expected}. Is it the photo instead of the depth file?`);
  }
  if (h.bitDepth !== 16 && !(h.bitDepth === 8 && opts.allow8bit)) {
    throw new DepthFileError(
      `"${name}" is a ${h.bitDepth}-bit PNG: ${expected}. ${h.bitDepth === 8 ? 'An 8-bit image is usually a depth visualisation, whose grey levels are not distances.' : ''}`.trim(),
    );
  }
  return h;
}

/**
 * Nonsense depth content: every pixel 0 (no measurement) is refused; under 1% valid pixels gets a
 * warning. Returns the problem sentence, or null.
 */
export function depthContentProblem(depth: DepthMap, name: string): { refuse: boolean; text: string } | null {
  let valid = 0;
  for (let i = 0; i < depth.data.length; i++) if (depth.data[i] > 0 && Number.isFinite(depth.data[i])) valid++;
  if (valid === 0) {
    return { refuse: true, text: `"${name}" holds no depth: every pixel is 0 ("no measurement"). Expected distances in millimetres, as a depth camera records them.` };
  }
  const share = valid / depth.data.length;
  if (share < 0.01) {
    return { refuse: false, text: `"${name}" has depth at only ${(share * 100).toFixed(2)}% of its pixels: the scene will be mostly empty.` };
  }
  return null;
}

function checkEncoding(enc: DepthEncoding): void {
  if (enc.kind === 'scale' && !(Number.isFinite(enc.metresPerUnit) && enc.metresPerUnit > 0)) {
    throw new DepthFileError(`depth encoding: metresPerUnit must be a positive finite number, got ${enc.metresPerUnit}`);
  }
}

/** One stored unit value -> metres (0 = invalid). */
function unitToMetres(enc: DepthEncoding): (v: number) => number {
  switch (enc.kind) {
    case 'scale': {
      const s = enc.metresPerUnit;
      return (v) => v * s;
    }
    case 'sun-bitrotated':
      // SUN RGB-D stores millimetres rotated left by 3 bits; undo it, then 0 stays 0.
      return (v) => (((v >> 3) | (v << 13)) & 0xffff) / 1000;
    case 'nyu-raw-disparity':
      return (v) => {
        if (v === NYU_INVALID_RAW || v >= NYU_B) return 0;
        const m = NYU_A / (NYU_B - v);
        return Number.isFinite(m) && m > 0 ? m : 0;
      };
  }
}

function convert(values: ArrayLike<number>, stride: number, width: number, height: number, enc: DepthEncoding): DepthMap {
  checkEncoding(enc);
  const f = unitToMetres(enc);
  const n = width * height;
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i * stride];
    // 0 is "no measurement" in every format we read (for NYU raw, 0 is a real but meaningless disparity at
    // ~0.32 m, closer than the Kinect can see, so it is dropped too).
    data[i] = v === 0 ? 0 : f(v);
  }
  return { width, height, data };
}

/**
 * Decode a depth PNG. Accepts 16-bit or 8-bit grayscale (a gray+alpha PNG uses its gray channel);
 * RGB, RGBA and palette PNGs are refused: their channels are not a depth value.
 */
export function decodeDepthPng(bytes: Uint8Array, enc: DepthEncoding): DepthMap {
  checkPngHeaderSize(bytes, 'depth PNG');
  let png: ReturnType<typeof decodePngRaw>;
  try {
    png = decodePngRaw(bytes);
  } catch {
    // the decoder's own words ("Unsupported filter: undefined") mean nothing to a person
    throw new DepthFileError('the depth PNG could not be decoded: its image data is damaged or cut short');
  }
  if (png.width <= 0 || png.height <= 0 || png.width * png.height > MAX_PIXELS) {
    throw new DepthFileError(`depth PNG has an unusable size ${png.width}x${png.height}`);
  }
  if (png.palette) {
    throw new DepthFileError('depth PNG is a palette (indexed colour) image; expected single-channel grayscale depth');
  }
  if (png.channels !== 1 && png.channels !== 2) {
    throw new DepthFileError(
      `depth PNG has ${png.channels} channels (${png.channels >= 3 ? 'RGB' : 'unknown'}); expected a single-channel ` +
        '16-bit or 8-bit grayscale depth image — is this the colour image instead of the depth file?',
    );
  }
  if (png.depth !== 16 && png.depth !== 8) {
    throw new DepthFileError(`depth PNG has ${png.depth}-bit samples; expected 16-bit (or 8-bit)`);
  }
  if (png.data.length < png.width * png.height * png.channels) {
    throw new DepthFileError('depth PNG pixel data is shorter than its header says (truncated file?)');
  }
  return convert(png.data, png.channels, png.width, png.height, enc);
}

/** Split a PNM header: magic, then whitespace-separated integers, '#' comments to end of line. */
function readPnmHeader(bytes: Uint8Array, fields: number): { tokens: string[]; dataStart: number } {
  const tokens: string[] = [];
  let i = 0;
  const limit = Math.min(bytes.length, 4096);
  while (tokens.length < fields && i < limit) {
    const c = bytes[i];
    if (c === 0x23) {
      while (i < limit && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    } else if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      i++;
    } else {
      let tok = '';
      while (i < limit && ![0x20, 0x09, 0x0a, 0x0d, 0x23].includes(bytes[i])) tok += String.fromCharCode(bytes[i++]);
      tokens.push(tok);
    }
  }
  if (tokens.length < fields || i >= bytes.length) throw new DepthFileError('PNM header is incomplete or the file is empty');
  // Exactly one whitespace byte separates the header from the raster.
  return { tokens, dataStart: i + 1 };
}

/** Parse a binary PNM (P5 gray or P6 rgb) header; returns sizes and where pixels start. */
export function parsePnmHeader(
  bytes: Uint8Array,
  expectMagic: 'P5' | 'P6',
): { width: number; height: number; maxval: number; dataStart: number } {
  const { tokens, dataStart } = readPnmHeader(bytes, 4);
  if (tokens[0] !== expectMagic) {
    throw new DepthFileError(`expected a binary ${expectMagic} PNM file, found magic "${tokens[0].slice(0, 8)}"`);
  }
  const [width, height, maxval] = tokens.slice(1).map((t) => (/^\d+$/.test(t) ? Number(t) : NaN));
  if (!(width > 0 && height > 0 && width * height <= MAX_PIXELS)) {
    throw new DepthFileError(`PNM header has an unusable size "${tokens[1]}x${tokens[2]}"`);
  }
  if (!(maxval > 0 && maxval <= 65535)) throw new DepthFileError(`PNM header has an unusable maxval "${tokens[3]}"`);
  return { width, height, maxval, dataStart };
}

/**
 * Decode a binary 16-bit (or 8-bit) PGM depth file. The PGM spec says 16-bit samples are big-endian, but
 * NYU Depth V2's raw toolbox (and Open3D's NYU test file) write them little-endian, so little is the default.
 */
export function decodeDepthPgm(
  bytes: Uint8Array,
  enc: DepthEncoding,
  byteOrder: 'little' | 'big' = 'little',
): DepthMap {
  const { width, height, maxval, dataStart } = parsePnmHeader(bytes, 'P5');
  const n = width * height;
  const bps = maxval > 255 ? 2 : 1;
  if (bytes.length - dataStart < n * bps) {
    throw new DepthFileError(`PGM depth data is truncated: need ${n * bps} bytes, have ${bytes.length - dataStart}`);
  }
  const values = new Uint16Array(n);
  const view = new DataView(bytes.buffer, bytes.byteOffset + dataStart, n * bps);
  for (let i = 0; i < n; i++) values[i] = bps === 2 ? view.getUint16(i * 2, byteOrder === 'little') : view.getUint8(i);
  return convert(values, 1, width, height, enc);
}

/**
 * Read the free-text `depth_format` of rgbd_index.json (or a user's description) into an encoding.
 * Special formats are matched before the generic "value/N" so "meters = d/1000" after a bit rotation or
 * "351.3/(1092.5 - raw)" are not mistaken for a plain scale.
 */
export function parseDepthFormat(text: string): DepthEncoding {
  const t = text.toLowerCase();
  if (/bit-?rotat/.test(t)) return { kind: 'sun-bitrotated' };
  if (t.includes('disparity') || t.includes('1092.5')) return { kind: 'nyu-raw-disparity' };
  const m = /(?:value|raw|v|d|depth)\s*\/\s*(\d+(?:\.\d+)?)/.exec(t);
  if (m) {
    const div = Number(m[1]);
    if (div > 0) return { kind: 'scale', metresPerUnit: 1 / div };
  }
  if (/\bmillimet|\bmm\b/.test(t)) return { kind: 'scale', metresPerUnit: 0.001 };
  throw new DepthFileError(`unrecognised depth format "${text.slice(0, 120)}" (expected e.g. "meters = value/1000")`);
}

/**
 * Encode metres as a 16-bit grayscale PNG in units of `metresPerUnit` (default millimetres). Invalid depth
 * (0, NaN, negative, infinite) becomes 0; a positive depth below half a unit becomes 1 so it stays valid;
 * depth beyond 65535 units is clamped to 65535 (65.535 m in mm — use a coarser unit for outdoor scenes).
 */
export function encodeDepthPng(depth: DepthMap, metresPerUnit = 0.001): Uint8Array {
  if (!(Number.isFinite(metresPerUnit) && metresPerUnit > 0)) {
    throw new DepthFileError(`metresPerUnit must be a positive finite number, got ${metresPerUnit}`);
  }
  const n = depth.width * depth.height;
  if (!(depth.width > 0 && depth.height > 0) || depth.data.length < n) {
    throw new DepthFileError(`depth map ${depth.width}x${depth.height} does not match its data length ${depth.data.length}`);
  }
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const m = depth.data[i];
    if (!(m > 0) || !Number.isFinite(m)) continue;
    out[i] = Math.min(65535, Math.max(1, Math.round(m / metresPerUnit)));
  }
  return encodePngRaw({ width: depth.width, height: depth.height, data: out, depth: 16, channels: 1 });
}
