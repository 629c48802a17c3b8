import { defineConfig } from '@playwright/test';

// Debian's Chromium by default; CHROMIUM_PATH points at another build elsewhere.
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Several checkouts on one machine each take their own port (E2E_PORT) so one run never reuses another's server.
const port = Number(process.env.E2E_PORT || 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    // A person who asked their system for less motion: answers jump into view instead of gliding there. Under
    // this machine's software rendering a glide keeps the next button moving for 0.5-1.9 s, and Playwright
    // waits for it to stop before every click. firsthour.spec.ts checks both preferences.
    reducedMotion: 'reduce',
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
