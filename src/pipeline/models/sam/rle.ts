import type { MaskRLE } from '../../../core/scene/types';

/** Row-major run-length encoding, counts alternating and starting with a run of 0s (scene file format). */
export function encodeMaskRLE(bits: Uint8Array, width: number, height: number): MaskRLE {
  const counts: number[] = [];
  let current = 0;
  let run = 0;
  for (let i = 0; i < bits.length; i++) {
    const b = bits[i] ? 1 : 0;
    if (b !== current) {
      counts.push(run);
      run = 0;
      current = b;
    }
    run++;
  }
  counts.push(run);
  return { width, height, counts };
}

export function decodeMaskRLE(rle: MaskRLE): Uint8Array {
  const out = new Uint8Array(rle.width * rle.height);
  let i = 0;
  rle.counts.forEach((n, k) => {
    if (k % 2 === 1) out.fill(1, i, i + n);
    i += n;
  });
  return out;
}
