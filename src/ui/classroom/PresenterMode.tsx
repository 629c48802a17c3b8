import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { Answer } from '../../core/reason/answer';
import type { SceneGraph } from '../../core/scene/types';
import { parseLength } from '../../core/units/length';
import { useScene, useSettings } from '../../state/hooks';
import { outcomeOf, questionText, showAnswer, suggestionsFor } from '../../state/ask';
import {
  addGuess, classroomStore, clearGuesses, reveal, setGuessFirst, setPanelHeight, setPresenting, spreadOf, step, togglePresenting, type Guess,
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

// a measure asked against a length is a yes/no question (its guess is the verdict, not the number); where one
// object is from another and the three dimensions are described, not one length
export const isNumeric = (a: Answer | null): a is Answer & { value: number } =>
  !!a && a.value !== undefined && a.unit === 'm' && !a.choice && !a.verdict && a.query.type !== 'place' && a.query.type !== 'dimensions';

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
      // Escape in a guess field leaves the field (the keys work again), a second Escape leaves presenter mode
      if (e.key === 'Escape' && presenting && typing(e.target)) {
        e.preventDefault();
        (e.target as HTMLElement).blur();
        document.querySelector<HTMLElement>('.presenter')?.focus();
        return;
      }
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

/** What a guess can be for this answer: a length, one of a few options, or free text (a count, a clock hour). */
type GuessKind = { kind: 'length' } | { kind: 'options'; options: string[] } | { kind: 'text' };

function guessKindOf(answer: Answer, scene: SceneGraph | null): GuessKind {
  if (isNumeric(answer)) return { kind: 'length' };
  if (answer.verdict) return { kind: 'options', options: ['Yes', 'No', 'About the same'] };
  if (answer.query.type === 'side') return { kind: 'options', options: ['Left side', 'Right side', 'In the middle'] };
  if (answer.choice !== undefined || answer.order) {
    const ids = [...new Set(answer.evidence.objects)];
    return { kind: 'options', options: ids.map((id) => captionOf(scene, id)) };
  }
  return { kind: 'text' };
}

/** A guessed length in metres: "2.5 m", "8 ft", "30 cm", or a bare number in the display unit. */
export function guessMetres(text: string, unit: 'm' | 'ft'): number | null {
  const t = text.trim().replace(',', '.');
  const bare = Number(t);
  if (t && Number.isFinite(bare)) return bare >= 0 ? (unit === 'ft' ? bare * FT : bare) : null;
  const m = parseLength(t);
  return m !== null && m >= 0 ? m : null;
}

function GuessForm({ index, unit, guess }: { index: number; unit: 'm' | 'ft'; guess: GuessKind }) {
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const add = (g: Omit<Guess, 'name'>) => {
    const count = classroomStore.getState().guesses[index]?.length ?? 0;
    addGuess(index, { name: name.trim().slice(0, 40) || `Guess ${count + 1}`, ...g });
    setName('');
    setValue('');
    setError(null);
    nameRef.current?.focus();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (guess.kind === 'length') {
      const m = guessMetres(value, unit);
      if (m === null) {
        setError(`Type a length: a number in ${unit === 'm' ? 'metres' : 'feet'}, or with its unit ("2.5 m", "8 ft", "30 cm").`);
        return;
      }
      add({ value: unit === 'ft' ? m / FT : m, unit });
    } else if (guess.kind === 'text') {
      if (!value.trim()) return setError('Type a guess.');
      add({ value: NaN, unit, pick: value.trim().slice(0, 40) });
    }
  };
  return (
    <form className="guess-form" onSubmit={submit} aria-label="Add a guess">
      <label>
        Name
        <input ref={nameRef} type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" maxLength={40} />
      </label>
      {guess.kind === 'options' ? (
        <div className="guess-options" role="group" aria-label="Guess">
          {guess.options.map((o) => (
            <button key={o} type="button" className="btn" onClick={() => add({ value: NaN, unit, pick: o })}>{o}</button>
          ))}
        </div>
      ) : (
        <>
          <label>
            {guess.kind === 'length' ? `Guess (${unit}, or with a unit)` : 'Guess'}
            <input type="text" inputMode={guess.kind === 'length' ? 'decimal' : 'text'} value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" />
          </label>
          <button type="submit" className="btn">Add guess</button>
        </>
      )}
      {error && <p className="warn" role="alert">{error}</p>}
    </form>
  );
}

function fmt(x: number): string {
  return x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** Large-type, high-contrast question strip over a full-window 3D view. */
// Over 80 lines on purpose: the strip's markup is one piece, and its keyboard handler must see the same state.
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
  // every kind of question is guessed first: yes/no, which one, how many, how far
  const hidden = guessFirst && !!answer && !revealed;
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
  useEffect(() => {
    // the 3D view frames what is above this strip: the objects asked about are never under it
    const el = regionRef.current;
    if (!presenting || !el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setPanelHeight(el.getBoundingClientRect().height));
    ro.observe(el);
    return () => {
      ro.disconnect();
      setPanelHeight(0);
    };
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
          <GuessForm key={index} index={index} unit={unit} guess={guessKindOf(answer, scene)} />
          {guesses.length > 0 && <p className="presenter-small">{guesses.length} guess{guesses.length === 1 ? '' : 'es'} in: {guesses.map((g) => g.name).join(', ')}</p>}
          <button type="button" className="btn btn--primary" onClick={reveal}>Reveal answer</button>
        </div>
      )}
      {answer && !hidden && (
        <div className="presenter-answer" data-testid="presenter-answer" data-value={answer.value ?? ''}>
          <p className="presenter-a">{headline(answer, scene, units, outcome?.kind === 'answer' ? outcome.unit : undefined)}</p>
          <p className="presenter-small">{answer.sentence}</p>
          {truth === null && guesses.length > 0 && (
            <table className="guess-table" data-testid="guess-table">
              <thead>
                <tr><th scope="col">Name</th><th scope="col">Guess</th><th scope="col">Right?</th></tr>
              </thead>
              <tbody>
                {guesses.map((g, i) => (
                  <tr key={i}>
                    <td>{g.name}</td>
                    <td>{g.pick ?? ''}</td>
                    <td>{rightPick(g.pick, answer, scene) ? 'Yes' : 'No'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
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

/** Whether a picked option is the answer (the verdict, or the chosen object's caption). */
function rightPick(pick: string | undefined, answer: Answer, scene: SceneGraph | null): boolean {
  if (!pick) return false;
  if (answer.verdict) return pick === (answer.verdict === 'yes' ? 'Yes' : answer.verdict === 'no' ? 'No' : 'About the same');
  const winner = answer.choice ?? answer.order?.[0];
  if (winner) return pick === captionOf(scene, winner);
  return pick.trim() === String(answer.value ?? '');
}

export function PresenterToggle() {
  const presenting = useStore(classroomStore, (s) => s.presenting);
  return (
    <button type="button" className="btn" aria-pressed={presenting} onClick={togglePresenting} title="Presenter mode (P)">
      Present
    </button>
  );
}
