/**
 * `npm run eval -- --models` end to end: the built harness page in Debian Chromium runs the real depth and
 * mask workers (Transformers.js + onnxruntime-web, WASM) with the tiny generated models served from localhost,
 * on one annotated SUN RGB-D frame. The tiny depth model's depth is meaningless: structure is checked, not accuracy.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runModelsEval, serveStatic, type StaticServer } from './lib/evalModels';
import { ReportSchema } from './lib/evalSchema';
import { fixturesFor, REPO_ROOT } from './lib/fixtures';
import { writeTinyModels } from './lib/onnxTinyModels';

const dir = fixturesFor('npm run eval -- --models');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`[skip] no Chromium at ${chromiumPath}: the --models evaluation test is skipped`);

// Own build and model folders (git-ignored .cache): other runs may rebuild dist/ meanwhile.
const DIST = join(REPO_ROOT, '.cache', 'dist-eval-models');
const TINY = join(REPO_ROOT, '.cache', 'tiny-models-eval');

describe.skipIf(!dir || !hasChromium)('npm run eval -- --models (tiny models, Chromium)', () => {
  let models: StaticServer;
  beforeAll(async () => {
    writeTinyModels(TINY);
    models = await serveStatic(TINY);
  });
  afterAll(async () => {
    await models?.close();
  });

  it('runs one annotated frame through the depth and mask models and reports it like the oracle mode', async () => {
    const t0 = Date.now();
    const report = await runModelsEval(join(dir!, 'rgbd_index.json'), {
      host: models.url, models: 'tiny', device: 'wasm', distDir: DIST, chromiumPath, ids: ['sunrgbd_000001'], frameTimeoutMs: 90_000,
      log: (m) => console.log(`[eval --models] ${m}`),
    });
    const parsed = v.safeParse(ReportSchema, JSON.parse(JSON.stringify(report)));
    expect(parsed.success, JSON.stringify(parsed.issues?.[0]?.path?.map((p) => p.key))).toBe(true);
    expect(report.mode).toBe('models');
    expect(report.frames).toHaveLength(1);
    const f = report.frames[0];
    expect(f.error).toBeUndefined();
    expect(f.id).toBe('sunrgbd_000001');
    expect(f.depthModel).toBe('tiny/metric3d');
    expect(f.objects).toBe(6);
    expect(f.annotated).toBe(true);
    expect(f.points).toBeGreaterThan(1000);
    expect(Number.isFinite(f.gravityErrorDeg)).toBe(true);
    // objects carry the annotation ids, so every one is matched with its annotated 3D box
    expect(f.boxErrors).toHaveLength(6);
    expect(f.comparison).not.toBeNull();
    console.log(`[eval --models] ${f.objects} objects, gravity error ${f.gravityErrorDeg?.toFixed(1)} deg, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }, 240_000);
});
