/**
 * Quantitative answers: between two objects (distances, direction, "how much more to the left") and of one
 * object (width, height, depth).
 *
 * - distance: between OBB centres (3D); the closest-surface gap (boxes as vertical prisms) is said beside it
 *   when it differs from the centre distance by more than GAP_REPORT_M.
 * - horizontal distance: centres in the XZ plane; vertical distance: centre heights along +Y, with the gap
 *   between the upper one's bottom and the lower one's top beside it.
 * - direction: stand at A facing the camera (horizontally, towards the camera's position; straight back along
 *   the view axis when A is right under the camera). 12 o'clock is straight ahead of you, i.e. towards the
 *   camera; 3 o'clock is your right, which is the camera's LEFT (facing the camera mirrors left and right).
 * - how_much_left/above/behind: signed difference, positive when A is more left/above/behind than B; `choice`
 *   is the one that is more so (absent inside the tie band). how_much_taller/wider: the same for the two
 *   heights or widths, with the comparison's uncertainty (estimated extents carry their prior's spread).
 * - width = larger horizontal extent of the OBB footprint, depth = the smaller, height along +Y.
 * Extent errors are taken equal to the object's position error (uncertainty.ts).
 */
import type { Vec3 } from '../geometry/vec';
import { cross, distance, dot, normalize } from '../geometry/vec';
import type { SceneGraph, SceneObject } from '../scene/types';
import type { Answer, Quantity, Visual } from './answer';
import type { Query, Relation } from './query';
import { boxGap, depthOf, heightOf, obbAxes, widthOf, widthSegment } from './boxGeometry';
import { type Ctx, finish, lengthTieBand, measurementConfidence, comparisonConfidence } from './context';
import { compare, RELATION_FAMILY, relationVisuals } from './relations';
import { extentAsAsked, phrase, label, relationWords } from './templates';
import { UP } from './viewpoint';

export const GAP_REPORT_M = 0.05;
/**
 * Closest surfaces nearer than this touch: a box from depth cannot place a face to better than a few
 * millimetres, and "0.009 cm apart" (a mug's box on a table's, 0.09 mm) says less than "they touch".
 */
export const TOUCH_M = 0.005;
/** Below this horizontal offset, B is "directly above/below" A (or at the same spot), reported as 12 o'clock. */
export const OVERHEAD_M = 0.02;

type PairQuery = Extract<Query, { type: 'pair' }>;
type SizeQuery = Extract<Query, { type: 'size' }>;

export const centreDistance = (a: SceneObject, b: SceneObject): number => distance(a.obb.center, b.obb.center);
export const horizontalDistance = (a: SceneObject, b: SceneObject): number =>
  Math.hypot(a.obb.center[0] - b.obb.center[0], a.obb.center[2] - b.obb.center[2]);

export interface ClockDirection {
  clock: number;
  /** compact words: 'ahead', 'front-right', 'right', 'back-right', 'behind', 'back-left', 'left', 'front-left' */
  words: string;
  /** the same in a phrase: "ahead and to your right" */
  phrase: string;
  /** clockwise angle from straight ahead, radians in (-pi, pi] */
  angle: number;
  horizontal: number;
}

const SECTORS: ReadonlyArray<[string, string]> = [
  ['ahead', 'straight ahead of you'],
  ['front-right', 'ahead and to your right'],
  ['right', 'to your right'],
  ['back-right', 'behind you to the right'],
  ['behind', 'behind you'],
  ['back-left', 'behind you to the left'],
  ['left', 'to your left'],
  ['front-left', 'ahead and to your left'],
];

/** Where `to` is for someone standing at `from` facing the camera at `eye` (viewing direction `forward`). */
export function clockDirection(from: Vec3, to: Vec3, eye: Vec3, forward: Vec3): ClockDirection {
  let facing: Vec3 = [eye[0] - from[0], 0, eye[2] - from[2]];
  facing = Math.hypot(facing[0], facing[2]) > 1e-6 ? normalize(facing) : normalize([-forward[0], 0, -forward[2]]);
  const right = cross(facing, UP);
  const v: Vec3 = [to[0] - from[0], 0, to[2] - from[2]];
  const angle = Math.atan2(dot(v, right), dot(v, facing));
  const hour = ((Math.round(angle / (Math.PI / 6)) % 12) + 12) % 12;
  const sector = ((Math.round(angle / (Math.PI / 4)) % 8) + 8) % 8;
  return {
    clock: hour === 0 ? 12 : hour,
    words: SECTORS[sector][0],
    phrase: SECTORS[sector][1],
    angle,
    horizontal: Math.hypot(v[0], v[2]),
  };
}

