import type { HistoryEntry, Outcome } from '../state/questionsStore';
import { usePipeline } from '../state/hooks';
import { ask } from '../state/ask';
import { answerWithVlm, declineVlm, stopVlm, vlmDownload, vlmInfo } from '../state/vlm';

const mb = (b: number) => `${Math.round(b / 1e6)} MB`;

/** A free-form question's card body: confirm the download, then the VLM's streamed words (not measured). */
export function VlmAnswer({ entry, outcome: o }: { entry: HistoryEntry; outcome: Extract<Outcome, { kind: 'free-form' }> }) {
  const body = <VlmState entry={entry} outcome={o} />;
  if (!o.understood && !o.suggestion) return body;
  return (
    <>
      <div className="understood" data-testid="understood">
        {o.understood && <p>I read this as: {o.understood}</p>}
        {o.suggestion && (
          <p>
            A question I can measure:{' '}
            <button type="button" className="suggestion" onClick={() => ask(o.suggestion ?? '')}>{o.suggestion}</button>
          </p>
        )}
      </div>
      {body}
    </>
  );
}

function VlmState({ entry, outcome: o }: { entry: HistoryEntry; outcome: Extract<Outcome, { kind: 'free-form' }> }) {
  const files = usePipeline((s) => s.files);
  const badge = <span className="badge badge--vlm">VLM answer · not measured</span>;
  switch (o.vlm) {
    case 'not-loaded':
      return (
        <p className="vlm-state">
          <span className="badge badge--vlm">needs the small VLM</span>{' '}
          This is not a measurement question, and the small VLM was not used, so there is no answer here. Measured questions
          (distances, sizes, left/right, behind…) work without it.
        </p>
      );
    case 'confirm': {
      const info = vlmInfo();
      return (
        <div className="vlm-state">
          <p>
            <span className="badge badge--vlm">needs the small VLM</span>{' '}
            This is not a measurement question. A small vision-language model ({o.model ?? info.model}, about{' '}
            <strong data-testid="vlm-size">{mb(o.downloadBytes ?? info.approxBytes)}</strong>, downloaded once from {info.host}) can
            answer it in words; its answer is not measured.
          </p>
          <div className="vlm-actions">
            <button type="button" className="btn btn--primary" onClick={() => void answerWithVlm(entry)}>Download the VLM and answer</button>
            <button type="button" className="btn" onClick={() => declineVlm(entry.id)}>No thanks</button>
          </div>
        </div>
      );
    }
    case 'loading': {
      const d = vlmDownload(files, o.model ?? '');
      return (
        <div className="vlm-state" role="status">
          <p>
            <span className="spinner" aria-hidden="true" /> Loading the small VLM…
            {d.total > 0 && <> {mb(d.loaded)} of {mb(d.total)} <progress value={d.loaded} max={d.total} aria-label="VLM download progress" /></>}
          </p>
          <button type="button" className="btn btn--small" onClick={() => stopVlm(entry.id)}>Stop</button>
        </div>
      );
    }
    case 'streaming':
      return (
        <div className="vlm-state">
          {badge}
          <p className="vlm-text" data-testid="vlm-text" aria-live="polite">{o.text}<span className="vlm-caret" aria-hidden="true">▍</span></p>
          <button type="button" className="btn btn--small" onClick={() => stopVlm(entry.id)}>Stop</button>
        </div>
      );
    case 'answered':
    case 'stopped':
      return (
        <div className="vlm-state">
          {badge}
          <p className="vlm-text" data-testid="vlm-text">{o.text}{o.vlm === 'stopped' && <em className="hint"> (stopped)</em>}</p>
        </div>
      );
    case 'error':
      return (
        <div className="vlm-state" role="alert">
          <p className="vlm-error" data-testid="vlm-error">{o.error}</p>
          <button type="button" className="btn btn--small" onClick={() => void answerWithVlm(entry)}>Try again</button>
        </div>
      );
  }
}
