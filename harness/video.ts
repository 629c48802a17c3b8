/**
 * Test videos made in the page (never committed): frames drawn on a canvas, encoded with WebCodecs
 * VideoEncoder (VP8, VP9, H.264 or AV1, as this browser allows), muxed with mediabunny into WebM, MP4 or MOV. Frame n is one flat colour that encodes n (red = 4n mod 256,
 * blue = 255 - red), so a test can read a decoded frame's number back from its colour.
 * Also: a video whose codec the browser cannot decode (HEVC packets in Matroska), and a "2-hour" video
 * (two frames, at 0 s and at 7199 s). Playwright calls window.videoHarness.
 */
import { BufferTarget, EncodedPacket, EncodedVideoPacketSource, MkvOutputFormat, MovOutputFormat, Mp4OutputFormat, Output, WebMOutputFormat } from 'mediabunny';
import { VideoFrames } from '../src/io/videoFrames';

export interface MakeVideo {
  frames: number;
  fps: number;
  width: number;
  height: number;
  /** Presentation time of each frame, seconds (default n / fps). */
  times?: number[];
  /** Codec and container (default VP8 in WebM). */
  codec?: TestCodec;
  container?: TestContainer;
}

export type TestCodec = 'vp8' | 'vp9' | 'avc' | 'av1';
export type TestContainer = 'webm' | 'mp4' | 'mov';

/** WebCodecs codec strings for the encoder (baseline H.264 level 3.1, VP9 profile 0, AV1 main 8-bit). */
const CODEC_STRING: Record<TestCodec, string> = { vp8: 'vp8', vp9: 'vp09.00.10.08', avc: 'avc1.42001f', av1: 'av01.0.04M.08' };

const muxerFor = (c: TestContainer) => (c === 'mp4' ? new Mp4OutputFormat() : c === 'mov' ? new MovOutputFormat() : new WebMOutputFormat());

/** Which codecs this browser's VideoEncoder takes at a size (H.264 is missing from some Chromium builds). */
async function encodable(width: number, height: number): Promise<Record<TestCodec, boolean>> {
  const out = {} as Record<TestCodec, boolean>;
  for (const c of Object.keys(CODEC_STRING) as TestCodec[]) {
    const r = await VideoEncoder.isConfigSupported({ codec: CODEC_STRING[c], width, height, bitrate: 500_000, framerate: 10 }).catch(() => ({ supported: false }));
    out[c] = r.supported === true;
  }
  return out;
}

export const colourOf = (n: number): [number, number, number] => [(n * 4) % 256, 128, 255 - ((n * 4) % 256)];

async function encode(o: MakeVideo): Promise<Uint8Array> {
  const codec = o.codec ?? 'vp8';
  const source = new EncodedVideoPacketSource(codec);
  const output = new Output({ format: muxerFor(o.container ?? 'webm'), target: new BufferTarget() });
  output.addVideoTrack(source, { frameRate: o.fps });
  await output.start();
  const chunks: { chunk: EncodedVideoChunk; meta?: EncodedVideoChunkMetadata }[] = [];
  const encoder = new VideoEncoder({ output: (chunk, meta) => chunks.push({ chunk, meta }), error: (e) => { throw e; } });
  encoder.configure({ codec: CODEC_STRING[codec], ...(codec === 'avc' ? { avc: { format: 'avc' as const } } : {}), width: o.width, height: o.height, bitrate: 500_000, framerate: o.fps });
  const canvas = new OffscreenCanvas(o.width, o.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  for (let n = 0; n < o.frames; n++) {
    const [r, g, b] = colourOf(n);
    ctx.fillStyle = `rgb(${r},${g},${b})`;
    ctx.fillRect(0, 0, o.width, o.height);
    const t = o.times?.[n] ?? n / o.fps;
    const next = o.times?.[n + 1] ?? t + 1 / o.fps;
    const frame = new VideoFrame(canvas, { timestamp: Math.round(t * 1e6), duration: Math.round((next - t) * 1e6) });
    encoder.encode(frame, { keyFrame: n % 30 === 0 });
    frame.close();
    if (encoder.encodeQueueSize > 8) await new Promise((r) => setTimeout(r, 0));
  }
  await encoder.flush();
  encoder.close();
  for (const c of chunks) await source.add(EncodedPacket.fromEncodedChunk(c.chunk), c.meta);
  await output.finalize();
  return new Uint8Array((output.target as BufferTarget).buffer ?? new ArrayBuffer(0));
}

/** HEVC packets (not real HEVC data) in Matroska: the demuxer reads it, the browser's decoder will not take it. */
async function unsupportedCodec(): Promise<Uint8Array> {
  const source = new EncodedVideoPacketSource('hevc');
  const output = new Output({ format: new MkvOutputFormat(), target: new BufferTarget() });
  output.addVideoTrack(source, { frameRate: 2 });
  await output.start();
  for (let n = 0; n < 4; n++) {
    const packet = new EncodedPacket(new Uint8Array(64).fill(n + 1), n === 0 ? 'key' : 'delta', n / 2, 0.5);
    await source.add(packet, n === 0 ? { decoderConfig: { codec: 'hev1.1.6.L93.B0', codedWidth: 320, codedHeight: 240 } } : undefined);
  }
  await output.finalize();
  return new Uint8Array((output.target as BufferTarget).buffer ?? new ArrayBuffer(0));
}

const toB64 = (b: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
};

/** Decode cost per frame at `fps` for a video made here (the bench's figure). */
async function decodeCost(o: MakeVideo, fps: number): Promise<{ frames: number; msPerFrame: number; openMs: number }> {
  const bytes = await encode(o);
  const t0 = performance.now();
  const v = await VideoFrames.open(new Blob([new Uint8Array(bytes)]), 'bench.webm', { fps });
  const t1 = performance.now();
  let n = 0;
  for await (const f of v.frames()) { void f; n++; }
  const t2 = performance.now();
  v.dispose();
  return { frames: n, msPerFrame: (t2 - t1) / Math.max(1, n), openMs: t1 - t0 };
}

declare global {
  interface Window {
    videoHarness: {
      makeVideo(o: MakeVideo): Promise<string>;
      encodable(width: number, height: number): Promise<Record<TestCodec, boolean>>;
      unsupportedCodec(): Promise<string>;
      decodeCost(o: MakeVideo, fps: number): Promise<{ frames: number; msPerFrame: number; openMs: number }>;
      ready: boolean;
    };
  }
}

window.videoHarness = {
  makeVideo: async (o) => toB64(await encode(o)),
  encodable,
  unsupportedCodec: async () => toB64(await unsupportedCodec()),
  decodeCost,
  ready: true,
};
