import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.cache', 'out'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/state/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // src/core is pure: no DOM, no workers, no three, no React, no models, no `any`.
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['three', 'three/*', 'react', 'react-dom', 'zustand', 'comlink', '@huggingface/*', 'onnxruntime-*', 'exifr', 'fast-png'], message: 'src/core is pure: no DOM, models, rendering or IO libraries.' },
          { group: ['../ui/*', '../state/*', '../pipeline/*', '../viewer/*', '../io/*', '../../workers/*', '**/ui/*', '**/state/*', '**/pipeline/*', '**/viewer/*', '**/io/*'], message: 'src/core imports nothing of the app.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'navigator', 'Worker', 'postMessage', 'fetch', 'localStorage'],
    },
  },
);
