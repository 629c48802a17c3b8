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
 * connect-src also allows https: because a photo given as ?image=<public URL> (or a share link's photo URL)
 * is read with fetch(): the app needs its bytes for the EXIF focal length and the header checks that run
 * before decoding, which an <img> would not give. A meta policy covers the page; workers (same-origin
 * scripts) are not governed by it. Nothing here allows inline or eval'd script: 'wasm-unsafe-eval' only
 * lets WebAssembly compile.
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
  "img-src 'self' data: blob: https:",
  `connect-src 'self' ${MODEL_HOSTS.join(' ')} https:`,
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

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

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  server: { headers: isolation, port: 5173 },
  preview: { headers: isolation, port: 4173 },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['onnxruntime-web', '@huggingface/transformers'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    // harness/workers.html: the worker test/benchmark page (e2e/workers.spec.ts, scripts/bench-pipeline.ts).
    rollupOptions: { input: { main: 'index.html', harness: 'harness/workers.html' } },
  },
});
