/**
 * Classroom mode: a presenter view that steps through prepared questions, and "guess first": for a numeric
 * question people type guesses (several names on one device) before the answer is revealed.
 */
import { createStore } from 'zustand/vanilla';

export interface Guess {
  name: string;
  /** in the display unit at the time of guessing (m or ft), see `unit`; NaN for a pick */
  value: number;
  unit: 'm' | 'ft';
  /** the option picked, for a question that is not a number ("Yes", "the red chair") */
  pick?: string;
}

export interface ClassroomState {
  presenting: boolean;
  guessFirst: boolean;
  /** position in the prepared list */
  index: number;
  revealed: boolean;
  /** guesses per prepared-question index (kept while stepping back and forth) */
  guesses: Record<number, Guess[]>;
  /** questions saved in a scene file, for the scene it was opened as */
  prepared: { sceneKey: string; texts: string[] } | null;
  /** height of the presenter strip over the bottom of the 3D view (px), so the view frames what is above it */
  panelHeight: number;
}

export interface ClassroomActions {
  setPreparedQuestions(sceneKey: string, texts: string[]): void;
  setPresenting(on: boolean): void;
  togglePresenting(): void;
  setGuessFirst(on: boolean): void;
  /** Move through a list of `count` questions (clamped, no wrap-around: the ends are clear). */
  step(delta: number, count: number): void;
  reveal(): void;
  addGuess(index: number, g: Guess): void;
  clearGuesses(index: number): void;
  setPanelHeight(px: number): void;
}

/** A classroom store (the page has one; tests make their own). */
export const createClassroomStore = () => createStore<ClassroomState & ClassroomActions>()((set, get) => ({
  presenting: false,
  // on by default: a class guesses before it is told, for every kind of question
  guessFirst: true,
  index: 0,
  revealed: false,
  guesses: {},
  prepared: null,
  panelHeight: 0,
  setPreparedQuestions: (sceneKey, texts) => set({ prepared: texts.length ? { sceneKey, texts } : null, index: 0, revealed: false, guesses: {} }),
  setPresenting: (on) => set({ presenting: on, revealed: false }),
  togglePresenting: () => get().setPresenting(!get().presenting),
  setGuessFirst: (on) => set({ guessFirst: on, revealed: false }),
  step: (delta, count) => {
    const s = get();
    const index = Math.max(0, Math.min(Math.max(0, count - 1), s.index + delta));
    if (index !== s.index) set({ index, revealed: false });
  },
  reveal: () => set({ revealed: true }),
  addGuess: (index, g) => set((s) => ({ guesses: { ...s.guesses, [index]: [...(s.guesses[index] ?? []), g] } })),
  clearGuesses: (index) => set((s) => ({ guesses: { ...s.guesses, [index]: [] }, revealed: false })),
  setPanelHeight: (px) => set({ panelHeight: Math.round(px) }),
}));

export const classroomStore = createClassroomStore();
// the page's store's actions, for callers outside React
export const { setPreparedQuestions, setPresenting, togglePresenting, setGuessFirst, step, reveal, addGuess, clearGuesses, setPanelHeight } =
  classroomStore.getState();

/** min / median / max of the pooled guesses (null when there are none). */
export function spreadOf(values: number[]): { min: number; median: number; max: number } | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return { min: v[0], median: v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2, max: v[v.length - 1] };
}
