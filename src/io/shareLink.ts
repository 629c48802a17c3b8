/**
 * Share links: the scene graph, a question (its query, not just its answer) and the 3D view, compressed into
 * the URL fragment, which browsers never send to a server. Format 1: `#s1.` + base64url(deflate(JSON)).
 *
 * Size limit: DEFAULT_MAX_LINK_CHARS = 8,000 characters for the whole URL. RFC 9110 §4.1 asks every sender
 * and recipient to support URIs of at least 8,000 octets; Chromium, Firefox and Safari accept far longer
 * ones (2 MB / 64 K+), and the fragment never reaches a server, so server header limits do not apply. What
 * breaks first is the path a link travels through: mail clients, chat apps and link shorteners, which are
 * known to cope with a few thousand characters; 8,000 is the largest figure a standard backs.
 *
 * When a link would be longer, encodeShareLink gives up detail in the order that costs the receiver least:
 * masks (outlines drawn over the photo; hundreds of runs each), then number precision (mm for lengths,
 * 1e-4 for angles and ratios — skipped if it would change the carried answer), then the thumbnail (the
 * scene becomes boxes only), then the answer's sentence and long free text. It reports what it dropped.
 */
import { deflateSync } from 'fflate';
import * as v from 'valibot';
import type { SceneGraph, SceneObject } from '../core/scene/types';
import { parseScene } from '../core/scene/schema';
import type { Query } from '../core/reason/query';
import { inflateCapped, fromBase64Url, parseJsonSafely, toBase64Url } from './boundedInflate';
import { QuestionSchema, ViewSchema, issuesText, type SharedQuestion, type ShareView } from './shareSchemas';
import { answerKey, checkSharedAnswer, queryIds, recomputeAnswer, type AnswerCheck } from './answerCheck';
import { sniffThumbnailMime, THUMBNAIL_MIMES, type ThumbnailMime } from './thumbnail';
import { sceneSizeProblem } from './sceneSize';

export const SHARE_LINK_VERSION = 1 as const;
export const SHARE_LINK_PREFIX = `s${SHARE_LINK_VERSION}.`;
/** The documented limit every link we make stays under (see the header comment). */
export const DEFAULT_MAX_LINK_CHARS = 8000;
/** Decoder limits, checked before and during decompression. */
export const SHARE_LINK_LIMITS = {
  /** Longest link text we look at: twice our own limit leaves room for hand-made links, no more. */
  maxInputChars: 16_384,
  /** Decompressed JSON: a link-sized scene is tens of kB; deflate can expand ~1000:1, so cap it. */
  maxJsonBytes: 1024 * 1024,
  maxThumbnailBytes: 8192,
  maxPhotoUrlChars: 2048,
} as const;

export type SharePhoto = { url: string } | { thumbnail: Uint8Array; mime: ThumbnailMime };

export interface ShareInput {
  scene: SceneGraph;
  question?: SharedQuestion;
  view?: ShareView;
  photo?: SharePhoto;
}

/** What a decoded link holds: the same shape as ShareInput, every field validated. */
export type SharePayload = ShareInput;

export type PhotoMode = 'url' | 'thumbnail' | 'boxes-only';

export interface ShareLinkResult {
  url: string;
  /** url.length: every character of a base64url fragment is one byte on the wire. */
  chars: number;
  photoMode: PhotoMode;
  /** What had to go to fit the limit, in order: 'masks', 'precision', 'thumbnail', 'sentence', 'long-text'. */
  dropped: string[];
}

export class ShareLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShareLinkError';
  }
}

export type DecodeShareResult =
  | { ok: true; payload: SharePayload; answerCheck: AnswerCheck }
  | { ok: false; error: string };

// ---------- wire form ----------

