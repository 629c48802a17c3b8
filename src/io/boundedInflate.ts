/**
 * Decompression for untrusted bytes (share links, scene files): output is capped while it is produced, so a
 * few kilobytes of deflate (ratio up to ~1000:1) cannot make us allocate gigabytes before we refuse them.
 */
import { Inflate } from 'fflate';

export type InflateResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/**
 * Input is fed in slices so one push (which deflate can expand ~1032x) overshoots the cap by at most about
 * the cap itself: small slices for small caps (links), larger ones where many MB are expected (speed).
 */
function sliceFor(maxBytes: number): number {
  return Math.max(1024, Math.min(1024 * 1024, Math.floor(maxBytes / 1032)));
}

/** Raw DEFLATE -> bytes, refusing output longer than `maxBytes`. Never throws. */
export function inflateCapped(data: Uint8Array, maxBytes: number): InflateResult {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let done = false;
  try {
    const inf = new Inflate((chunk, final) => {
      total += chunk.length;
      if (total > maxBytes) over = true;
      else chunks.push(chunk);
      if (final) done = true;
    });
    const slice = sliceFor(maxBytes);
    for (let i = 0; i < data.length && !over; i += slice) {
      inf.push(data.subarray(i, Math.min(data.length, i + slice)), i + slice >= data.length);
    }
    if (data.length === 0) inf.push(new Uint8Array(0), true);
  } catch (e) {
    return { ok: false, error: `compressed data is damaged (${e instanceof Error ? e.message : String(e)})` };
  }
  if (over) return { ok: false, error: `decompressed data is larger than the limit of ${maxBytes} bytes` };
  if (!done) return { ok: false, error: 'compressed data is truncated' };
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return { ok: true, bytes: out };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * JSON.parse that refuses keys able to reach Object.prototype when a consumer copies or merges the value
 * (`__proto__`, `constructor`, `prototype`) and nesting deeper than `maxDepth`. Never throws.
 */
export function parseJsonSafely(text: string, what: string, maxDepth = 32): JsonResult {
  let bad: string | null = null;
  let value: unknown;
  try {
    value = JSON.parse(text, (key, val: unknown) => {
      if (bad === null && FORBIDDEN_KEYS.has(key)) bad = `${what}: forbidden key "${key}"`;
      return val;
    });
  } catch (e) {
    return { ok: false, error: `${what} is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (bad) return { ok: false, error: bad };
  if (depthOf(value, maxDepth) > maxDepth) return { ok: false, error: `${what}: nested deeper than ${maxDepth} levels` };
  return { ok: true, value };
}

function depthOf(value: unknown, limit: number, depth = 0): number {
  if (typeof value !== 'object' || value === null) return depth;
  if (depth > limit) return depth;
  let max = depth;
  const items = Array.isArray(value) ? value : Object.values(value);
  for (const item of items) {
    if (typeof item === 'object' && item !== null) max = Math.max(max, depthOf(item, limit, depth + 1));
    if (max > limit) break;
  }
  return max;
}

/** base64url without padding (RFC 4648 §5): safe in a URL fragment without escaping. */
export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Null when `text` holds anything but base64url characters or has an impossible length. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    return null;
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
