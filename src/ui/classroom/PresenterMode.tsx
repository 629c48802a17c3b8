import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { Answer } from '../../core/reason/answer';
import { useScene, useSettings } from '../../state/hooks';
import { outcomeOf, questionText, showAnswer, suggestionsFor } from '../../state/ask';
import {
  addGuess, classroomStore, clearGuesses, reveal, setGuessFirst, setPresenting, spreadOf, step, togglePresenting, type Guess,
} from '../../state/classroomStore';
import { captionOf, headline } from '../format';
import { GuessSpread } from './GuessSpread';

const FT = 0.3048;
const toMetres = (g: Guess) => (g.unit === 'ft' ? g.value * FT : g.value);

/** Keys typed into a field belong to the field (Escape excepted). */
function typing(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el) return false;
  if (el.tagName === 'INPUT') return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes((el as HTMLInputElement).type);
  return el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}

export const isNumeric = (a: Answer | null): a is Answer & { value: number } => !!a && a.value !== undefined && a.unit === 'm' && !a.choice;

/** The prepared questions: the ones saved in the scene file this scene came from, else the scene's suggestions. */
function usePreparedList(): string[] {
  const current = useScene((s) => s.current);
  const prepared = useStore(classroomStore, (s) => s.prepared);
  const scene = current?.scene ?? null;
  return useMemo(() => {
    if (prepared && current && prepared.sceneKey === current.key) return prepared.texts;
    return scene ? suggestionsFor(scene).map((s) => questionText(s, scene)) : [];
  }, [prepared, current, scene]);
}

/** `P` anywhere (outside text fields) toggles presenter mode; arrows step; `G` guess first; `R` reveals; Escape leaves. */
function usePresenterKeys(count: number): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const { presenting } = classroomStore.getState();
      if (e.key === 'Escape' && presenting) {
        e.preventDefault();
        setPresenting(false);
        return;
      }
      if (typing(e.target)) return;
      if (e.key === 'p' || e.key === 'P') {
        e.preventDefault();
        togglePresenting();
      } else if (presenting && (e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'PageDown')) {
        e.preventDefault();
        step(1, count);
      } else if (presenting && (e.key === 'ArrowLeft' || e.key === 'ArrowUp' || e.key === 'PageUp')) {
        e.preventDefault();
        step(-1, count);
      } else if (presenting && (e.key === 'r' || e.key === 'R')) {
        e.preventDefault();
        reveal();
      } else if (presenting && (e.key === 'g' || e.key === 'G')) {
        e.preventDefault();
        setGuessFirst(!classroomStore.getState().guessFirst);
      }
    };
    // Capture: the 3D view's orbit controls also listen to arrows when the canvas has focus.
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [count]);
}

function GuessForm({ index, unit }: { index: number; unit: 'm' | 'ft' }) {
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = Number(value.replace(',', '.'));
    if (!value.trim() || !Number.isFinite(v) || v < 0) {
      setError(`Type a guess in ${unit === 'm' ? 'metres' : 'feet'} (a number, 0 or more).`);
      return;
    }
    const count = classroomStore.getState().guesses[index]?.length ?? 0;
    addGuess(index, { name: name.trim().slice(0, 40) || `Guess ${count + 1}`, value: v, unit });
    setName('');
    setValue('');
    setError(null);
    nameRef.current?.focus();
  };
  return (
    <form className="guess-form" onSubmit={submit} aria-label="Add a guess">
      <label>
        Name
        <input ref={nameRef} type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" maxLength={40} />
      </label>
      <label>
        Guess ({unit})
        <input type="text" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" />
      </label>
      <button type="submit" className="btn">Add guess</button>
      {error && <p className="warn" role="alert">{error}</p>}
    </form>
  );
}

