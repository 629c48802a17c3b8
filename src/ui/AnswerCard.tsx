import type { SceneGraph } from '../core/scene/types';
import type { Answer, Quantity } from '../core/reason/answer';
import type { HistoryEntry } from '../state/questionsStore';
import { chooseCandidate, focusEntry } from '../state/ask';
import { setDraft } from '../state/questionsStore';
import { useSettings } from '../state/hooks';
import type { UnitSystem } from '../core/units/length';
import { captionOf, formatQuantity, headline, percent } from './format';
import { VlmAnswer } from './VlmAnswer';

function Quantities({ list, system }: { list: Quantity[]; system: UnitSystem }) {
  if (list.length === 0) return null;
  return (
    <dl className="quantities">
      {list.map((q, i) => (
        <div key={i}>
          <dt>{q.label}</dt>
          <dd>{formatQuantity(q, system)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "Why?": in plain words first (objects, the numbers that decide, caveats, steps); the method one click deeper. */
function Evidence({ answer, scene, system, kept }: { answer: Answer; scene: SceneGraph | null; system: UnitSystem; kept: Record<string, string> }) {
  const plain = answer.evidence.quantities.filter((q) => !q.technical);
  const technical = answer.evidence.quantities.filter((q) => q.technical);
  return (
    <div className="evidence">
      {answer.evidence.objects.length > 0 && (
        <p>
          Measured on: {[...new Set(answer.evidence.objects.map((id) => captionOf(scene, id, kept)))].join(', ')}
        </p>
      )}
      <Quantities list={plain} system={system} />
      {answer.caveats.length > 0 && (
        <ul className="caveats">
          {answer.caveats.map((c, i) => <li key={i}>{c}</li>)}
        </ul>
      )}
      {answer.steps && answer.steps.length > 0 && (
        <ol className="steps">
          {answer.steps.map((s, i) => (
            <li key={i}>
              <span className="step-desc">{s.description}</span>: {s.answer.sentence}
            </li>
          ))}
        </ol>
      )}
      <details className="why-method">
        <summary>How it was computed</summary>
        <p>
          Positions and sizes come from each object&apos;s 3D box in the scene (metres, the floor level, up is up).
          A comparison counts as &quot;about the same&quot; when the difference is inside the margin the measurement can tell apart.
          Confidence {percent(answer.confidence)} combines that margin with how well each object was measured.
        </p>
        <Quantities list={technical} system={system} />
      </details>
    </div>
  );
}

/** One question and what became of it. Data attributes carry the raw result for tests and exports. */
// Over 80 lines on purpose: one card's JSX, each answer kind a branch of it.
export function AnswerCard({ entry, scene, active, stale }: { entry: HistoryEntry; scene: SceneGraph | null; active: boolean; stale: boolean }) {
  const system = useSettings((s) => s.units);
  const o = entry.outcome;
  const common = {
    className: `answer-card answer-card--${o.kind}${active ? ' is-active' : ''}${stale ? ' is-stale' : ''}`,
    'data-testid': 'answer',
    'data-entry-id': entry.id,
    'data-kind': o.kind,
  };
  const question = <span className="answer-q">{entry.text}{stale && <span className="badge">from the previous scene: {entry.sceneTitle}</span>}</span>;
  const kept = entry.captions;

  if (o.kind === 'answer') {
    const a = o.answer;
    return (
      <article
        {...common}
        data-verdict={a.verdict ?? ''}
        data-choice={a.choice ?? ''}
        data-value={a.value ?? ''}
        data-unit={a.unit ?? ''}
        data-order={a.order?.join(',') ?? ''}
        aria-label={`Answer to: ${entry.text}`}
      >
        <button type="button" className="answer-focus" onClick={() => focusEntry(entry)} aria-pressed={active} disabled={stale} title="Show this answer in the views">
          {question}
          {o.readAs && <span className="answer-read-as">Read as: {o.readAs}</span>}
          <span className="answer-headline">
            <span className="answer-value">{headline(a, scene, system, o.unit, kept)}</span>
            <span className="confidence" title="How much to trust this answer">
              <span className="confidence-bar" style={{ width: percent(a.confidence) }} aria-hidden="true" />
              <span className="confidence-text">confidence {percent(a.confidence)}</span>
            </span>
          </span>
          <span className="answer-sentence">{a.sentence}</span>
        </button>
        <details className="why">
          <summary>Why?</summary>
          <Evidence answer={a} scene={scene} system={system} kept={kept} />
        </details>
      </article>
    );
  }
  if (o.kind === 'clarify') {
    return (
      <article {...common} aria-label={`Question needs clarifying: ${entry.text}`}>
        {question}
        <p className="answer-sentence">Which “{o.phrase}” do you mean?</p>
        <div className="chip-row">
          {o.candidates.map((c) => (
            <button key={c.id} type="button" className="chip chip--candidate" onClick={() => chooseCandidate(entry, c.id)}>
              {c.caption}
            </button>
          ))}
        </div>
      </article>
    );
  }
  if (o.kind === 'unresolved') {
    return (
      <article {...common} aria-label={`Object not found: ${entry.text}`}>
        {question}
        <p>
          I can’t find {o.phrases.map((p) => `“${p}”`).join(' or ')} in this scene.
          {o.known.length > 0 && <> What is there: </>}
        </p>
        {o.known.length > 0 && (
          <div className="chip-row">
            {o.known.map((k) => (
              <button key={k} type="button" className="chip" onClick={() => setDraft(entry.text.replace(new RegExp(o.phrases[0] ?? '$^', 'i'), k))}>
                {k}
              </button>
            ))}
          </div>
        )}
      </article>
    );
  }
  if (o.kind === 'free-form') {
    return (
      <article {...common} data-vlm={o.vlm} aria-label={`Open-ended question: ${entry.text}`}>
        {question}
        {o.readAs && <span className="answer-read-as">Read as: {o.readAs}</span>}
        <VlmAnswer entry={entry} outcome={o} />
      </article>
    );
  }
  return (
    <article {...common} role="alert">
      {question}
      <p>{o.message}</p>
    </article>
  );
}
