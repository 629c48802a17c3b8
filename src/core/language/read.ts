/**
 * Reading a question's structure once its mentions are slots: "is obj0 to the left of obj1" ->
 * relation(left, obj0, obj1). The skeleton holds "objN" for the N-th distinct object mention and "cam" for
 * the camera; every reader below looks for cue words anywhere in it (never for a whole sentence), and the
 * first reader that finds its cues and the objects it needs wins. Order matters where cues overlap: counting
 * and ordering before comparisons, differences ("how much higher") before distances ("how far").
 *
 * Form comes from structure: a question word (which / who / what ... A or B, between A and B which ...) makes
 * a choice, an auxiliary or a statement a yes/no question, "how / what is / measure / determine ..." with a
 * measure a quantity, "closest among A, B and C" a candidate list, "how many" a count. "Is A above or below
 * B" (either-or) is read as its first alternative marked `either`: the answer names the one that holds.
 */
import type { OrderKey, PairMeasure, Query, Relation, Threshold } from '../reason/query';
import {
  alternation, AXIS_CUES, DIMENSION_CUES, DISTANCE_CUE, EXTREME_CUE, findCues, lookupWhole, NEAR_CUE, NOT_A_DIMENSION, ORDER_KEYS,
  RELATION_CUES, SAME_DIMENSIONS, SUPERLATIVES, TRIANGLE_SHAPES, type Table,
} from './cues';
import {
  ALL_OBJECTS, KIND_PREFIX, OBJ, POSITIONAL, SLOT, firstCue, has, q, re, referenceOf, relationIn, slotAfter, slotsOf, understood,
  type Ctx, type Reading,
} from './readKit';
import { CATEGORIES } from '../scene/categories';
import { readDirection, readFacing, readImageSide, readOtherViewpoint, readPlace } from './readViewpoints';

export { ALL_OBJECTS, KIND_PREFIX, type Reading } from './readKit';

// ---------------------------------------------------------------- readers

/** The form of "is there a sofa?": the objects of that kind counted when some were found (parse.ts: else the VLM). */
export const EXISTENCE = 'yes/no (whether there is one)';

/** "Is there a sofa (in the photo)?", "can you see a tv?", "does the room have a lamp?" */
const THERE_IS = `^(?:(?:is|are) there|(?:can|do) (?:you|i|we) see|does (?:the|this) (?:room|photo|picture|image|scene) (?:have|contain|show|include)) (?:a |an |any |some |the )?(${OBJ})$`;

/**
 * "Is there a chair to the left of the tv?", "are there any objects behind the sofa?": whether anything (of a
 * kind) stands in a relation to a reference, answered by counting them; "is there a sofa?" counts the sofas.
 */
function readExists(c: Ctx): Reading | null {
  const only = c.slots.length === 1 ? re(THERE_IS).exec(c.s) : null;
  if (only) return q({ type: 'tally', objects: [KIND_PREFIX + only[1]] }, EXISTENCE, only[0].replace(/ obj\d+$/, ''));
  // "are all the chairs shorter than the sofa": the count of those that are, against how many there are
  // "anything behind the sofa?": the question's "is there" left out
  const m = re(`(?:is|are) there(?: (?:any|a|an|some|other))*(?: (${OBJ}|objects?|things?|items?|anything|something))|(?:are|is) (?:all|each|every one|both) (?:of )?(?:the )?(${OBJ})|^(?:are|were) (${OBJ})|^(anything|something|any (?:objects?|things?|items?))`).exec(c.s);
  // "are the chairs in front of the tv": a plural subject asks about every object of its kind
  if (!m || (m[3] !== undefined && !c.plural.has(m[3]))) return null;
  const rest = c.s.slice(m.index + m[0].length);
  const rel = relationIn(rest);
  if (!rel || rest.slice(0, rel.start).trim().split(' ').filter(Boolean).length > 3) return null;
  const noun = m[1] ?? m[2] ?? m[3] ?? m[4];
  const ref = referenceOf(rest, rel.end);
  if (!ref || ref === noun) return null;
  const kind = /^obj\d+$/.test(noun) ? noun : null;
  // "is there ...": whether any is; "are all / both / the chairs ...": whether every one is
  const ask = m[1] !== undefined || m[4] !== undefined ? 'any' : 'all';
  const query: Query = kind ? { type: 'count', relation: rel.rel, reference: ref, among: [KIND_PREFIX + kind], ask } : { type: 'count', relation: rel.rel, reference: ref, ask };
  return q(query, 'yes/no', m[0].replace(/ obj\d+/, ''), rel.text);
}

/**
 * "Is the thing that is left of the tv bigger than the lamp?", "what is the size of the object right of the
 * sofa?" (CLEVR, GQA): an object named by where it is, then asked about. Which object that is can be found; a
 * question about it goes one step further than one reading, so it is offered as the finding.
 */
function readDescribed(c: Ctx): Reading | null {
  const m = re(`(?:thing|things|object|objects|item|items|one|ones) (?:that|which|who)(?: (?:is|are|was|were|sits|sit|stands|stand|lies|lie|located|placed|positioned))*`).exec(c.s);
  if (!m) return null;
  const rest = c.s.slice(m.index + m[0].length);
  const rel = relationIn(rest);
  if (!rel || rel.start > 1) return null;
  // the slot right after the cue: "than the lamp" later in the question is the outer comparison's
  const ref = slotAfter(rest, rel.end);
  if (!ref) return null;
  const find: Query = { type: 'find', relation: rel.rel, reference: ref };
  const before = c.s.slice(0, m.index);
  const after = rest.slice(rest.indexOf(ref) + ref.length).trim();
  if (/^(?:(?:what|which) (?:is|are)(?: the| a| an)? ?)?$/.test(before) && after === '') return q(find, 'find', rel.text);
  return understood(`a question about what is ${rel.text} ${ref}`, [ref], [m[0], rel.text], find);
}

/** "Is A twice as tall as B?", "is A three times the width of B": a ratio of two measures, which is not measured; the comparison is */
const RATIO = `(?:twice|thrice|half|double|triple|quadruple|\\d+(?:\\.\\d+)? times|(?:one|two|three|four|five|six|ten) times|a third|a quarter|one third|one quarter) (?:as [a-z]+ as|the (?:height|width|size|length|depth|distance|volume) of|(?:taller|shorter|wider|narrower|bigger|larger|smaller|longer|higher|lower|farther|further|closer|nearer|heavier) than)`;

const AS_ADJECTIVE: Readonly<Record<string, Relation>> = { tall: 'taller', high: 'taller', wide: 'wider', broad: 'wider', long: 'wider', big: 'bigger', large: 'bigger' };

function readRatio(c: Ctx): Reading | null {
  const m = re(RATIO).exec(c.s);
  if (!m) return null;
  // "as tall as" names the measure; a comparative ("three times taller than") is a relation cue itself
  const adjective = /as ([a-z]+) as$/.exec(m[0])?.[1];
  const relation = adjective ? AS_ADJECTIVE[adjective] : relationIn(c.s)?.rel;
  const [a, b] = c.slots;
  const suggestion: Query | undefined = relation && a && b && c.slots.length === 2 && !POSITIONAL.has(relation) ? { type: 'relation', form: 'yesno', relation, a, b } : undefined;
  return understood(`whether one measure is ${m[0].replace(/ (?:as [a-z]+ as|the [a-z]+ of|[a-z]+ than)$/, '')} another`, c.slots.slice(0, 2), [m[0]], suggestion);
}