function fmt(x: number): string {
  return x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** Large-type, high-contrast question strip over a full-window 3D view. */
export function PresenterMode() {
  const presenting = useStore(classroomStore, (s) => s.presenting);
  const guessFirst = useStore(classroomStore, (s) => s.guessFirst);
  const index = useStore(classroomStore, (s) => s.index);
  const revealed = useStore(classroomStore, (s) => s.revealed);
  const guesses = useStore(classroomStore, (s) => s.guesses[s.index]) ?? [];
  const scene = useScene((s) => s.current?.scene ?? null);
  const units = useSettings((s) => s.units);
  const list = usePreparedList();
  const regionRef = useRef<HTMLDivElement>(null);
  usePresenterKeys(list.length);

  const text = list[Math.min(index, Math.max(0, list.length - 1))];
  // outcomeOf words the answer in the settings' unit system: re-run when the toggle changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const outcome = useMemo(() => (presenting && text && scene ? outcomeOf(text) : null), [presenting, text, scene, units]);
  const answer = outcome?.kind === 'answer' ? outcome.answer : null;
  const numeric = isNumeric(answer);
  const hidden = guessFirst && numeric && !revealed;
  const unit: 'm' | 'ft' = units === 'imperial' ? 'ft' : 'm';

  useEffect(() => {
    if (!presenting) return;
    // Before the reveal only the objects light up: the measurement lines carry the number.
    showAnswer(answer, !hidden);
  }, [presenting, answer, hidden]);
  useEffect(() => {
    if (presenting) regionRef.current?.focus();
    else showAnswer(null);
  }, [presenting]);
  useEffect(() => {
    document.documentElement.classList.toggle('is-presenting', presenting);
  }, [presenting]);

  if (!presenting) return null;
  const truth = numeric ? (unit === 'ft' ? answer.value / FT : answer.value) : null;
  const inUnit = (g: Guess) => (unit === 'ft' ? toMetres(g) / FT : toMetres(g));
  const spread = spreadOf(guesses.map(inUnit));

  return (
    <div className="presenter" ref={regionRef} tabIndex={-1} role="region" aria-label="Presenter mode" data-testid="presenter">
      <div className="presenter-bar">
        <span className="presenter-count" data-testid="presenter-count">
          {list.length ? `Question ${Math.min(index, list.length - 1) + 1} of ${list.length}` : 'No prepared questions'}
        </span>
        <label className="toggle">
          <input type="checkbox" checked={guessFirst} onChange={(e) => setGuessFirst(e.target.checked)} />
          Guess first
        </label>
        <span className="hint">← → questions · G guess first · R reveal · Esc leave</span>
        <button type="button" className="btn" onClick={() => setPresenting(false)}>Leave presenter mode</button>
      </div>
      {text ? <p className="presenter-q" data-testid="presenter-question">{text}</p> : <p className="presenter-q">This scene has no suggested or saved questions.</p>}
      {outcome && outcome.kind !== 'answer' && <p className="presenter-a">{outcome.kind === 'error' ? outcome.message : 'This question cannot be measured on this scene.'}</p>}
      {answer && hidden && (
        <div className="presenter-guess" data-testid="guess-first">
          <GuessForm key={index} index={index} unit={unit} />
          {guesses.length > 0 && <p className="presenter-small">{guesses.length} guess{guesses.length === 1 ? '' : 'es'} in: {guesses.map((g) => g.name).join(', ')}</p>}
          <button type="button" className="btn btn--primary" onClick={reveal}>Reveal answer</button>
        </div>
      )}
      {answer && !hidden && (
        <div className="presenter-answer" data-testid="presenter-answer" data-value={answer.value ?? ''}>
          <p className="presenter-a">{headline(answer, scene, units, outcome?.kind === 'answer' ? outcome.unit : undefined)}</p>
          <p className="presenter-small">{answer.sentence}</p>
          {truth !== null && guesses.length > 0 && (
            <>
              <table className="guess-table" data-testid="guess-table">
                <thead>
                  <tr><th scope="col">Name</th><th scope="col">Guess ({unit})</th><th scope="col">Off by ({unit})</th><th scope="col">Off by (%)</th></tr>
                </thead>
                <tbody>
                  {guesses.map((g, i) => {
                    const err = inUnit(g) - truth;
                    return (
                      <tr key={i} data-error={err}>
                        <td>{g.name}</td>
                        <td>{fmt(inUnit(g))}</td>
                        <td>{err >= 0 ? '+' : '−'}{fmt(Math.abs(err))}</td>
                        <td>{truth > 0 ? `${err >= 0 ? '+' : '−'}${Math.round((Math.abs(err) / truth) * 100)}` : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {spread && (
                <p className="presenter-small" data-testid="guess-spread" data-min={spread.min} data-median={spread.median} data-max={spread.max}>
                  Class: min {fmt(spread.min)} {unit} · median {fmt(spread.median)} {unit} · max {fmt(spread.max)} {unit} · answer {fmt(truth)} {unit}
                </p>
              )}
              <GuessSpread values={guesses.map(inUnit)} names={guesses.map((g) => g.name)} truth={truth} unit={unit} />
              <button type="button" className="btn btn--ghost" onClick={() => clearGuesses(index)}>Clear guesses</button>
            </>
          )}
        </div>
      )}
      {answer && answer.evidence.objects.length > 0 && (
        <p className="presenter-small">About: {answer.evidence.objects.map((id) => captionOf(scene, id)).join(', ')}</p>
      )}
    </div>
  );
}

export function PresenterToggle() {
  const presenting = useStore(classroomStore, (s) => s.presenting);
  return (
    <button type="button" className="btn" aria-pressed={presenting} onClick={togglePresenting} title="Presenter mode (P)">
      Present
    </button>
  );
}