const PhotoWire = v.union([
  v.strictObject({ url: v.pipe(v.string(), v.maxLength(SHARE_LINK_LIMITS.maxPhotoUrlChars, 'photo URL is too long')) }),
  v.strictObject({
    thumbnail: v.pipe(v.string(), v.maxLength(Math.ceil((SHARE_LINK_LIMITS.maxThumbnailBytes * 4) / 3) + 4, 'thumbnail is too large')),
    mime: v.picklist(THUMBNAIL_MIMES as ThumbnailMime[]),
  }),
]);

const EnvelopeWire = v.strictObject({
  v: v.literal(SHARE_LINK_VERSION),
  scene: v.unknown(),
  question: v.optional(QuestionSchema),
  view: v.optional(ViewSchema),
  photo: v.optional(PhotoWire),
});

type Wire = {
  v: typeof SHARE_LINK_VERSION;
  scene: SceneGraph;
  question?: SharedQuestion;
  view?: ShareView;
  photo?: { url: string } | { thumbnail: string; mime: ThumbnailMime };
};

/** http: is allowed only for this machine (a local dev or test server), where nothing travels a network. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https only (http: for loopback): a link must not smuggle `javascript:` or `data:` URLs into an <img src>. */
export function checkPhotoUrl(url: string): string | null {
  if (url.length > SHARE_LINK_LIMITS.maxPhotoUrlChars) return 'photo URL is too long';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'photo URL is not a valid URL';
  }
  if (u.protocol === 'http:' && !LOOPBACK.has(u.hostname)) {
    return 'photo URL must use https: (an http: address can be read and changed by anyone on the way, and an https page may not load it)';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `photo URL must be https, not ${u.protocol.slice(0, 20)}`;
  return null;
}

// ---------- encode ----------

const round = (x: number, step: number) => Math.round(x / step) * step;
/** Rounded and printed short: Math.round(x / 1e-3) * 1e-3 can print as 0.30000000000000004. */
const r = (x: number, decimals: number) => Number(round(x, 10 ** -decimals).toFixed(decimals));
const r3 = (p: readonly number[]) => p.map((x) => r(x, 3));

/** mm for lengths, 1e-4 for rotations, yaw and ratios, 0.1 px for image coordinates. */
function roundScene(s: SceneGraph): SceneGraph {
  const obj = (o: SceneObject): SceneObject => ({
    ...o,
    box2d: { x0: r(o.box2d.x0, 1), y0: r(o.box2d.y0, 1), x1: r(o.box2d.x1, 1), y1: r(o.box2d.y1, 1) },
    aabb: { min: r3(o.aabb.min) as SceneObject['centroid'], max: r3(o.aabb.max) as SceneObject['centroid'] },
    obb: { center: r3(o.obb.center) as SceneObject['centroid'], size: r3(o.obb.size) as SceneObject['centroid'], yaw: r(o.obb.yaw, 4) },
    centroid: r3(o.centroid) as SceneObject['centroid'],
    size: { width: r(o.size.width, 3), height: r(o.size.height, 3), depth: r(o.size.depth, 3) },
    confidence: r(o.confidence, 4),
  });
  const k = s.camera.intrinsics;
  return {
    ...s,
    camera: { ...s.camera, intrinsics: { ...k, fx: r(k.fx, 2), fy: r(k.fy, 2), cx: r(k.cx, 2), cy: r(k.cy, 2) } },
    frame: {
      ...s.frame,
      rotation: s.frame.rotation.map((x) => r(x, 4)) as SceneGraph['frame']['rotation'],
      translation: r3(s.frame.translation) as SceneObject['centroid'],
      cameraHeight: r(s.frame.cameraHeight, 3),
      plane: s.frame.plane && { ...s.frame.plane, normal: s.frame.plane.normal.map((x) => r(x, 4)) as SceneObject['centroid'], d: r(s.frame.plane.d, 4) },
    },
    objects: s.objects.map(obj),
  };
}

function withoutMasks(s: SceneGraph): SceneGraph {
  return { ...s, objects: s.objects.map(({ mask: _mask, ...o }) => o) };
}

function withShortText(s: SceneGraph): SceneGraph {
  const { notes: _notes, ...provenance } = s.provenance;
  return { ...s, camera: { ...s.camera, detail: s.camera.detail.slice(0, 120) }, provenance };
}