const HOW_MUCH_RELATION: Readonly<Record<Exclude<PairQuery['measure'], 'distance' | 'horizontal_distance' | 'vertical_distance' | 'direction'>, Relation>> = {
  how_much_left: 'left',
  how_much_above: 'above',
  how_much_behind: 'behind',
  how_much_taller: 'taller',
  how_much_wider: 'wider',
};

/** What every pair measure starts from: both objects, their names and centres, the highlight. */
interface PairCtx {
  ctx: Ctx;
  query: PairQuery;
  a: SceneObject;
  b: SceneObject;
  na: string;
  nb: string;
  ca: Vec3;
  cb: Vec3;
  highlight: Visual;
}

type PairMeasureFn = (p: PairCtx) => Answer;

function answerDistance({ ctx, query, a, b, na, nb, ca, cb, highlight }: PairCtx): Answer {
  const value = centreDistance(a, b);
  // A 3D distance does not depend on which way is up: no frame penalty, horizontal errors.
  const sigma = Math.hypot(ctx.sigmaH(a), ctx.sigmaH(b));
  const gap = boxGap(a.obb, b.obb);
  const text = ctx.fmt(value, sigma);
  const visuals: Visual[] = [highlight, { kind: 'line', from: ca, to: cb, label: text }];
  const quantities: Quantity[] = [{ label: label('qDistance', { a: na, b: nb }), value, unit: 'm', uncertainty: sigma }];
  let sentence = phrase('distance', ctx.seed, { a: na, b: nb, value: text });
  if (value - gap.distance > GAP_REPORT_M) {
    const gapText = ctx.fmt(gap.distance, sigma);
    quantities.push({ label: label('qGap', { a: na, b: nb }), value: gap.distance, unit: 'm', uncertainty: sigma });
    const apart = gap.distance >= TOUCH_M;
    if (apart) visuals.push({ kind: 'line', from: gap.onA, to: gap.onB, label: gapText });
    const suffix = apart ? phrase('gapSuffix', ctx.seed, { gap: gapText }) : phrase('touchSuffix', ctx.seed, {});
    sentence = sentence.replace(/\.$/, '') + suffix + '.';
  }
  return finish(ctx, { query, value, unit: 'm', evidence: { objects: [a.id, b.id], quantities, visuals } },
    sentence, measurementConfidence(value, sigma), [a, b], false);
}

function answerHorizontal({ ctx, query, a, b, na, nb, ca, cb, highlight }: PairCtx): Answer {
  const value = horizontalDistance(a, b);
  const sigma = Math.hypot(ctx.sigmaH(a), ctx.sigmaH(b));
  const text = ctx.fmt(value, sigma);
  const y = Math.min(ca[1], cb[1]);
  return finish(ctx, {
    query, value, unit: 'm',
    evidence: {
      objects: [a.id, b.id],
      quantities: [{ label: label('qHorizontal', { a: na, b: nb }), value, unit: 'm', uncertainty: sigma }],
      visuals: [highlight, { kind: 'line', from: [ca[0], y, ca[2]], to: [cb[0], y, cb[2]], label: text }],
    },
  }, phrase('horizontal_distance', ctx.seed, { a: na, b: nb, value: text }), measurementConfidence(value, sigma), [a, b], false);
}

function answerVertical({ ctx, query, a, b, na, nb, ca, cb, highlight }: PairCtx): Answer {
  const value = Math.abs(ca[1] - cb[1]);
  const sigma = Math.hypot(ctx.sigmaV(a), ctx.sigmaV(b));
  const text = ctx.fmt(value, sigma);
  const [upper, lower] = ca[1] >= cb[1] ? [a, b] : [b, a];
  const band = lengthTieBand(heightOf(a), heightOf(b));
  const vgap = upper.obb.center[1] - upper.obb.size[1] / 2 - (lower.obb.center[1] + lower.obb.size[1] / 2);
  const vars = { a: na, b: nb, value: text, upper: ctx.name(upper), lower: ctx.name(lower), gap: ctx.fmt(vgap, sigma) };
  let sentence = phrase(value <= band ? 'verticalTie' : 'vertical_distance', ctx.seed, vars);
  if (value > band) {
    if (Math.abs(vgap) < 0.02) sentence += ' ' + phrase('verticalLevelNote', ctx.seed, vars);
    else if (vgap > 0) sentence += ' ' + phrase('verticalGapNote', ctx.seed, vars);
  }
  const top = upper.obb.center;
  return finish(ctx, {
    query, value, unit: 'm',
    evidence: {
      objects: [a.id, b.id],
      quantities: [
        { label: label('qVertical', vars), value, unit: 'm', uncertainty: sigma },
        { label: label('qVerticalGap', vars), value: vgap, unit: 'm', uncertainty: sigma },
      ],
      visuals: [highlight, { kind: 'height-bar', base: [top[0], lower.obb.center[1], top[2]], top, label: text }],
    },
  }, sentence, measurementConfidence(value, sigma), [a, b], true);
}

