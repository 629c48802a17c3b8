/**
 * A ZIP reader for untrusted files. fflate's unzipSync trusts the sizes in the archive, so this reads the
 * central directory itself and checks entry count, names and sizes against limits BEFORE inflating
 * anything, then inflates each entry with a cap equal to its declared size and verifies its CRC-32.
 * Stored (0) and deflate (8) entries only; no encryption, no ZIP64 (scene files stay far below 4 GB).
 */
import { inflateCapped } from './boundedInflate';

export interface ZipLimits {
  maxEntries: number;
  /** Per entry name (exact path) -> its own cap; other entries get `maxEntryBytes`. */
  entryBytes?: Record<string, number>;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export interface ZipEntryInfo {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export type ZipReadResult = { ok: true; files: Map<string, Uint8Array> } | { ok: false; error: string };

let CRC_TABLE: Uint32Array | null = null;
export function crc32(bytes: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The central directory's entries, without inflating anything. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits): { ok: true; entries: ZipEntryInfo[] } | { ok: false; error: string } {
  if (bytes.length < 22) return { ok: false, error: 'not a zip archive (too short)' };
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65535 bytes, searched from the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, error: 'not a zip archive, or truncated (no end-of-directory record)' };
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) return { ok: false, error: 'ZIP64 archives are not supported' };
  if (count > limits.maxEntries) return { ok: false, error: `archive has ${count} entries (limit ${limits.maxEntries})` };
  if (cdOffset + cdSize > eocd) return { ok: false, error: 'archive directory points outside the file (truncated or damaged)' };
  const entries: ZipEntryInfo[] = [];
  const names = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || dv.getUint32(p, true) !== 0x02014b50) return { ok: false, error: 'archive directory is damaged' };
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const localOffset = dv.getUint32(p + 42, true);
    if (p + 46 + nameLen > eocd) return { ok: false, error: 'archive directory is damaged' };
    let name: string;
    try {
      name = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(p + 46, p + 46 + nameLen));
    } catch {
      return { ok: false, error: 'archive has an entry whose name is not UTF-8' };
    }
    const shown = JSON.stringify(name.slice(0, 60));
    if (flags & 1) return { ok: false, error: `entry ${shown} is encrypted` };
    if (method !== 0 && method !== 8) return { ok: false, error: `entry ${shown} uses compression method ${method} (only stored and deflate are read)` };
    if (names.has(name)) return { ok: false, error: `archive has two entries named ${shown}` };
    names.add(name);
    const cap = limits.entryBytes?.[name] ?? limits.maxEntryBytes;
    if (size > cap) return { ok: false, error: `entry ${shown} is ${size} bytes uncompressed (limit ${cap})` };
    total += size;
    if (total > limits.maxTotalBytes) return { ok: false, error: `archive unpacks to more than ${limits.maxTotalBytes} bytes` };
    if (method === 0 && compressedSize !== size) return { ok: false, error: `entry ${shown} is damaged (stored sizes disagree)` };
    entries.push({ name, method, crc, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries };
}

/** Inflate the entries `wanted` accepts (all by default), each capped at its declared size, CRC checked. */
export function readZip(bytes: Uint8Array, limits: ZipLimits, wanted: (name: string) => boolean = () => true): ZipReadResult {
  const dir = readZipDirectory(bytes, limits);
  if (!dir.ok) return dir;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const files = new Map<string, Uint8Array>();
  for (const e of dir.entries) {
    if (!wanted(e.name)) continue;
    const shown = JSON.stringify(e.name.slice(0, 60));
    const lo = e.localOffset;
    if (lo + 30 > bytes.length || dv.getUint32(lo, true) !== 0x04034b50) return { ok: false, error: `entry ${shown} is damaged (bad local header)` };
    const start = lo + 30 + dv.getUint16(lo + 26, true) + dv.getUint16(lo + 28, true);
    if (start + e.compressedSize > bytes.length) return { ok: false, error: `entry ${shown} is truncated` };
    const raw = bytes.subarray(start, start + e.compressedSize);
    let data: Uint8Array;
    if (e.method === 0) {
      data = raw.slice();
    } else {
      const inf = inflateCapped(raw, e.size);
      if (!inf.ok) return { ok: false, error: `entry ${shown}: ${inf.error}` };
      data = inf.bytes;
    }
    if (data.length !== e.size) return { ok: false, error: `entry ${shown} is damaged (size ${data.length}, directory says ${e.size})` };
    if (crc32(data) !== e.crc) return { ok: false, error: `entry ${shown} is damaged (checksum mismatch)` };
    files.set(e.name, data);
  }
  return { ok: true, files };
}
