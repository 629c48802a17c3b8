/**
 * Share links in the app: make one from the current scene (scene graph + the question on screen + the 3D
 * view + the photo by URL, as a thumbnail, or not at all), and open one. Opening never runs a model and
 * never touches the network by itself: a photo that lives at a URL is fetched only when the person asks.
 */
import { createStore } from 'zustand/vanilla';
import type { RGBAImage } from '../core/geometry/raster';
import type { SceneGraph } from '../core/scene/types';
import {
  DEFAULT_MAX_LINK_CHARS, ShareLinkError, decodeShareLink, describeShareLink, encodeShareLink,
  type ShareLinkResult, type ShareLinkSummary,
} from '../io/shareLink';
import type { SharedQuestion, ShareView } from '../io/shareSchemas';
import type { AnswerCheck } from '../io/answerCheck';
import { fitThumbnail, sniffThumbnailMime, thumbnailBudgetBytes, type ThumbnailMime } from '../io/thumbnail';
import { fetchPhoto, resizeRgba } from '../io/imageInput';
import { loadPhoto } from '../io/photoInput';
import { browserPhotoDecoder } from '../io/photoDecode';
import { commitRestored, sampleUrl } from './loadScene';
import { startLoad } from './loadSequence';
import { placeholderImage, restoredImageSize, restoredPhoto } from './restoredImage';
import { notify, sceneStore, type LoadedScene } from './sceneStore';
import { questionsStore, type HistoryEntry } from './questionsStore';
import { settingsStore } from './settingsStore';
import { ask, pushEntry } from './ask';
import { isSameOrigin } from './remoteConsent';

/** How the UI reads and moves the 3D camera (the viewer lives in the UI layer). */
export interface ViewAccess {
  get(): ShareView | null;
  set(view: ShareView): void;
}

export interface OpenedLink {
  summary: ShareLinkSummary;
  answer: AnswerCheck['status'] | 'none';
  /** The sentence the link carried when it disagrees with the recomputed answer. */
  carried?: string;
  photoUrl?: string;
  photo: 'none' | 'thumbnail' | 'waiting' | 'loading' | 'loaded' | 'failed';
  /** Scene key the link was restored as. */
  sceneKey: string;
}

export interface ShareState {
  /** The link this page was opened with (preview banner), or null. */
  opened: OpenedLink | null;
  /** Why the link this page was opened with could not be used. */
  openError: string | null;
  /** Public photo URL per scene key (scenes loaded from ?image= or a sample, or a link's URL photo). */
  photoUrls: Record<string, string>;
}

export interface ShareActions {
  rememberPhotoUrl(sceneKey: string, url: string): void;
  dismissOpenedLink(): void;
}

export const shareStore = createStore<ShareState & ShareActions>()((set) => ({
  opened: null,
  openError: null,
  photoUrls: {},
  rememberPhotoUrl: (sceneKey, url) => set((s) => ({ photoUrls: { ...s.photoUrls, [sceneKey]: url } })),
  dismissOpenedLink: () => set({ opened: null, openError: null }),
}));
export const { rememberPhotoUrl, dismissOpenedLink } = shareStore.getState();

// ---------- making a link ----------

/** The question to carry: the selected answer of this scene, else its newest one. */
export function questionToShare(current: LoadedScene): SharedQuestion | undefined {
  const { history, activeId } = questionsStore.getState();
  const mine = history.filter((h) => h.sceneKey === current.key);
  const pick: HistoryEntry | undefined = mine.find((h) => h.id === activeId) ?? [...mine].reverse().find((h) => h.outcome.kind === 'answer');
  if (!pick) return undefined;
  const units = settingsStore.getState().units;
  if (pick.outcome.kind === 'answer') {
    const o = pick.outcome;
    // a follow-up ("and the sofa?") travels as the whole question it was read as: the receiver has no conversation
    return { text: (o.readAs ?? pick.text).slice(0, 500), query: o.query, ...(o.unit ? { unit: o.unit } : {}), units };
  }
  return { text: pick.text.slice(0, 500) };
}

