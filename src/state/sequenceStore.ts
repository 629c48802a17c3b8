/**
 * The Sequence view's state: the run (progress, time left, cancel), each processed frame's small record
 * (scene graph without masks, track ids, flags) and thumbnail URL, the tracks, and the chosen curve.
 * Decoded frames never land here: the runner drops each one after it is processed.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { buildCurve, type Curve, type FrameRecord, type SequenceMeasure, type Track } from '../core/sequence';

export type SequenceSourceKind = 'video' | 'photos' | 'rgbd';

export interface SequenceState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  source: { kind: SequenceSourceKind; name: string } | null;
  /** Frames processed / planned, and when the run started (ms, performance.now()). */
  progress: { done: number; total: number; startedAt: number; secondsLeft: number | null };
  records: FrameRecord[];
  /** Object URL of each frame's thumbnail (same index as records); null when there is none. */
  thumbs: (string | null)[];
  tracks: Track[];
  camera: string;
  notes: string[];
  error: string | null;
  pick: { a: string | null; b: string | null; measure: SequenceMeasure };
  /** The scrubber's frame. */
  frame: number;
  /** Largest JS heap seen while running (bytes; Chromium only), for the memory check. */
  peakHeap: number | null;
}

export const initialSequenceState = (): SequenceState => ({
  status: 'idle', source: null, progress: { done: 0, total: 0, startedAt: 0, secondsLeft: null },
  records: [], thumbs: [], tracks: [], camera: '', notes: [], error: null,
  pick: { a: null, b: null, measure: 'distance' }, frame: 0, peakHeap: null,
});

export const sequenceStore = createStore<SequenceState>(() => initialSequenceState());

export function useSequence<T>(selector: (s: SequenceState) => T): T {
  return useStore(sequenceStore, selector);
}

/** The curve for the current pick, or null until two tracks are picked. */
export function currentCurve(s: SequenceState): Curve | null {
  const a = s.tracks.find((t) => t.id === s.pick.a);
  const b = s.tracks.find((t) => t.id === s.pick.b);
  if (!a || !b || s.records.length === 0) return null;
  return buildCurve(s.records, s.pick.measure, a, b, s.camera);
}

/** Two tracks to start with: the two longest-lived tracks with different captions. */
export function defaultPick(tracks: readonly Track[]): { a: string | null; b: string | null } {
  const byLength = [...tracks].sort((x, y) => y.frames - x.frames);
  const a = byLength[0];
  const b = byLength.find((t) => t.caption !== a?.caption) ?? byLength[1];
  return { a: a?.id ?? null, b: b?.id ?? null };
}
