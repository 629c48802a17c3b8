/**
 * Where model files come from: the Hugging Face Hub by default, or a self-hosted folder (laid out by
 * `npm run models:mirror`) named by a setting or by the `?modelHost=` URL parameter (the URL wins, so a
 * teacher can hand out one link).
 */
export const HF_HUB = 'https://huggingface.co/';

export interface ModelHost {
  kind: 'hub' | 'self-hosted';
  /** Absolute base URL ending in '/'. */
  base: string;
  /** Transformers.js `remotePathTemplate` for this host. */
  pathTemplate: string;
  from: 'default' | 'setting' | 'url';
}

/** Mirror layout: <base>/<owner>/<name>/<file> (the revision is fixed by the manifest that was mirrored). */
export const SELF_HOSTED_TEMPLATE = '{model}/';

export function resolveModelHost(opts: { search?: string; setting?: string | null; origin?: string }): ModelHost {
  const fromUrl = opts.search ? new URLSearchParams(opts.search).get('modelHost') : null;
  const raw = fromUrl || opts.setting || null;
  if (!raw) return { kind: 'hub', base: HF_HUB, pathTemplate: '{model}/resolve/{revision}/', from: 'default' };
  const base = new URL(raw, opts.origin ?? 'http://localhost/').href.replace(/\/?$/, '/');
  if (base === HF_HUB) return { kind: 'hub', base, pathTemplate: '{model}/resolve/{revision}/', from: fromUrl ? 'url' : 'setting' };
  return { kind: 'self-hosted', base, pathTemplate: SELF_HOSTED_TEMPLATE, from: fromUrl ? 'url' : 'setting' };
}

/** URL of one file of one model on this host (what Transformers.js will request). */
export function fileUrl(host: ModelHost, model: string, revision: string, file: string): string {
  const path = host.pathTemplate.replaceAll('{model}', model).replaceAll('{revision}', encodeURIComponent(revision));
  return host.base + path + file;
}
