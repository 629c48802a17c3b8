/**
 * Qualitative relations between two objects, as yes/no or as "which of the two is more ...".
 *
 * Each relation is a signed difference d between two measures, positive when "A <relation> B" holds, and a
 * symmetric tie band: |d| <= band answers "about the same" (no choice). The band is two sigma of the
 * difference (tieBands.ts); with `ties: 'share'` it is the fixed share of size below. Swapping A and B negates d for the
 * inverse relation, so left(A, B) and right(B, A) always agree (tested as a property).
 *
 * Measures (see viewpoint.ts for the frame):
 * - left/right: view-frame x of the box centres; band from the boxes' extents across the view.
 * - behind/front: distance ahead of the camera along the horizontal viewing direction; band from the extents
 *   along it.
 * - above/below: centre heights along +Y (not bottom-vs-top: "on top of" is the parser's job and maps to
 *   above); band from the heights.
 * - wider/thinner: larger horizontal footprint extent; taller/shorter: height; band 10% of the mean, >= 2 cm.
 * - bigger/smaller: box volume; band 20% of the mean volume (a 10% volume difference is only ~3% per side,
 *   which nobody would call "bigger").
 */
import type { Vec3 } from '../geometry/vec';
import type { SceneObject } from '../scene/types';
import type { Answer, Quantity, Visual } from './answer';
import type { Query, Relation } from './query';
import { extentAlong, heightOf, volumeOf, widthOf, widthSegment } from './boxGeometry';
import { type Ctx, comparisonConfidence, finish, lengthTieBand, withCaveats } from './context';
import { extentAsAsked, fill, label, phrase, pickTemplate, relationWords, type RelationWords } from './templates';
import { toView, viewRight } from './viewpoint';
import { TIE_SIGMAS, uncertaintyBand } from './tieBands';
import { normalCdf } from '../units/uncertainty';

type Family = 'lateral' | 'vertical' | 'depth' | 'width' | 'height' | 'volume';

export const RELATION_FAMILY: Readonly<Record<Relation, { family: Family; sign: 1 | -1 }>> = {
  left: { family: 'lateral', sign: -1 },
  right: { family: 'lateral', sign: 1 },
  above: { family: 'vertical', sign: 1 },
  below: { family: 'vertical', sign: -1 },
  behind: { family: 'depth', sign: 1 },
  front: { family: 'depth', sign: -1 },
  wider: { family: 'width', sign: 1 },
  thinner: { family: 'width', sign: -1 },
  bigger: { family: 'volume', sign: 1 },
  smaller: { family: 'volume', sign: -1 },
  taller: { family: 'height', sign: 1 },
  shorter: { family: 'height', sign: -1 },
};

/** Families whose answer rests on the direction of "up". */
export const VERTICAL_FAMILIES: ReadonlySet<Family> = new Set(['vertical', 'height']);

export const VOLUME_TIE_FRACTION = 0.2;

const FAMILY_LABEL: Readonly<Record<Family, string>> = {
  lateral: 'position to the right of the camera',
  vertical: 'centre height',
  depth: 'distance ahead of the camera',
  width: 'width',
  height: 'height',
  volume: 'volume',
};

export function familyMeasure(ctx: Ctx, family: Family, o: SceneObject): number {
  const v = toView(ctx.view, o.obb.center);
  switch (family) {
    case 'lateral': return v.right;
    case 'vertical': return o.obb.center[1];
    case 'depth': return v.ahead;
    case 'width': return widthOf(o);
    case 'height': return heightOf(o);
    case 'volume': return volumeOf(o);
  }
}

export function familyBand(ctx: Ctx, family: Family, a: SceneObject, b: SceneObject): number {
  // "about the same" needs a difference that is small (a person's tie band) and that the measurement cannot
  // resolve (its own 2-sigma band): a measured 30% difference with estimated extents is "probably", not a tie
  if (ctx.ties === 'uncertainty') return Math.min(uncertaintyBand(ctx, family, a, b), shareBand(ctx, family, a, b));
  return shareBand(ctx, family, a, b);
}

