/**
 * A video file -> frames at a chosen rate, decoded one at a time with WebCodecs through mediabunny
 * (MP4 / MOV / WebM / MKV demuxing). Streaming: the sink reuses a pool of two canvases and each frame is read
 * out (pixels for the geometry, a small JPEG for the scrubber) before the next is decoded, so a 300-frame run
 * never holds 300 decoded frames.
 *
 * - Rate: `fps` frames a second (default 2), at most `maxFrames` (300). A longer video is sampled evenly
 *   over its whole length and `plan.message` says so ("2 h video: 300 frames, one every 24 s").
 * - A file that is not a video this demuxer knows, or has no video track, or whose codec this browser's
 *   WebCodecs cannot decode, throws VideoInputError with a sentence a person can act on.
 */
import { ALL_FORMATS, BlobSource, CanvasSink, Input } from 'mediabunny';
import type { RGBAImage } from '../core/geometry/raster';

export class VideoInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VideoInputError';
  }
}

export const DEFAULT_FPS = 2;
export const MAX_FRAMES = 300;
/** Longest side of the frames handed to the geometry / models. */
export const VIDEO_WORKING_SIDE = 640;
const THUMB_SIDE = 240;

export interface VideoPlan {
  duration: number;
  width: number;
  height: number;
  codec: string;
  /** The seconds at which frames are taken, in order. */
  timestamps: number[];
  /** Set when the rate was lowered to stay within maxFrames. */
  message: string | null;
}

export interface VideoFrameOut {
  index: number;
  timestamp: number;
  rgb: RGBAImage;
  thumbnail: Blob;
}

const fmtDuration = (s: number): string => (s >= 3600 ? `${(s / 3600).toFixed(1)} h` : s >= 60 ? `${Math.round(s / 60)} min` : `${s.toFixed(1)} s`);

/** Timestamps for `fps` over `duration`, evenly thinned to at most `maxFrames`. */
export function sampleTimes(duration: number, fps: number, maxFrames = MAX_FRAMES): { timestamps: number[]; message: string | null } {
  const wanted = Math.max(1, Math.floor(duration * fps + 1e-9));
  if (wanted <= maxFrames) return { timestamps: Array.from({ length: wanted }, (_, i) => i / fps), message: null };
  const step = duration / maxFrames;
  return {
    timestamps: Array.from({ length: maxFrames }, (_, i) => i * step),
    message: `The video is ${fmtDuration(duration)}: at ${fps} frames a second that is ${wanted.toLocaleString('en')} frames, over the ${maxFrames}-frame limit, so ${maxFrames} frames are taken evenly, one every ${fmtDuration(step)}.`,
  };
}

export class VideoFrames {
  private constructor(private readonly input: Input, private readonly sink: CanvasSink, readonly plan: VideoPlan) {}

  static async open(file: Blob, name: string, opts: { fps?: number; maxFrames?: number } = {}): Promise<VideoFrames> {
    const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
    try {
      let track;
      try {
        track = await input.getPrimaryVideoTrack();
      } catch {
        throw new VideoInputError(`"${name}" is not a video this app can read (MP4, MOV, WebM or MKV), or the file is damaged.`);
      }
      if (!track) throw new VideoInputError(`"${name}" has no video track.`);
      const codec = (await track.getCodec()) ?? 'an unknown codec';
      if (!(await track.canDecode())) {
        throw new VideoInputError(`This browser cannot decode "${name}" (${codec}). Try another browser, or convert the video to H.264 (MP4) or VP9 (WebM).`);
      }
      const duration = await input.computeDuration();
      const width = await track.getDisplayWidth();
      const height = await track.getDisplayHeight();
      const s = Math.min(1, VIDEO_WORKING_SIDE / Math.max(width, height));
      const sink = new CanvasSink(track, { width: Math.round(width * s), height: Math.round(height * s), fit: 'fill', poolSize: 2 });
      const { timestamps, message } = sampleTimes(duration, opts.fps ?? DEFAULT_FPS, opts.maxFrames ?? MAX_FRAMES);
      return new VideoFrames(input, sink, { duration, width: Math.round(width * s), height: Math.round(height * s), codec, timestamps, message });
    } catch (e) {
      input.dispose();
      throw e;
    }
  }

  /** Frames in order; stops early when `signal` aborts. The caller must be done with a frame before asking for the next. */
  async *frames(signal?: AbortSignal): AsyncGenerator<VideoFrameOut> {
    let index = 0;
    try {
      for await (const wrapped of this.sink.canvasesAtTimestamps(this.plan.timestamps)) {
        if (signal?.aborted) return;
        const t = this.plan.timestamps[index];
        if (!wrapped) { index++; continue; }
        const c = wrapped.canvas;
        const ctx = (c as OffscreenCanvas).getContext('2d', { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D | null;
        if (!ctx) throw new VideoInputError('a video frame could not be read (no 2D canvas)');
        const img = ctx.getImageData(0, 0, c.width, c.height);
        yield { index: index++, timestamp: t, rgb: { width: img.width, height: img.height, data: img.data }, thumbnail: await thumbnailOf(c) };
      }
    } catch (e) {
      if (e instanceof VideoInputError) throw e;
      throw new VideoInputError(`The video could not be decoded past frame ${index} (${e instanceof Error ? e.message : String(e)}): it may be damaged.`);
    }
  }

  dispose(): void {
    this.input.dispose();
  }
}

/** A small JPEG of a canvas for the scrubber (a few kB: 300 of them are well under 5 MB). */
export async function thumbnailOf(c: HTMLCanvasElement | OffscreenCanvas): Promise<Blob> {
  const s = Math.min(1, THUMB_SIDE / Math.max(c.width, c.height));
  const t = new OffscreenCanvas(Math.max(1, Math.round(c.width * s)), Math.max(1, Math.round(c.height * s)));
  const ctx = t.getContext('2d');
  if (!ctx) throw new VideoInputError('no 2D canvas for thumbnails');
  ctx.drawImage(c, 0, 0, t.width, t.height);
  return t.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
}

/** The same thumbnail from RGBA pixels (photos and RGB-D frames). */
export async function thumbnailOfRgba(img: RGBAImage): Promise<Blob> {
  const c = new OffscreenCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  if (!ctx) throw new VideoInputError('no 2D canvas for thumbnails');
  ctx.putImageData(new ImageData(new Uint8ClampedArray(img.data), img.width, img.height), 0, 0);
  return thumbnailOf(c);
}
