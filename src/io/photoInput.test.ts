import { describe, expect, it } from 'vitest';
import { encode } from 'fast-png';
import { encodeDepthPng } from './depthFile';
import { bytesPhotoDecoder } from './imageDecode';
import { loadPhoto, loadRgbdInput, type InputFile } from './photoInput';
import { SENSOR_RELATIVE_DEPTH_ERROR } from '../core/units/uncertainty';

const png = (w: number, h: number): Uint8Array => {
  const data = new Uint8Array(w * h * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7) % 251;
  return encode({ width: w, height: h, data, channels: 3, depth: 8 });
};
const file = (bytes: Uint8Array, name: string): InputFile => ({ blob: new Blob([bytes as Uint8Array<ArrayBuffer>]), name });
const depthPng = (w: number, h: number, metres: number) => encodeDepthPng({ width: w, height: h, data: new Float32Array(w * h).fill(metres) });

describe('loadRgbdInput', () => {
  it('brings the photo to the depth map size, scales given intrinsics and the sidecar boxes to it', async () => {
    const r = await loadRgbdInput({
      photo: file(png(128, 96), 'x.png'), depth: file(depthPng(64, 48, 1.5), 'x.depth.png'), metresPerUnit: 0.001,
      intrinsics: { fx: 100 }, intrinsicsDetail: 'typed',
      sidecar: file(new TextEncoder().encode(JSON.stringify([{ caption: 'box', box: [0, 0, 64, 48] }])), 'x.objects.json'),
    }, bytesPhotoDecoder);
    expect([r.rgb.width, r.rgb.height, r.depth.width, r.depth.height]).toEqual([64, 48, 64, 48]);
    expect(r.original).toEqual({ width: 128, height: 96 });
    expect(r.depth.data[0]).toBeCloseTo(1.5, 3);
    expect(r.camera.source).toBe('explicit');
    expect(r.camera.detail).toBe('typed');
    expect(r.camera.intrinsics).toEqual({ fx: 50, fy: 50, cx: 31.5, cy: 23.5, width: 64, height: 48 });
    expect(r.objects).toHaveLength(1);
    expect(r.objects?.[0].box2d).toEqual({ x0: 0, y0: 0, x1: 32, y1: 24 });
    expect(r.depthWarning).toBeNull();
    // a depth file is a sensor's: its tie bands and gravity weights use the sensor's relative error
    expect(r.depthRelativeError).toBe(SENSOR_RELATIVE_DEPTH_ERROR);
  });

  it('falls back to the default camera without EXIF or given numbers', async () => {
    const r = await loadRgbdInput({ photo: file(png(64, 48), 'p.png'), depth: file(depthPng(64, 48, 2), 'd.png'), metresPerUnit: 0.001 }, bytesPhotoDecoder);
    expect(r.camera.source).toBe('default');
    expect(r.objects).toBeNull();
  });

  it('refuses shapes that differ and depth maps that hold nothing, with the reason', async () => {
    await expect(loadRgbdInput({ photo: file(png(64, 48), 'p.png'), depth: file(depthPng(64, 20, 2), 'd.png'), metresPerUnit: 0.001 }, bytesPhotoDecoder))
      .rejects.toThrow(/do not have the same shape/);
    await expect(loadRgbdInput({ photo: file(png(64, 48), 'p.png'), depth: file(depthPng(64, 48, 0), 'd.png'), metresPerUnit: 0.001 }, bytesPhotoDecoder))
      .rejects.toThrow(/holds no depth/);
  });
});

describe('loadPhoto', () => {
  it('decodes to the working size and reads the camera for that size', async () => {
    const r = await loadPhoto(file(png(200, 100), 'wide.png'), bytesPhotoDecoder, { side: 100 });
    expect([r.rgb.width, r.rgb.height]).toEqual([100, 50]);
    expect(r.camera.intrinsics.width).toBe(100);
    expect(r.format).toBe('png');
  });

  it('refuses a file that is not a photo before decoding it', async () => {
    await expect(loadPhoto(file(new TextEncoder().encode('hello, not an image'), 'notes.png'), bytesPhotoDecoder)).rejects.toThrow(/not an image|not a JPEG/);
  });
});
