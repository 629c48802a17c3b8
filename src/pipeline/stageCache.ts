/**
 * The orchestrator's stage results by image hash, least recently used first out, within a byte budget:
 * a dataset export of hundreds of photos must not keep every photo's depth map and masks alive.
 */

/** Rough bytes a value holds: typed arrays by their length, strings at 2 bytes a character, containers walked. */
export function approxBytes(v: unknown, seen = new Set<object>()): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'string') return 2 * v.length;
  if (typeof v !== 'object') return 8;
  if (seen.has(v)) return 0;
  seen.add(v);
  if (ArrayBuffer.isView(v)) return v.byteLength;
  if (v instanceof ArrayBuffer) return v.byteLength;
  let n = 16;
  if (Array.isArray(v)) for (const x of v) n += approxBytes(x, seen);
  else for (const x of Object.values(v)) n += approxBytes(x, seen);
  return n;
}

/** Default budget: a few dozen photos' depth maps (512 x 384 float32 is 0.75 MiB) and masks. */
export const DEFAULT_STAGE_CACHE_BYTES = 64 * 1024 * 1024;

export class StageCache {
  private entries = new Map<string, { value: unknown; bytes: number }>();
  private total = 0;

  constructor(readonly budgetBytes = DEFAULT_STAGE_CACHE_BYTES) {}

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The value, marked as most recently used. */
  get<T>(key: string): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e); // Map keeps insertion order: re-inserting makes it the newest
    return e.value as T;
  }

  /** Keeps the value unless it alone is over the budget; evicts the least recently used until it fits. */
  set(key: string, value: unknown): void {
    this.delete(key);
    const bytes = approxBytes(value);
    if (bytes > this.budgetBytes) return;
    for (const [k] of this.entries) {
      if (this.total + bytes <= this.budgetBytes) break;
      this.delete(k);
    }
    this.entries.set(key, { value, bytes });
    this.total += bytes;
  }

  delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.total -= e.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}
