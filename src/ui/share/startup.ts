import { notify, sceneStore } from '../../state/sceneStore';
import { isShareHash, openShareLink, rememberPhotoUrl, shareStore } from '../../state/shareState';
import { viewAccess } from './viewAccess';

/**
 * `#s1.…`: restore the linked scene; a broken link says why. On first load the app then opens normally
 * (`fallback`); in an open tab (a link pasted into the address bar) the current scene stays, and the
 * message says that instead of claiming a sample was opened.
 */
async function openHash(hash: string, fallback: (() => Promise<void>) | null): Promise<void> {
  if (await openShareLink(hash, viewAccess)) return;
  if (fallback) await fallback();
  const why = shareStore.getState().openError ?? 'unknown error';
  const cur = sceneStore.getState().current;
  const after = fallback
    ? cur?.source.kind === 'sample' ? 'Showing a sample scene instead.' : 'The app opened without it.'
    : 'The scene on screen was kept.';
  notify('error', `This share link could not be opened: ${why}. ${after}`);
}

/**
 * First load: a share link in the hash, else `start` (the ?image= / ?sample= / default sample load). A photo
 * from ?image= has a public URL: remembered so a share link points at it instead of carrying a thumbnail.
 * Returns the cleanup for the hashchange listener (a link pasted into an open tab changes only the hash).
 */
export function startFromLocation(start: () => Promise<void>, imageParam: string | null): () => void {
  const startAndRemember = async () => {
    await start();
    const cur = sceneStore.getState().current;
    if (!imageParam || cur?.source.kind !== 'photo') return;
    try {
      const abs = new URL(imageParam, location.href);
      if (abs.protocol === 'https:' || abs.protocol === 'http:') rememberPhotoUrl(cur.key, abs.href);
    } catch {
      // not a URL: nothing to remember
    }
  };
  if (isShareHash(location.hash)) void openHash(location.hash, startAndRemember);
  else void startAndRemember();
  const onHash = () => {
    if (isShareHash(location.hash)) void openHash(location.hash, null);
  };
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}
