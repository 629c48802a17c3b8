import { useScene } from '../state/hooks';
import { dismissNotice } from '../state/sceneStore';

/** One message at a time about the last input: errors stay until dismissed or replaced. */
export function NoticeBar() {
  const notice = useScene((s) => s.notice);
  const loading = useScene((s) => s.loading);
  return (
    <div className="notice-slot" aria-live="polite">
      {loading && (
        <div className="notice notice--info" role="status">
          <span className="spinner" aria-hidden="true" /> {loading}
        </div>
      )}
      {notice && !loading && (
        <div className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          <span>{notice.text}</span>
          <button type="button" className="btn btn--ghost" onClick={dismissNotice} aria-label="Dismiss message">
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