function buildUrl(baseUrl: string, wire: Wire): string {
  const json = new TextEncoder().encode(JSON.stringify(wire));
  return `${baseUrl.split('#')[0]}#${SHARE_LINK_PREFIX}${toBase64Url(deflateSync(json, { level: 9 }))}`;
}

/** The question as the link carries it: validated, naming only the scene's objects, with its recomputed answer. */
function checkedQuestion(scene: SceneGraph, input: NonNullable<ShareInput['question']>): SharedQuestion {
  const q = v.safeParse(QuestionSchema, input);
  if (!q.success) throw new ShareLinkError(`question is not valid: ${issuesText(q.issues, 'question')}`);
  const question = q.output;
  if (!question.query) return question;
  const missing = queryIds(question.query).find((id) => !scene.objects.some((o) => o.id === id));
  if (missing !== undefined) throw new ShareLinkError(`question names object "${missing}" that the scene does not hold`);
  // The link carries the recomputed answer (sentence for display, key for the check on open).
  let a: ReturnType<typeof recomputeAnswer>;
  try {
    a = recomputeAnswer(scene, { ...question, query: question.query });
  } catch (e) {
    throw new ShareLinkError(`question cannot be answered on this scene (${e instanceof Error ? e.message : String(e)})`);
  }
  return { ...question, sentence: a.sentence, answer: answerKey(a) };
}

function checkedView(view: NonNullable<ShareInput['view']>): ShareView {
  const vr = v.safeParse(ViewSchema, view);
  if (!vr.success) throw new ShareLinkError(`view is not valid: ${issuesText(vr.issues, 'view')}`);
  return vr.output;
}

function checkedPhoto(photo: NonNullable<ShareInput['photo']>): Wire['photo'] {
  if ('url' in photo) {
    const bad = checkPhotoUrl(photo.url);
    if (bad) throw new ShareLinkError(bad);
    return { url: photo.url };
  }
  const { thumbnail, mime } = photo;
  if (sniffThumbnailMime(thumbnail) !== mime) throw new ShareLinkError(`thumbnail bytes are not ${mime}`);
  // A thumbnail too large for any link is dropped like one that does not fit.
  return thumbnail.length <= SHARE_LINK_LIMITS.maxThumbnailBytes ? { thumbnail: toBase64Url(thumbnail), mime } : undefined;
}

/**
 * Build a link under `maxChars` (default 8,000). Throws ShareLinkError when the input is invalid or even
 * the barest form (boxes, rounded, no sentence) is too long — the UI should offer a scene file instead.
 */
