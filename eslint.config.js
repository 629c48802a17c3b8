import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layers, lowest first: core <- io <- pipeline (workers beside it) <- state <- ui (viewer beside state,
 * drawing core data only). A layer imports only layers below it; a lower layer reaches a higher one only
 * through an interface it defines (pipeline/report.ts's PipelineReporter, state/shareState.ts's ViewAccess).
 * docs/architecture.md draws the picture.
 */
const APP_DIRS = ['core', 'io', 'pipeline', 'state', 'viewer', 'ui'];
/** What each layer may not import (directories under src/, plus the workers/ folder). */
const FORBIDDEN = {
  io: ['pipeline', 'state', 'viewer', 'ui', 'workers'],
  pipeline: ['state', 'viewer', 'ui'],
  workers: ['state', 'viewer', 'ui'],
  state: ['viewer', 'ui'],
  viewer: ['io', 'pipeline', 'state', 'ui', 'workers'],
};
const dirPatterns = (dirs) => dirs.flatMap((d) => (d === 'workers' ? ['**/workers/*', '!**/src/**'] : [`../${d}/*`, `../../${d}/*`, `**/src/${d}/*`, `../../../${d}/*`]));
const layerRule = (layer, extra = []) => ['error', {
  patterns: [
    { group: dirPatterns(FORBIDDEN[layer]), message: `${layer} sits below ${FORBIDDEN[layer].join(', ')}: imports run downwards only (core <- io <- pipeline/workers <- state <- ui; docs/architecture.md).` },
    ...extra,
  ],
}];
const NO_UI_LIBS = { group: ['react', 'react-dom', 'zustand', 'zustand/*', 'three', 'three/*'], message: 'React, zustand and three belong to state, viewer and ui.' };

/**
 * Inside src/core, lowest first: shared shapes (math, camera, units), the scene data model (scene), the
 * geometry that fills it (geometry), the composition of both (build), then reasoning, language, evaluation
 * and synthesis. Tests may reach across (an integration test of geometry builds whole scenes).
 */
const CORE_ORDER = [['math', 'camera', 'units'], ['scene'], ['geometry'], ['build'], ['reason'], ['language'], ['eval'], ['synth']];
const CORE_PURE = [
  { group: ['three', 'three/*', 'react', 'react-dom', 'zustand', 'comlink', '@huggingface/*', 'onnxruntime-*', 'exifr', 'fast-png'], message: 'src/core is pure: no DOM, models, rendering or IO libraries.' },
  { group: APP_DIRS.filter((d) => d !== 'core').flatMap((d) => [`../${d}/*`, `**/${d}/*`]).concat(['../../workers/*']), message: 'src/core imports nothing of the app.' },
];
const coreRank = Object.fromEntries(CORE_ORDER.flatMap((dirs, i) => dirs.map((d) => [d, i])));
const coreLayerConfigs = Object.keys(coreRank).map((dir) => {
  const above = Object.keys(coreRank).filter((d) => coreRank[d] > coreRank[dir]);
  return {
    files: [`src/core/${dir}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...CORE_PURE,
          ...(above.length ? [{ group: above.map((d) => `../${d}/*`), message: `core/${dir} sits below ${above.join(', ')} inside src/core (eslint.config.js CORE_ORDER).` }] : []),
        ],
      }],
    },
  };
});

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
      'no-restricted-imports': ['error', { patterns: CORE_PURE }],
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'navigator', 'Worker', 'postMessage', 'fetch', 'localStorage'],
    },
  },
  ...coreLayerConfigs,
  { files: ['src/io/**/*.ts'], rules: { 'no-restricted-imports': layerRule('io', [NO_UI_LIBS]) } },
  { files: ['src/pipeline/**/*.ts'], rules: { 'no-restricted-imports': layerRule('pipeline', [NO_UI_LIBS]) } },
  { files: ['workers/**/*.ts'], rules: { 'no-restricted-imports': layerRule('workers', [NO_UI_LIBS]) } },
  { files: ['src/state/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': layerRule('state', [{ group: ['three', 'three/*'], message: 'three belongs to the viewer.' }]) } },
  { files: ['src/viewer/**/*.ts'], rules: { 'no-restricted-imports': layerRule('viewer') } },
);
