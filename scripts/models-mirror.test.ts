import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mirrorModels } from './lib/mirror';
import type { Manifest, ModelEntry } from '../src/pipeline/manifest';

const root = resolve(import.meta.dirname, '..');

describe('models:mirror', () => {
  it('fails fast and clearly when the hub is unreachable (this machine is offline)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mirror-'));
    const t0 = Date.now();
    const r = spawnSync('npx', ['tsx', 'scripts/models-mirror.ts', dir, '--timeout', '5000'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    const elapsed = Date.now() - t0;
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Cannot reach the model host https:\/\/huggingface\.co\//);
    expect(r.stderr).toMatch(/copy the folder over|--host/);
    // tsx startup included; the network check itself is bounded by --timeout.
    expect(elapsed).toBeLessThan(30_000);
  });

  it('lays files out as <dir>/<owner>/<name>/<file> from a reachable host, and names a missing file', async () => {
    const served = new Map<string, string>([
      ['/acme/depth/resolve/main/config.json', '{"model_type":"metric3d"}'],
      ['/acme/depth/resolve/main/preprocessor_config.json', '{}'],
      ['/acme/depth/resolve/main/onnx/model.onnx', 'ONNX'],
      ['/acme/depth/resolve/main/onnx/model_fp16.onnx', 'ONNX16'],
    ]);
    const server = createServer((req, res) => {
      const body = served.get(req.url ?? '');
      res.writeHead(body === undefined && req.url !== '/' ? 404 : 200);
      res.end(body ?? '');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as { port: number }).port;
    const entry: ModelEntry = {
      id: 'acme/depth', revision: 'main', family: 'metric3d', files: ['config.json', 'preprocessor_config.json'], approxBytes: 0,
      dtype: { webgpuF16: { model: 'fp16' }, webgpu: { model: 'fp32' }, wasm: { model: 'fp32' } },
    };
    const manifest = { depth: entry, objects: entry, masks: entry, filter: entry, vlm: entry } as Manifest;
    try {
      const dir = mkdtempSync(join(tmpdir(), 'mirror-'));
      const r = await mirrorModels({ dir, manifest, host: `http://127.0.0.1:${port}/` });
      expect(readFileSync(join(dir, 'acme/depth/onnx/model_fp16.onnx'), 'utf8')).toBe('ONNX16');
      expect(readFileSync(join(dir, 'acme/depth/config.json'), 'utf8')).toContain('metric3d');
      expect(existsSync(join(dir, 'spatiallens-manifest.json'))).toBe(true);
      expect(r.files).toBeGreaterThanOrEqual(4);

      const broken = { ...manifest, depth: { ...entry, id: 'acme/missing' } };
      await expect(mirrorModels({ dir: mkdtempSync(join(tmpdir(), 'mirror-')), manifest: broken, host: `http://127.0.0.1:${port}/` }))
        .rejects.toThrow(/acme\/missing\/config\.json failed: HTTP 404/);
    } finally {
      server.close();
    }
  });
});
