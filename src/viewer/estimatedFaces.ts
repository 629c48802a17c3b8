/**
 * The amodal box's estimated faces, dashed: the edges of the completed box (obb) on a face that does not lie
 * on the box of what was seen (amodal.visibleObb), and those running along an estimated extent. The seen box is drawn solid beside it.
 */
import * as THREE from 'three';
import type { SceneObject } from '../core/scene/types';

/** A face moved by more than this (metres) from the seen box's face is estimated. */
const MOVED_M = 0.01;

export function estimatedFaceLines(o: SceneObject, color: THREE.Color): THREE.LineSegments | null {
  const a = o.amodal;
  if (!a || !a.estimated.some((e) => e !== null)) return null;
  const { center: c, size: s, yaw } = o.obb;
  const v = a.visibleObb;
  const ax = [Math.cos(yaw), 0, -Math.sin(yaw)], az = [Math.sin(yaw), 0, Math.cos(yaw)];
  const axes = [ax, [0, 1, 0], az];
  // per axis and side (-1, +1): is that face estimated? (compare signed face offsets along the axis)
  const along = (p: readonly number[], u: number[]) => p[0] * u[0] + p[1] * u[1] + p[2] * u[2];
  const moved = (k: number, side: number) =>
    Math.abs(along(c, axes[k]) + (side * s[k]) / 2 - (along(v.center, axes[k]) + (side * v.size[k]) / 2)) > MOVED_M;
  const corner = (sx: number, sy: number, sz: number) => new THREE.Vector3(
    c[0] + (ax[0] * sx * s[0] + az[0] * sz * s[2]) / 2,
    c[1] + (sy * s[1]) / 2,
    c[2] + (ax[2] * sx * s[0] + az[2] * sz * s[2]) / 2,
  );
  const pts: THREE.Vector3[] = [];
  // the 12 edges: along each axis k, the 4 with the other two signs fixed; dashed when on an estimated
  // face, or running along an estimated extent
  for (let k = 0; k < 3; k++)
    for (const p of [-1, 1])
      for (const q of [-1, 1]) {
        const [i, j] = [0, 1, 2].filter((x) => x !== k);
        if (!moved(i, p) && !moved(j, q) && !a.estimated[k]) continue;
        const sg = (axis: number, t: number) => (axis === k ? t : axis === i ? p : q);
        pts.push(corner(sg(0, -1), sg(1, -1), sg(2, -1)), corner(sg(0, 1), sg(1, 1), sg(2, 1)));
      }
  if (!pts.length) return null;
  const lines = new THREE.LineSegments(new THREE.BufferGeometry().setFromPoints(pts), new THREE.LineDashedMaterial({ color, dashSize: 0.06, gapSize: 0.04 }));
  lines.computeLineDistances();
  lines.name = `estimated-faces-${o.id}`;
  return lines;
}