function answerDirection({ ctx, query, a, b, na, nb, ca, cb, highlight }: PairCtx): Answer {
  const d = clockDirection(ca, cb, ctx.view.eye, ctx.view.forward);
  const dy = cb[1] - ca[1];
  // With no horizontal offset the clock angle is float noise: say above / below / same spot instead.
  const overhead = d.horizontal < OVERHEAD_M;
  const same = overhead && Math.abs(dy) <= OVERHEAD_M;
  const sentence = same
    ? phrase('directionSame', ctx.seed, { a: na, b: nb })
    : overhead
      ? phrase('directionOverhead', ctx.seed, { a: na, b: nb, updown: dy > 0 ? 'above' : 'below' })
      : phrase('direction', ctx.seed, { a: na, b: nb, clock: d.clock, words: d.phrase });
  const words = same ? 'same spot' : overhead ? (dy > 0 ? 'above' : 'below') : d.words;
  if (overhead) d.clock = 12;
  const sigma = Math.hypot(ctx.sigmaH(a), ctx.sigmaH(b));
  // One clock hour is 30 degrees: how sure the hour is depends on the lateral error at that distance.
  const geometric = 1 / (1 + sigma / Math.max(d.horizontal * Math.tan(Math.PI / 12), 0.01));
  return finish(ctx, {
    query, value: d.clock, unit: 'clock', direction: { clock: d.clock, words },
    evidence: {
      objects: [a.id, b.id],
      quantities: [
        { label: label('qClock', { a: na, b: nb }), value: d.clock, unit: 'clock' },
        { label: label('qClockAngle', { a: na, b: nb }), value: (d.angle * 180) / Math.PI, unit: 'deg', technical: true },
        { label: label('qHorizontal', { a: na, b: nb }), value: d.horizontal, unit: 'm', uncertainty: sigma },
      ],
      visuals: [highlight, { kind: 'arrow', from: ca, to: cb, label: `${d.clock} o'clock` }],
    },
  }, sentence, geometric, [a, b], false);
}

function answerHowMuch({ ctx, query, a, b, na, nb, ca, cb, highlight }: PairCtx): Answer {
  const relation = HOW_MUCH_RELATION[query.measure as keyof typeof HOW_MUCH_RELATION];
  const c = compare(ctx, relation, a, b);
  const { family } = RELATION_FAMILY[relation];
  const extent = family === 'height' ? 'height' : family === 'width' ? 'width' : undefined;
  const vertical = relation === 'above' || extent === 'height';
  // two extents differ by what each is known to: an estimated side carries its prior's spread (the comparison's sigma)
  const sigma = extent && c.sigma > 0 ? c.sigma : vertical ? Math.hypot(ctx.sigmaV(a), ctx.sigmaV(b)) : Math.hypot(ctx.sigmaH(a), ctx.sigmaH(b));
  const text = ctx.fmt(Math.abs(c.diff), sigma);
  const w = relationWords(relation, query.long);
  const base: Omit<Answer, 'confidence' | 'caveats' | 'sentence'> = {
    query, value: c.diff === 0 ? 0 : c.diff, unit: 'm',
    evidence: {
      objects: [a.id, b.id],
      quantities: [
        ...(extent ? [
          { label: label('qSize', { a: na, measure: extent }), value: c.measureA, unit: 'm' as const },
          { label: label('qSize', { a: nb, measure: extent }), value: c.measureB, unit: 'm' as const },
        ] : []),
        { label: label('qHowMuch', { a: na, b: nb, moreThan: w.moreThan }), value: c.diff, unit: 'm', uncertainty: sigma },
        { label: label('qTieBand', {}), value: c.band, unit: 'm', technical: true },
      ],
      visuals: extent ? relationVisuals(ctx, family, a, b, text) : [highlight, { kind: 'arrow', from: cb, to: ca, label: text }],
    },
  };
  let sentence: string;
  if (c.verdict === 'about-the-same') {
    sentence = phrase('howMuchTie', ctx.seed, { a: na, b: nb, tie: w.tie, value: text });
  } else {
    const [more, less] = c.diff > 0 ? [a, b] : [b, a];
    base.choice = more.id;
    sentence = phrase('howMuch', ctx.seed, { more: ctx.name(more), less: ctx.name(less), moreThan: w.moreThan, value: text });
  }
  return finish(ctx, base, sentence, comparisonConfidence(c.diff, c.band) * measurementConfidence(c.diff, sigma) ** 0.5, [a, b], vertical, extent && extentAsAsked(extent, query.long));
}

