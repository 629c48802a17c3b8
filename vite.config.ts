import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation lets onnxruntime-web use SharedArrayBuffer (threaded wasm).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Content-Security-Policy of the built app, as a <meta http-equiv> in index.html (build only: the dev
 * server's React refresh preamble is an inline script). Models come from the Hugging Face Hub (its CDN hosts
 * included) or from hosts named at build time in SPATIALLENS_MODEL_HOSTS (space or comma separated).
 *
 * Why connect-src still allows https: (and only https:, never http:): two requests go to hosts that are
 * not known when the app is built. (1) A photo given as ?image=<public URL> or as a share link's photo URL
 * is read with fetch(): the app needs its bytes for the EXIF focal length and the header checks that run
 * before decoding, which an <img> would not give. (2) A model host chosen in Settings or with ?modelHost=.
 * A meta policy cannot be widened at run time, so the policy cannot name the hosts the person approves;
 * instead the app asks before either request (state/remoteConsent.ts; the share link's "Load photo from
 * <host>" button), refuses http: photo URLs, and never sends a photo's bytes anywhere.
 * img-src has no https: (photos are fetched and decoded, never put in an <img>): only the page's own
 * files, data: (the icon) and blob:. A meta policy cannot carry frame-ancestors; the preview and dev
 * servers send it (and X-Frame-Options) as headers, and a static host must do the same (docs/formats.md).
 * A meta policy covers the page; workers (same-origin scripts) are not governed by it. Nothing here allows
 * inline or eval'd script: 'wasm-unsafe-eval' only lets WebAssembly compile.
 */
const MODEL_HOSTS = [
  'https://huggingface.co',
  'https://*.huggingface.co',
  'https://*.hf.co',
  'https://cdn-lfs.huggingface.co',
  ...(process.env.SPATIALLENS_MODEL_HOSTS ?? '').split(/[\s,]+/).filter(Boolean),
];
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "img-src 'self' data: blob:",
  `connect-src 'self' ${MODEL_HOSTS.join(' ')} https:`,
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Headers only a server can send (meta CSP ignores frame-ancestors): the app must not be framed. */
const noFraming = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

function contentSecurityPolicy(): Plugin {
  return {
    name: 'spatiallens-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.path !== '/index.html') return html;
        return html.replace(/<meta charset="UTF-8" \/>/i, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
      },
    },
  };
}

/**
 * The worker test/benchmark page (harness/workers.html: e2e/workers.spec.ts, scripts/bench-pipeline.ts,
 * `npm run eval -- --models`) is built only in the `harness` mode (`vite build --mode harness`, which
 * `npm run test:e2e` uses) and so is the video page (harness/video.html: test videos encoded with WebCodecs in
 * e2e/sequence.spec.ts and the decode benchmark); `npm run build` ships the app alone.
 */
export default defineConfig(({ mode }) => ({
  plugins: [react(), contentSecurityPolicy()],
  server: { headers: { ...isolation, ...noFraming }, port: 5173 },
  preview: { headers: { ...isolation, ...noFraming }, port: 4173 },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['onnxruntime-web', '@huggingface/transformers'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: { main: 'index.html', ...(mode === 'harness' ? { harness: 'harness/workers.html', videoHarness: 'harness/video.html' } : {}) } as Record<string, string> },
  },
}));
