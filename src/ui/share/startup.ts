import { notify, sceneStore } from '../../state/sceneStore';
import { isShareHash, openShareLink, rememberPhotoUrl, shareStore } from '../../state/shareState';
import { viewAccess } from './viewAccess';

/** `#s1.…`: restore the linked scene; a broken link says why and the app opens normally instead. */
async function openHash(hash: string, fallback: () => Promise<void>): Promise<void> {
  if (await openShareLink(hash, viewAccess)) return;
  await fallback();
  notify('error', `This share link could not be opened: ${shareStore.getState().openError ?? 'unknown error'}. Showing a sample scene instead.`);
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
    if (isShareHash(location.hash)) void openHash(location.hash, async () => {});
  };
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}
