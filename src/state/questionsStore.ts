import { createStore } from 'zustand/vanilla';
import type { Query, UnitRequest } from '../core/reason/query';
import type { Answer } from '../core/reason/answer';

/** What became of one question. Measured answers and free-form (VLM) ones are kept apart on purpose. */
export type Outcome =
  /** `readAs`: the whole question a follow-up ("and the sofa?", "how wide is it?") was read as */
  | { kind: 'answer'; query: Query; unit?: UnitRequest; answer: Answer; readAs?: string }
  | { kind: 'clarify'; phrase: string; candidates: { id: string; caption: string }[] }
  | { kind: 'unresolved'; phrases: string[]; known: string[] }
  | {
      kind: 'free-form';
      /** not-loaded: no VLM offered; confirm: waits for the person to accept the download; then loading ->
       * streaming -> answered, or stopped (Stop) / error (could not load or run). See state/vlm.ts. */
      vlm: 'not-loaded' | 'confirm' | 'loading' | 'streaming' | 'answered' | 'stopped' | 'error';
      text?: string;
      error?: string;
      /** Download size of the VLM when it is not loaded yet (bytes, approximate). */
      downloadBytes?: number;
      model?: string;
      /** What the parser understood of a spatial question it cannot measure, and the closest one it can. */
      understood?: string;
      suggestion?: string;
      /** a follow-up's whole question ("what colour is it?" -> "... is the floor lamp?"): what the VLM is asked */
      readAs?: string;
    }
  | { kind: 'error'; message: string };

export interface HistoryEntry {
  id: number;
  text: string;
  /** the scene it was asked about (LoadedScene.key) */
  sceneKey: string;
  sceneTitle: string;
  /** captions of that scene's objects by id, so the card reads the same after the scene changes */
  captions: Record<string, string>;
  outcome: Outcome;
}

export interface QuestionsState {
  draft: string;
  history: HistoryEntry[];
  activeId: number | null;
  /** A question asked while a scene was loading: answered on the scene that load leaves (state/ask.ts). */
  pending: string | null;
}

/**
 * Most entries kept: each holds an answer with its evidence; hundreds of questions asked in a long class
 * session (or restored from scene files) would otherwise grow the page and the list without end.
 */
export const MAX_HISTORY = 200;

/** The history with `entry` added, the oldest dropped beyond MAX_HISTORY. */
export function withEntry(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const next = [...history, entry];
  return next.length > MAX_HISTORY ? next.slice(next.length - MAX_HISTORY) : next;
}

export interface QuestionsActions {
  setDraft(draft: string): void;
}

export const questionsStore = createStore<QuestionsState & QuestionsActions>()((set) => ({
  draft: '',
  history: [],
  activeId: null,
  pending: null,
  setDraft: (draft) => set({ draft }),
}));
export const { setDraft } = questionsStore.getState();
