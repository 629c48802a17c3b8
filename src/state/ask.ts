/**
 * Questions: text -> parse -> answer, kept in the session history. Answers are recomputed when the unit
 * system changes so the sentences follow the toggle.
 */
import type { Answer, Visual } from '../core/reason/answer';
import type { Query, UnitRequest } from '../core/reason/query';
import type { SceneGraph } from '../core/scene/types';
import { engine, type Suggestion } from './engine';
import { questionsStore, withEntry, type HistoryEntry, type Outcome } from './questionsStore';
import { sceneStore } from './sceneStore';
import { settingsStore } from './settingsStore';
import { answerWithVlm, freeFormOutcome } from './vlm';

let entryId = 0;

function captionOf(scene: SceneGraph, id: string): string {
  return scene.objects.find((o) => o.id === id)?.caption ?? id;
}

export function answerFor(scene: SceneGraph, query: Query, unit?: UnitRequest): Answer {
  return engine.answerQuery(scene, query, { units: settingsStore.getState().units, unit });
}

function outcomeFor(text: string, scene: SceneGraph): Outcome {
  const parsed = engine.parseQuestion(text, scene);
  switch (parsed.status) {
    case 'ok': {
      const { query, unit } = parsed.parsed;
      return { kind: 'answer', query, unit, answer: answerFor(scene, query, unit) };
    }
    case 'clarify':
      return {
        kind: 'clarify',
        phrase: parsed.phrase,
        candidates: parsed.candidates.map((c) => {
          const byId = scene.objects.find((o) => o.id === c);
          return byId ? { id: byId.id, caption: byId.caption } : { id: c, caption: c };
        }),
      };
    case 'unresolved':
      return { kind: 'unresolved', phrases: parsed.phrases, known: parsed.known };
    case 'free-form': {
      // The small VLM (state/vlm.ts): asks before downloading, answers at once when already loaded. What the
      // parser understood, and the closest measurable question, come first.
      const hints = {
        ...(parsed.understood ? { understood: parsed.understood } : {}),
        ...(parsed.suggestion ? { suggestion: engine.renderQuestion(parsed.suggestion, (id) => captionOf(scene, id), 0) } : {}),
      };
      return { ...freeFormOutcome(), ...hints };
    }
  }
}

/**
 * Ask a question about the current scene; returns the history entry. While a scene is loading the
 * question is held (the text stays in the box, the panel says it waits) and answered on the scene the
 * load leaves: the new one, or the old one when the load fails.
 */
export function ask(text: string): HistoryEntry | null {
  const q = text.trim();
  if (q && sceneStore.getState().loading !== null) {
    questionsStore.setState({ pending: q });
    return null;
  }
  const current = sceneStore.getState().current;
  if (!q || !current) return null;
  let outcome: Outcome;
  if (!current.scene) {
    outcome = { kind: 'error', message: 'This input has no 3D scene yet (no depth), so it cannot be measured.' };
  } else {
    try {
      outcome = outcomeFor(q, current.scene);
    } catch (e) {
      outcome = { kind: 'error', message: e instanceof Error ? e.message : String(e) };
    }
  }
  const entry: HistoryEntry = { id: ++entryId, text: q, sceneKey: current.key, sceneTitle: current.source.title, outcome };
  questionsStore.setState((s) => ({ history: withEntry(s.history, entry), activeId: entry.id, draft: s.draft.trim() === q ? '' : s.draft }));
  focusEntry(entry);
  if (outcome.kind === 'free-form' && outcome.vlm === 'loading') void answerWithVlm(entry);
  return entry;
}

