import { useEffect, useRef, useState } from 'react';
import { makeShareLink, type MadeLink } from '../../state/shareState';
import { viewAccess } from './viewAccess';

const PHOTO_TEXT: Record<MadeLink['photoMode'], string> = {
  url: 'the photo goes by its public URL (the receiver is asked before it is fetched)',
  thumbnail: 'a small thumbnail of the photo is inside the link',
  'boxes-only': 'no photo: the receiver sees the boxes only',
};

/** Makes a link for the current scene, question and 3D view; shows its size against the limit; copies it. */
export function SharePanel() {
  const [made, setMade] = useState<MadeLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    makeShareLink(viewAccess.get())
      .then((m) => live && setMade(m))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, []);

  const copy = async () => {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made.url);
    } catch {
      // Clipboard permission refused (or no secure context): select the text for Ctrl+C instead.
      fieldRef.current?.select();
      return;
    }
    setCopied(true);
  };

  if (error) return <p className="share-error" role="alert">This scene cannot be shared as a link: {error}.</p>;
  if (!made) return <p role="status">Making the link…</p>;
  const pct = Math.round((made.chars / made.maxChars) * 100);
  return (
    <div className="share-panel" data-testid="share-panel" data-chars={made.chars} data-max-chars={made.maxChars} data-photo-mode={made.photoMode}>
      <label className="share-field">
        Share link
        <input ref={fieldRef} type="text" readOnly value={made.url} onFocus={(e) => e.currentTarget.select()} data-testid="share-url" />
      </label>
      <button type="button" className="btn btn--primary" onClick={() => void copy()}>
        {copied ? 'Copied' : 'Copy link'}
      </button>
      <p className="share-size" data-testid="share-size">
        {made.chars.toLocaleString('en')} of {made.maxChars.toLocaleString('en')} characters ({pct} %) · {PHOTO_TEXT[made.photoMode]}
        {made.thumbnail && <> ({made.thumbnail.width} × {made.thumbnail.height} px, {made.thumbnail.bytes} bytes)</>}
        {made.dropped.length > 0 && <> · left out to fit: {made.dropped.join(', ')}</>}
      </p>
      <p className="hint">The scene travels after the # of the link, which browsers never send to a server.</p>
    </div>
  );
}
