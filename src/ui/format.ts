import type { Answer, Quantity } from '../core/reason/answer';
import type { UnitRequest } from '../core/reason/query';
import { FIRM_AXIS } from '../core/reason/relativePlace';
import { RELATION_WORDS } from '../core/reason/templates';
import { sideOf } from '../core/reason/imageSide';
import type { CanonicalFrame, SceneGraph } from '../core/scene/types';
import { referenceCaptions } from '../core/reason/objectNames';
import { formatLength, type UnitSystem } from '../core/units/length';

/**
 * An object's caption as answers name it ("left chair" where two share a caption): from the scene when it is
 * there, else from the captions kept with the question.
 */
export function captionOf(scene: SceneGraph | null | undefined, id: string, kept?: Readonly<Record<string, string>>): string {
  return (scene ? referenceCaptions(scene.objects).get(id) : undefined) ?? kept?.[id] ?? 'an object of the earlier scene';
}

export function formatMetres(m: number, system: UnitSystem, request?: UnitRequest, uncertainty?: number): string {
  return formatLength(m, { system, request, uncertainty }).text;
}

/** An answer's length as its sentence rounds it: with the uncertainty of the quantity it reports. */
function valueText(a: Answer, value: number, system: UnitSystem, request?: UnitRequest): string {
  const q = a.evidence.quantities.find((x) => x.unit === 'm' && Math.abs(Math.abs(x.value) - Math.abs(value)) < 1e-9);
  return formatMetres(Math.abs(value), system, request, q?.uncertainty);
}

/** The short headline of an answer: a verdict, a chosen object, an order or a number with its unit. */
export function headline(a: Answer, scene: SceneGraph | null | undefined, system: UnitSystem, request?: UnitRequest, kept?: Readonly<Record<string, string>>): string {
  // a measure asked against a length, a side asked of a facing question: the verdict, then what it rests on
  const t = a.query.type;
  if (a.verdict && (t === 'size' || t === 'pair' || t === 'range' || t === 'elevation' || t === 'facing' || t === 'count' || t === 'side')) {
    const v = a.value !== undefined && a.unit === 'm' ? valueText(a, a.value, system, request) : a.direction ? `${a.direction.clock} o’clock` : '';
    const verdict = a.verdict === 'yes' ? 'Yes' : a.verdict === 'no' ? 'No' : t === 'side' ? 'In the middle' : 'About the same';
    return v ? `${verdict} · ${v}` : verdict;
  }
  // how high off the floor: the bottom and the top
  if (t === 'elevation' && a.value !== undefined) {
    const top = a.evidence.quantities[1];
    const bottom = a.value !== 0 ? `Bottom ${valueText(a, a.value, system, request)}` : a.sentence.includes('the surface below') ? 'On the surface below' : 'On the floor';
    return top ? `${bottom} · top ${formatMetres(top.value, system, request, top.uncertainty)}` : bottom;
  }
  // which side of the picture
  if (t === 'side') {
    const share = a.evidence.quantities[0]?.value;
    if (share !== undefined) {
      const side = sideOf(share);
      return side === 'middle' ? 'In the middle' : `${side === 'left' ? 'Left' : 'Right'} side`;
    }
  }
  // width x depth x height, each as its sentence rounds it
  if (t === 'dimensions') {
    const [w, d, h] = a.evidence.quantities;
    if (w && d && h) return [w, d, h].map((q) => formatMetres(q.value, system, request, q.uncertainty)).join(' × ');
  }
  // where one object is from another: the sides its axes decide, then the distance
  if (t === 'place' && a.steps && a.value !== undefined) {
    const sides = ([['left', 'right'], ['behind', 'in front'], ['higher', 'lower']] as const).flatMap(([more, less], i) => {
      const s = a.steps?.[i]?.answer;
      return s?.choice === undefined || s.value === undefined || s.confidence < FIRM_AXIS ? [] : [s.value > 0 ? more : less];
    });
    const words = sides.length ? sides.join(', ') : 'About the same spot';
    return `${words[0].toUpperCase()}${words.slice(1)} · ${valueText(a, a.value, system, request)}`;
  }
  if (a.choice) {
    const v = a.value !== undefined && a.unit === 'm' ? ` · ${valueText(a, a.value, system, request)}` : '';
    return `${captionOf(scene, a.choice, kept)}${v}`;
  }
  if (a.value !== undefined && a.unit === 'm') return valueText(a, a.value, system, request);
  if (a.direction) return `${a.direction.clock} o’clock`;
  if (a.value !== undefined && a.unit === 'clock') return `${a.value} o’clock`;
  if (a.value !== undefined && a.unit === 'count') return String(a.value);
  // "is A left or right of B": the alternative that holds ("To the right of the tv")
  if (a.verdict && t === 'relation' && a.query.either && a.verdict !== 'about-the-same') {
    const w = RELATION_WORDS[a.query.relation];
    const holds = a.verdict === 'yes' ? w.rel : w.opposite;
    const other = captionOf(scene, a.query.b, kept);
    return `${holds[0].toUpperCase()}${holds.slice(1)} ${/^(?:the|a|an) /i.test(other) ? other : `the ${other}`}`;
  }
  if (a.verdict) return a.verdict === 'yes' ? 'Yes' : a.verdict === 'no' ? 'No' : 'About the same';
  // "which chair is taller?" with the two too close to call: no winner to name, and no order to imply one
  if (a.order && t === 'order' && a.query.top) return `Too close to call: ${a.order.slice(0, 2).map((id) => captionOf(scene, id, kept)).join(' or ')}`;
  if (a.order) return a.order.map((id) => captionOf(scene, id, kept)).join(' → ');
  return '—';
}