/** One function per pair measure. */
const PAIR_MEASURES: Readonly<Record<PairQuery['measure'], PairMeasureFn>> = {
  distance: answerDistance,
  horizontal_distance: answerHorizontal,
  vertical_distance: answerVertical,
  direction: answerDirection,
  how_much_left: answerHowMuch,
  how_much_above: answerHowMuch,
  how_much_behind: answerHowMuch,
  how_much_taller: answerHowMuch,
  how_much_wider: answerHowMuch,
};

export function answerPair(ctx: Ctx, query: PairQuery): Answer {
  const a = ctx.get(query.a);
  const b = ctx.get(query.b);
  return PAIR_MEASURES[query.measure]({
    ctx, query, a, b, na: ctx.name(a), nb: ctx.name(b), ca: a.obb.center, cb: b.obb.center,
    highlight: { kind: 'highlight', objectIds: [a.id, b.id] },
  });
}

export function sizeOf(o: SceneObject, measure: SizeQuery['measure']): number {
  return measure === 'width' || measure === 'length' ? widthOf(o) : measure === 'height' ? heightOf(o) : depthOf(o);
}

export function answerSize(ctx: Ctx, query: SizeQuery): Answer {
  const a = ctx.get(query.a);
  const value = sizeOf(a, query.measure);
  const vertical = query.measure === 'height';
  const sigma = vertical ? ctx.sigmaV(a) : ctx.sigmaH(a);
  const text = ctx.fmt(value, sigma);
  const c = a.obb.center;
  let visual: Visual;
  if (vertical) {
    const h = a.obb.size[1] / 2;
    visual = { kind: 'height-bar', base: [c[0], c[1] - h, c[2]], top: [c[0], c[1] + h, c[2]], label: text };
  } else if (query.measure === 'width' || query.measure === 'length') {
    const [from, to] = widthSegment(a.obb);
    visual = { kind: 'line', from, to, label: text };
  } else {
    const { ax, az } = obbAxes(a.obb);
    const axis = a.obb.size[0] >= a.obb.size[2] ? az : ax;
    const h = value / 2;
    visual = { kind: 'line', from: [c[0] - axis[0] * h, c[1], c[2] - axis[2] * h], to: [c[0] + axis[0] * h, c[1], c[2] + axis[2] * h], label: text };
  }
  return finish(ctx, {
    query, value, unit: 'm',
    evidence: {
      objects: [a.id],
      quantities: [{ label: label('qSize', { a: ctx.name(a), measure: query.measure }), value, unit: 'm', uncertainty: sigma }],
      visuals: [{ kind: 'highlight', objectIds: [a.id] }, visual],
    },
  }, phrase(query.measure, ctx.seed, { a: ctx.name(a), value: text }), measurementConfidence(value, sigma), [a], vertical, query.measure);
}

const CUBIC_FEET_PER_M3 = 35.3147;

/** A volume as a person reads it: litres under a tenth of a cubic metre, cubic feet in imperial units. */
function formatVolume(m3: number, system: 'metric' | 'imperial'): string {
  const sig = (x: number) => Number(x.toPrecision(2)).toString();
  if (system === 'imperial') return `${sig(m3 * CUBIC_FEET_PER_M3)} cubic feet`;
  return m3 < 0.1 ? `${sig(m3 * 1000)} litres` : `${sig(m3)} m³`;
}

/**
 * All three extents of an object (its width, depth and height answers, with their caveats) and the volume of its
 * box, which is what "how much space does it take up" can be given from a box: a chair's box holds air too.
 */
