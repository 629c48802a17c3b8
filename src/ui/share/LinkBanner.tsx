import { useStore } from 'zustand';
import { dismissOpenedLink, loadLinkPhoto, shareStore } from '../../state/shareState';
import { viewAccess } from './viewAccess';

const MAX_CAPTIONS = 8;

/** What an opened share link holds, shown before anything is fetched for its photo. */
export function LinkBanner() {
  const opened = useStore(shareStore, (s) => s.opened);
  if (!opened) return null;
  const { summary: s } = opened;
  const more = s.captions.length - MAX_CAPTIONS;
  return (
    <section className="link-banner" aria-label="Opened from a share link" data-testid="link-banner">
      <p>
        <strong>Opened from a share link:</strong> {s.objects} object{s.objects === 1 ? '' : 's'}
        {s.captions.length > 0 && <> ({s.captions.slice(0, MAX_CAPTIONS).join(', ')}{more > 0 ? `, and ${more} more` : ''})</>}
        {s.question !== undefined && <> · question: “{s.question}”</>}
        {' · photo: '}
        {s.photoMode === 'url' ? <>at {s.photoHost ?? 'an unknown host'} (not loaded)</> : s.photoMode === 'thumbnail' ? 'a thumbnail inside the link' : 'none (boxes only)'}
      </p>
      {opened.answer === 'mismatch' && (
        <p className="warn" role="alert" data-testid="link-mismatch">
          The answer written in the link (“{opened.carried}”) does not match its scene; the answer shown was recomputed here.
        </p>
      )}
      {opened.answer === 'failed' && <p className="warn" role="alert">The link's question could not be answered on its scene.</p>}
      <div className="link-banner-actions">
        {opened.photoUrl && (opened.photo === 'waiting' || opened.photo === 'failed') && (
          <button type="button" className="btn" onClick={() => void loadLinkPhoto(viewAccess)}>
            Load photo from {s.photoHost}
          </button>
        )}
        {opened.photo === 'loading' && <span role="status">Loading the photo…</span>}
        <button type="button" className="btn btn--ghost" onClick={dismissOpenedLink} aria-label="Dismiss share link summary">
          ✕
        </button>
      </div>
    </section>
  );
}
