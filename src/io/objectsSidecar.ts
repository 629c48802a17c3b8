/**
 * `<photo>.objects.json`: the 2D boxes a research dataset already has, so photos need no detector.
 * `[{ "caption": "chair", "box": [x0, y0, x1, y1] }]`, pixels of the photo as stored (docs/formats.md,
 * "Dataset export inputs"). Pure: text in, boxes out, errors a person can act on.
 */
import * as v from 'valibot';
import type { Box2D } from '../core/scene/types';

const Finite = v.pipe(v.number(), v.finite());
const SidecarSchema = v.pipe(
  v.array(v.object({ caption: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)), box: v.tuple([Finite, Finite, Finite, Finite]) })),
  v.maxLength(500),
);

export interface SidecarObject {
  id: string;
  caption: string;
  box2d: Box2D;
}

export class SidecarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SidecarError';
  }
}

/**
 * Boxes in the photo's pixels (`width` x `height`) scaled to the working image (`toWidth` x `toHeight`),
 * clamped to it; a box with no area after clamping is an error (it names nothing in the photo).
 */
export function parseSidecar(text: string, name: string, size: { width: number; height: number }, to = size): SidecarObject[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new SidecarError(`${name}: not valid JSON`);
  }
  const r = v.safeParse(SidecarSchema, raw);
  if (!r.success) {
    const issue = r.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new SidecarError(`${name}: expected [{caption, box: [x0, y0, x1, y1]}]${where ? ` (at ${where})` : ''}: ${issue.message}`);
  }
  const sx = to.width / size.width;
  const sy = to.height / size.height;
  return r.output.map((o, i) => {
    const [a, b, c, d] = o.box;
    const x0 = Math.max(0, Math.min(a, c) * sx);
    const x1 = Math.min(to.width, Math.max(a, c) * sx);
    const y0 = Math.max(0, Math.min(b, d) * sy);
    const y1 = Math.min(to.height, Math.max(b, d) * sy);
    if (!(x1 - x0 >= 1 && y1 - y0 >= 1)) throw new SidecarError(`${name}: box ${i + 1} ("${o.caption}") lies outside the ${size.width} × ${size.height} photo`);
    return { id: `obj-${i + 1}`, caption: o.caption, box2d: { x0, y0, x1, y1 } };
  });
}
