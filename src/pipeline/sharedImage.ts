/**
 * The working image in shared memory, so every worker of a run reads the same bytes instead of getting
 * its own structured-clone copy. A 1024x768 clone costs two fresh 3 MB buffers (serialise + deserialise);
 * fresh large buffers are what this pipeline's overhead was made of (measured on the team machine in
 * Chromium 156: a fresh 12 MB Float32Array costs ~60 ms to first touch, a reused one 0.2 ms), so one
 * pooled SharedArrayBuffer per pipeline, filled with a memcpy, replaces three to five copies per photo.
 *
 * Needs cross-origin isolation (COOP/COEP, which the dev and preview servers send); elsewhere the image
 * goes to the workers as before (cloned per call). Workers only ever read the shared bytes.
 */
import type { RGBAImage } from '../core/geometry/raster';

export interface SharedImageLease {
  image: RGBAImage;
  /** True when `image.data` lives in shared memory (no copy per worker). */
  shared: boolean;
  release(): void;
}

export function canShareMemory(): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
}

export class SharedImagePool {
  private buffer: SharedArrayBuffer | null = null;
  private leased = false;

  constructor(private readonly enabled: boolean = canShareMemory()) {}

  /**
   * The image's bytes in shared memory. The pooled buffer is reused while no other run holds it; a run
   * that overlaps another (a cancelled run's workers may still be reading) gets a buffer of its own.
   */
  lease(rgb: RGBAImage): SharedImageLease {
    const bytes = rgb.data.byteLength;
    if (!this.enabled) return { image: rgb, shared: false, release: () => {} };
    let buf: SharedArrayBuffer;
    let pooled = false;
    if (!this.leased) {
      if (!this.buffer || this.buffer.byteLength < bytes) this.buffer = new SharedArrayBuffer(bytes);
      buf = this.buffer;
      this.leased = pooled = true;
    } else {
      buf = new SharedArrayBuffer(bytes);
    }
    const data = new Uint8ClampedArray(buf, 0, bytes);
    data.set(rgb.data);
    let done = false;
    return {
      image: { width: rgb.width, height: rgb.height, data },
      shared: true,
      release: () => {
        if (done) return;
        done = true;
        if (pooled) this.leased = false;
      },
    };
  }
}
