/**
 * Questions asked from a place: from the camera's view of one object against another ("where is the sofa
 * relative to the tv"), standing at an object facing another (VSI-Bench), by clock direction, the picture's own
 * side (GQA), and left and right from another object's viewpoint, whose facing is not measured.
 */
import type { FacingSide, Query } from '../reason/query';
import { findCues, RELATION_CUES, type Table } from './cues';
import { OBJ, POSITIONAL, has, q, re, relationIn, understood, type Ctx, type Reading } from './readKit';

/**
 * "From the tv's perspective, is the sofa on its left?", "looking from the tv, ...": left and right of another
 * object's viewpoint. Which way an object faces is not measured (its front is not known), so these are not read
 * as the camera's left; where the other object stands as the camera sees it is offered.
 */
const OTHER_VIEWPOINT = `(?:from|in|through) (${OBJ}) (?:perspective|point of view|viewpoint|vantage point|pov|eyes|position|side|view)|(?:from|in|through) (?:the )?(?:perspective|point of view|viewpoint|vantage point|eyes|position) of (${OBJ})|(?:looking|seen|viewed|looking out|facing out|as seen) from (${OBJ})|^from (${OBJ}) ,|if (?:i|you|we) (?:were|was|am|are) (${OBJ})`;

export function readOtherViewpoint(c: Ctx): Reading | null {
  const m = re(OTHER_VIEWPOINT).exec(c.s);
  if (!m || /\bwhere\b/.test(c.s)) return null;
  const from = m.slice(1).find((x) => x !== undefined);
  const rel = relationIn(c.s.slice(0, m.index) + ' ' + c.s.slice(m.index + m[0].length));
  if (!from || !rel || !POSITIONAL.has(rel.rel) || rel.rel === 'above' || rel.rel === 'below') return null;
  const other = c.slots.find((x) => x !== from);
  const sides = rel.rel === 'left' || rel.rel === 'right' ? 'left and right' : 'in front and behind';
  return understood(`${sides} as seen from ${from}, whose facing is not measured`, other ? [from, other] : [from], [m[0], rel.text], other ? { type: 'place', a: other, b: from } : undefined);
}

/**
 * "On which side of the picture is the sofa?", "is the lamp on the left side of the image?" (GQA), "is the sofa to
 * my left?": with one object and nothing for it to be left of, the side is the picture's ("of the image" is set
 * aside as a frame; the one asking stands where the camera did).
 */
export function readImageSide(c: Ctx): Reading | null {
  if (c.slots.length !== 1 || c.cam) return null;
  const a = c.slots[0];
  const which = re(`(?:which|what) side(?: of)? (?:is|are|does|do) ${a}|${a}(?: [a-z]+){0,3}? (?:on|in|at|to) (?:the )?left(?:[ -]hand)?(?: side| half| part)? or (?:on |in |at |to )?(?:the )?right`).exec(c.s);
  if (which) return q({ type: 'side', a }, 'choice', 'which side');
  const one = re(`${a} (?:(?:is|are|appear|appears|sit|sits|located|positioned|placed|standing|lying|found) )*(?:on|in|at|to|towards) (?:the |my |your )?(left|right)(?:[ -]hand)?(?: (?:side|half|part|edge))?(?: of)?$`).exec(c.s);
  return one ? q({ type: 'side', a, ask: one[1] === 'left' ? 'left' : 'right' }, 'yes/no', `${one[1]} side`) : null;
}

/**
 * A person placed at an object ("if you are at the sofa", "standing by the car, ..."): the question is asked
 * from there. The subject is a person, so "where is the cup that is at the table" stays a question about the cup.
 */
const VIEWPOINT_AT = `(?:(?:you|i|we|someone|somebody|one|a person) (?:are|am|were|was|is|stand|stood|sit|sat|be|get|got|went|go) (?:standing |sitting |positioned |placed )?|^(?:if |when |while )?(?:standing|sitting|positioned|placed|located) )(?:at|by|beside|next to|near|on|in front of) ${OBJ}`;

/** Words that place one object against another in the photo ("where is the sofa relative to the tv"). */
const RELATIVE_TO = '(?:relative to|with respect to|in relation to|in respect to|compared to|compared with|in comparison to|in comparison with|with regard to|as compared to)';
/** "where is the tv as seen from the sofa": asked from a spot, so a clock direction */
const SEEN_FROM = `(?:as seen from|seen from|viewed from|from the (?:perspective|point of view|position|viewpoint|vantage point) of|from where|from) ${OBJ}`;
/** "how is the sofa positioned relative to the tv" */
const PLACED_RELATIVE = `how (?:is|are|was|were) ${OBJ} (?:positioned|located|placed|situated|arranged|oriented|set|standing|sitting|lying) ${RELATIVE_TO} ${OBJ}`;
/** "how are the sofa and the tv positioned in relation to each other" */
const PLACED_EACH_OTHER = `(?:how|where) (?:is|are|was|were) ${OBJ} and ${OBJ}(?: (?:positioned|located|placed|situated|arranged|oriented|set|standing|sitting|lying))? ${RELATIVE_TO} (?:each other|one another)`;
/** "what is the spatial relation between the sofa and the tv" */
const RELATION_BETWEEN = `(?:spatial )?(?:relation|relationship|arrangement|relative position|relative positions|layout) (?:between|of) ${OBJ} and ${OBJ}`;

