/**
 * Real RGB-D frames from ../shared/fixtures (never copied into the repo): every frame lifts and
 * canonicalizes; SUN RGB-D gravity and boxes, KITTI ground and pedestrian against their annotations.
 */
import { describe, expect, it } from 'vitest';
import { loadKittiObjects, loadSunrgbdAnnotations, sunGravityUpInCamera, sunUprightToCamera, sunVisiblePartBox } from '../../../scripts/lib/annotations';
import { fixturesFor, loadRgbdFrame, loadRgbdIndex, type RgbdFrame } from '../../../scripts/lib/fixtures';
import type { Intrinsics } from '../camera/intrinsics';
import type { CanonicalFrame } from '../scene/types';
import { canonicalize } from './canonicalize';
import { liftDepth } from './lift';
import { objects3d } from './objects3d';
import { add, angleBetween, mulMatVec, type Vec3 } from './vec';

const dir = fixturesFor('geometry fixtures');

const DEG = 180 / Math.PI;
/** Frames whose index says "intrinsics unknown" get the PrimeSense default Open3D uses for them. */
const intrinsicsOf = (f: RgbdFrame): Intrinsics =>
  f.intrinsics ?? { fx: 525, fy: 525, cx: 319.5, cy: 239.5, width: f.depth.width, height: f.depth.height };
const upOf = (fr: CanonicalFrame): Vec3 => [fr.rotation[3], fr.rotation[4], fr.rotation[5]];
const toCanon = (fr: CanonicalFrame, p: Vec3): Vec3 => add(mulMatVec(fr.rotation, p), fr.translation);

