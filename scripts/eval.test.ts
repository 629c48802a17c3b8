import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturesFor } from './lib/fixtures';
import { ReportSchema } from './lib/evalSchema';
import { runEval } from './lib/runEval';

const dir = fixturesFor('npm run eval');

describe.skipIf(!dir)('npm run eval on the fixtures', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'spatiallens-eval-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('evaluates every frame and writes a report that validates against its schema', async () => {
    const report = await runEval(join(dir!, 'rgbd_index.json'));
    const parsed = v.safeParse(ReportSchema, JSON.parse(JSON.stringify(report)));
    expect(parsed.success, JSON.stringify(parsed.issues?.[0]?.path?.map((p) => p.key))).toBe(true);
    expect(report.frames.filter((f) => f.error)).toEqual([]);
    expect(report.summary.frames).toBe(8);
    expect(report.summary.annotated_frames).toBe(2);
    expect(report.summary.questions).toBeGreaterThan(100);
    expect(report.summary.swap_invariance).toBe(1);
    expect(report.summary.gravity_error_deg_median).toBeLessThan(5);
    console.log('[eval] summary', JSON.stringify(report.summary));
  });

  /** A copy of the fixtures (outside the repo) with one SUN RGB-D file altered, and an index of that frame. */
  function corruptedCopy(edit: (ann: Record<string, unknown>) => void): string {
    const root = mkdtempSync(join(tmp, 'c-'));
    cpSync(join(dir!, 'rgbd', 'sunrgbd_mmdet3d'), join(root, 'fixtures', 'rgbd', 'sunrgbd_mmdet3d'), { recursive: true });
    const annPath = join(root, 'fixtures', 'rgbd', 'sunrgbd_mmdet3d', '000001', 'annotations.json');
    const ann = JSON.parse(readFileSync(annPath, 'utf8'));
    edit(ann);
    writeFileSync(annPath, JSON.stringify(ann));
    const index = JSON.parse(readFileSync(join(dir!, 'rgbd_index.json'), 'utf8')).filter((e: { id: string }) => e.id === 'sunrgbd_000001');
    edit({ Rtilt: index[0].gravity_Rtilt });
    writeFileSync(join(root, 'fixtures', 'rgbd_index.json'), JSON.stringify(index));
    return join(root, 'fixtures', 'rgbd_index.json');
  }

  it('the metrics can fail: mirrored annotated boxes drop the qualitative accuracy', async () => {
    const clean = await runEval(corruptedCopy(() => {}));
    const mirrored = await runEval(corruptedCopy((ann) => {
      for (const o of (ann.objects ?? []) as { center_upright_m: number[] }[]) o.center_upright_m[0] = -o.center_upright_m[0];
    }));
    console.log(`[eval] qualitative accuracy clean ${clean.summary.qualitative_accuracy.toFixed(3)}, mirrored ${mirrored.summary.qualitative_accuracy.toFixed(3)}`);
    expect(mirrored.summary.qualitative_accuracy).toBeLessThan(clean.summary.qualitative_accuracy - 0.1);
    expect(mirrored.summary.box_centre_error_m_median!).toBeGreaterThan(clean.summary.box_centre_error_m_median!);
  });

  it('the metrics can fail: a tilted gravity annotation raises the gravity error', async () => {
    const clean = await runEval(corruptedCopy(() => {}));
    const c = Math.cos(0.35), s = Math.sin(0.35);
    const tilted = await runEval(corruptedCopy((ann) => {
      // Rotate the stated gravity by 20 degrees about the camera's forward axis.
      const R = ann.Rtilt as number[][];
      const rot = [[c, 0, -s], [0, 1, 0], [s, 0, c]];
      const out = rot.map((row) => [0, 1, 2].map((j) => row.reduce((acc, r, k) => acc + r * R[k][j], 0)));
      for (let i = 0; i < 3; i++) R[i] = out[i];
    }));
    console.log(`[eval] gravity error clean ${clean.summary.gravity_error_deg_median?.toFixed(2)} deg, tilted ${tilted.summary.gravity_error_deg_median?.toFixed(2)} deg`);
    expect(tilted.summary.gravity_error_deg_median!).toBeGreaterThan(clean.summary.gravity_error_deg_median! + 10);
  });
});