export function formatQuantity(q: Quantity, system: UnitSystem): string {
  switch (q.unit) {
    case 'm': {
      const v = formatMetres(q.value, system, undefined, q.uncertainty);
      return q.uncertainty !== undefined ? `${v} (± ${formatMetres(q.uncertainty, system)})` : v;
    }
    case 'deg':
      return `${q.value.toFixed(0)}°`;
    case 'clock':
      return `${q.value} o’clock`;
    case 'count':
      return String(q.value);
    case 'm3':
      return `${q.value < 0.1 ? q.value.toFixed(3) : q.value.toFixed(2)} m³`;
    case 'ratio':
      return q.value.toFixed(2);
  }
}

export const percent = (c: number): string => `${Math.round(c * 100)}%`;

/** Why up/down answers are less certain in a frame of low confidence: what "up" and the heights were taken from. */
export function lowFrameHint(frame: Pick<CanonicalFrame, 'method'>): string {
  switch (frame.method) {
    case 'walls': return 'No floor or table plane found: "up" was taken from the walls and heights start at the lowest point seen, so up/down answers are less certain.';
    case 'vertical-lines': return 'No floor, table or wall found: "up" was taken from vertical lines in the photo and heights start at the lowest point seen, so up/down answers are less certain.';
    case 'support-plane': return 'Most of the floor is hidden (a bed or a table fills the view), so heights start from what little of it shows, or from the lowest point seen: up/down answers are less certain.';
    default: return 'No floor or table plane found: the camera was assumed level, so up/down answers are less certain.';
  }
}

/** Where the scene's "up" came from, in a phrase for the scene line (empty for a level-camera guess). */
export function uprightSource(frame: Pick<CanonicalFrame, 'method' | 'gravityEdges'>): string {
  const n = frame.gravityEdges ?? 0;
  const lines = `${n} vertical line${n === 1 ? '' : 's'} in the photo`;
  if (frame.method === 'vertical-lines') return n > 0 ? `upright from ${lines}` : '';
  const from = frame.method === 'support-plane' ? 'the floor or table' : frame.method === 'walls' ? 'the walls' : '';
  if (!from) return '';
  return n > 0 ? `upright from ${from} and ${lines}` : `upright from ${from}`;
}