/** "Is the sofa wider than it is tall?": one object's extents against each other, which its dimensions answer */
function readSelfComparison(c: Ctx): Reading | null {
  if (c.slots.length !== 1) return null;
  const m = re(`(?:than|as) (?:it|they) (?:is|are|s) (?:tall|high|wide|long|deep|thick|broad|big)`).exec(c.s);
  return m ? q({ type: 'dimensions', a: c.slots[0] }, 'quantity', m[0]) : null;
}

/** "At what depth is the sofa?", "the depth of the sofa from the camera": its distance from the camera, not its own depth */
function readDepthFromCamera(c: Ctx): Reading | null {
  if (c.slots.length !== 1) return null;
  const m = re(`at what depth|(?:depth|deep) (?:of )?(?:${OBJ} )?(?:from|to|relative to|away from) cam|how deep (?:into|in) (?:the )?(?:scene|image|photo|picture|room)`).exec(c.s);
  return m ? q({ type: 'range', a: c.slots[0] }, 'quantity', m[0].replace(/ obj\d+/, '')) : null;
}

/** "How high is the camera?", "at what height was the photo taken?": the camera's height above the floor */
const CAMERA_HEIGHT = re(`(?:how high|how tall|how far up|height|elevation)(?: [a-z]+){0,4}? cam|how far (?:above|off|over|up from|up) (?:the )?(?:floor|ground)(?: [a-z]+){0,2}? cam|cam(?: [a-z]+){0,3}? (?:height|elevation)|cam (?:is |was )?(?:from|above|off|over) (?:the )?(?:floor|ground)|(?:height|how high|how far up)(?: [a-z]+){0,3}? (?:photo|picture|image|shot|photograph) (?:was )?(?:taken|shot|captured)`);

function readCameraHeight(c: Ctx): Reading | null {
  if (c.slots.length !== 0) return null;
  const m = CAMERA_HEIGHT.exec(c.s);
  return m ? q({ type: 'cameraHeight' }, 'quantity', m[0].replace(/\bcam\b/, 'camera')) : null;
}

/** "Which takes up more floor space, A or B?": a footprint, not a distance between them; their sizes are compared */
function readFootprint(c: Ctx): Reading | null {
  // "take up more space than" alone is the volume (bigger), as before; a footprint names the floor
  const m = re('footprint|floor space|floor area|space on the floor|room on the floor').exec(c.s);
  if (!m) return null;
  // "which object has the largest footprint": the sizes are ordered
  if (c.slots.length < 2 && !c.cam && re('largest|larger|biggest|bigger|most|more|greatest|greater|smallest|smaller|least|less').test(c.s)) {
    const smallest = re('smallest|smaller|least|less').test(c.s);
    return understood(`which takes up the ${smallest ? 'least' : 'most'} floor space`, [], [m[0]], { type: 'order', by: 'size', objects: c.slots.length === 1 ? [KIND_PREFIX + c.slots[0]] : [ALL_OBJECTS], descending: !smallest, top: true });
  }
  if (c.slots.length < 2) return null;
  const [a, b] = c.slots;
  return understood('which takes up more floor space', [a, b], [m[0]], c.slots.length === 2 ? { type: 'relation', form: 'choice', relation: 'bigger', a, b } : undefined);
}

function readTriangle(c: Ctx): Reading | null {
  if (!has(c.s, 'triangle|triangular') || c.slots.length !== 3) return null;
  const shape = firstCue(TRIANGLE_SHAPES, c.s);
  if (!shape) return null;
  return q({ type: 'triangle', shape: shape.value, objects: [c.slots[0], c.slots[1], c.slots[2]] }, 'yes/no', shape.text, 'triangle');
}

/** "where can I put the lamp so that it is behind the sofa", "can I move the chair left of the desk": a placement to plan, not where things are */
const PLACE_IT = `(?:where|how) (?:can|could|should|would|do|might|must|shall|to) (?:i |we |you |one |someone |somebody )?(?:put|place|placed|move|moved|set|position|positioned|store|hang|stand|go)|(?:can|could|should|may|shall) (?:i|we|you|one) (?:put|place|placed|move|moved|set|position|positioned|hang|store) ${OBJ}|where (?:should|could|can|would) ${OBJ} (?:go|be (?:put|placed|moved|set))`;
/**
 * "If the sofa were stacked on the table, how tall would they be?", "would the chair fit under the desk?": a
 * scene other than the one photographed. Its relation words describe the imagined move, not the photo, so they
 * must not be read as a question about where things are now.
 */
const MOVED = '(?:stacked|put|placed|moved|set|pushed|pulled|turned|rotated|lifted|raised|lowered|dropped|laid|swapped|removed|shifted|slid|flipped|tipped|carried|brought|taken|stood|hung|mounted)';
const HYPOTHETICAL = `if (?:${OBJ}|the objects|they|it) were(?! (?:standing|sitting|positioned|placed|located) (?:at|by|beside|next to|near|on))|if (?:${OBJ}|the objects|they|it) (?:were|was|is|are|got|gets|had been|would be|could be) (?:[a-z]+ )?${MOVED}|if (?:i|we|you|someone|somebody|one) (?:were to |was to )?(?:stack|stacked|put|place|placed|move|moved|set|push|pushed|pull|pulled|turn|turned|rotate|rotated|lift|lifted|swap|swapped|remove|removed|shift|shifted|carry|carried|bring|brought|hang|hung) |(?:${OBJ}|it|they) (?:would|will|could|can|does|do|might) (?:[a-z]+ )?fit|(?:would|will|could|can|does|do|might) (?:${OBJ}|it|they) (?:[a-z]+ )?fit|(?:room|space|enough space|enough room) (?:for|to (?:fit|put|place)) ${OBJ}|${PLACE_IT}`;

function readHypothetical(c: Ctx): Reading | null {
  const m = re(HYPOTHETICAL).exec(c.s);
  if (!m) return null;
  const note = /\bfit\b|\b(?:room|space)\b/.test(m[0]) ? 'whether something would fit' : re(PLACE_IT).test(m[0]) ? 'where something could be put' : 'a scene other than the one photographed';
  return understood(note, [], [m[0]]);
}

/**
 * "Is the sofa facing the tv / facing away from it?", "which way is the chair turned?", "is the bed parallel to the
 * wall?" (VSR, 3DSRBench): which way an object is turned. A box's heading says which way its long side runs, not
 * where its front is, so this is not measured; "away from" must not make it a distance.
 */
const ORIENTATION = `^(?:is|are|was|were|does|do) (${OBJ}) (?:(?:currently|directly|actually|really|also|still) )?(?:facing|pointed|pointing|turned|oriented|angled|aimed|positioned facing|parallel|perpendicular|face|point)(?![a-z])|^(?:which|what) (?:way|direction|side) (?:is|are|does|do) (${OBJ}) (?:face|facing|point|pointing|pointed|turned|oriented)|^which side of (${OBJ}) (?:is |are )?(?:facing|faces)|^(${OBJ}) (?:is|are) (?:facing|pointed|pointing|turned|oriented|parallel|perpendicular)`;

