/**
 * Questions: text -> parse -> answer, kept in the session history. Answers are recomputed when the unit
 * system changes so the sentences follow the toggle.
 */
import type { Answer, Visual } from '../core/reason/answer';
import { mapQueryIds, type ParseResult, type ParsedQuestion, type Query, type UnitRequest } from '../core/reason/query';
import type { SceneGraph } from '../core/scene/types';
import { referenceCaptions } from '../core/reason/objectNames';
import { engine, type Suggestion } from './engine';
import { questionsStore, withEntry, type HistoryEntry, type Outcome } from './questionsStore';
import { sceneStore } from './sceneStore';
import { settingsStore } from './settingsStore';
import { answerWithVlm, freeFormOutcome } from './vlm';

let entryId = 0;

/** An object as answers name it ("left chair" where two share a caption), so a rendered question parses back to it. */
function captionOf(scene: SceneGraph, id: string): string {
  return referenceCaptions(scene.objects).get(id) ?? id;
}

export function answerFor(scene: SceneGraph, query: Query, unit?: UnitRequest): Answer {
  return engine.answerQuery(scene, query, { units: settingsStore.getState().units, unit });
}

/** A clarification's answer: the phrase that was ambiguous and the object the person chose for it. */
export interface Pick {
  phrase: string;
  id: string;
}

/** Candidates as people tell them apart: the caption, with its place when two share one ("chair, on the left"). */
function candidateLabels(scene: SceneGraph, ids: string[]): { id: string; caption: string }[] {
  const objs = ids.map((id) => scene.objects.find((o) => o.id === id)).filter((o): o is SceneGraph['objects'][number] => !!o);
  return objs.map((o) => {
    const twins = objs.filter((x) => x.caption === o.caption).sort((p, q) => p.box2d.x0 + p.box2d.x1 - (q.box2d.x0 + q.box2d.x1));
    if (twins.length < 2) return { id: o.id, caption: o.caption };
    const i = twins.indexOf(o);
    const where = i === 0 ? 'on the left' : i === twins.length - 1 ? 'on the right' : twins.length === 3 ? 'in the middle' : `${i + 1}. from the left`;
    return { id: o.id, caption: `${o.caption}, ${where}` };
  });
}

/** The last question answered on this scene: what a follow-up ("and the sofa?", "is it taller?") refers back to. */
function previousOn(sceneKey: string | undefined): ParsedQuestion | null {
  const h = questionsStore.getState().history;
  for (let i = h.length - 1; i >= 0; i--) {
    const o = h[i].outcome;
    if (h[i].sceneKey === sceneKey && o.kind === 'answer') return o.unit ? { query: o.query, unit: o.unit } : { query: o.query };
  }
  return null;
}

function outcomeFor(text: string, scene: SceneGraph, pick?: Pick, previous: ParsedQuestion | null = null): Outcome {
  const { result: parsed, readAs } = engine.parseInConversation(text, scene, previous, (id) => captionOf(scene, id));
  const read = readAs ? { readAs } : {};
  // a clarification answered: the chosen object stands for the ambiguous phrase, so the question never loops
  const partial = parsed.status === 'clarify' ? (parsed.partial as ParseResult | null) : null;
  if (parsed.status === 'clarify' && pick && parsed.candidates.includes(pick.id) && partial?.status === 'ok') {
    const provisional = parsed.candidates[0];
    const query = mapQueryIds(partial.parsed.query, (id) => (id === provisional ? pick.id : id));
    const unit = partial.parsed.unit;
    return { kind: 'answer', query, unit, answer: answerFor(scene, query, unit), ...read };
  }
  switch (parsed.status) {
    case 'ok': {
      const { query, unit } = parsed.parsed;
      return { kind: 'answer', query, unit, answer: answerFor(scene, query, unit), ...read };
    }
    case 'clarify':
      return { kind: 'clarify', phrase: parsed.phrase, candidates: candidateLabels(scene, parsed.candidates) };
    case 'unresolved':
      return { kind: 'unresolved', phrases: parsed.phrases, known: parsed.known };
    case 'free-form': {
      // The small VLM (state/vlm.ts): asks before downloading, answers at once when already loaded. What the
      // parser understood, and the closest measurable question, come first.
      const hints = {
        ...(parsed.understood ? { understood: parsed.understood } : {}),
        ...(parsed.suggestion ? { suggestion: engine.renderQuestion(parsed.suggestion, (id) => captionOf(scene, id), 0) } : {}),
      };
      return { ...freeFormOutcome(), ...hints, ...read };
    }
  }
}

/**
 * Ask a question about the current scene; returns the history entry. While a scene is loading the
 * question is held (the text stays in the box, the panel says it waits) and answered on the scene the
 * load leaves: the new one, or the old one when the load fails.
 */
export function ask(text: string, pick?: Pick): HistoryEntry | null {
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
    outcome = safeOutcome(q, current.scene, pick, previousOn(current.key));
  }
  const entry: HistoryEntry = { id: ++entryId, text: q, sceneKey: current.key, sceneTitle: current.source.title, captions: captionsOf(current.scene), outcome };
  questionsStore.setState((s) => ({ history: withEntry(s.history, entry), activeId: entry.id, draft: s.draft.trim() === q ? '' : s.draft }));
  focusEntry(entry);
  if (outcome.kind === 'free-form' && outcome.vlm === 'loading') void answerWithVlm(entry);
  return entry;
}

/** The outcome of a question on the current scene, without adding it to the history (presenter mode). */
export function outcomeOf(text: string): Outcome | null {
  const scene = sceneStore.getState().current?.scene;
  if (!scene || !text.trim()) return null;
  return safeOutcome(text.trim(), scene);
}

/** What the person sees when answering fails: never the internal message (it goes to the console). */
export const ANSWER_FAILED = 'Sorry, this question could not be answered on this scene. Try asking it another way, or pick one of the suggestions.';

function safeOutcome(text: string, scene: SceneGraph, pick?: Pick, previous: ParsedQuestion | null = null): Outcome {
  try {
    return outcomeFor(text, scene, pick, previous);
  } catch (e) {
    console.error('answering failed', e);
    return { kind: 'error', message: ANSWER_FAILED };
  }
}

/** The captions of a scene's objects by id, as answers name them, kept with each question so its card reads the same later. */
function captionsOf(scene: SceneGraph | null): Record<string, string> {
  return Object.fromEntries(referenceCaptions(scene?.objects ?? []));
}

/** Add an already answered question (restored from a link or a scene file) to the history. */
export function pushEntry(text: string, outcome: Outcome, focus = true): HistoryEntry | null {
  const current = sceneStore.getState().current;
  if (!current) return null;
  const entry: HistoryEntry = { id: ++entryId, text, sceneKey: current.key, sceneTitle: current.source.title, captions: captionsOf(current.scene), outcome };
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

/**
 * A clarification answered: the question is shown with the chosen object's caption in place of the
 * ambiguous phrase, and answered with the chosen object — never asked again.
 */
export function chooseCandidate(entry: HistoryEntry, id: string): HistoryEntry | null {
  if (entry.outcome.kind !== 'clarify') return null;
  const { phrase } = entry.outcome;
  const caption = entry.captions[id] ?? id;
  const re = new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  const text = re.test(entry.text) ? entry.text.replace(re, caption) : `${entry.text} (${caption})`;
  return ask(text, { phrase, id });
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