/** A person's "about the same": 10% of the mean extent along the compared direction (20% of the mean volume). */
function shareBand(ctx: Ctx, family: Family, a: SceneObject, b: SceneObject): number {
  switch (family) {
    case 'lateral': {
      const r = viewRight(ctx.view);
      return lengthTieBand(extentAlong(a.obb, r), extentAlong(b.obb, r));
    }
    case 'depth':
      return lengthTieBand(extentAlong(a.obb, ctx.view.forward), extentAlong(b.obb, ctx.view.forward));
    case 'vertical':
    case 'height':
      return lengthTieBand(heightOf(a), heightOf(b));
    case 'width':
      return lengthTieBand(widthOf(a), widthOf(b));
    case 'volume':
      return Math.max(1e-9, (VOLUME_TIE_FRACTION * (volumeOf(a) + volumeOf(b))) / 2);
  }
}

export interface Comparison {
  /** signed, positive when "A relation B" holds */
  diff: number;
  /** the tie band: "about the same" within it */
  band: number;
  /** one sigma of the difference from the measurement's uncertainty (0 where ties are a share of size) */
  sigma: number;
  verdict: 'yes' | 'no' | 'about-the-same';
  measureA: number;
  measureB: number;
}

export function compare(ctx: Ctx, relation: Relation, a: SceneObject, b: SceneObject): Comparison {
  const { family, sign } = RELATION_FAMILY[relation];
  const measureA = familyMeasure(ctx, family, a);
  const measureB = familyMeasure(ctx, family, b);
  const diff = sign * (measureA - measureB);
  const band = familyBand(ctx, family, a, b);
  const sigma = ctx.ties === 'uncertainty' ? uncertaintyBand(ctx, family, a, b) / TIE_SIGMAS : 0;
  const verdict = Math.abs(diff) <= band ? 'about-the-same' : diff > 0 ? 'yes' : 'no';
  return { diff, band, sigma, verdict, measureA, measureB };
}

export function relationVisuals(ctx: Ctx, family: Family, a: SceneObject, b: SceneObject, lineLabel: string): Visual[] {
  const vis: Visual[] = [{ kind: 'highlight', objectIds: [a.id, b.id] }];
  const bar = (o: SceneObject): Visual => {
    const c = o.obb.center;
    const h = o.obb.size[1] / 2;
    return { kind: 'height-bar', base: [c[0], c[1] - h, c[2]] as Vec3, top: [c[0], c[1] + h, c[2]] as Vec3, label: label('qSize', { a: ctx.name(o), measure: 'height' }) };
  };
  if (family === 'height') vis.push(bar(a), bar(b));
  else if (family === 'width') {
    for (const o of [a, b]) {
      const [from, to] = widthSegment(o.obb);
      vis.push({ kind: 'line', from, to, label: label('qSize', { a: ctx.name(o), measure: 'width' }) });
    }
  } else if (family !== 'volume') vis.push({ kind: 'line', from: a.obb.center, to: b.obb.center, label: lineLabel });
  return vis;
}

