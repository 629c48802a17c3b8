import fc from 'fast-check';
import { encode as encodePngRaw } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { decodeDepthPgm, decodeDepthPng, DepthFileError, encodeDepthPng, parseDepthFormat } from './depthFile';

const MM = { kind: 'scale', metresPerUnit: 0.001 } as const;

describe('decodeDepthPng / encodeDepthPng', () => {
  it('round-trips millimetre depth, keeping 0 as invalid', () => {
    const data = new Float32Array([0, 0.5, 1.234, 65.535, NaN, -1, 2.0004, 0.0001]);
    const png = encodeDepthPng({ width: 4, height: 2, data });
    const back = decodeDepthPng(png, MM);
    expect(back.width).toBe(4);
    expect(back.height).toBe(2);
    const expected = [0, 0.5, 1.234, 65.535, 0, 0, 2.0, 0.001];
    // Float32 storage: ~1e-5 relative.
    expected.forEach((v, i) => expect(back.data[i]).toBeCloseTo(v, 4));
  });

  it('round-trips with another unit (KITTI 1/256 m)', () => {
    const data = new Float32Array([10, 20.5, 80]);
    const back = decodeDepthPng(encodeDepthPng({ width: 3, height: 1, data }, 1 / 256), { kind: 'scale', metresPerUnit: 1 / 256 });
    expect(Array.from(back.data)).toEqual([10, 20.5, 80]);
  });

  it('reads 8-bit grayscale', () => {
    const png = encodePngRaw({ width: 2, height: 1, data: new Uint8Array([0, 200]), depth: 8, channels: 1 });
    const back = decodeDepthPng(png, { kind: 'scale', metresPerUnit: 0.01 });
    expect(back.data[0]).toBe(0);
    expect(back.data[1]).toBeCloseTo(2, 6);
  });

  it('refuses an RGB PNG with a clear error', () => {
    const png = encodePngRaw({ width: 1, height: 1, data: new Uint8Array([1, 2, 3]), depth: 8, channels: 3 });
    expect(() => decodeDepthPng(png, MM)).toThrow(DepthFileError);
    expect(() => decodeDepthPng(png, MM)).toThrow(/3 channels \(RGB\).*single-channel/);
  });

  it('corrupt or truncated bytes give a DepthFileError, never an obscure crash', () => {
    const good = encodeDepthPng({ width: 16, height: 16, data: new Float32Array(256).fill(1.5) });
    const cases = [new Uint8Array(0), new Uint8Array([1, 2, 3, 4]), good.slice(0, 40), good.slice(0, good.length - 20)];
    const flipped = good.slice();
    flipped[60] ^= 0xff;
    cases.push(flipped);
    for (const bytes of cases) {
      try {
        decodeDepthPng(bytes, MM);
        // A flipped byte can land somewhere harmless; then the decode must still be a valid map.
      } catch (e) {
        expect(e).toBeInstanceOf(DepthFileError);
        expect((e as Error).message.length).toBeGreaterThan(10);
      }
    }
    expect(() => decodeDepthPng(new Uint8Array([1, 2, 3, 4]), MM)).toThrow(/depth PNG could not be decoded: its image data is damaged/);
  });

  it('fuzz: mutated PNG and PGM bytes give a depth map or a DepthFileError, nothing else', () => {
    const png = encodeDepthPng({ width: 8, height: 8, data: new Float32Array(64).map((_, i) => 0.5 + i / 10) });
    const pgm = new Uint8Array([...new TextEncoder().encode('P5 4 4 65535\n'), ...new Uint8Array(32).fill(3)]);
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        (usePng, edits, cut) => {
          const bytes = (usePng ? png : pgm).slice();
          for (const [at, val] of edits) bytes[at % bytes.length] = val;
          const input = bytes.slice(0, bytes.length - (cut % 4 === 0 ? cut % bytes.length : 0));
          try {
            const d = usePng ? decodeDepthPng(input, MM) : decodeDepthPgm(input, MM);
            expect(d.data.length).toBe(d.width * d.height);
          } catch (e) {
            expect(e).toBeInstanceOf(DepthFileError);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('applies the SUN RGB-D bit rotation', () => {
    const mm = 2345;
    const stored = ((mm << 3) | (mm >> 13)) & 0xffff;
    const png = encodePngRaw({ width: 1, height: 1, data: new Uint16Array([stored]), depth: 16, channels: 1 });
    expect(decodeDepthPng(png, { kind: 'sun-bitrotated' }).data[0]).toBeCloseTo(2.345, 6);
  });
});

describe('decodeDepthPgm', () => {
  function pgm(values: number[], w: number, h: number, littleEndian: boolean): Uint8Array {
    const header = new TextEncoder().encode(`P5\n# comment\n${w} ${h}\n65535\n`);
    const out = new Uint8Array(header.length + values.length * 2);
    out.set(header);
    const dv = new DataView(out.buffer, header.length);
    values.forEach((v, i) => dv.setUint16(i * 2, v, littleEndian));
    return out;
  }

  it('reads little-endian NYU raw disparity; 2047 is invalid', () => {
    const d = decodeDepthPgm(pgm([2047, 800, 0, 1000], 2, 2, true), { kind: 'nyu-raw-disparity' });
    expect(d.data[0]).toBe(0);
    expect(d.data[1]).toBeCloseTo(351.3 / (1092.5 - 800), 5);
    expect(d.data[2]).toBe(0);
    expect(d.data[3]).toBeCloseTo(351.3 / 92.5, 5);
  });

  it('reads big-endian when asked', () => {
    const d = decodeDepthPgm(pgm([1500], 1, 1, false), MM, 'big');
    expect(d.data[0]).toBeCloseTo(1.5, 6);
  });

  it('rejects truncated data and wrong magic clearly', () => {
    const bytes = pgm([1, 2, 3, 4], 2, 2, true);
    expect(() => decodeDepthPgm(bytes.slice(0, bytes.length - 3), MM)).toThrow(/truncated/);
    expect(() => decodeDepthPgm(new TextEncoder().encode('P6 1 1 255\nabc'), MM)).toThrow(/P5/);
    expect(() => decodeDepthPgm(new Uint8Array(0), MM)).toThrow(DepthFileError);
  });
});

describe('parseDepthFormat', () => {
  it.each([
    ['uint16 PNG, meters = value/1000, 0 = invalid', { kind: 'scale', metresPerUnit: 0.001 }],
    ['uint16 PNG, meters=value/1000, 0=invalid', { kind: 'scale', metresPerUnit: 0.001 }],
    ['uint16 PNG, meters = value/256, 0 = invalid (semi-dense, ~20% pixels)', { kind: 'scale', metresPerUnit: 1 / 256 }],
    ['uint16 PNG, meters = value/5000, 0=invalid', { kind: 'scale', metresPerUnit: 1 / 5000 }],
    ['uint16 PNG, SUN RGB-D bit-rotated: d = ((v>>3)|(v<<13)) & 0xFFFF, meters = d/1000', { kind: 'sun-bitrotated' }],
    [
      '16-bit PGM holding raw Kinect disparity stored LITTLE-endian (despite PGM spec); meters = 351.3/(1092.5 - raw) (Open3D CreateFromNYUFormat); raw 2047 = invalid',
      { kind: 'nyu-raw-disparity' },
    ],
  ])('%s', (text, enc) => {
    expect(parseDepthFormat(text)).toEqual(enc);
  });

  it('refuses text it cannot read', () => {
    expect(() => parseDepthFormat('float32 exr')).toThrow(/unrecognised depth format/);
  });
});
