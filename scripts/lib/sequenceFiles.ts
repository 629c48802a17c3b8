/**
 * A rendered RGB-D sequence as the files a person would pick (photos, depth PNGs in mm, sidecars,
 * intrinsics.json), in memory: the can-and-orange scene of src/core/testing/sequenceScene.ts. Used by the
 * Sequence e2e test and the README screenshot script.
 */
import { encode } from 'fast-png';
import { renderSyntheticScene } from '../../src/core/testing/syntheticScene';
import { canAndOrangeObjects } from '../../src/core/testing/sequenceScene';
import { encodeDepthPng } from '../../src/io/depthFile';

export interface PickedFile { name: string; mimeType: string; buffer: Buffer }

export function renderedSequenceFiles(frames: number, occluded: ReadonlySet<number>, size = { width: 320, height: 240 }): PickedFile[] {
  const files: PickedFile[] = [];
  let K = { fx: 0, cx: 0, cy: 0 };
  for (let f = 0; f < frames; f++) {
    const r = renderSyntheticScene({ image: size, camera: { height: 1.4, pitchDeg: 25 }, objects: canAndOrangeObjects(f, occluded) });
    K = r.intrinsics;
    const stem = `frame_${String(f).padStart(2, '0')}`;
    files.push({ name: `${stem}_rgb.png`, mimeType: 'image/png', buffer: Buffer.from(encode({ width: size.width, height: size.height, data: r.rgb.data, channels: 4, depth: 8 })) });
    files.push({ name: `${stem}_depth.png`, mimeType: 'image/png', buffer: Buffer.from(encodeDepthPng(r.depth, 0.001)) });
    const boxes = r.objects.filter((o) => o.visiblePixels > 30).map((o) => ({ caption: o.caption, box: [o.box2d.x0, o.box2d.y0, o.box2d.x1, o.box2d.y1] }));
    files.push({ name: `${stem}_rgb.objects.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(boxes)) });
  }
  files.push({ name: 'intrinsics.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ fx: K.fx, fy: K.fx, cx: K.cx, cy: K.cy, depth_scale: 1000 })) });
  return files;
}