function readOrientation(c: Ctx): Reading | null {
  const m = re(ORIENTATION).exec(c.s);
  if (!m) return null;
  const x = m[1] ?? m[2] ?? m[3] ?? m[4];
  return understood(`which way ${x} is turned, which a box does not show`, [x], [m[0]]);
}

/**
 * "Which chair is taller?", "which of the stools is the highest?", "which chair is further left?": a kind named
 * with nothing to compare it with is compared within itself, the top of its ordering ("which chair is taller"
 * was read as what is taller than a chair, after asking which chair).
 */
function readKindComparison(c: Ctx): Reading | null {
  if (c.slots.length !== 1 || c.cam) return null;
  const m = /^(?:which|what)(?: one)?(?: of)?(?: the)? (obj\d+) (?:is|are|looks|seems|appears|stands|sits)(?: the)? (.+)$/.exec(c.s);
  if (!m || /\b(?:than|to|from|of|as)\b/.test(m[2])) return null;
  const kind = KIND_PREFIX + m[1];
  const sup = firstCue(SUPERLATIVES, m[2]);
  if (sup && sup.start === 0) return q({ type: 'order', by: sup.value.by, objects: [kind], descending: sup.value.descending, top: true }, 'superlative', sup.text);
  const rel = relationIn(m[2]);
  const order = rel && rel.start === 0 ? ORDER_OF[rel.rel] : undefined;
  return rel && order ? q({ type: 'order', by: order[0], objects: [kind], descending: order[1], top: true }, 'superlative', rel.text) : null;
}

/**
 * "Is the lamp to the left of the sofa and behind it?": two places of one object against one other, which a
 * yes / no to the first would pass over; the place answers each axis with its margin. Two relations of other
 * kinds ("left of it and taller") are two questions, offered one at a time.
 */
function readCompoundPlace(c: Ctx): Reading | null {
  if (c.slots.length !== 2) return null;
  const m = /^(?:is|are) (obj\d+) (.+?) (obj\d+) and (?:(?:is )?(?:it|they) (?:is |are )?|(?:is )?also )?(.+?)(?: (it|them|obj\d+))?$/.exec(c.s);
  if (!m || (m[5] !== undefined && m[5] !== 'it' && m[5] !== 'them' && m[5] !== m[3])) return null;
  const first = relationIn(m[2]), second = relationIn(m[4]);
  if (!first || !second) return null;
  if (POSITIONAL.has(first.rel) && POSITIONAL.has(second.rel)) return q({ type: 'place', a: m[1], b: m[3] }, 'place', first.text, second.text);
  // "is the lamp left of the sofa and taller than it": two questions; a yes to the first must not pass for both
  return understood(`two questions at once: whether ${m[1]} is ${first.text} ${m[3]}, and ${second.text} it`, [m[1], m[3]], [first.text, second.text],
    { type: 'relation', form: 'yesno', relation: first.rel, a: m[1], b: m[3] });
}

/**
 * "How tall is the lamp compared to the sofa?", "how far is the lamp compared to the tv?": one object's measure set
 * against another's, the difference with both beside it ("how far ... compared to" was the distance between them).
 */
function readComparedMeasure(c: Ctx): Reading | null {
  if (c.slots.length !== 2) return null;
  const m = /^how (tall|high|wide|broad|long|big|large|far(?: away)?|close|near) (?:is|are) (obj\d+) (?:when )?(?:compared (?:to|with)|relative to|versus|vs|in comparison (?:to|with)|next to) (obj\d+)$/.exec(c.s);
  if (!m) return null;
  const [, word, a, b] = m;
  if (/^(?:big|large)$/.test(word)) return q({ type: 'relation', form: 'choice', relation: 'bigger', a, b }, 'choice', word);
  const measure: PairMeasure = /^(?:tall|high)$/.test(word) ? 'how_much_taller' : /^(?:wide|broad|long)$/.test(word) ? 'how_much_wider' : 'how_much_behind';
  // "how long ... compared to": parse.ts words it as a length, as it does every width asked with "long"
  return q({ type: 'pair', measure, a, b }, 'quantity', word, 'compared');
}

function readCount(c: Ctx): Reading | null {
  const m = re('how many|what number of|number of|count(?: up)?|how much of').exec(c.s);
  if (!m) return null;
  const rest = c.s.slice(m.index);
  const rel = relationIn(rest);
  // "how many steps from A to B", "how many steps to reach A": a distance in a walker's units, not a count of objects
  if (/^how many (?:steps|paces|strides)\b/.test(rest) && c.slots.length === 2) {
    const [a, b] = c.slots;
    return understood(`how far ${a} is from ${b}, in steps`, [a, b], [m[0]], { type: 'pair', measure: 'distance', a, b });
  }
  if (/^how many (?:steps|paces|strides)\b/.test(rest) && c.slots.length === 1 && c.slots[0] !== 'cam') {
    const a = c.slots[0];
    return understood(`how far ${a} is, in steps`, [a], [m[0]], { type: 'range', a });
  }
  // "how many times taller is A than B": a ratio, not a count; the comparison is what we measure
  if (/^how many (?:times|fold)\b/.test(rest)) {
    const ref = rel ? referenceOf(rest, rel.end) : null;
    const a = ref ? c.slots.find((x) => x !== ref) : undefined;
    return rel && ref && a && c.slots.length === 2
      ? understood(`how many times ${rel.text.replace(/ than$/, '')} ${a} is than ${ref}`, [a, ref], [m[0], rel.text], { type: 'relation', form: 'yesno', relation: rel.rel, a, b: ref })
      : understood('a ratio of two measures', [], [m[0]]);
  }
  if (rel) {
    const ref = referenceOf(rest, rel.end);
    // "how many chairs are closer than the sofa": the chairs are what is counted
    const counted = /^(?:how many|what number of|number of|count(?: up)?) (?:of )?(?:the )?(obj\d+)/.exec(rest)?.[1];
    if (ref) return q(counted && counted !== ref ? { type: 'count', relation: rel.rel, reference: ref, among: [KIND_PREFIX + counted] } : { type: 'count', relation: rel.rel, reference: ref }, 'count', m[0], rel.text);
    return understood(`counting what is ${rel.text} something`, [], [m[0], rel.text]);
  }
  // "how many chairs are there": the objects of the one kind named (each caption found, no model needed)
  if (c.slots.length === 1) return q({ type: 'tally', objects: [KIND_PREFIX + c.slots[0]] }, 'count', m[0]);
  // "how many vehicles are there": the objects of that class (parse.ts narrows every object to it)
  if (c.slots.length === 0 && re(`(?:${CATEGORY_WORDS})`).test(rest)) return q({ type: 'tally', objects: [ALL_OBJECTS] }, 'count', m[0]);
  return understood('counting objects', [], [m[0]]);
}

