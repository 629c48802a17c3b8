/**
 * Can this browser reach the model host? Checked when a photo that needs the models is shown, before the
 * person presses the button, so a host that cannot be reached is named with the ways forward instead of a
 * download that fails with "Failed to fetch". The check asks for one small file (the depth model's
 * config.json, a HEAD request): nothing of the photo leaves the browser. A host named only in the address
 * (?modelHost=) is not contacted before the person has agreed to it.
 */
import { createStore } from 'zustand/vanilla';
import { fileUrl, resolveModelHost, type ModelHost } from '../pipeline/host';
import { PRESETS } from '../pipeline/manifest';
import { hostOf, modelHostNeedsConsent } from './remoteConsent';
import { settingsStore } from './settingsStore';

export type HostStatus = 'unchecked' | 'checking' | 'reachable' | 'unreachable' | 'needs-consent';

export interface HostCheck {
  status: HostStatus;
  /** host[:port] as people read it */
  host: string;
  /** the effective base URL and where it came from (address, setting, default) */
  base: string;
  from: ModelHost['from'];
  /** why it could not be reached, in words */
  reason?: string;
}

export const CHECK_TIMEOUT_MS = 6000;

/** The host the models will come from, as the settings and the address say now. */
export function effectiveModelHost(): ModelHost {
  // outside a page (the CLI, unit tests in Node) there is no address: only the setting and the default count
  const page = typeof location === 'undefined' ? { search: '', origin: 'http://localhost' } : location;
  return resolveModelHost({ search: page.search, setting: settingsStore.getState().modelHost || null, origin: page.origin });
}

const initial = (): HostCheck => {
  // outside a page (unit tests in Node) there is no address to read a host from
  if (typeof location === 'undefined') return { status: 'unchecked', host: '', base: '', from: 'default' };
  const h = effectiveModelHost();
  return { status: 'unchecked', host: hostOf(h.base), base: h.base, from: h.from };
};

export const hostCheckStore = createStore<HostCheck>()(initial);

let seq = 0;

/** Checks the effective host (again); the store holds the outcome for the UI. */
export async function checkModelHost(fetchImpl: typeof fetch = fetch): Promise<HostCheck> {
  const h = effectiveModelHost();
  const base = { host: hostOf(h.base), base: h.base, from: h.from };
  const mine = ++seq;
  const set = (c: HostCheck): HostCheck => {
    if (mine === seq) hostCheckStore.setState(c, true);
    return c;
  };
  if (modelHostNeedsConsent(h, settingsStore.getState().modelHost)) return set({ ...base, status: 'needs-consent' });
  set({ ...base, status: 'checking' });
  const depth = PRESETS[settingsStore.getState().modelPreset].depth;
  const url = fileUrl(h, depth.id, depth.revision, 'config.json');
  try {
    const res = await fetchImpl(url, { method: 'HEAD', cache: 'no-store', signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    if (res.ok) return set({ ...base, status: 'reachable' });
    return set({ ...base, status: 'unreachable', reason: `it answered HTTP ${res.status} for ${depth.id}/config.json` });
  } catch (e) {
    const timedOut = e instanceof DOMException && e.name === 'TimeoutError';
    return set({ ...base, status: 'unreachable', reason: timedOut ? `no answer within ${CHECK_TIMEOUT_MS / 1000} s` : 'the connection failed (offline, blocked, or no such host)' });
  }
}

/** "The models could not run: Failed to fetch" in words a person can act on. */
export function modelFailureMessage(raw: string, check: HostCheck): string {
  if (/failed to fetch|networkerror|network error|load failed|err_/i.test(raw) || check.status === 'unreachable') {
    return `The model host ${check.host} cannot be reached from this browser, so the models could not be downloaded. Set a model host you can reach in Settings, open a sample scene, or load an RGB-D pair (photo + depth file), which needs no models.`;
  }
  return `The models could not run: ${raw}`;
}

// a changed setting is a different host: check it again
settingsStore.subscribe((s, prev) => {
  if (s.modelHost !== prev.modelHost || s.modelPreset !== prev.modelPreset) hostCheckStore.setState(initial(), true);
});
