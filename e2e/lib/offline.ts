import type { Page } from '@playwright/test';

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