export function answerRelation(
  ctx: Ctx,
  query: Extract<Query, { type: 'relation' }>,
): Answer {
  const a = ctx.get(query.a);
  const b = ctx.get(query.b);
  const { family } = RELATION_FAMILY[query.relation];
  const c = compare(ctx, query.relation, a, b);
  const w = relationWords(query.relation, query.long);
  const isVolume = family === 'volume';
  const unit: Quantity['unit'] = isVolume ? 'm3' : 'm';
  const quantities: Quantity[] = [
    { label: `${FAMILY_LABEL[family]} of ${ctx.name(a)}`, value: c.measureA, unit },
    { label: `${FAMILY_LABEL[family]} of ${ctx.name(b)}`, value: c.measureB, unit },
    { label: label('qDifference', { rel: w.rel, a: ctx.name(a), b: ctx.name(b) }), value: c.diff, unit, technical: true },
    { label: label('qTieBand', {}), value: c.band, unit, technical: true },
  ];
  if (!isVolume) {
    const sig = VERTICAL_FAMILIES.has(family) ? [ctx.sigmaV(a), ctx.sigmaV(b)] : [ctx.sigmaH(a), ctx.sigmaH(b)];
    quantities[0].uncertainty = sig[0];
    quantities[1].uncertainty = sig[1];
    quantities[2].uncertainty = Math.hypot(sig[0], sig[1]);
  }
  const vars = { a: ctx.name(a), b: ctx.name(b), ...w };
  let sentence: string;
  const base: Omit<Answer, 'confidence' | 'caveats' | 'sentence'> = {
    query,
    // the overlay says what the sentence says: "No — to the right of", never the relation asked about
    evidence: { objects: [a.id, b.id], quantities, visuals: relationVisuals(ctx, family, a, b, overlayLabel(query.either ? 'either' : query.form, c.verdict, w, ctx.name(c.verdict === 'no' ? b : a))) },
  };
  if (query.form === 'yesno') {
    base.verdict = c.verdict;
    // "is A left or right of B": the alternative that holds, never a bare yes or no
    const key = c.verdict === 'about-the-same' ? 'relationTie' : query.either ? 'relationEither' : c.verdict === 'yes' ? 'relationYes' : 'relationNo';
    sentence = phrase(key, ctx.seed, { ...vars, holds: c.verdict === 'yes' ? w.rel : w.opposite, other: c.verdict === 'yes' ? w.opposite : w.rel });
  } else if (c.verdict === 'about-the-same') {
    sentence = phrase('choiceTie', ctx.seed, vars);
  } else {
    const [x, y] = c.verdict === 'yes' ? [a, b] : [b, a];
    base.choice = x.id;
    sentence = phrase('choice', ctx.seed, { ...vars, x: ctx.name(x), y: ctx.name(y) });
  }
  // decided although within 2 sigma: as sure as the sign of the difference is (the normal's tail), and it says so
  const unsure = c.verdict !== 'about-the-same' && Math.abs(c.diff) <= TIE_SIGMAS * c.sigma;
  const geometric = unsure ? normalCdf(Math.abs(c.diff) / c.sigma) * 0.5 : comparisonConfidence(c.diff, c.band);
  const answer = finish(ctx, base, sentence, geometric, [a, b], VERTICAL_FAMILIES.has(family), FAMILY_EXTENT[family] && extentAsAsked(FAMILY_EXTENT[family], query.long));
  if (!unsure) return answer;
  // a clause inside "Less certain because ...": not capitalised as a sentence is
  const caveats = [fill(pickTemplate('withinUncertainty', ctx.seed), { pct: String(Math.round(100 * normalCdf(Math.abs(c.diff) / c.sigma))) }), ...answer.caveats];
  return { ...answer, caveats, sentence: withCaveats(sentence, caveats) };
}

/** The size extents a relation family rests on (positions rest on none). */
const FAMILY_EXTENT: Readonly<Partial<Record<Family, 'height' | 'width' | 'volume'>>> = { height: 'height', width: 'width', volume: 'volume' };

/** The verdict in a few words for the 3D overlay, the same as the sentence's. */
function overlayLabel(form: 'yesno' | 'choice' | 'either', verdict: Comparison['verdict'], w: RelationWords, winner: string): string {
  if (verdict === 'about-the-same') return label('overlayTie', {});
  if (form === 'choice') return label('overlayChoice', { x: winner, more: w.more });
  // asked both ways: the side that holds, as the sentence says it
  if (form === 'either') return label('overlayEither', { rel: verdict === 'yes' ? w.rel : w.opposite });
  return label(verdict === 'yes' ? 'overlayYes' : 'overlayNo', { rel: verdict === 'yes' ? w.rel : w.opposite });
}