describe.skipIf(!dir)('real RGB-D fixtures', () => {
  const index = dir ? loadRgbdIndex() : [];

  it('every frame lifts and canonicalizes', async () => {
    const rows: string[] = [];
    for (const entry of index) {
      const f = await loadRgbdFrame(entry);
      const cloud = liftDepth(f.depth, intrinsicsOf(f), { stride: 2 });
      expect(cloud.count, entry.id).toBeGreaterThan(1000);
      const fr = canonicalize(cloud);
      const R = fr.rotation;
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 3; j++) {
          const d = R[i * 3] * R[j * 3] + R[i * 3 + 1] * R[j * 3 + 1] + R[i * 3 + 2] * R[j * 3 + 2];
          expect(d).toBeCloseTo(i === j ? 1 : 0, 6);
        }
      expect(Number.isFinite(fr.cameraHeight) && fr.cameraHeight >= 0).toBe(true);
      rows.push(`${entry.id.padEnd(28)} ${String(cloud.count).padStart(7)} pts  ${fr.method.padEnd(13)} h=${fr.cameraHeight.toFixed(2)} m  tilt=${(angleBetween(upOf(fr), [0, -1, 0]) * DEG).toFixed(1)} deg`);
    }
    console.log(`[geometry fixtures] canonical frames:\n${rows.join('\n')}`);
  });

  const sun = index.find((e) => e.id.startsWith('sunrgbd'));
  it.skipIf(!sun)('SUN RGB-D: up within 5 deg of gravity; boxes from depth in each 2D box vs annotation', async () => {
    const f = await loadRgbdFrame(sun!);
    const ann = loadSunrgbdAnnotations(sun!);
    const K = intrinsicsOf(f);
    const fr = canonicalize(liftDepth(f.depth, K, { stride: 2 }));
    const err = angleBetween(upOf(fr), sunGravityUpInCamera(ann.Rtilt)) * DEG;
    console.log(`[geometry fixtures] SUN RGB-D up-vector error ${err.toFixed(2)} deg (${fr.method})`);
    expect(fr.method).toBe('support-plane');
    expect(err).toBeLessThan(5);

    const { objects } = objects3d(ann.boxes.map((b, i) => ({ id: String(i), caption: b.label, box2d: b.box2d })), { depth: f.depth, intrinsics: K, frame: fr });
    // The annotations are amodal: they include what the camera does not see. The "visible part" column is
    // the best box a method that boxes the object's visible points can build (the depth points inside the
    // annotated box itself, boxed in its own axes). Where even that misses the targets, the box cannot be
    // met without guessing the hidden part (a size prior per class, which this project does not do):
    // night_stand (80% hidden behind the bed: 0.19 m of its 0.97 m height is seen), dresser (cut by three
    // image edges; its side is not seen: 0.26 m of 0.71 m deep), lamp (the annotated box is 0.64 m wide,
    // the lamp 0.22 m). These are checked to stay out of reach, so the exemption cannot hide a regression
    // of a box that could be met. Every other box must meet the targets.
    const OUT_OF_REACH = new Set(['night_stand', 'dresser', 'lamp']);
    const rows = ['label            centre err   ours (x,y,z)            true (x,y,z)            sizes ours / true (horiz sorted, height)   verdict        visible part (best possible)'];
    const failures: string[] = [];
    const reachable: string[] = [];
    const sortedSizes = (v: readonly number[]) => [...[v[0], v[1]].sort((x, y) => x - y), v[2]];
    objects.forEach((o, i) => {
      const b = ann.boxes[i];
      const c = toCanon(fr, sunUprightToCamera(b.centerUpright, ann.Rtilt));
      const e = Math.hypot(o.obb.center[0] - c[0], o.obb.center[1] - c[1], o.obb.center[2] - c[2]);
      const ours = sortedSizes([o.obb.size[0], o.obb.size[2], o.obb.size[1]]);
      const truth = sortedSizes(b.size);
      const worstOf = (v: number[]) => Math.max(...v.map((s2, k) => Math.abs(s2 / truth[k] - 1)));
      const worst = worstOf(ours);
      const ok = e < 0.15 && worst < 0.25;
      const best = sunVisiblePartBox(f.depth, K, b, ann.Rtilt);
      const bestWorst = worstOf(sortedSizes(best.size));
      const bestOk = best.centreError < 0.15 && bestWorst < 0.25;
      if (OUT_OF_REACH.has(b.label) && bestOk) reachable.push(b.label);
      const verdict = ok ? 'ok' : OUT_OF_REACH.has(b.label) ? 'FAIL (out of reach)' : 'FAIL';
      if (!ok && !OUT_OF_REACH.has(b.label)) failures.push(b.label);
      const f3 = (v: number[]) => v.map((x) => x.toFixed(2).padStart(6)).join(',');
      rows.push(`${b.label.padEnd(16)} ${(e * 100).toFixed(0).padStart(6)} cm  ${f3(o.obb.center)}   ${f3(c)}   ${f3(ours)} / ${f3(truth)}  (worst ${(worst * 100).toFixed(0)}%)  ${verdict.padEnd(20)} ${(best.centreError * 100).toFixed(0).padStart(3)} cm, worst ${(bestWorst * 100).toFixed(0)}% (${best.points} px)`);
    });
    console.log(`[geometry fixtures] SUN RGB-D boxes (targets: centre < 15 cm, sizes within 25%):\n${rows.join('\n')}`);
    expect(failures).toEqual([]);
    expect(reachable, 'a box listed as out of reach can be met from the depth: fix it or list it as a gap').toEqual([]);
  });

  const kitti = index.find((e) => e.id.startsWith('kitti_object'));
  it.skipIf(!kitti)('KITTI object: ground up within 5 deg of camera -y; object centres within 50 cm (sparse LiDAR)', async () => {
    const f = await loadRgbdFrame(kitti!);
    const K = intrinsicsOf(f);
    let valid = 0;
    for (const z of f.depth.data) if (z > 0) valid++;
    const cloud = liftDepth(f.depth, K);
    // sparse depth: the flying-pixel filter must leave almost everything
    expect(cloud.count).toBeGreaterThan(0.9 * valid);
    const fr = canonicalize(cloud);
    const tilt = angleBetween(upOf(fr), [0, -1, 0]) * DEG;
    expect(fr.method).toBe('support-plane');
    expect(tilt).toBeLessThan(5);
    const { calib, objects: labels } = loadKittiObjects(kitti!);
    expect(labels.length).toBeGreaterThan(0);
    const { objects } = objects3d(labels.map((l, i) => ({ id: String(i), caption: l.type, box2d: l.box2d })), { depth: f.depth, intrinsics: K, frame: fr });
    const rows: string[] = [];
    objects.forEach((o, i) => {
      const l = labels[i];
      // label location is the bottom centre in rectified cam0; centerCam2 is the box centre in cam2
      const c = toCanon(fr, l.centerCam2);
      const e = Math.hypot(o.obb.center[0] - c[0], o.obb.center[1] - c[1], o.obb.center[2] - c[2]);
      rows.push(`${l.type.padEnd(12)} ${o.pointCount} pts  centre err ${(e * 100).toFixed(0)} cm  ours ${o.obb.center.map((v) => v.toFixed(2))}  true ${c.map((v) => v.toFixed(2))}`);
      expect(e, l.type).toBeLessThan(0.5);
    });
    console.log(`[geometry fixtures] KITTI: ${valid} depth pixels, ${cloud.count} kept; camera height ${fr.cameraHeight.toFixed(2)} m, up tilt ${tilt.toFixed(2)} deg; cam0->cam2 x ${calib.cam0ToCam2[0].toFixed(3)} m\n${rows.join('\n')}`);
  });
});
