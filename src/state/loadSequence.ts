/**
 * Every load (photo, sample, RGB-D pair, share link, scene file, model run) takes a ticket with a sequence
 * number. Starting a load cancels the one before it (its AbortSignal fires), and only the latest ticket may
 * commit a scene, change the spinner or post its error: opening a big photo and then picking a sample
 * within 0.1 s ends on the sample, whichever finishes last.
 */
import { sceneStore } from './sceneStore';

export interface LoadTicket {
  readonly id: number;
  /** Aborted when a newer load starts (fetches and model runs pass it on). */
  readonly signal: AbortSignal;
  /** True while no newer load has started. */
  isCurrent(): boolean;
}

/** Thrown by `ensureCurrent` in a superseded load: the caller drops it without a message. */
export class SupersededLoad extends Error {
  constructor() {
    super('a newer load replaced this one');
    this.name = 'SupersededLoad';
  }
}

let seq = 0;
let active: { id: number; controller: AbortController } | null = null;

/** Start a load: the previous one is cancelled; the spinner shows `label`. */
export function startLoad(label: string): LoadTicket {
  active?.controller.abort();
  const id = ++seq;
  const controller = new AbortController();
  active = { id, controller };
  sceneStore.setState({ loading: label });
  return { id, signal: controller.signal, isCurrent: () => active?.id === id };
}

/** A later step's label, shown only while this load is the latest. */
export function loadStep(t: LoadTicket, label: string): void {
  ensureCurrent(t);
  sceneStore.setState({ loading: label });
}

export function ensureCurrent(t: LoadTicket): void {
  if (!t.isCurrent()) throw new SupersededLoad();
}

/**
 * End a load (committed or failed): clears the spinner when it is still the latest. `patch` is applied in
 * the same update (the committed scene), so no one sees the new scene with the old spinner. Returns false
 * for a superseded load, which must then leave everything as it is.
 */
export function finishLoad(t: LoadTicket, patch: Partial<ReturnType<typeof sceneStore.getState>> = {}): boolean {
  if (!t.isCurrent()) return false;
  active = null;
  // marks for the e2e test that tells the load's own main-thread work from what the views do on commit
  performance.mark('spatiallens:commit-start');
  sceneStore.setState({ ...patch, loading: null });
  performance.mark('spatiallens:commit-end');
  return true;
}

