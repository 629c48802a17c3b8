import { describe, expect, it } from 'vitest';
import { compareScenes, mergeComparisons, share } from '../../src/core/eval/compare';
import { fixturesFor, loadRgbdIndex } from './fixtures';
import { buildFixtureScene, loadAnnotatedFrame, truthScene } from './groundTruth';

const dir = fixturesFor('relation agreement on real frames');

describe.skipIf(!dir)('relations from real depth agree with the annotated 3D boxes', () => {
  it('SUN RGB-D and KITTI: >= 90% of object pairs agree', async () => {
    const entries = loadRgbdIndex().filter((e) => e.has_3d_boxes);
    expect(entries.length).toBeGreaterThanOrEqual(2);
    const comps = [];
    for (const e of entries) {
      const af = await loadAnnotatedFrame(e);
      const truth = truthScene(af);
      expect(truth).not.toBeNull();
      const ours = buildFixtureScene(af).scene;
      const c = compareScenes(ours, truth!);
      comps.push(c);
      const rows = Object.entries(c.qualitative).map(([k, t]) => `${k} ${t.correct}/${t.total}`);
      console.log(`[agreement] ${e.id}: ${rows.join(', ')}`);
    }
    const all = mergeComparisons(comps);
    let correct = 0, total = 0;
    for (const t of Object.values(all.qualitative)) { correct += t.correct; total += t.total; }
    console.log(`[agreement] per type: ${Object.entries(all.qualitative).map(([k, t]) => `${k} ${(100 * share(t)).toFixed(0)}%`).join(', ')}`);
    console.log(`[agreement] overall: ${correct}/${total} = ${(100 * correct / total).toFixed(1)}% (truth ties skipped: ${all.truthTies})`);
    expect(correct / total).toBeGreaterThanOrEqual(0.9);
  });
});
