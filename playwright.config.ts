import { defineConfig } from '@playwright/test';

// Debian's Chromium by default; CHROMIUM_PATH points at another build elsewhere.
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Several checkouts on one machine each take their own port (E2E_PORT) so one run never reuses another's server.
const port = Number(process.env.E2E_PORT || 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  // two files at a time: 13.0 -> 10.5 min on a 2-core machine (the tests wait on model loads and page
  // work as much as they compute); tests inside a file stay in order (some collect rows for a summary).
  // E2E_WORKERS=1 runs one at a time.
  workers: Number(process.env.E2E_WORKERS || 2),
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--enable-unsafe-webgpu',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