/** Where the photo of a scene can be fetched from by anyone, if anywhere. */
export function publicPhotoUrl(current: LoadedScene): string | undefined {
  const known = shareStore.getState().photoUrls[current.key];
  if (known) return known;
  if (current.source.kind === 'sample') return new URL(sampleUrl(current.source.name, 'rgb.png'), location.href).href;
  return undefined;
}

/** Draws the working image at thumbnail sizes: WebP where the browser encodes it, else JPEG. */
async function thumbnailEncoder(rgb: RGBAImage): Promise<{ encode: (size: { width: number; height: number }, quality: number) => Promise<Uint8Array>; mime: () => ThumbnailMime; close: () => void }> {
  const bitmap = await createImageBitmap(new ImageData(new Uint8ClampedArray(rgb.data), rgb.width, rgb.height));
  let mime: ThumbnailMime = 'image/webp';
  const encode = async (size: { width: number; height: number }, quality: number): Promise<Uint8Array> => {
    const c = new OffscreenCanvas(size.width, size.height);
    const ctx = c.getContext('2d');
    if (!ctx) throw new ShareLinkError('this browser cannot draw a thumbnail');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    let bytes = new Uint8Array(await (await c.convertToBlob({ type: mime, quality })).arrayBuffer());
    if (sniffThumbnailMime(bytes) !== mime) {
      mime = 'image/jpeg';
      bytes = new Uint8Array(await (await c.convertToBlob({ type: mime, quality })).arrayBuffer());
    }
    return bytes;
  };
  return { encode, mime: () => mime, close: () => bitmap.close() };
}

export interface MadeLink extends ShareLinkResult {
  maxChars: number;
  thumbnail?: { bytes: number; width: number; height: number; quality: number; mime: ThumbnailMime };
}

/** A link for the current scene. Throws ShareLinkError with a sentence for the UI. */
export async function makeShareLink(view: ShareView | null): Promise<MadeLink> {
  const current = sceneStore.getState().current;
  if (!current?.scene) throw new ShareLinkError('this input has no 3D scene to share yet');
  const scene: SceneGraph = current.scene;
  const baseUrl = `${location.origin}${location.pathname}`;
  const maxChars = DEFAULT_MAX_LINK_CHARS;
  const question = questionToShare(current);
  const input = { scene, ...(question ? { question } : {}), ...(view ? { view } : {}) };
  const url = publicPhotoUrl(current);
  if (url) return { ...encodeShareLink({ ...input, photo: { url } }, { baseUrl, maxChars }), maxChars };
  const bare = encodeShareLink(input, { baseUrl, maxChars });
  const enc = await thumbnailEncoder(current.rgb);
  try {
    const fit = await fitThumbnail(current.rgb.width, current.rgb.height, thumbnailBudgetBytes(bare.chars, maxChars), enc.encode);
    if (!fit) return { ...bare, maxChars };
    const mime = enc.mime();
    const withThumb = encodeShareLink({ ...input, photo: { thumbnail: fit.bytes, mime } }, { baseUrl, maxChars });
    return { ...withThumb, maxChars, thumbnail: { bytes: fit.bytes.length, width: fit.width, height: fit.height, quality: fit.quality, mime } };
  } finally {
    enc.close();
  }
}

// ---------- opening a link ----------


/**
 * Put restored questions in the history: a checked answer is shown as recomputed here; a question without
 * a query is asked again. Returns how many carried answers disagreed with the scene.
 */
export function restoreQuestions(questions: SharedQuestion[], checks: AnswerCheck[]): { mismatches: string[] } {
  const mismatches: string[] = [];
  questions.forEach((q, i) => {
    const c = checks[i] ?? { status: 'no-query' as const };
    const last = i === questions.length - 1;
    if ((c.status === 'match' || c.status === 'reworded' || c.status === 'mismatch') && q.query) {
      pushEntry(q.text, { kind: 'answer', query: q.query, ...(q.unit ? { unit: q.unit } : {}), answer: c.answer }, last);
      if (c.status === 'mismatch') mismatches.push(c.carried);
    } else if (c.status === 'failed') {
      pushEntry(q.text, { kind: 'error', message: c.error }, last);
    } else {
      ask(q.text);
    }
  });
  return { mismatches };
}

/** Is this `location.hash` meant as a share link (as opposed to an in-page anchor)? */
export const isShareHash = (hash: string): boolean => /^#s\d/.test(hash);

