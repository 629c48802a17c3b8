/**
 * What every predicate needs: the scene, the viewpoint, unit display, phrasing seed, object lookup,
 * and the shared confidence / caveat rules.
 *
 * Confidence (0..1) = geometric part x object part x flag and frame penalties:
 * - geometric, decided comparisons: margin m = |difference| / tie band (m > 1): 0.5 + 0.5 (1 - e^{-1.5 (m - 1)});
 *   decided within 2 sigma of the measurement (relations.ts): 0.5 x P(the sign is right) = 0.5 Phi(|difference| / sigma);
 *   ties: 1 - 0.5 |difference| / band (sure of "about the same" when the difference is near 0);
 *   measurements: 1 / (1 + 2 sigma / max(value, 5 cm)).
 * - object part: 0.5 + 0.5 x the lower object confidence.
 * - x 0.7 per object flagged too-few-points / truncated / low-mask-coverage, x 0.4 for no-valid-depth;
 * - x 0.6 when a vertical answer rests on a frame of 'low' confidence;
 * - x 0.85 per object whose amodal box has estimated extents (x 0.6 for a box back-projected from its outline).
 * Each penalty adds a caveat, and the sentence says it.
 */
import type { SceneGraph, SceneObject, ObjectFlag } from '../scene/types';
import { distance } from '../geometry/vec';
import type { UnitRequest } from './query';
import type { Viewpoint } from './viewpoint';
import { viewpointFromScene } from './viewpoint';
import { formatLength, horizontalSigma, verticalSigma, type UnitSystem } from '../units';
import { openHeightCaveat, openWidthCaveat } from './openExtents';
import { captionPhrase, extentAsAsked } from './templates';
import { referenceCaptions } from './objectNames';
import type { Answer } from './answer';
import { BACK_PROJECTED_PENALTY, ESTIMATE_PENALTY, estimateCaveat, estimateQuantities } from './amodalCaveats';
import { occlusionsOf, type Extent } from './occlusion';
import type { SizeMeasure } from './query';

export class UnknownObjectError extends Error {
  readonly objectId: string;
  constructor(objectId: string) {
    super(`unknown object id: ${objectId}`);
    this.name = 'UnknownObjectError';
    this.objectId = objectId;
  }
}

export interface AnswerOptions {
  units?: UnitSystem;
  unit?: UnitRequest;
  phrasingSeed?: number;
  /** where the questions are asked from; defaults to the scene's camera (see viewpoint.ts) */
  viewpoint?: Viewpoint;
  /**
   * How "about the same" is decided: 'uncertainty' (default) within two sigma of the measurement
   * (tieBands.ts); 'share' within a fixed share of size, the truth side of an evaluation.
   */
  ties?: 'uncertainty' | 'share';
}

export interface Ctx {
  scene: SceneGraph;
  view: Viewpoint;
  system: UnitSystem;
  request?: UnitRequest;
  seed: number;
  lowFrame: boolean;
  ties: 'uncertainty' | 'share';
  get(id: string): SceneObject;
  name(o: SceneObject): string;
  /** one-sigma horizontal / vertical position error of an object, metres */
  sigmaH(o: SceneObject): number;
  sigmaV(o: SceneObject): number;
  fmt(metres: number, sigma?: number): string;
}

