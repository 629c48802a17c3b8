/**
 * onnxruntime-web's wasm runtime from the app's own bundle (Vite `?url` imports), never a CDN:
 * Transformers.js otherwise points ORT at jsDelivr.
 */
import wasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import mjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';

export const BUNDLED_ORT_WASM = { wasm, mjs } as const;