export function encodeShareLink(input: ShareInput, opts: { baseUrl: string; maxChars?: number }): ShareLinkResult {
  const maxChars = opts.maxChars ?? DEFAULT_MAX_LINK_CHARS;
  const parsed = parseScene(input.scene);
  if (!parsed.ok) throw new ShareLinkError(`scene is not valid: ${parsed.error}`);
  const scene = parsed.scene;
  const question = input.question && checkedQuestion(scene, input.question);
  const view = input.view && checkedView(input.view);
  const photo = input.photo && checkedPhoto(input.photo);

  const dropped: string[] = input.photo && !('url' in input.photo) && !photo ? ['thumbnail'] : [];
  let wire: Wire = { v: SHARE_LINK_VERSION, scene, ...(question ? { question } : {}), ...(view ? { view } : {}), ...(photo ? { photo } : {}) };
  const mode = (w: Wire): PhotoMode => (!w.photo ? 'boxes-only' : 'url' in w.photo ? 'url' : 'thumbnail');
  const attempt = (): ShareLinkResult | null => {
    const url = buildUrl(opts.baseUrl, wire);
    return url.length <= maxChars ? { url, chars: url.length, photoMode: mode(wire), dropped: [...dropped] } : null;
  };

  const steps: { name: string; applies: () => boolean; apply: () => Wire | null }[] = [
    { name: 'masks', applies: () => wire.scene.objects.some((o) => o.mask), apply: () => ({ ...wire, scene: withoutMasks(wire.scene) }) },
    {
      name: 'precision',
      applies: () => true,
      apply: () => {
        const rounded = roundScene(wire.scene);
        if (!parseScene(rounded).ok) return null;
        const q = wire.question;
        if (q?.query && q.answer) {
          // Rounding must not move the answer (a comparison right at its tie band could flip).
          const c = checkSharedAnswer(rounded, q);
          if (c.status !== 'match' && c.status !== 'reworded') return null;
        }
        const vw = wire.view && { ...wire.view, position: r3(wire.view.position) as ShareView['position'], target: r3(wire.view.target) as ShareView['target'] };
        return { ...wire, scene: rounded, ...(vw ? { view: vw } : {}) };
      },
    },
    { name: 'thumbnail', applies: () => !!wire.photo && 'thumbnail' in wire.photo, apply: () => ({ ...wire, photo: undefined }) },
    {
      name: 'sentence',
      applies: () => wire.question?.sentence !== undefined,
      apply: () => {
        const { sentence: _s, ...q } = wire.question ?? { text: '' };
        return { ...wire, question: q };
      },
    },
    { name: 'long-text', applies: () => true, apply: () => ({ ...wire, scene: withShortText(wire.scene) }) },
  ];

  let result = attempt();
  for (const step of steps) {
    if (result) break;
    if (!step.applies()) continue;
    const next = step.apply();
    if (!next) continue;
    wire = next;
    if (!wire.photo) delete wire.photo;
    dropped.push(step.name);
    result = attempt();
  }
  if (!result) {
    throw new ShareLinkError(
      `this scene (${scene.objects.length} objects) does not fit in a ${maxChars}-character link even as boxes only; save a scene file instead`,
    );
  }
  // Every link we hand out must open: decode it once here rather than let a receiver find out.
  const check = decodeShareLink(result.url);
  if (!check.ok) throw new ShareLinkError(`internal: the link does not decode (${check.error})`);
  return result;
}

// ---------- decode ----------

/** The `s1.…` part of a full URL, a `#…` hash or the bare fragment. */
function fragmentOf(text: string): string {
  const t = text.trim();
  const hash = t.indexOf('#');
  return hash >= 0 ? t.slice(hash + 1) : t;
}

/** Validate a link (full URL, `#hash` or bare fragment). Never throws; errors are sentences for the UI. */
export function decodeShareLink(hashOrUrl: unknown): DecodeShareResult {
  try {
    return decodeUnsafe(hashOrUrl);
  } catch (e) {
    return { ok: false, error: `link could not be read (${e instanceof Error ? e.message : String(e)})` };
  }
}