/** The outcome of a question on the current scene, without adding it to the history (presenter mode). */
export function outcomeOf(text: string): Outcome | null {
  const scene = sceneStore.getState().current?.scene;
  if (!scene || !text.trim()) return null;
  try {
    return outcomeFor(text.trim(), scene);
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

/** Add an already answered question (restored from a link or a scene file) to the history. */
export function pushEntry(text: string, outcome: Outcome, focus = true): HistoryEntry | null {
  const current = sceneStore.getState().current;
  if (!current) return null;
  const entry: HistoryEntry = { id: ++entryId, text, sceneKey: current.key, sceneTitle: current.source.title, outcome };
  questionsStore.setState((s) => ({ history: withEntry(s.history, entry), activeId: focus ? entry.id : s.activeId }));
  if (focus) focusEntry(entry);
  return entry;
}

/** Show an answer in the views; `lines: false` highlights its objects only (the numbers stay hidden). */
export function showAnswer(answer: Answer | null, lines = true): void {
  if (!answer) {
    sceneStore.setState({ visuals: [], highlight: [] });
    return;
  }
  const v = visualsOf(answer);
  sceneStore.setState(lines ? v : { visuals: [], highlight: v.highlight });
}

/** Ask a parsed query directly (suggestions): the text shown is the rendered question. */
export function askSuggestion(s: Suggestion): HistoryEntry | null {
  const scene = sceneStore.getState().current?.scene;
  if (!scene) return null;
  const text = engine.renderQuestion(s.query, (id) => captionOf(scene, id), 0);
  return ask(text);
}

/** A clarification answered: the ambiguous phrase is replaced by the chosen object's caption. */
export function chooseCandidate(entry: HistoryEntry, caption: string): HistoryEntry | null {
  if (entry.outcome.kind !== 'clarify') return null;
  const { phrase } = entry.outcome;
  const re = new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  const text = re.test(entry.text) ? entry.text.replace(re, caption) : `${entry.text} (${caption})`;
  return ask(text);
}

function visualsOf(answer: Answer): { visuals: Visual[]; highlight: string[] } {
  const visuals = answer.evidence.visuals.filter((v) => v.kind !== 'highlight');
  const highlight = new Set(answer.evidence.objects);
  for (const v of answer.evidence.visuals) if (v.kind === 'highlight') v.objectIds.forEach((id) => highlight.add(id));
  for (const step of answer.steps ?? []) step.answer.evidence.objects.forEach((id) => highlight.add(id));
  return { visuals, highlight: [...highlight] };
}

/** Show an entry's evidence in the views. */
export function focusEntry(entry: HistoryEntry | null): void {
  if (!entry || entry.outcome.kind !== 'answer' || entry.sceneKey !== sceneStore.getState().current?.key) {
    sceneStore.setState({ visuals: [], highlight: [] });
    questionsStore.setState({ activeId: entry?.id ?? null });
    return;
  }
  questionsStore.setState({ activeId: entry.id });
  sceneStore.setState(visualsOf(entry.outcome.answer));
}

export function suggestionsFor(scene: SceneGraph | null): Suggestion[] {
  if (!scene) return [];
  try {
    return engine.suggestQuestions(scene).slice(0, 6);
  } catch {
    return [];
  }
}

export function questionText(s: Suggestion, scene: SceneGraph): string {
  return engine.renderQuestion(s.query, (id) => captionOf(scene, id), 0);
}

// Sentences carry the display units: re-answer the current scene's questions when the toggle changes.
settingsStore.subscribe((s, prev) => {
  if (s.units === prev.units) return;
  const scene = sceneStore.getState().current;
  if (!scene?.scene) return;
  const sg = scene.scene;
  questionsStore.setState((q) => ({
    history: q.history.map((h) => {
      if (h.sceneKey !== scene.key || h.outcome.kind !== 'answer') return h;
      try {
        return { ...h, outcome: { ...h.outcome, answer: answerFor(sg, h.outcome.query, h.outcome.unit) } };
      } catch {
        return h;
      }
    }),
  }));
});

// A question held while a scene loaded is asked as soon as the load ends (committed or failed).
sceneStore.subscribe((s, prev) => {
  if (s.loading !== null || prev.loading === null) return;
  const pending = questionsStore.getState().pending;
  if (pending === null) return;
  questionsStore.setState({ pending: null });
  ask(pending);
});