/** "What is between the sofa and the tv?", "is there anything between them?": the objects that are */
const WHAT_BETWEEN = `^(?:(?:what|which)(?: (?:objects?|things?|items?|ones?))?(?: (?:is|are|lies|lie|stands|stand|sits|sit|do you see|can you see|can i see))?|(?:is|are) there (?:anything|something|any objects?|any things?|an object|a thing))(?: (?:located|placed|standing|sitting|lying|found|there|directly|right|exactly))* (?:in )?between (${OBJ}) and (${OBJ})$`;

function readInBetween(c: Ctx): Reading | null {
  if (c.slots.length !== 2) return null;
  const m = re(WHAT_BETWEEN).exec(c.s);
  return m ? q({ type: 'inBetween', b: m[1], c: m[2] }, 'find', 'between') : null;
}

function readBetween(c: Ctx): Reading | null {
  if (has(c.s, DISTANCE_CUE) || c.wh === 'which' || c.wh === 'who') return null;
  const m = re(`(${SLOT})(?: (?:is|are|located|positioned|situated|placed|sitting|standing|lying|found|lie|lies|sit|sits|stand|stands|appear|appears|in|right|directly|exactly|somewhere|placed|to be|be))* between (${SLOT})(?: and (${SLOT}))?`).exec(c.s);
  if (!m) return null;
  // "is the table between the stools": one plural mention for both ends (parse.ts takes the two it names)
  if (m[3] === undefined) return c.plural.has(m[2]) && m[2] !== m[1] ? q({ type: 'between', a: m[1], b: m[2], c: m[2] }, 'yes/no', 'between') : null;
  return q({ type: 'between', a: m[1], b: m[2], c: m[3] }, 'yes/no', 'between');
}

const SUPER_ENDS: Table<{ by: OrderKey; descending: boolean }> = [
  ...SUPERLATIVES,
  ['front', { by: 'camera_distance', descending: false }],
  ['back|rear', { by: 'camera_distance', descending: true }],
  ['top', { by: 'elevation', descending: true }],
  ['bottom', { by: 'elevation', descending: false }],
  ['left', { by: 'lateral', descending: false }],
  ['right', { by: 'lateral', descending: true }],
];

/** Words for all the objects of the scene at once. */
const EVERY_OBJECT = '(?:all|all of|each of|every one of)? ?(?:the|these|those) (?:objects|things|items)|all (?:objects|things|items)|every (?:object|thing|item)|everything|all of them|them all';

function readOrder(c: Ctx): Reading | null {
  const verb = re('order|sort|rank|arrange|list|put|organize|line up|rearrange').exec(c.s);
  if (!verb) return null;
  // "rank the objects from nearest to farthest": every object of the scene
  const every = c.slots.length === 0 && has(c.s, EVERY_OBJECT);
  if (c.slots.length < 2 && !every) return null;
  const list = every ? [ALL_OBJECTS] : c.slots;
  const key = re(`(?:by|according to|in order of|in terms of|based on|on the basis of|with respect to|regarding|using) (?:their |its |the )?(${alternation(ORDER_KEYS)})`).exec(c.s);
  const ends = alternation(SUPER_ENDS);
  const fromTo = re(`from (?:the )?(${ends}) to (?:the )?(?:${ends})`).exec(c.s);
  const first = re(`(?:the )?(${ends}) (?:one )?first`).exec(c.s);
  const ad = re('(?:in )?(ascending|descending|increasing|decreasing)(?: order)?').exec(c.s);
  const by = key ? lookupWhole(ORDER_KEYS, key[1]) : undefined;
  const end = fromTo ?? first;
  const sup = end ? lookupWhole(SUPER_ENDS, end[1]) : undefined;
  const orderBy = by ?? sup?.by;
  if (!orderBy) return null;
  const descending = sup && sup.by === orderBy ? sup.descending : ad ? /desc|decreas/.test(ad[1]) : orderBy !== 'camera_distance' && orderBy !== 'lateral';
  return q({ type: 'order', by: orderBy, objects: list, descending }, 'order', verb[0], key?.[0], end?.[0], ad?.[0]);
}

function readDifference(c: Ctx): Reading | null {
  const m = re('how much|by how much|how far|how many|what is the difference|how big is the difference|how high(?= (?:above|over|below|under))|how low(?= (?:below|under|beneath))').exec(c.s);
  if (!m || has(c.s, 'apart|distance between|gap|from each other')) return null;
  const rest = c.s.slice(m.index + m[0].length);
  const rel = relationIn(rest);
  if (!rel || c.slots.length !== 2) return null;
  const ref = referenceOf(rest, rel.end);
  const b = ref ?? c.slots[1];
  const a = c.slots.find((x) => x !== b);
  if (!a) return null;
  if (!POSITIONAL.has(rel.rel) && !(rel.rel in HOW_MUCH)) {
    // "how much bigger is A than B": a difference of volumes or largest sides says little; the comparison is
    return understood(`how much ${rel.text.replace(/ than$/, '')} ${a} is than ${b}`, [a, b], [m[0], rel.text], { type: 'relation', form: 'yesno', relation: rel.rel, a, b });
  }
  return q(howMuch(rel.rel, a, b), 'quantity', m[0], rel.text);
}

/** "the nearest vehicle to the person": a class of things stands where "object" would (parse.ts narrows the objects to it) */
const CATEGORY_WORDS = CATEGORIES.map((k) => k.words).join('|');

function readExtreme(c: Ctx): Reading | null {
  const m = re(`(${EXTREME_CUE})(?: (?:object|thing|item|one|away|of them|in the room|${CATEGORY_WORDS}))*(?: (?:to|from|of))? (${SLOT})`).exec(c.s);
  if (!m) return null;
  const to = m[2];
  const wh = c.wh === 'which' || c.wh === 'what' || c.wh === 'who';
  const which = /clos|near|next|beside|adjacent|neighbo/.test(m[1]) ? 'closest' : 'farthest';
  // "the second closest to the camera": the whole order from the camera; from an object, the nearest is offered
  if (ORDINAL_BEFORE.test(c.s.slice(0, m.index))) {
    if (to === 'cam') return q({ type: 'order', by: 'camera_distance', objects: c.slots.length >= 2 ? c.slots : [ALL_OBJECTS], descending: which === 'farthest' }, 'order', m[0]);
    return understood(`a rank after the first from ${to}`, [to], [m[0]], { type: 'extreme', which, to });
  }
  // "is A closer to B or to C", "is A nearer to B than to C": A's two distances compared ("than C is" is C's)
  const orTo = /^ (?:or (?:to |from )?|than (?:to|from) )(obj\d+)/.exec(c.s.slice(m.index + m[0].length));
  const subject = slotsOf(c.s.slice(0, m.index));
  // "am I closer to A or B": the one asking stands where the camera did; which of the two is nearer it
  if (orTo && to !== 'cam' && subject.length === 0 && /(?:^| )(?:i|we|you)(?: |$)/.test(c.s.slice(0, m.index)) && to !== orTo[1]) {
    return q({ type: 'relation', form: 'choice', relation: which === 'closest' ? 'front' : 'behind', a: to, b: orTo[1] }, 'choice', m[0], 'or');
  }
  if (orTo && to !== 'cam' && !c.wh && subject.length === 1 && subject[0] !== to && subject[0] !== orTo[1]) {
    return q({ type: 'extreme', which, to: subject[0], among: [to, orTo[1]] }, 'candidate list', m[0], 'or');
  }
  // "is A closer to the camera than B" is the relation "in front"; "is A closer to B than C" picks among A, C
  const listed = wh || / or /.test(c.s) || (to !== 'cam' && /\bthan\b/.test(c.s.slice(m.index)));
  if (!listed) return null;
  const kind = kindSlot(c);
  const among = kind ? [KIND_PREFIX + kind] : c.slots.filter((x) => x !== to);
  if (to === 'cam') {
    if (!kind && among.length === 2) return q({ type: 'relation', form: 'choice', relation: which === 'closest' ? 'front' : 'behind', a: among[0], b: among[1] }, 'choice', m[0]);
    if (!kind && among.length === 1) return q({ type: 'range', a: among[0] }, 'quantity', m[0]);
    return q({ type: 'order', by: 'camera_distance', objects: among.length > 0 ? among : [ALL_OBJECTS], descending: which === 'farthest', top: true }, 'superlative', m[0]);
  }
  // "what is next to A" is the object closest to A; "which is closer to A, B or C" picks among B and C
  if (c.wh === 'where') return null;
  // "is B near A or far from it": one candidate is no choice; the distance between the two answers it
  if (!kind && among.length === 1 && !wh) return q({ type: 'pair', measure: 'distance', a: among[0], b: to }, 'yes/no (a distance)', m[0]);
  return q(among.length > 0 ? { type: 'extreme', which, to, among } : { type: 'extreme', which, to }, among.length > 0 ? 'candidate list' : 'extreme', m[0]);
}