export function answerDimensions(ctx: Ctx, query: Extract<Query, { type: 'dimensions' }>): Answer {
  const a = ctx.get(query.a);
  const parts = (['width', 'depth', 'height'] as const).map((measure) => answerSize(ctx, { type: 'size', measure, a: a.id }));
  const [w, d, h] = parts.map((p) => p.value ?? 0);
  const vol = w * d * h;
  const sigmas = parts.map((p) => p.evidence.quantities[0]?.uncertainty);
  const vars = { a: ctx.name(a), w: ctx.fmt(w, sigmas[0]), d: ctx.fmt(d, sigmas[1]), h: ctx.fmt(h, sigmas[2]), vol: formatVolume(vol, ctx.system) };
  const quantities: Quantity[] = [...parts.map((p) => p.evidence.quantities[0]), { label: `volume of the box of ${ctx.name(a)}`, value: vol, unit: 'm3' }];
  return finish(ctx, {
    query, value: Math.max(w, d, h), unit: 'm',
    evidence: { objects: [a.id], quantities, visuals: [{ kind: 'highlight', objectIds: [a.id] }, ...parts.flatMap((p): Visual[] => p.evidence.visuals.filter((v) => v.kind !== 'highlight'))] },
  }, phrase('dimensions', ctx.seed, vars), Math.min(...parts.map((p) => p.confidence)), [a], true, 'volume');
}

/** An object's bottom this close to the floor stands on it (a box from depth places its bottom to a few centimetres). */
export const ON_FLOOR_M = 0.03;

/**
 * How high an object's bottom is above the floor (the canonical frame's y = 0: the support plane). The plane
 * is the floor for a camera held at a person's height; a camera under 0.8 m above it looks at a table or a desk
 * top, and a frame with no support plane guessed its height: the answer then says "the surface below" rather
 * than naming a floor it may not have seen.
 */
/** A camera under this height above its support plane looks down at a table or a desk, not across a floor. */
export const FLOOR_CAMERA_MIN_M = 0.8;

/** Whether the frame's height was measured from a support plane, and what to call that plane in a sentence. */
export function supportOf(f: SceneGraph['frame']): { measured: boolean; floor: 'the floor' | 'the surface below' } {
  const measured = f.method === 'support-plane' || f.method === 'given';
  return { measured, floor: measured && f.cameraHeight >= FLOOR_CAMERA_MIN_M ? 'the floor' : 'the surface below' };
}

export function answerElevation(ctx: Ctx, query: Extract<Query, { type: 'elevation' }>): Answer {
  const a = ctx.get(query.a);
  const bottom = a.obb.center[1] - a.obb.size[1] / 2;
  const top = bottom + a.obb.size[1];
  const sigma = ctx.sigmaV(a);
  const { floor } = supportOf(ctx.scene.frame);
  const onFloor = bottom <= Math.max(ON_FLOOR_M, sigma);
  // standing on the floor is what is said: a bottom a few millimetres up is the box's noise, not a gap
  const value = onFloor ? 0 : bottom;
  const vars = { a: ctx.name(a), value: ctx.fmt(value, sigma), top: ctx.fmt(top, sigma), floor };
  const c = a.obb.center;
  return finish(ctx, {
    query, value, unit: 'm',
    evidence: {
      objects: [a.id],
      quantities: [
        { label: label('qElevation', { a: ctx.name(a), floor }), value, unit: 'm', uncertainty: sigma },
        { label: label('qElevationTop', { a: ctx.name(a), floor }), value: top, unit: 'm', uncertainty: sigma },
      ],
      visuals: onFloor ? [{ kind: 'highlight', objectIds: [a.id] }] : [{ kind: 'highlight', objectIds: [a.id] }, { kind: 'height-bar', base: [c[0], 0, c[2]], top: [c[0], bottom, c[2]], label: vars.value }],
    },
    // on the floor: as sure as the floor is under it, i.e. as the top's height is measured
  }, phrase(onFloor ? 'elevationGround' : 'elevation', ctx.seed, vars), measurementConfidence(onFloor ? top : value, sigma), [a], true);
}

/** How far an object is from the camera: the eye to the object's box centre, and to its nearest point. */
export function answerRange(ctx: Ctx, query: Extract<Query, { type: 'range' }>): Answer {
  const a = ctx.get(query.a);
  const eye = ctx.view.eye;
  const value = distance(eye, a.obb.center);
  const sigma = ctx.sigmaH(a);
  const text = ctx.fmt(value, sigma);
  return finish(ctx, {
    query, value, unit: 'm',
    evidence: {
      objects: [a.id],
      quantities: [{ label: label('qRange', { a: ctx.name(a) }), value, unit: 'm', uncertainty: sigma }],
      visuals: [{ kind: 'highlight', objectIds: [a.id] }, { kind: 'line', from: [eye[0], a.obb.center[1], eye[2]], to: a.obb.center, label: text }],
    },
  }, phrase('range', ctx.seed, { a: ctx.name(a), value: text }), measurementConfidence(value, sigma), [a], false);
}