export function makeCtx(scene: SceneGraph, opts: AnswerOptions = {}): Ctx {
  const byId = new Map(scene.objects.map((o) => [o.id, o]));
  const view = opts.viewpoint ?? viewpointFromScene(scene);
  const lowFrame = scene.frame.confidence === 'low';
  const inputs = (o: SceneObject) => ({
    range: distance(view.eye, o.obb.center),
    tooFewPoints: o.flags.includes('too-few-points'),
    lowFrame,
    relativeError: scene.depthRelativeError,
  });
  const system = opts.units ?? 'metric';
  return {
    scene,
    view,
    system,
    request: opts.unit,
    seed: opts.phrasingSeed ?? 0,
    lowFrame,
    ties: opts.ties ?? 'uncertainty',
    get(id) {
      const o = byId.get(id);
      if (!o) throw new UnknownObjectError(id);
      return o;
    },
    // objects that share a caption are named apart ("the left chair"; objectNames.ts)
    name: (o) => captionPhrase(referenceCaptions(scene.objects).get(o.id) ?? o.caption),
    sigmaH: (o) => horizontalSigma(inputs(o)),
    sigmaV: (o) => verticalSigma(inputs(o)),
    fmt: (m, sigma) => formatLength(m, { system, request: opts.unit, uncertainty: sigma }).text,
  };
}

export const TIE_FRACTION = 0.1;
export const MIN_TIE_BAND_M = 0.02;

/** Symmetric tie band for a length comparison: 10% of the mean relevant extent, at least 2 cm. */
export const lengthTieBand = (extentA: number, extentB: number): number =>
  Math.max(MIN_TIE_BAND_M, (TIE_FRACTION * (extentA + extentB)) / 2);

export function comparisonConfidence(diff: number, band: number): number {
  const m = Math.abs(diff) / band;
  if (m <= 1) return 1 - 0.5 * m;
  return 0.5 + 0.5 * (1 - Math.exp(-1.5 * (m - 1)));
}

export const measurementConfidence = (value: number, sigma: number): number =>
  1 / (1 + (2 * sigma) / Math.max(Math.abs(value), 0.05));

const FLAG_PENALTY: Readonly<Record<ObjectFlag, number>> = {
  'too-few-points': 0.7,
  truncated: 0.7,
  'low-mask-coverage': 0.7,
  'no-valid-depth': 0.4,
};

const FLAG_WHY: Readonly<Record<ObjectFlag, string>> = {
  'too-few-points': 'has few depth points, so its box is rough',
  truncated: 'is cut off by the image edge, so its box may be too small',
  'low-mask-coverage': 'is only partly covered by its mask',
  'no-valid-depth': 'has almost no valid depth',
};

export const LOW_FRAME_CAVEAT =
  'no floor or table was found, so "up" assumes a level camera and heights may be off';
/** The same when the walls gave "up" (canonicalize.ts): up is better known, but heights have no floor to start from. */
export const WALLS_FRAME_CAVEAT =
  'no floor or table was found, so "up" comes from the walls and heights are measured from the lowest point seen';
/** The same when the picture's vertical lines gave "up" (upFromLines.ts). */
export const LINES_FRAME_CAVEAT =
  'no floor, table or wall was found, so "up" comes from vertical lines in the photo and heights are measured from the lowest point seen';
/** A support plane with much of the scene under it (a bed top filling the view): the floor is what little of it shows (canonicalize.ts). */
export const HIDDEN_FLOOR_CAVEAT =
  'most of the floor is hidden (a bed or a table fills the view), so heights start from what little of it shows, or from the lowest point seen';
const FRAME_CAVEAT: Record<SceneGraph['frame']['method'], string> = {
  'support-plane': HIDDEN_FLOOR_CAVEAT, walls: WALLS_FRAME_CAVEAT, 'vertical-lines': LINES_FRAME_CAVEAT, 'level-camera': LOW_FRAME_CAVEAT, given: LOW_FRAME_CAVEAT,
};

/** A hidden end makes the visible extent too small: x 0.7 per hidden extent an answer rests on. */
export const HIDDEN_PENALTY = 0.7;

/** The extents a size answer rests on. */
export function extentsOf(measure: SizeMeasure | 'volume'): Extent[] {
  return measure === 'height' ? ['height'] : measure === 'volume' ? ['height', 'width'] : ['width'];
}