/** "How tall are the sofa and the lamp?", "what are the heights of the two chairs?": each one's, in order */
const SIZES_OF = 'how (tall|high|wide|long|big|large) (?:are|were)|what (?:are|were) (?:the )?(heights|widths|lengths|sizes)(?: of)?|(heights|widths|lengths|sizes) of';

function readSizes(c: Ctx): Reading | null {
  const m = re(SIZES_OF).exec(c.s);
  if (!m || c.cam || has(c.s, DISTANCE_QUESTION)) return null;
  const objects = c.slots.length >= 2 ? c.slots : c.slots.length === 1 && c.plural.has(c.slots[0]) ? [KIND_PREFIX + c.slots[0]] : null;
  if (!objects) return null;
  const word = m[1] ?? m[2] ?? m[3];
  const by: OrderKey = /tall|high|height/.test(word) ? 'height' : /wide|long|width|length/.test(word) ? 'width' : 'size';
  return q({ type: 'order', by, objects, descending: true }, 'order', m[0].replace(/ obj\d+/g, ''));
}

/** "which chair ...": the mention right after the question word stands for every object of its kind. */
function kindSlot(c: Ctx): string | null {
  const m = /\bwhich (obj\d+) (?:is|are|was|sits|stands|appears|looks|seems)\b/.exec(c.s);
  // "which chair is nearer to me": the camera is the reference, the kind the candidates
  return m && (c.slots.length >= 2 || c.cam) ? m[1] : null;
}

/** "the second tallest": a rank other than the first, which a superlative's answer (its winner) does not give */
const ORDINAL_BEFORE = /\b(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|next) (?:most )?$/;

/** "Is the lamp the tallest object?", "is the sofa the closest one to the camera?": a superlative claimed of one object */
function readClaim(c: Ctx): Reading | null {
  if (c.slots.length !== 1 || c.wh !== null) return null;
  // asked ("is the lamp the tallest") or stated and tagged ("the lamp is the tallest, right?")
  const m = re(`^(?:is|was|isnt) (${OBJ})(?: (?:really|actually|indeed|truly))? the|^(${OBJ}) (?:is|was)(?: (?:really|actually|indeed|truly))? the`).exec(c.s);
  if (!m) return null;
  const rest = c.s.slice(m.index + m[0].length);
  const sup = firstCue(SUPERLATIVES, rest);
  // "is the sofa the second tallest": the whole order says where it stands
  if (sup && ORDINAL_BEFORE.test(rest.slice(0, sup.start))) return q({ type: 'order', by: sup.value.by, objects: [ALL_OBJECTS], descending: sup.value.descending }, 'order', sup.text);
  return sup ? q({ type: 'order', by: sup.value.by, objects: [ALL_OBJECTS], descending: sup.value.descending, top: true, claim: m[1] ?? m[2] }, 'yes/no', sup.text) : null;
}

function readSuperlative(c: Ctx): Reading | null {
  if (c.wh === null && !has(c.s, 'of|among|out of')) return null;
  const sup = firstCue(SUPERLATIVES, c.s);
  if (!sup) return null;
  // "which is the second tallest": the whole order, where the second can be read (the top names only the first)
  if (ORDINAL_BEFORE.test(c.s.slice(0, sup.start))) {
    const objects = c.slots.length >= 2 ? c.slots : [ALL_OBJECTS];
    return c.wh !== null || c.slots.length >= 2 ? q({ type: 'order', by: sup.value.by, objects, descending: sup.value.descending }, 'order', sup.text) : null;
  }
  // "is the lamp far left of the sofa" places one object against another: no superlative without a question word
  if (sup.value.by === 'lateral' && c.wh === null && !has(c.s, 'among|out of|of all|of the (?:objects|things|items)')) return null;
  if (c.slots.length === 0) {
    if (c.wh !== 'which' && c.wh !== 'what') return null;
    // "which two objects are closest to each other", "which are farthest apart": a pair of objects, not the camera's nearest
    if (sup.value.by === 'camera_distance' && has(c.s, 'each other|one another|apart|together|two objects|two things|pair')) {
      return understood(`which two objects are ${sup.value.descending ? 'farthest apart' : 'closest together'}`, [], [sup.text]);
    }
    return q({ type: 'order', by: sup.value.by, objects: [ALL_OBJECTS], descending: sup.value.descending, top: true }, 'superlative', sup.text);
  }
  if (c.slots.length === 2) {
    const [up, down] = COMPARATIVE_OF[sup.value.by];
    return q({ type: 'relation', form: 'choice', relation: sup.value.descending ? up : down, a: c.slots[0], b: c.slots[1] }, 'choice', sup.text);
  }
  if (c.slots.length >= 3) return q({ type: 'order', by: sup.value.by, objects: c.slots, descending: sup.value.descending, top: true }, 'superlative', sup.text);
  return null;
}

/** "Which of the two is tallest": a superlative over two objects is a comparative choice. */
const COMPARATIVE_OF: Record<OrderKey, [Relation, Relation]> = {
  height: ['taller', 'shorter'], size: ['bigger', 'smaller'], width: ['wider', 'thinner'], elevation: ['above', 'below'], camera_distance: ['behind', 'front'],
  lateral: ['right', 'left'],
};

/**
 * "How much more to the left", "how much taller": the pair measure per positional relation and per height or
 * width comparison (its converse swaps the objects).
 */
const HOW_MUCH: Partial<Record<Relation, PairMeasure>> = {
  left: 'how_much_left', right: 'how_much_left', above: 'how_much_above', below: 'how_much_above', behind: 'how_much_behind', front: 'how_much_behind',
  taller: 'how_much_taller', shorter: 'how_much_taller', wider: 'how_much_wider', thinner: 'how_much_wider',
};

