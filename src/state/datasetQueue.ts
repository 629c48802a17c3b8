/**
 * The dataset export queue as plain data and pure transitions, so pause / resume / skip / retry and the
 * counts a researcher reads are tested without a browser. The runner (datasetStore) asks `nextToRun`,
 * reports progress, and settles each item; nothing here knows about files or models.
 */

export type ItemStatus = 'queued' | 'running' | 'done' | 'failed' | 'skipped';

export interface QueueItem {
  id: string;
  /** Photo name as given (the dataset lists failures by it). */
  name: string;
  status: ItemStatus;
  /** 0..1 within this photo. */
  progress: number;
  /** What the photo is doing now ("building the 3D scene"...). */
  step?: string;
  /** Why it failed (kept when skipped, so the export still lists it). */
  reason?: string;
  /** QA pairs made (done items). */
  pairs?: number;
  objects?: number;
  attempts: number;
}

export interface QueueState {
  items: QueueItem[];
  /** No new photo starts while paused; the one running finishes. */
  paused: boolean;
  /** When true a failure pauses the queue so the person decides (skip or retry); else it goes on. */
  pauseOnFailure: boolean;
}

export interface QueueCounts {
  total: number;
  queued: number;
  running: number;
  done: number;
  failed: number;
  skipped: number;
  pairs: number;
  /** Items that will not run again unless retried (done, failed, skipped). */
  settled: number;
}

export function createQueue(items: { id: string; name: string }[], pauseOnFailure = false): QueueState {
  const seen = new Set<string>();
  for (const it of items) {
    if (seen.has(it.id)) throw new Error(`queue item id "${it.id}" is used twice`);
    seen.add(it.id);
  }
  return { items: items.map((it) => ({ id: it.id, name: it.name, status: 'queued', progress: 0, attempts: 0 })), paused: false, pauseOnFailure };
}

const patch = (q: QueueState, id: string, f: (it: QueueItem) => QueueItem): QueueState => {
  if (!q.items.some((it) => it.id === id)) throw new Error(`no queue item "${id}"`);
  return { ...q, items: q.items.map((it) => (it.id === id ? f(it) : it)) };
};

/** The next photo to start, or null (paused, one already running, or nothing queued). */
export function nextToRun(q: QueueState): QueueItem | null {
  if (q.paused || q.items.some((it) => it.status === 'running')) return null;
  return q.items.find((it) => it.status === 'queued') ?? null;
}

export function start(q: QueueState, id: string): QueueState {
  return patch(q, id, (it) => {
    if (it.status !== 'queued') throw new Error(`cannot start "${it.name}": it is ${it.status}`);
    return { ...it, status: 'running', progress: 0, step: 'starting', reason: undefined, attempts: it.attempts + 1 };
  });
}

/** Progress of the running photo; ignored once it has settled (a late report from a stopped run). */
export function progress(q: QueueState, id: string, fraction: number, step?: string): QueueState {
  return patch(q, id, (it) => (it.status !== 'running' ? it : { ...it, progress: Math.min(1, Math.max(0, fraction)), step: step ?? it.step }));
}

export function complete(q: QueueState, id: string, result: { pairs: number; objects: number }): QueueState {
  return patch(q, id, (it) => ({ ...it, status: 'done', progress: 1, step: undefined, pairs: result.pairs, objects: result.objects }));
}

/** A failure keeps its reason; with `pauseOnFailure` the whole queue waits for the person. */
export function fail(q: QueueState, id: string, reason: string): QueueState {
  const next = patch(q, id, (it) => ({ ...it, status: 'failed', step: undefined, reason: reason || 'unknown error' }));
  return q.pauseOnFailure ? { ...next, paused: true } : next;
}

export const pause = (q: QueueState): QueueState => ({ ...q, paused: true });
export const resume = (q: QueueState): QueueState => ({ ...q, paused: false });

/** Failed photos are set aside (still listed as failed in the export) and the queue goes on. */
export function skipFailures(q: QueueState): QueueState {
  return { ...q, paused: false, items: q.items.map((it) => (it.status === 'failed' ? { ...it, status: 'skipped' } : it)) };
}

/** One photo skipped by hand before it ran: listed with this reason. */
export function skip(q: QueueState, id: string, reason = 'skipped by the person exporting'): QueueState {
  return patch(q, id, (it) => (it.status === 'queued' || it.status === 'failed' ? { ...it, status: 'skipped', reason: it.reason ?? reason } : it));
}

/** Failed (or skipped) photos go back in the queue; `id` limits it to one. */
export function retry(q: QueueState, id?: string): QueueState {
  return {
    ...q,
    paused: false,
    items: q.items.map((it) =>
      (id === undefined || it.id === id) && (it.status === 'failed' || it.status === 'skipped')
        ? { ...it, status: 'queued', progress: 0, reason: undefined, pairs: undefined, objects: undefined }
        : it,
    ),
  };
}

export function counts(q: QueueState): QueueCounts {
  const c: QueueCounts = { total: q.items.length, queued: 0, running: 0, done: 0, failed: 0, skipped: 0, pairs: 0, settled: 0 };
  for (const it of q.items) {
    c[it.status]++;
    if (it.status === 'done') c.pairs += it.pairs ?? 0;
  }
  c.settled = c.done + c.failed + c.skipped;
  return c;
}

/** Overall 0..1: settled photos count whole, the running one by its own progress. */
export function overallProgress(q: QueueState): number {
  if (q.items.length === 0) return 0;
  let sum = 0;
  for (const it of q.items) sum += it.status === 'running' ? it.progress : it.status === 'queued' ? 0 : 1;
  return sum / q.items.length;
}

/** Every photo that did not make it into the dataset, with why: the export lists them, never drops them. */
export function failures(q: QueueState): { name: string; reason: string }[] {
  return q.items
    .filter((it) => it.status === 'failed' || it.status === 'skipped')
    .map((it) => ({ name: it.name, reason: it.reason ?? (it.status === 'skipped' ? 'skipped' : 'failed') }));
}

/** Finished when nothing is queued or running (paused or not). */
export const isFinished = (q: QueueState): boolean => q.items.every((it) => it.status !== 'queued' && it.status !== 'running');
