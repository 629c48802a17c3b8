import { useEffect, useMemo, useRef, type FormEvent } from 'react';
import { useQuestions, useScene } from '../state/hooks';
import { ask, askSuggestion, questionText, suggestionsFor } from '../state/ask';
import { setDraft, questionsStore } from '../state/questionsStore';
import { AnswerCard } from './AnswerCard';
import { objectColor } from '../viewer/colors';
import { referenceCaptions } from '../core/reason/objectNames';

/** A narrow screen (a phone held upright): suggestions stay folded there. */
const isPhone = (): boolean => typeof matchMedia === 'function' && matchMedia('(max-width: 600px)').matches;
/** The person asked their system for less motion: the newest answer jumps into view instead of gliding. */
const reducedMotion = (): boolean => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

// Over 80 lines on purpose: mostly the panel's JSX (box, suggestions, one answer list) read top to bottom.
export function QuestionsPanel() {
  const current = useScene((s) => s.current);
  const draft = useQuestions((s) => s.draft);
  const history = useQuestions((s) => s.history);
  const activeId = useQuestions((s) => s.activeId);
  const pending = useQuestions((s) => s.pending);
  const loading = useScene((s) => s.loading);
  const inputRef = useRef<HTMLInputElement>(null);
  const scene = current?.scene ?? null;
  const suggestions = useMemo(() => suggestionsFor(scene), [scene]);
  // a chip inserts the name answers use, which the parser reads back ("left chair" where two share a caption)
  const names = scene ? referenceCaptions(scene.objects) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask(questionsStore.getState().draft);
  };
  const insert = (caption: string) => {
    const el = inputRef.current;
    const text = questionsStore.getState().draft;
    const at = el?.selectionStart ?? text.length;
    const before = text.slice(0, at);
    const after = text.slice(el?.selectionEnd ?? at);
    const piece = `${before && !before.endsWith(' ') ? ' ' : ''}the ${caption}${after.startsWith(' ') ? '' : ' '}`;
    setDraft(before + piece + after);
    requestAnimationFrame(() => {
      el?.focus();
      const pos = (before + piece).length;
      el?.setSelectionRange(pos, pos);
    });
  };

  // newest first, every kind together (measured, clarification, not measured): the answer is where you look
  const entries = history.slice().reverse();
  const newest = entries[0]?.id;
  // while a scene loads a question can still be asked: it is held and answered on the new scene
  const canAsk = Boolean(scene) || loading !== null;
  const sceneKey = current?.key;
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (newest === undefined) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-entry-id="${newest}"]`);
    // jsdom-free browsers only: scrollIntoView is missing in some test DOMs
    el?.scrollIntoView?.({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
  }, [newest]);

  useEffect(() => {
    // a scene that finished loading: the next thing to do is to ask, so the box takes the focus
    // (unless the person is typing elsewhere, e.g. in a form or presenter mode)
    if (!sceneKey) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.closest('input, textarea, select, [contenteditable], dialog, .presenter')) return;
    inputRef.current?.focus({ preventScroll: true });
  }, [sceneKey]);

  return (
    <section className="questions" aria-labelledby="questions-title">
      <h2 id="questions-title">Ask about the scene</h2>
      <form className="ask-form" onSubmit={submit}>
        <label htmlFor="question-input" className="visually-hidden">Question</label>
        <input
          id="question-input"
          ref={inputRef}
          type="text"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={canAsk ? 'How far is the lamp from the sofa?' : 'Load a scene to ask'}
          autoComplete="off"
          disabled={!canAsk}
        />
        <button type="submit" className="btn btn--primary" disabled={!canAsk || !draft.trim()}>
          Ask
        </button>
      </form>
      {pending !== null && (
        <p className="hint" role="status" data-testid="pending-question">
          Waiting for the scene to load: “{pending}” will be answered on it.
        </p>
      )}
      <div className="history" aria-live="polite" ref={listRef}>
        {entries.map((h) => (
          <AnswerCard
            key={h.id}
            entry={h}
            scene={h.sceneKey === current?.key ? scene : null}
            active={h.id === activeId}
            stale={h.sceneKey !== current?.key}
          />
        ))}
      </div>
      {scene && scene.objects.length > 0 && (
        <div className="chip-row" role="group" aria-label="Objects in the scene: click to insert into the question">
          {scene.objects.map((o, i) => (
            <button key={o.id} type="button" className="chip" onClick={() => insert(names?.get(o.id) ?? o.caption)} style={{ borderColor: objectColor(i) }}>
              <span className="chip-dot" style={{ background: objectColor(i) }} aria-hidden="true" />
              {names?.get(o.id) ?? o.caption}
            </button>
          ))}
        </div>
      )}
      {scene && suggestions.length > 0 && (
        // open until the first question; on phones always folded (the question box and answers come first)
        <details className="suggestions" open={history.length === 0 && !isPhone()} key={history.length === 0 ? 'fresh' : 'used'}>
          <summary>Try asking</summary>
          <ul>
            {suggestions.map((s, i) => (
              <li key={i}>
                <button type="button" className="suggestion" onClick={() => askSuggestion(s)} title={s.reason}>
                  {questionText(s, scene)}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
