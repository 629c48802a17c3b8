/**
 * Turns Transformers.js `progress_callback` events into per-file progress, marks files served from the
 * Cache API as cached, and turns a failed download into an error that names the file and what to do.
 */
import type { FileProgressUpdate } from './report';
import type { ModelHost } from './host';

/** The subset of Transformers.js ProgressInfo we read (its union type differs between releases). */
export interface RawProgress {
  status: string;
  name?: string;
  file?: string;
  loaded?: number;
  total?: number;
}

export type ProgressSink = (p: FileProgressUpdate) => void;

/** Transformers.js caches under this Cache API name (utils/cache.js). */
export const TRANSFORMERS_CACHE = 'transformers-cache';

export function progressAdapter(sink: ProgressSink, cached: ReadonlySet<string> = new Set()) {
  return (raw: RawProgress) => {
    if (!raw.file || !raw.name) return;
    const isCached = cached.has(`${raw.name}/${raw.file}`);
    const base = { model: raw.name, file: raw.file };
    switch (raw.status) {
      case 'initiate':
      case 'download':
        sink({ ...base, loaded: 0, total: 0, status: isCached ? 'cached' : raw.status });
        break;
      case 'progress':
        sink({ ...base, loaded: raw.loaded ?? 0, total: raw.total ?? 0, status: isCached ? 'cached' : 'progress' });
        break;
      case 'done':
        // 'done' carries no byte counts: keep the last progress figures.
        sink({ ...base, status: isCached ? 'cached' : 'done' });
        break;
    }
  };
}

/** Which of these files the browser already holds (Cache API); empty where there is no Cache API. */
export async function cachedFiles(urls: { model: string; file: string; url: string }[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (typeof caches === 'undefined') return out;
  try {
    const cache = await caches.open(TRANSFORMERS_CACHE);
    for (const u of urls) if (await cache.match(u.url)) out.add(`${u.model}/${u.file}`);
  } catch {
    // Opaque origins and some private modes refuse the Cache API: nothing cached then.
  }
  return out;
}

export class ModelDownloadError extends Error {
  constructor(
    readonly model: string,
    readonly file: string | null,
    readonly host: string,
    override readonly cause: unknown,
  ) {
    const what = file ? `${model}/${file}` : model;
    super(
      `Could not download ${what} from ${host}: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        'Retry (a flaky connection often recovers), or choose another model host in Settings ' +
        '(or add ?modelHost=<url of a mirrored folder> to the address).',
    );
    this.name = 'ModelDownloadError';
  }
}

/** Best guess at the file a Transformers.js load error is about (it names the path in its message). */
export function fileFromError(err: unknown, lastFile: string | null): string | null {
  const msg = err instanceof Error ? err.message : String(err);
  const m = msg.match(/(onnx\/[\w.-]+\.onnx|[\w.-]+\.json)/);
  return m ? m[1] : lastFile;
}

/** Wraps a load so any failure names the model, the file in flight and the host. */
export async function withDownloadErrors<T>(model: string, host: ModelHost, run: (track: (f: string) => void) => Promise<T>): Promise<T> {
  let last: string | null = null;
  try {
    return await run((f) => (last = f));
  } catch (err) {
    if (err instanceof ModelDownloadError) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    // Session/runtime errors are not download errors: let the device fallback see them untouched.
    if (!/fetch|network|404|403|not found|Could not locate|Unable to|ENOENT|Failed to load/i.test(msg)) throw err;
    throw new ModelDownloadError(model, fileFromError(err, last), host.base, err);
  }
}