/** "How far is A to the right of B" is how_much_left(B, A): the converse relations swap the objects. */
function howMuch(relation: Relation, a: string, b: string): Extract<Query, { type: 'pair' }> {
  const swap = relation === 'right' || relation === 'below' || relation === 'front' || relation === 'shorter' || relation === 'thinner';
  return { type: 'pair', measure: HOW_MUCH[relation]!, a: swap ? b : a, b: swap ? a : b };
}

/** "Which is wider: A, B or C?": a comparative over three or more is the top of an ordering. */
const ORDER_OF: Partial<Record<Relation, [OrderKey, boolean]>> = {
  taller: ['height', true], shorter: ['height', false], bigger: ['size', true], smaller: ['size', false], wider: ['width', true],
  thinner: ['width', false], above: ['elevation', true], below: ['elevation', false], front: ['camera_distance', false], behind: ['camera_distance', true],
  left: ['lateral', false], right: ['lateral', true],
};

function readComparativeList(c: Ctx): Reading | null {
  if (c.slots.length < 3 || (c.wh !== 'which' && c.wh !== 'who' && c.wh !== 'what')) return null;
  const rel = relationIn(c.s);
  const key = rel ? ORDER_OF[rel.rel] : undefined;
  if (!rel || !key || referenceOf(c.s, rel.end) !== null && /\bthan\b/.test(c.s)) return null;
  return q({ type: 'order', by: key[0], objects: c.slots, descending: key[1], top: true }, 'candidate list', rel.text);
}

/**
 * "Is the sofa taller than both the tv and the lamp?", "is A closer than B, C or D?": A beyond each of the
 * others is A heading their ordering, the claimed superlative (yes, no naming the one that is, or too close).
 */
function readBeyondAll(c: Ctx): Reading | null {
  if (c.slots.length < 3 || c.wh) return null;
  const rel = relationIn(c.s);
  const key = rel ? ORDER_OF[rel.rel] : undefined;
  if (!rel || !key) return null;
  const subject = slotsOf(c.s.slice(0, rel.start));
  const list = re(`^(?: (?:than|of|to))? (?:both|either|all of|each of|any of)? ?(?:the )?(${OBJ})((?: ,)? (?:(?:and|or|,) )?(?:the )?${OBJ})+$`).exec(c.s.slice(rel.end));
  // "left of the tv or the lamp" may ask which of the two; "than either B or C" is than each
  if (subject.length !== 1 || !list || (/ or /.test(list[0]) && !/\b(?:either|any of)\b/.test(list[0]))) return null;
  const others = slotsOf(list[0]);
  if (others.includes(subject[0])) return null;
  return q({ type: 'order', by: key[0], objects: [subject[0], ...others], descending: key[1], top: true, claim: subject[0] }, 'yes/no', rel.text, 'each of');
}

/** "Compare the heights of the sofa and the tv": which is taller */
function readCompare(c: Ctx): Reading | null {
  if (c.slots.length !== 2) return null;
  const m = re(`compare (?:the )?(${alternation(SAME_DIMENSIONS)}) of ${OBJ} and ${OBJ}|compare ${OBJ} and ${OBJ} (?:by|in|in terms of|for) (?:their )?(${alternation(SAME_DIMENSIONS)})`).exec(c.s);
  const relation = m ? lookupWhole(SAME_DIMENSIONS, m[1] ?? m[2]) : null;
  return relation ? q({ type: 'relation', form: 'choice', relation, a: c.slots[0], b: c.slots[1] }, 'choice', m![0].replace(/ obj\d+/g, '')) : null;
}

const SAME_AS = `(?:the same|equal|similar|identical|comparable)(?: in)? (${alternation(SAME_DIMENSIONS)})|(?<!not )as (${alternation(SAME_DIMENSIONS)}) as|equally (${alternation(SAME_DIMENSIONS)})`;

/** "is the apple in the bowl", "does the bowl contain the apple": containment, asked yes or no */
const IN_B = `(${OBJ})(?: (?:is|are|was|were|lie|lies|sit|sits|stand|stands|located|positioned|placed|situated|kept|stored|sitting|lying|standing|found|fully|completely|entirely|really|actually))* (?:inside(?: of)?|within|in|contained (?:in|within|by)|enclosed (?:in|within|by)) (${OBJ})(?= ,| or not|$)`;
const B_CONTAINS = `(${OBJ}) (?:contain|contains|enclose|encloses)(?: [a-z]+){0,2}? (${OBJ})`;

/** "is the cup on the table", "does the table support the cup": resting on, asked yes or no */
const ON_B = `(${OBJ})(?: (?:is|are|was|were|sit|sits|sitting|rest|rests|resting|stand|stands|standing|lie|lies|lying|lay|laying|placed|located|positioned|set|kept|put|mounted|sat|stood|really|actually))* (?:on|upon|onto) (${OBJ})(?= ,| or not|$)`;
const B_SUPPORTS = `(${OBJ}) (?:support|supports|hold up|holds up|carry|carries|bear|bears)(?: [a-z]+){0,2}? (${OBJ})(?= ,| or not|$)`;

/**
 * "which objects are on the table", "what things are in the box": the objects placed there. Only when the
 * question asks for objects: "what is on the desk", "what is in the mug", "what is on the tv" ask about things
 * no box may stand for (papers, coffee, a programme) and stay with the vision-language model.
 */
const PLACED_WHAT = `(?:which|what)(?: of the| of these)? (?:objects|object|things|thing|items|item)(?: [a-z]+){0,2}? (on|upon|in|inside|inside of|within) (${OBJ})$`;

function readPlaced(c: Ctx): Reading | null {
  if (c.slots.length !== 1 || !/\b(?:which|what)\b/.test(c.s)) return null;
  const m = re(PLACED_WHAT).exec(c.s);
  return m ? q({ type: 'placed', how: /^(?:on|upon)$/.test(m[1]) ? 'on' : 'in', reference: m[2] }, 'find', m[1]) : null;
}

function readSupport(c: Ctx): Reading | null {
  if (c.slots.length !== 2 || c.wh !== null || !/\b(?:on|upon|onto|support|supports|hold|holds|carry|carries|bear|bears)\b/.test(c.s)) return null;
  const m = re(ON_B).exec(c.s);
  if (m) return q({ type: 'support', a: m[1], b: m[2] }, 'yes/no', m[0].replace(/obj\d+ ?/g, '').trim());
  const r = re(B_SUPPORTS).exec(c.s);
  return r ? q({ type: 'support', a: r[2], b: r[1] }, 'yes/no', 'support') : null;
}

function readContain(c: Ctx): Reading | null {
  if (c.slots.length !== 2 || c.wh !== null || !/\b(?:in|inside|within|contained|enclosed|contain|contains|enclose|encloses)\b/.test(c.s)) return null;
  const m = re(IN_B).exec(c.s);
  if (m) return q({ type: 'contain', a: m[1], b: m[2] }, 'yes/no', m[0].replace(/obj\d+ ?/g, '').trim());
  const r = re(B_CONTAINS).exec(c.s);
  return r ? q({ type: 'contain', a: r[2], b: r[1] }, 'yes/no', 'contain') : null;
}

