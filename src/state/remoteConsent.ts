/**
 * Requests to hosts named in the page's address are asked about first: `?image=<url>` (the photo is
 * fetched only after the person agrees, as a share link's photo already was) and `?modelHost=<url>`
 * (model files go to that host only after the person has seen it, unless it is the default hub or the
 * host saved in Settings). One question at a time; the UI shows it (ui/RemoteRequests.tsx).
 */
import { createStore } from 'zustand/vanilla';
import { HF_HUB, resolveModelHost, type ModelHost } from '../pipeline/host';

export interface RemoteRequest {
  kind: 'image' | 'model-host';
  url: string;
  /** host[:port] the request would go to, shown in bold */
  host: string;
}

interface ConsentState {
  request: RemoteRequest | null;
}

export const consentStore = createStore<ConsentState>()(() => ({ request: null }));

let answer: ((ok: boolean) => void) | null = null;
/** Model hosts approved in this tab (the saved setting needs no approval). */
const approvedModelHosts = new Set<string>();

export function hostOf(url: string): string {
  try {
    return new URL(url, location.href).host;
  } catch {
    return url.slice(0, 80);
  }
}

/** The app's own server: asking about it would protect nothing (the page already comes from it). */
export function isSameOrigin(url: string): boolean {
  try {
    return new URL(url, location.href).origin === location.origin;
  } catch {
    return false;
  }
}

/** Ask the person; resolves true when they agree. A newer question replaces (and declines) an older one. */
export function askConsent(kind: RemoteRequest['kind'], url: string): Promise<boolean> {
  answer?.(false);
  return new Promise<boolean>((resolve) => {
    answer = resolve;
    consentStore.setState({ request: { kind, url, host: hostOf(url) } });
  });
}

export function answerConsent(ok: boolean): void {
  const a = answer;
  answer = null;
  consentStore.setState({ request: null });
  a?.(ok);
}

/** Does this model host need the person's yes before the first download? */
export function modelHostNeedsConsent(host: ModelHost, savedSetting: string): boolean {
  if (host.from !== 'url' || host.base === HF_HUB || approvedModelHosts.has(host.base) || isSameOrigin(host.base)) return false;
  if (savedSetting) {
    const saved = resolveModelHost({ setting: savedSetting, origin: location.origin });
    if (saved.base === host.base) return false;
  }
  return true;
}

/** Resolves once the host may be used (asking when needed); throws when the person says no. */
export async function approveModelHost(host: ModelHost, savedSetting: string): Promise<void> {
  if (!modelHostNeedsConsent(host, savedSetting)) return;
  if (!(await askConsent('model-host', host.base))) {
    throw new Error(`model downloads from ${hostOf(host.base)} were not allowed (the address asked for that host with ?modelHost=); remove it from the address or set a host in Settings`);
  }
  approvedModelHosts.add(host.base);
}