/**
 * Open a link: decode (never throws), restore the scene, question and view. Returns false (and sets
 * openError) when the link cannot be used; the current scene then stays as it was. Like every load it
 * takes a ticket: a newer load started meanwhile wins.
 */
export async function openShareLink(hash: string, view: ViewAccess): Promise<boolean> {
  const r = decodeShareLink(hash);
  if (!r.ok) {
    shareStore.setState({ opened: null, openError: r.error });
    return false;
  }
  const t = startLoad('Opening the shared scene…');
  const { payload, answerCheck } = r;
  const summary = describeShareLink(payload);
  const scene = payload.scene;
  const K = scene.camera.intrinsics;
  const size = restoredImageSize(scene);
  let rgb = placeholderImage(size.width, size.height);
  let photo: OpenedLink['photo'] = 'none';
  const notes = [
    'Opened from a share link: the scene graph (boxes, sizes, positions) travelled in the link; there is no depth map or point cloud.',
  ];
  const p = payload.photo;
  if (p && 'thumbnail' in p) {
    const d = await restoredPhoto(p.thumbnail, p.mime, 'the link’s thumbnail', scene, true);
    if ('rgb' in d) {
      rgb = d.rgb;
      photo = 'thumbnail';
    } else {
      photo = 'failed';
      notes.push(`The link’s thumbnail could not be used (${d.error}); boxes are shown on a blank image.`);
    }
  } else if (p) {
    photo = 'waiting';
  }
  const loaded = commitRestored({
    source: { kind: 'link', name: 'share-link', title: scene.provenance.imageName ? `${scene.provenance.imageName} (shared)` : 'Shared scene' },
    rgb, depth: null, intrinsics: K, intrinsicsSource: scene.camera.source, intrinsicsDetail: scene.camera.detail,
    scene, cloud: null, notes,
  }, t);
  if (!loaded) return true; // a newer load replaced this one: nothing to say
  if (p && 'url' in p) rememberPhotoUrl(loaded.key, p.url);
  let mismatch: string | undefined;
  if (payload.question) {
    const { mismatches } = restoreQuestions([payload.question], [answerCheck]);
    mismatch = mismatches[0];
  }
  if (payload.view) view.set(payload.view);
  shareStore.setState({
    openError: null,
    opened: {
      summary, sceneKey: loaded.key, photo,
      answer: payload.question ? answerCheck.status : 'none',
      ...(mismatch !== undefined ? { carried: mismatch } : {}),
      ...(p && 'url' in p ? { photoUrl: p.url } : {}),
    },
  });
  // a photo on the app's own server (a built-in sample) is the app's own file: no question to ask
  if (p && 'url' in p && isSameOrigin(p.url)) void loadLinkPhoto(view);
  if (mismatch !== undefined) {
    notify('warning', 'The answer written in this link does not match its scene (the link was edited or made by another program): the answer shown is the one recomputed here.');
  } else if (photo === 'failed') {
    notify('warning', 'The link’s thumbnail could not be decoded: the scene is shown on a blank image.');
  }
  return true;
}

/** Fetch the photo a link points at (only when the person asks). Keeps the 3D view where it is. */
export async function loadLinkPhoto(view: ViewAccess): Promise<void> {
  const opened = shareStore.getState().opened;
  const current = sceneStore.getState().current;
  if (!opened?.photoUrl || !current || current.key !== opened.sceneKey) return;
  shareStore.setState({ opened: { ...opened, photo: 'loading' } });
  try {
    const photo = await loadPhoto(await fetchPhoto(opened.photoUrl), browserPhotoDecoder);
    const rgb = await resizeRgba(photo.rgb, current.rgb.width, current.rgb.height);
    const cam = view.get();
    const now = sceneStore.getState().current;
    if (now?.key !== current.key) return;
    sceneStore.setState({ current: { ...now, rgb } });
    if (cam) view.set(cam);
    shareStore.setState((s) => ({ opened: s.opened && { ...s.opened, photo: 'loaded' } }));
  } catch (e) {
    shareStore.setState((s) => ({ opened: s.opened && { ...s.opened, photo: 'failed' } }));
    notify('error', e instanceof Error ? e.message : String(e));
  }
}