function readSame(c: Ctx): Reading | null {
  if (!/\b(?:same|equal|similar|identical|comparable|as|equally)\b/.test(c.s)) return null;
  // one plural mention ("the two chairs") stands for the pair; parse.ts checks it names exactly two
  const pair = c.slots.length === 2 ? [c.slots[0], c.slots[1]] : c.slots.length === 1 && c.plural.has(c.slots[0]) ? [c.slots[0], c.slots[0]] : null;
  if (!pair) return null;
  const m = re(SAME_AS).exec(c.s);
  if (!m) return null;
  const relation = lookupWhole(SAME_DIMENSIONS, m[1] ?? m[2] ?? m[3]);
  if (!relation) return null;
  return q({ type: 'relation', form: 'choice', relation, a: pair[0], b: pair[1] }, 'choice', m[0]);
}

function readChoice(c: Ctx): Reading | null {
  const rel = relationIn(c.s);
  if (!rel || c.slots.length !== 2) return null;
  const [a, b] = c.slots;
  const whChoice = c.wh === 'which' || c.wh === 'who' || (c.wh === 'what' && / or /.test(c.s));
  const orList = re(`${a}(?: ,)? or (?:the )?${b}`).test(c.s) && !re(`(?:than|of|to|from) (?:either )?${a}(?: ,)? or`).test(c.s);
  if (!whChoice && !orList) return null;
  // "which is left of B, A or C" names a reference, not a pair to choose from
  if (!orList && !/\b(?:or|and|between|of|among|vs|versus)\b/.test(c.s)) return null;
  return q({ type: 'relation', form: 'choice', relation: rel.rel, a, b }, 'choice', rel.text);
}

const CONVERSE: Readonly<Record<Relation, Relation>> = {
  left: 'right', right: 'left', above: 'below', below: 'above', behind: 'front', front: 'behind',
  wider: 'thinner', thinner: 'wider', bigger: 'smaller', smaller: 'bigger', taller: 'shorter', shorter: 'taller',
};

function readRelation(c: Ctx): Reading | null {
  const rel = relationIn(c.s);
  if (!rel) return null;
  const objs = c.slots;
  if (objs.length === 2) {
    const ref = referenceOf(c.s, rel.end);
    const b = ref ?? objs[1];
    const a = objs.find((x) => x !== b);
    if (!a) return null;
    const either = re(`or (?:to |on |at |in )?(?:the )?(?:${alternation(RELATION_CUES)})`).exec(c.s.slice(rel.end - 1));
    // "is A left or right of B": both alternatives named, so the answer names the one that holds
    const alternative = either ? firstCue(RELATION_CUES, either[0].slice(3))?.value : undefined;
    const both = alternative !== undefined && CONVERSE[rel.rel] === alternative;
    return q({ type: 'relation', form: 'yesno', relation: rel.rel, a, b, ...(both ? { either: true } : {}) }, either ? 'either-or' : 'yes/no', rel.text, either?.[0]);
  }
  if (objs.length === 1 && (c.cam || /\b(?:what|which|who)\b/.test(c.s))) {
    const x = objs[0];
    if (c.cam) return understood(`whether ${x} is ${rel.text} the camera`, [x], [rel.text]);
    // "what is (directly) behind the coffee table": the objects in that relation, nearest first
    if (/\b(?:what|which)\b/.test(c.s)) return q({ type: 'find', relation: rel.rel, reference: x }, 'find', rel.text);
    return understood(`what is ${rel.text.replace(/ (?:than|of)$/, '')} ${x}`, [x], [rel.text], POSITIONAL.has(rel.rel) ? { type: 'count', relation: rel.rel, reference: x } : undefined);
  }
  if (objs.length === 1 && c.yesNo) return understood(`whether ${objs[0]} is ${rel.text} something`, [objs[0]], [rel.text]);
  return null;
}

function axisOf(s: string): { axis?: 'horizontal_distance' | 'vertical_distance'; text?: string } {
  const a = firstCue(AXIS_CUES, s);
  return a ? { axis: a.value, text: a.text } : {};
}

/** "how much space does the sofa take up": the room one object fills, not a distance */
const OCCUPIES_SPACE = '(?:occupy|occupies|occupying|take up|takes up|taking up|fill|fills|filling|cover|covers|covering)(?: [a-z]+){0,3}? (?:space|room|area)|(?:space|room|area)(?: [a-z0-9]+){0,4}? (?:occupy|occupies|take up|takes up|fill|fills|cover|covers)';
/** "the dimensions of the sofa in terms of height": the named dimension decides over a generic size word */
const GENERIC_SIZE = /^(?:big|large|size|sizes|dimension|dimensions)$/;
const EXPLICIT_DIMENSION = `(?:in terms of|with respect to|when it comes to|regarding) (?:its |their |the )?(${DIMENSION_CUES.map(([src]) => src).join('|')})`;

function readDistance(c: Ctx): Reading | null {
  if (c.slots.length === 1 && has(c.s, OCCUPIES_SPACE)) return null;
  const near = re(NEAR_CUE).exec(c.s);
  const dist = re(DISTANCE_CUE).exec(c.s);
  const cue = dist ?? near;
  if (!cue) return null;
  const { axis, text } = axisOf(c.s);
  const measure: PairMeasure = axis ?? 'distance';
  // "how far is the sofa from me": the distance from the camera
  if (c.cam && c.slots.length === 1) return q({ type: 'range', a: c.slots[0] }, 'quantity', cue[0]);
  if (c.slots.length === 2) return q({ type: 'pair', measure, a: c.slots[0], b: c.slots[1] }, c.yesNo || !c.wh ? 'yes/no (a distance)' : 'quantity', cue[0], text);
  // "how far apart are the two chairs": one plural mention; parse.ts decides whether it names a pair
  if (c.slots.length === 1 && dist && !near && c.plural.has(c.slots[0])) return q({ type: 'pair', measure, a: c.slots[0], b: c.slots[0] }, 'quantity', cue[0], text);
  // "how far away is the tv?", "is it more than 3 m away?": from the one who took the photo, the camera; not
  // "how far to the left is it" (an offset), "how far is it from the wall" (from something not in the scene) nor
  // "how far apart is the sofa" (a pair with one named)
  const tail = c.slots.length === 1 ? c.s.slice(c.s.indexOf(c.slots[0]) + c.slots[0].length) : '';
  const fromElsewhere = /(?:^| )(?:from|to) /.test(tail) && !/^(?: away)? from (?:here|me|us|where\b.*)$/.test(tail);
  if (c.slots.length === 1 && dist && c.slots[0] !== 'cam' && /^(?:far|away|distant|distance|how close|how near)$/.test(dist[0]) && !fromElsewhere && !relationIn(c.s)
    && !has(c.s, 'apart|gap|spacing|separation|separated|clearance|each other|one another|together|between')) {
    return q({ type: 'range', a: c.slots[0] }, c.yesNo || !c.wh ? 'yes/no (a distance)' : 'quantity', cue[0]);
  }
  if (c.slots.length === 1 && dist) return understood(`how far away ${c.slots[0]} is`, [], [cue[0]], { type: 'order', by: 'camera_distance', objects: [ALL_OBJECTS], descending: false });
  return null;
}

