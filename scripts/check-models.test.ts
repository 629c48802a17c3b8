import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { depthMetrics } from './lib/checkModels';

describe('npm run check:models', () => {
  it('stops at once with "unreachable" and exit code 2 when the model host cannot be reached', async () => {
    // a port that was free a moment ago: nothing listens there
    const port = await new Promise<number>((ok) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => ok(p)); }); });
    const r = spawnSync('npx', ['tsx', 'scripts/check-models.ts', '--model-host', `http://127.0.0.1:${port}/`, '--timeout', '2000'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/model host http:\/\/127\.0\.0\.1:\d+\/ unreachable/);
    expect(r.stderr).toMatch(/models:mirror/);
  }, 70_000);

  it('depth scale is the median ratio over pixels with true depth; AbsRel their mean relative error', () => {
    const truth = { width: 4, height: 2, data: Float32Array.of(1, 2, 0, 4, 1, 2, 3, 4) };
    const pred = { width: 2, height: 1, data: Float32Array.of(2, 2) };
    // map pixel (0,0) samples truth (1,0)=2, pixel (1,0) samples truth (3,0)=4
    const m = depthMetrics(pred, truth);
    expect(m.scale).toBeCloseTo(1, 6);
    expect(m.absRel).toBeCloseTo((0 + 0.5) / 2, 6);
  });
});