/** Applies object and frame penalties to a geometric confidence; returns it with the caveats. */
export function finishConfidence(
  ctx: Ctx,
  geometric: number,
  objects: SceneObject[],
  vertical: boolean,
  extents: readonly Extent[] = [],
  /** asked as a length ("how long", "longer"): the longer horizontal side is called its length in the caveats */
  long = false,
): { confidence: number; caveats: string[] } {
  const caveats: string[] = [];
  let c = geometric * (0.5 + 0.5 * Math.min(...objects.map((o) => o.confidence), 1));
  const seen = new Set<string>();
  // the photo's camera, not a chosen viewpoint: which ends the image cut off
  const eye = viewpointFromScene(ctx.scene).eye;
  const fmt = (m: number) => ctx.fmt(m);
  // the box axes the answer rests on: a height only on the height, a width on the footprint, a height above the
  // floor on the height; a distance or a place across or along the view moves with every estimated side
  const axes = extents.length ? [...(extents.includes('height') ? [1] : []), ...(extents.includes('width') ? [0, 2] : [])] : vertical ? [1] : [0, 1, 2];
  for (const o of objects) {
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    for (const f of o.flags) {
      c *= FLAG_PENALTY[f];
      caveats.push(`${ctx.name(o)} ${FLAG_WHY[f]}`);
    }
    // the amodal box rests on estimated extents: say which, and trust it less (those the answer does not use aside)
    const est = estimateCaveat(ctx.name(o), o, axes, long);
    if (est) {
      c *= axes.some((k) => o.amodal?.estimated[k] === 'back-projected') ? BACK_PROJECTED_PENALTY : ESTIMATE_PENALTY;
      caveats.push(est);
    }
    // a top or an end across the view out of sight that nothing completed makes the height or the width a
    // lower bound, whatever was estimated on another axis (a cut floor lamp's depth from symmetry)
    const open: Record<Extent, string | null> = {
      height: extents.includes('height') ? openHeightCaveat(ctx.name(o), o, fmt) : null,
      width: extents.includes('width') ? openWidthCaveat(ctx.name(o), o, eye, fmt, long) : null,
    };
    for (const why of Object.values(open)) {
      if (!why) continue;
      c *= HIDDEN_PENALTY;
      caveats.push(why);
    }
    if (est) continue;
    // no estimate stands in for a hidden end: a nearer box past its edge may still cut the measured extent
    for (const h of occlusionsOf(o, ctx.scene.objects, ctx.view)) {
      if (!extents.includes(h.extent) || open[h.extent]) continue;
      c *= HIDDEN_PENALTY;
      caveats.push(`${ctx.name(o)} may be partly hidden behind ${ctx.name(h.by)}, so its ${extentAsAsked(h.extent, long)} may be under-measured`);
    }
  }
  if (vertical && ctx.lowFrame) {
    c *= 0.6;
    caveats.push(FRAME_CAVEAT[ctx.scene.frame.method]);
  }
  return { confidence: Math.min(1, Math.max(0, c)), caveats };
}

/** The sentence plus why it is less sure, when it is. */
export function withCaveats(sentence: string, caveats: string[]): string {
  if (!caveats.length) return sentence;
  return `${sentence} Less certain because ${caveats.join('; and ')}.`;
}

/** Assembles an Answer, folding caveats into the sentence. */
export function finish(
  ctx: Ctx,
  base: Omit<Answer, 'confidence' | 'caveats' | 'sentence'>,
  sentence: string,
  geometric: number,
  objects: SceneObject[],
  vertical: boolean,
  /** the extents of the objects the answer rests on (sizes), checked for hidden ends */
  measure?: SizeMeasure | 'volume',
): Answer {
  const { confidence, caveats } = finishConfidence(ctx, geometric, objects, vertical, measure ? extentsOf(measure) : [], measure === 'length');
  const estimates = estimateQuantities([...new Set(objects)], (o) => ctx.name(o));
  const evidence = estimates.length ? { ...base.evidence, quantities: [...base.evidence.quantities, ...estimates] } : base.evidence;
  return { ...base, evidence, confidence, caveats, sentence: withCaveats(sentence, caveats) };
}
