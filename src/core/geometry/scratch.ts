/**
 * Typed arrays reused from call to call for the temporaries of the synchronous geometry functions
 * (canonicalize's refit indices, objects3d's second-pass points). In a browser worker a fresh
 * megabyte-sized buffer costs ~5 ms to first touch on the team machine (Chromium 156), more than the
 * arithmetic done in it; a reused one costs nothing. Contents are stale: callers write before they read.
 * A view is valid until the next request for the same slot, so a slot is never held across a call that
 * could request it again; results that leave a function are copies. Buffers above `MAX_KEPT` elements are
 * not kept.
 */
type Ctor<T> = { new (n: number): T; readonly name: string };
type Typed = Float32Array | Uint32Array | Uint8Array;

const MAX_KEPT = 4 * 1024 * 1024;
const kept = new Map<string, Typed>();

function scratch<T extends Typed>(C: Ctor<T>, slot: string, n: number): T {
  if (n > MAX_KEPT) return new C(n);
  const key = `${C.name}:${slot}`;
  let buf = kept.get(key) as T | undefined;
  if (!buf || buf.length < n) {
    // grow with headroom so a slightly larger next photo does not allocate again
    buf = new C(Math.min(MAX_KEPT, Math.max(n, Math.ceil((buf?.length ?? 0) * 1.5))));
    kept.set(key, buf);
  }
  return buf.subarray(0, n) as T;
}

export const scratchFloat32 = (slot: string, n: number): Float32Array => scratch(Float32Array, slot, n);
export const scratchUint32 = (slot: string, n: number): Uint32Array => scratch(Uint32Array, slot, n);
export const scratchUint8 = (slot: string, n: number): Uint8Array => scratch(Uint8Array, slot, n);