/**
 * "What are the dimensions of the sofa", "what size is it", "its volume", "how much space does it take up": all
 * three extents. "How big is A" stays the width, as the SpatialVLM templates ask it; a named dimension or axis
 * ("the dimensions of A in terms of height", "the horizontal dimensions") asks that one.
 */
const ALL_DIMENSIONS = '(?:the |its |their )?(?:dimensions|measurements|size|volume|overall size|overall dimensions|bulk)(?: of)?|what size|how voluminous';

function readSize(c: Ctx): Reading | null {
  if (c.slots.length !== 1 || NOT_A_DIMENSION.test(c.s)) return null;
  if (c.wh === 'which' || c.wh === 'who') return null;
  const explicit = re(EXPLICIT_DIMENSION).exec(c.s);
  const { axis, text } = axisOf(c.s);
  if (!explicit && !axis) {
    const all = re(ALL_DIMENSIONS).exec(c.s) ?? re(OCCUPIES_SPACE).exec(c.s);
    // "how big / wide / tall is the sofa, i.e. its size" still asks one extent when one is named
    const named = findCues(DIMENSION_CUES, c.s).some((d) => !GENERIC_SIZE.test(d.text));
    if (all && !named) return q({ type: 'dimensions', a: c.slots[0] }, 'quantity', all[0]);
  }
  // the room it fills along one axis is that extent (with no axis it is all three dimensions, above)
  const filled = has(c.s, OCCUPIES_SPACE) && axis ? { value: axis === 'vertical_distance' ? 'height' : 'width', text: 'space' } as const : null;
  const first = firstCue(DIMENSION_CUES, c.s);
  // a named dimension overrides only a generic size word: "how tall is it in terms of width" still asks the height
  const generic = first !== null && GENERIC_SIZE.test(first.text);
  const dim = (explicit && (first === null || generic) ? firstCue(DIMENSION_CUES, explicit[1]) : null) ?? first ?? filled;
  if (!dim) return null;
  const measure = axis === 'vertical_distance' && dim.value !== 'depth' ? 'height' : axis === 'horizontal_distance' && dim.value === 'height' ? 'width' : dim.value;
  return q({ type: 'size', measure, a: c.slots[0] }, 'quantity', dim.text, text);
}

/** "how high off the ground is the shelf", "the elevation of the lamp", "at what height is the tv mounted" */
const FLOOR = '(?:the )?(?:floor|ground|floor level|ground level|road|street|pavement|sidewalk)';
const ELEVATION = `(?:above|off|over|from|up from|up off) ${FLOOR}|elevation|how high up|how far up|at what height|height (?:is|was) ${OBJ} (?:mounted|hung|hanging|installed|fixed|attached|placed|positioned|put|set)|how high (?:is|was|are|were) ${OBJ} (?:mounted|hung|hanging|installed|fixed|attached|placed|positioned|put|set)`;

function readElevation(c: Ctx): Reading | null {
  if (c.slots.length !== 1 || c.cam) return null;
  const m = re(ELEVATION).exec(c.s);
  return m ? q({ type: 'elevation', a: c.slots[0] }, 'quantity', m[0].replace(/obj\d+ ?/g, '').trim()) : null;
}

function readWhere(c: Ctx): Reading | null {
  const m = /\bwhere (?:is|are|was|were|do you see|can i find|would i find|do i find|can you see) (obj\d+)(?: (?:located|positioned|placed|situated|standing|sitting|kept|exactly|now|right now))?$/.exec(c.s);
  if (!m || c.slots.length !== 1) return null;
  const x = m[1];
  return understood(`where ${x} is`, [x], ['where'], { type: 'extreme', which: 'closest', to: x });
}

/** A question about a distance ("how far", "the gap between"): its relation words are not a comparison. */
const DISTANCE_QUESTION = 'how far|how close|how near|distance|distances|apart|gap|separation|spacing|clearance|each other|one another|space between|room between';

function readRelationUnlessDistance(c: Ctx): Reading | null {
  return has(c.s, DISTANCE_QUESTION) && !has(c.s, 'farther|further|closer|nearer') ? null : readRelation(c);
}

const READERS: readonly ((c: Ctx) => Reading | null)[] = [
  readHypothetical, readOrientation, readKindComparison, readCompoundPlace, readComparedMeasure, readCameraHeight, readRatio, readFootprint, readSelfComparison, readDepthFromCamera, readTriangle, readCount, readInBetween, readExists, readDescribed, readBetween, readFacing,
  readOtherViewpoint, readImageSide, readPlace, readDirection, readOrder, readDifference, readClaim, readExtreme, readSuperlative, readComparativeList, readBeyondAll, readPlaced,
  readContain, readSupport, readSame, readCompare, readChoice, readSizes, readElevation, readRelationUnlessDistance, readDistance, readRelation, readSize, readWhere,
];

/**
 * A draft asked against a length ("is A taller than 1 m", "is A more than 2 m left of B"): the measure with the
 * threshold, a position relation as its signed how-much measure, or null when the question compares no length.
 */
export function withThresholdDraft(draft: Query, threshold: Threshold): Query | null {
  switch (draft.type) {
    case 'size':
    case 'range':
    case 'elevation':
      return { ...draft, threshold };
    case 'pair':
      return draft.measure === 'direction' ? null : { ...draft, threshold };
    case 'relation':
      return draft.relation in HOW_MUCH ? { ...howMuch(draft.relation, draft.a, draft.b), threshold } : null;
    default:
      return null;
  }
}

/** Read a skeleton ("is obj0 left of obj1") into a draft query over slots, or what was understood. */
/**
 * "What color is the chair to the left of the sofa?", "what is the person in front of the bus wearing?", "is
 * the lamp behind the sofa red?" (GQA): the relation only picks the object out; what is asked is how it looks,
 * which no measurement answers. Such questions go to the vision-language model whole, never as the relation.
 */
const APPEARANCE = re(`(?:what|which) (?:colou?rs?|materials?|textures?|patterns?|brand|style|fabric)|(?:colou?r|colou?rs|material|texture|pattern|brand) (?:of|is|are)|made (?:out )?of|(?:wearing|wears|wear|holding|holds|doing|reading|eating|drinking|playing|written|say|says)(?: ${OBJ})?$|(?:red|blue|green|yellow|black|white|grey|gray|brown|orange|pink|purple|silver|golden|beige|wooden|metal|metallic|plastic|glass|leather|open|closed|empty|full|lit|broken|clean|dirty)$`);

export function readSkeleton(s: string, yesNo: boolean, plural: ReadonlySet<string> = new Set()): Reading | null {
  if (APPEARANCE.test(s)) return null;
  const wh = /\b(which|who|what|how|where|whichever)\b/.exec(s);
  const c: Ctx = { s, slots: slotsOf(s), cam: /\bcam\b/.test(s), wh: wh ? (wh[1] === 'whichever' ? 'which' : wh[1]) : null, yesNo, plural };
  for (const r of READERS) {
    const out = r(c);
    if (out) return out;
  }
  return null;
}

