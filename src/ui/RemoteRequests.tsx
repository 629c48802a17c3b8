import { useStore } from 'zustand';
import { answerConsent, consentStore } from '../state/remoteConsent';

/** The open question about a request to a host named in the address (state/remoteConsent.ts). */
export function RemoteRequests() {
  const request = useStore(consentStore, (s) => s.request);
  if (!request) return null;
  const image = request.kind === 'image';
  return (
    <div className="notice notice--warning link-banner" role="alertdialog" aria-label="Request to another host" data-testid="remote-request">
      <span>
        {image ? (
          <>This address asks to open a photo from <strong>{request.host}</strong>. Loading it tells that host your IP address; the photo stays in this browser.</>
        ) : (
          <>This address asks to download the models from <strong>{request.host}</strong> instead of the default host. Only allow it if you trust that host ({request.url.slice(0, 200)}).</>
        )}
      </span>
      <button type="button" className="btn btn--primary" onClick={() => answerConsent(true)}>
        {image ? `Load photo from ${request.host}` : `Allow downloads from ${request.host}`}
      </button>
      <button type="button" className="btn btn--ghost" onClick={() => answerConsent(false)}>
        {image ? 'No, open a sample' : 'Don’t allow'}
      </button>
    </div>
  );
}
