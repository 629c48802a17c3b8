/**
 * A model input buffer reused from one image to the next. Fresh large buffers are what image
 * preprocessing cost in a browser worker on the team machine (Chromium 156: a fresh 12 MB Float32Array
 * ~60 ms to first touch, the same buffer reused 0.2 ms), and SAM's 3x1024x1024 input is 12 MB.
 * Safe because ONNX Runtime copies an input tensor into its own memory during run(): the buffer is free
 * again once the inference that reads it has resolved. Contents of a reused buffer are stale: callers
 * write every element.
 */
export class ScratchFloats {
  private buf: Float32Array | null = null;
  private inUse = false;

  /** `length` floats: the pooled buffer when it is free and the right size, else a fresh one. */
  take(length: number): Float32Array {
    if (this.inUse) return new Float32Array(length);
    // a buffer detached by a transfer has byteLength 0: never hand that out
    if (!this.buf || this.buf.length !== length || this.buf.buffer.byteLength === 0) this.buf = new Float32Array(length);
    this.inUse = true;
    return this.buf;
  }

  /** Back to the pool (only the pooled buffer; fresh ones are left to the GC). */
  release(buf: Float32Array | undefined): void {
    if (buf === this.buf) this.inUse = false;
  }
}
