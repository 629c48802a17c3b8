import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation lets onnxruntime-web use SharedArrayBuffer (threaded wasm).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
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
