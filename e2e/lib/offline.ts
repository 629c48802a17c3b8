import type { Page } from '@playwright/test';

/** The model host check: a HEAD request for a model's config.json. */
export const isHostProbe = (method: string, url: URL): boolean => method === 'HEAD' && url.pathname.endsWith('/config.json');

export const isLocal = (url: URL): boolean =>
  url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === 'localhost' || url.hostname === '127.0.0.1';

/**
 * Blocks and records every request that leaves localhost (photos never leave the browser; only model hosts
 * may be contacted, and none is reachable in tests) and collects page errors. `options.onCsp` also records
 * Content-Security-Policy violations reported on the console.
 */
export async function guard(page: Page, options: { onCsp?: boolean } = {}) {
  const outside: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (isLocal(url)) return route.continue();
    // the model host's reachability check (a HEAD for one model's config.json, state/modelHostCheck.ts) carries
    // nothing of the photo: blocked like every request here, but not counted as one that must not happen
    if (isHostProbe(route.request().method(), url)) return route.abort();
    outside.push(url.href);
    return route.abort();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  if (options.onCsp) {
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) errors.push(`CSP: ${m.text()}`);
    });
  }
  return { outside, errors };
}