/**
 * "where is A relative to B", "how is A positioned relative to B", "the spatial relation between A and B": where
 * A is from B as the camera sees it (left or right, in front or behind, higher or lower, how far). Asked from a
 * spot ("if you stand at A", "as seen from A", "facing the camera") or by clock, it is the direction instead.
 */
export function readPlace(c: Ctx): Reading | null {
  // "where is the sofa relative to me": how far it is is measured; the way to it is the photo itself
  if (c.cam && c.slots.length === 1 && /\bwhere\b/.test(c.s) && has(c.s, `${RELATIVE_TO} cam`)) {
    return understood(`where ${c.slots[0]} is from the camera`, [c.slots[0]], ['where'], { type: 'range', a: c.slots[0] });
  }
  if (c.slots.length !== 2 || c.cam) return null;
  if (has(c.s, `direction|clock(?: position| direction| hour)?|oclock|bearing|heading|${VIEWPOINT_AT}|${SEEN_FROM}`)) return null;
  const [x, y] = c.slots;
  // "which side of the sofa is the lamp on": where the lamp is from the sofa, as the camera sees it
  const side = re(`(?:which|what) side of (${OBJ}) (?:is|are|does|do) (${OBJ})`).exec(c.s);
  if (side) return q({ type: 'place', a: side[2], b: side[1] }, 'quantity', 'which side of');
  const between = re(RELATION_BETWEEN).exec(c.s) ?? re(PLACED_EACH_OTHER).exec(c.s);
  if (between) return q({ type: 'place', a: x, b: y }, 'quantity', between[0].replace(/obj\d+ ?/g, '').trim());
  // "where is the mug: left of, right of, on or under the box?" (What's Up): the options are the axes
  if (/\bwhere\b/.test(c.s) && / or /.test(c.s)) {
    const options = new Set(findCues(RELATION_CUES, c.s).map((x) => x.value).filter((r) => POSITIONAL.has(r)));
    if (options.size >= 2) return q({ type: 'place', a: x, b: y }, 'quantity', 'where');
  }
  const placed = re(PLACED_RELATIVE).exec(c.s);
  const where = /\bwhere\b/.test(c.s) ? re(`${RELATIVE_TO} (${OBJ})`).exec(c.s) : null;
  if (!placed && !where) return null;
  const b = where ? where[1] : re(`${RELATIVE_TO} (${OBJ})`).exec(c.s)?.[1];
  const a = c.slots.find((o) => o !== b);
  return a && b ? q({ type: 'place', a, b }, 'quantity', placed ? 'positioned relative to' : 'where') : null;
}

/** "facing the tv", "looking towards the tv": the way a person placed at an object is turned */
const FACING = `(?:facing|face|faces|faced|looking at|looking towards?|look at|look towards?|turned towards?|turn towards?|oriented towards?|pointing at|with (?:my|your|their|one s) (?:face|eyes) towards?) (${OBJ})`;
const SIDE_WORDS: Table<FacingSide> = [
  ['left', 'left'], ['right', 'right'], ['behind|back|rear', 'behind'], ['ahead|front|forward|straight on', 'ahead'],
];

/**
 * "If I am standing by the sofa and facing the tv, is the lamp to my left, right, or back?" (VSI-Bench's relative
 * direction): three objects, one to stand at, one faced, one asked about. One side named makes it yes or no.
 */
export function readFacing(c: Ctx): Reading | null {
  if (c.slots.length !== 3) return null;
  const f = re(FACING).exec(c.s);
  if (!f) return null;
  const toward = f[1];
  const anchor = re(`(?:at|by|beside|next to|near|from|on|in front of) (${OBJ})`);
  const at = [...c.s.matchAll(new RegExp(anchor.source, 'g'))].map((m) => m[1]).find((o) => o !== toward);
  const target = c.slots.find((o) => o !== toward && o !== at);
  if (!at || !target) return null;
  const after = c.s.slice(c.s.lastIndexOf(target) + target.length);
  const sides = [...new Set(findCues(SIDE_WORDS, after).map((x) => x.value))];
  const asked = sides.length === 1 && !/\b(?:where|which|what)\b/.test(after) && !/\bwhere\b/.test(c.s) ? sides[0] : undefined;
  const query: Query = asked ? { type: 'facing', at, toward, target, ask: asked } : { type: 'facing', at, toward, target };
  return q(query, asked ? 'yes/no' : 'quantity', f[0].replace(/ obj\d+/, ''));
}

export function readDirection(c: Ctx): Reading | null {
  const cue = re('direction|clock(?: position| direction| hour)?|oclock|bearing|heading');
  const where = /\bwhere\b/.test(c.s) && (has(c.s, 'facing cam|face cam|facing toward cam|looking at cam|looking toward cam') || has(c.s, `${RELATIVE_TO} ${OBJ}|${SEEN_FROM}`) || has(c.s, VIEWPOINT_AT));
  const m = cue.exec(c.s);
  if (!m && !where) return null;
  if (c.slots.length !== 2) return null;
  const anchor = re(`(?:stand|stood|standing|at|by|beside|next to|from|relative to|with respect to|in relation to|seen from|perspective of|point of view of|position of|viewpoint of) (?:at |by |next to |beside |near )?(${OBJ})`).exec(c.s);
  const a = anchor ? anchor[1] : c.slots[0];
  const b = c.slots.find((x) => x !== a);
  if (!b) return null;
  return q({ type: 'pair', measure: 'direction', a, b }, 'quantity', m ? m[0] : 'where');
}