function decodeUnsafe(hashOrUrl: unknown): DecodeShareResult {
  if (typeof hashOrUrl !== 'string') return { ok: false, error: 'link must be text' };
  const L = SHARE_LINK_LIMITS;
  // Length first: nothing below runs on an oversized input.
  if (hashOrUrl.length > L.maxInputChars) {
    return { ok: false, error: `link is too long (${hashOrUrl.length} characters; links are at most ${L.maxInputChars})` };
  }
  const frag = fragmentOf(hashOrUrl);
  if (frag.length === 0) return { ok: false, error: 'link carries no scene (nothing after #)' };
  const m = /^s(\d{1,6})\./.exec(frag);
  if (!m) return { ok: false, error: 'not a SpatialLens share link (expected "#s1." after the address)' };
  if (Number(m[1]) !== SHARE_LINK_VERSION) {
    return { ok: false, error: `share link format s${m[1]} is not supported (this app reads s${SHARE_LINK_VERSION}); update the app` };
  }
  // Chat apps and mail clients sometimes glue punctuation to the end of a link ("…#s1.abc)."): drop it.
  const packed = fromBase64Url(frag.slice(m[0].length).replace(/[.,;:!?)\]}>'"]+$/, ''));
  if (!packed) return { ok: false, error: 'link is damaged: its data is not base64url text (was it cut or edited?)' };
  if (packed.length === 0) return { ok: false, error: 'link is empty after its version prefix' };
  const inflated = inflateCapped(packed, L.maxJsonBytes);
  if (!inflated.ok) return { ok: false, error: `link is damaged: ${inflated.error}` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return { ok: false, error: 'link is damaged: its content is not UTF-8 text' };
  }
  const json = parseJsonSafely(text, 'link content');
  if (!json.ok) return { ok: false, error: json.error };
  const env = v.safeParse(EnvelopeWire, json.value);
  if (!env.success) return { ok: false, error: `link content is not valid: ${issuesText(env.issues, 'link')}` };
  const scene = parseScene(env.output.scene);
  if (!scene.ok) return { ok: false, error: `link scene is not valid: ${scene.error}` };
  const tooBig = sceneSizeProblem(scene.scene);
  if (tooBig) return { ok: false, error: `link scene is not valid: ${tooBig}` };
  const payload: SharePayload = { scene: scene.scene };
  const q = env.output.question;
  if (q) {
    if (q.query) {
      const ids = new Set(scene.scene.objects.map((o) => o.id));
      const missing = queryIds(q.query as Query).find((id) => !ids.has(id));
      if (missing !== undefined) return { ok: false, error: `link question names object "${missing.slice(0, 40)}" that its scene does not hold` };
    }
    payload.question = q;
  }
  if (env.output.view) payload.view = env.output.view;
  const p = env.output.photo;
  if (p && 'url' in p) {
    const bad = checkPhotoUrl(p.url);
    if (bad) return { ok: false, error: `link ${bad}` };
    payload.photo = { url: p.url };
  } else if (p) {
    const bytes = fromBase64Url(p.thumbnail);
    if (!bytes || bytes.length === 0) return { ok: false, error: 'link thumbnail is not valid base64url' };
    if (bytes.length > L.maxThumbnailBytes) return { ok: false, error: 'link thumbnail is too large' };
    if (sniffThumbnailMime(bytes) !== p.mime) return { ok: false, error: `link thumbnail is not a ${p.mime} image` };
    payload.photo = { thumbnail: bytes, mime: p.mime };
  }
  const answerCheck: AnswerCheck = payload.question ? checkSharedAnswer(payload.scene, payload.question) : { status: 'no-query' };
  return { ok: true, payload, answerCheck };
}

export interface ShareLinkSummary {
  objects: number;
  /** Object captions, as many as the UI wants to list. */
  captions: string[];
  question?: string;
  /** The carried sentence: shown only as a preview; the recomputed answer replaces it on open. */
  answerPreview?: string;
  photoMode: PhotoMode;
  /** Host the photo would be fetched from: ask before requesting it. */
  photoHost?: string;
  thumbnailBytes?: number;
  hasView: boolean;
  hasMasks: boolean;
}

/** What a link holds, for a preview shown before any network request for the photo. */
export function describeShareLink(payload: SharePayload): ShareLinkSummary {
  const p = payload.photo;
  let photoHost: string | undefined;
  if (p && 'url' in p) {
    try {
      photoHost = new URL(p.url).host;
    } catch {
      photoHost = undefined;
    }
  }
  return {
    objects: payload.scene.objects.length,
    captions: payload.scene.objects.map((o) => o.caption),
    ...(payload.question ? { question: payload.question.text } : {}),
    ...(payload.question?.sentence !== undefined ? { answerPreview: payload.question.sentence } : {}),
    photoMode: !p ? 'boxes-only' : 'url' in p ? 'url' : 'thumbnail',
    ...(photoHost !== undefined ? { photoHost } : {}),
    ...(p && 'thumbnail' in p ? { thumbnailBytes: p.thumbnail.length } : {}),
    hasView: payload.view !== undefined,
    hasMasks: payload.scene.objects.some((o) => o.mask !== undefined),
  };
}
