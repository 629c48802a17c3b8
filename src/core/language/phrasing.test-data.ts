/**
 * A phrasing corpus: how people and spatial-VQA data sets ask, written for this test from ordinary usage
 * (not from the parser's cue tables), each with the query a person means. Hand-written forms per question
 * type are combined with wrappers, context clauses, typos, plurals, camera references, candidate lists,
 * negations and units; HELD_OUT_PHRASINGS are single sentences written after the parser, never tuned on.
 *
 * Also the precision set: questions that are not spatial measurements (what is this, describe the scene,
 * count the windows, what colour is the sofa) and must not be read as one.
 */
import { mulberry32 } from '../geometry/prng';
import type { OrderKey, PairMeasure, Query, Relation, SizeMeasure, UnitRequest } from '../reason/query';
import { SCENES } from './corpus.test-data';
import type { SceneLike } from './referents';

export const OFFICE: SceneLike = {
  objects: [
    { id: 'desk', caption: 'desk', box2d: { x0: 160, y0: 170, x1: 500, y1: 370 }, centroid: [0, 0.37, -2.3] },
    { id: 'dlamp', caption: 'desk lamp', box2d: { x0: 420, y0: 80, x1: 480, y1: 180 }, centroid: [0.5, 0.95, -2.4] },
    { id: 'books', caption: 'stack of books', box2d: { x0: 180, y0: 140, x1: 240, y1: 180 }, centroid: [-0.5, 0.85, -2.3] },
    { id: 'ochair', caption: 'black office chair', box2d: { x0: 260, y0: 220, x1: 400, y1: 470 }, centroid: [0, 0.5, -1.5] },
    { id: 'mug', caption: 'white mug', box2d: { x0: 300, y0: 150, x1: 330, y1: 175 }, centroid: [0.1, 0.8, -2.2] },
    { id: 'monitor', caption: 'monitor', box2d: { x0: 280, y0: 60, x1: 400, y1: 150 }, centroid: [0, 1.0, -2.5] },
  ],
};

export type SceneName = keyof typeof SCENES | 'office';
export const ALL_SCENES: Record<SceneName, SceneLike> = { ...SCENES, office: OFFICE };

export type Want =
  | { status: 'ok'; query: Query; unit?: UnitRequest }
  | { status: 'clarify' }
  | { status: 'unresolved'; phrases: string[] }
  | { status: 'free-form' };

export interface PhrasingCase {
  scene: SceneName;
  text: string;
  want: Want;
  /** what the case exercises, for the failure report */
  tag: string;
}

/** Ways to name each object (captions, synonyms, attributes, qualifiers). */
const NAMES: Record<SceneName, Record<string, string[]>> = {
  living: {
    sofa: ['the sofa', 'the couch', 'the settee'], table: ['the coffee table', 'the low table'], lamp: ['the floor lamp', 'the lamp', 'the tall black lamp'],
    chairL: ['the red chair', 'the chair on the left'], chairR: ['the blue chair', 'the chair on the right'], tv: ['the TV', 'the television', 'the telly'],
    plant: ['the potted plant', 'the plant', 'the houseplant'],
  },
  street: {
    car: ['the car', 'the automobile'], bus: ['the bus'], person: ['the person', 'the pedestrian', 'the man'], light: ['the traffic light', 'the stoplight', 'the traffic signal'],
    bike: ['the bicycle', 'the bike'],
  },
  kitchen: {
    fridge: ['the fridge', 'the refrigerator'], dtable: ['the dining table'], stoolL: ['the wooden bar stool', 'the wooden stool'], stoolR: ['the metal stool', 'the metal bar stool'],
    oven: ['the oven'], mw: ['the microwave', 'the microwave oven'],
  },
  office: {
    desk: ['the desk'], dlamp: ['the desk lamp', 'the lamp'], books: ['the stack of books', 'the books', 'the pile of books'], ochair: ['the office chair', 'the black chair', 'the black office chair'],
    mug: ['the mug', 'the white mug', 'the coffee mug'], monitor: ['the monitor', 'the computer monitor'],
  },
};

type F2 = (a: string, b: string) => string;
type F1 = (a: string) => string;

/** Yes/no forms per relation: "A <phrase> B". */
const YESNO: Record<Relation, F2[]> = {
  left: [(a, b) => `Is ${a} to the left of ${b}?`, (a, b) => `Is ${a} on the left side of ${b}?`, (a, b) => `Does ${a} sit left of ${b}?`, (a, b) => `Is ${a} located to the left of ${b}?`, (a, b) => `${a} is left of ${b}, right?`, (a, b) => `Would you say ${a} is further left than ${b}?`, (a, b) => `Is ${a} placed more to the left than ${b}?`],
  right: [(a, b) => `Is ${a} to the right of ${b}?`, (a, b) => `Is ${a} on the right-hand side of ${b}?`, (a, b) => `Does ${a} appear to the right of ${b}?`, (a, b) => `Is ${a} positioned right of ${b}?`, (a, b) => `Is it true that ${a} is to the right of ${b}?`, (a, b) => `Is ${a} further to the right than ${b}?`],
  above: [(a, b) => `Is ${a} above ${b}?`, (a, b) => `Is ${a} higher up than ${b}?`, (a, b) => `Does ${a} sit higher than ${b}?`, (a, b) => `Is ${a} positioned over ${b}?`, (a, b) => `Is ${a} higher than ${b}?`, (a, b) => `Is ${a} at a higher position than ${b}?`],
  below: [(a, b) => `Is ${a} below ${b}?`, (a, b) => `Is ${a} underneath ${b}?`, (a, b) => `Is ${a} lower than ${b}?`, (a, b) => `Does ${a} sit beneath ${b}?`, (a, b) => `Is ${a} situated under ${b}?`, (a, b) => `Is ${a} lower down than ${b}?`],
  behind: [(a, b) => `Is ${a} behind ${b}?`, (a, b) => `Is ${a} farther from the camera than ${b}?`, (a, b) => `Is ${a} further away than ${b}?`, (a, b) => `Does ${a} come behind ${b}?`, (a, b) => `Is ${a} further back than ${b}?`, (a, b) => `Is ${a} more distant than ${b}?`, (a, b) => `Is ${a} located in back of ${b}?`],
  front: [(a, b) => `Is ${a} in front of ${b}?`, (a, b) => `Is ${a} closer to the camera than ${b}?`, (a, b) => `Is ${a} nearer to the viewer than ${b}?`, (a, b) => `Is ${a} closer to the camera compared to ${b}?`, (a, b) => `Is ${a} positioned before ${b}?`, (a, b) => `Is ${a} closer to us than ${b}?`, (a, b) => `Does ${a} stand in front of ${b}?`],
  wider: [(a, b) => `Is ${a} wider than ${b}?`, (a, b) => `Is ${a} broader than ${b}?`, (a, b) => `Does ${a} have a greater width than ${b}?`, (a, b) => `Is the width of ${a} greater than that of ${b}?`, (a, b) => `Is ${a} bigger than ${b} in terms of width?`, (a, b) => `Is ${a} longer than ${b}?`],
  thinner: [(a, b) => `Is ${a} thinner than ${b}?`, (a, b) => `Is ${a} narrower than ${b}?`, (a, b) => `Is ${a} less wide than ${b}?`, (a, b) => `Does ${a} have a smaller width than ${b}?`, (a, b) => `Is ${a} slimmer than ${b}?`],
  bigger: [(a, b) => `Is ${a} bigger than ${b}?`, (a, b) => `Is ${a} larger than ${b}?`, (a, b) => `Is ${a} bigger in size than ${b}?`, (a, b) => `Does ${a} look larger than ${b}?`, (a, b) => `Is ${a} greater in size than ${b}?`, (a, b) => `Does ${a} take up more space than ${b}?`],
  smaller: [(a, b) => `Is ${a} smaller than ${b}?`, (a, b) => `Is ${a} tinier than ${b}?`, (a, b) => `Is ${a} smaller in size than ${b}?`, (a, b) => `Does ${a} seem smaller than ${b}?`, (a, b) => `Is ${a} not as big as ${b}?`],
  taller: [(a, b) => `Is ${a} taller than ${b}?`, (a, b) => `Does ${a} have a greater height than ${b}?`, (a, b) => `Does ${a} have a greater height compared to ${b}?`, (a, b) => `Is the height of ${a} greater than that of ${b}?`, (a, b) => `Is ${a} bigger than ${b} in terms of height?`, (a, b) => `Does ${a} stand taller than ${b}?`],
  shorter: [(a, b) => `Is ${a} shorter than ${b}?`, (a, b) => `Is ${a} less tall than ${b}?`, (a, b) => `Is ${a} not as tall as ${b}?`, (a, b) => `Does ${a} have a lower height than ${b}?`, (a, b) => `Is the height of ${a} smaller than that of ${b}?`],
};

/** Choice forms per relation, given a comparative phrase. */
const CHOICE_WORDS: Record<Relation, string[]> = {
  left: ['more to the left', 'further left', 'on the left'], right: ['more to the right', 'further right', 'further to the right'],
  above: ['higher', 'higher up', 'positioned higher'], below: ['lower', 'lower down', 'closer to the floor'],
  behind: ['further back', 'farther from the camera', 'more distant from the viewer'], front: ['closer to the camera', 'nearer to me', 'more in front'],
  wider: ['wider', 'broader'], thinner: ['thinner', 'narrower'], bigger: ['bigger', 'larger', 'bigger in size'], smaller: ['smaller', 'tinier'],
  taller: ['taller', 'greater in height'], shorter: ['shorter', 'less tall'],
};
const CHOICE_FORMS: ((w: string) => F2)[] = [
  (w) => (a, b) => `Which is ${w}, ${a} or ${b}?`,
  (w) => (a, b) => `Which one is ${w}: ${a} or ${b}?`,
  (w) => (a, b) => `Between ${a} and ${b}, which one is ${w}?`,
  (w) => (a, b) => `Which of these two, ${a} or ${b}, is ${w}?`,
  (w) => (a, b) => `Which object is ${w}, ${a} or ${b}?`,
  (w) => (a, b) => `Of ${a} and ${b}, which is ${w}?`,
  (w) => (a, b) => `Is ${a} or ${b} ${w}?`,
  (w) => (a, b) => `Who is ${w}, ${a} or ${b}?`,
];

/** Either-or: read as the first alternative. */
const EITHER: [Relation, F2][] = [
  ['above', (a, b) => `Is ${a} above or below ${b}?`],
  ['below', (a, b) => `Is ${a} below or above ${b}?`],
  ['left', (a, b) => `Is ${a} to the left or right of ${b}?`],
  ['right', (a, b) => `Is ${a} on the right or the left of ${b}?`],
  ['bigger', (a, b) => `Is ${a} bigger or smaller than ${b}?`],
  ['taller', (a, b) => `Is ${a} taller or shorter than ${b}?`],
  ['front', (a, b) => `Is ${a} in front of or behind ${b}?`],
  ['wider', (a, b) => `Is ${a} wider or narrower than ${b}?`],
];

const DISTANCE: F2[] = [
  (a, b) => `How far is ${a} from ${b}?`, (a, b) => `What is the distance between ${a} and ${b}?`, (a, b) => `How far apart are ${a} and ${b}?`,
  (a, b) => `How much space is there between ${a} and ${b}?`, (a, b) => `How distant is ${a} from ${b}?`, (a, b) => `What's the gap between ${a} and ${b}?`,
  (a, b) => `Could you provide the distance between ${a} and ${b}?`, (a, b) => `Measure the distance from ${a} to ${b}.`, (a, b) => `Determine how far ${a} is from ${b}.`,
  (a, b) => `Are ${a} and ${b} far from each other?`, (a, b) => `Is there a large distance between ${a} and ${b}?`, (a, b) => `Is ${a} next to ${b}?`,
  (a, b) => `Is ${a} directly adjacent to ${b}?`, (a, b) => `How close is ${a} to ${b}?`, (a, b) => `Give me the distance separating ${a} and ${b}.`,
];
const HORIZONTAL: F2[] = [
  (a, b) => `What is the horizontal distance between ${a} and ${b}?`, (a, b) => `How far apart are ${a} and ${b} horizontally?`,
  (a, b) => `Could you provide the horizontal distance between ${a} and ${b}?`, (a, b) => `Measuring along the floor, how far is ${a} from ${b}?`,
];
const VERTICAL: F2[] = [
  (a, b) => `What is the vertical distance between ${a} and ${b}?`, (a, b) => `How far apart are ${a} and ${b} vertically?`,
  (a, b) => `Could you provide the vertical distance between ${a} and ${b}?`, (a, b) => `What is the vertical gap separating ${a} and ${b}?`,
];

const SIZE: Record<SizeMeasure, F1[]> = {
  height: [(a) => `How tall is ${a}?`, (a) => `What is the height of ${a}?`, (a) => `What is the approximate height of ${a}?`, (a) => `Measure the height of ${a}.`, (a) => `How high is ${a}?`, (a) => `Could you tell me how tall ${a} is?`, (a) => `Find out how tall ${a} is.`, (a) => `Determine the vertical dimension of ${a}.`],
  width: [(a) => `How wide is ${a}?`, (a) => `What is the width of ${a}?`, (a) => `Measure the width of ${a}.`, (a) => `Find out how wide ${a} is.`, (a) => `Determine the horizontal dimensions of ${a}.`, (a) => `How big is ${a}?`],
  length: [(a) => `How long is ${a}?`, (a) => `What's the length of ${a}?`],
  depth: [(a) => `How deep is ${a}?`, (a) => `What is the depth of ${a}?`, (a) => `Measure how deep ${a} is.`, (a) => `How thick is ${a}?`],
};

/** Differences: [measure, swap, form] where swap means the query's a is the text's b. */
const DIFFERENCE: [PairMeasure, boolean, F2][] = [
  ['how_much_above', false, (a, b) => `How much higher is ${a} than ${b}?`], ['how_much_above', false, (a, b) => `How far above ${b} is ${a}?`],
  ['how_much_above', true, (a, b) => `How much lower is ${a} than ${b}?`], ['how_much_above', true, (a, b) => `By how much is ${a} below ${b}?`],
  ['how_much_left', false, (a, b) => `How much further left is ${a} than ${b}?`], ['how_much_left', false, (a, b) => `How far to the left of ${b} is ${a}?`],
  ['how_much_left', true, (a, b) => `How much more to the right is ${a} than ${b}?`],
  ['how_much_behind', false, (a, b) => `How much further back is ${a} than ${b}?`], ['how_much_behind', false, (a, b) => `How far behind ${b} is ${a}?`],
  ['how_much_behind', true, (a, b) => `How much closer to the camera is ${a} than ${b}?`],
];

const DIRECTION: F2[] = [
  (a, b) => `If I stand at ${a} facing the camera, where is ${b}?`, (a, b) => `In which direction is ${b} from ${a}?`, (a, b) => `At what clock position is ${b} relative to ${a}?`,
  (a, b) => `Standing by ${a} and facing the camera, at what o'clock is ${b}?`, (a, b) => `What direction is ${b} from ${a}?`,
];

const EXTREME: ['closest' | 'farthest', F1][] = [
  ['closest', (t) => `What is closest to ${t}?`], ['closest', (t) => `Which object is nearest to ${t}?`], ['closest', (t) => `What's right next to ${t}?`],
  ['closest', (t) => `What is the nearest thing to ${t}?`], ['farthest', (t) => `What is farthest from ${t}?`], ['farthest', (t) => `Which object is the most distant from ${t}?`],
  ['farthest', (t) => `Which item is furthest away from ${t}?`],
];
const AMONG: ['closest' | 'farthest', (t: string, list: string) => string][] = [
  ['closest', (t, l) => `Which is nearest to ${t}: ${l}?`], ['closest', (t, l) => `Which of ${l} is closest to ${t}?`], ['closest', (t, l) => `Among ${l}, which is the closest to ${t}?`],
  ['farthest', (t, l) => `Which is farthest from ${t}: ${l}?`], ['farthest', (t, l) => `Out of ${l}, which one is furthest from ${t}?`], ['closest', (t, l) => `Which is closest to ${t} among ${l}?`],
];

const COUNT: [Relation, F1][] = [
  ['left', (r) => `How many objects are to the left of ${r}?`], ['right', (r) => `How many things are on the right of ${r}?`], ['above', (r) => `How many items are higher than ${r}?`],
  ['behind', (r) => `How many objects are behind ${r}?`], ['front', (r) => `How many things are closer to the camera than ${r}?`], ['taller', (r) => `Count the objects that are taller than ${r}.`],
  ['bigger', (r) => `How many objects are bigger than ${r}?`],
];

const ORDER: [OrderKey, boolean, (l: string) => string][] = [
  ['height', true, (l) => `Order ${l} by height.`], ['height', false, (l) => `Sort ${l} from shortest to tallest.`], ['size', true, (l) => `Rank ${l} by size, biggest first.`],
  ['size', false, (l) => `Arrange ${l} from smallest to largest.`], ['camera_distance', false, (l) => `Sort ${l} by distance from the camera.`],
  ['camera_distance', true, (l) => `Order ${l} from farthest to nearest.`], ['width', true, (l) => `Which of ${l} is the widest?`], ['height', true, (l) => `Which is the tallest: ${l}?`],
  ['elevation', true, (l) => `Which of ${l} is highest?`], ['camera_distance', false, (l) => `Which of ${l} is closest to the camera?`],
];

const BETWEEN3: ((a: string, b: string, c: string) => string)[] = [
  (a, b, c) => `Is ${a} between ${b} and ${c}?`, (a, b, c) => `Does ${a} lie in between ${b} and ${c}?`, (a, b, c) => `Is ${a} located between ${b} and ${c}?`,
];
const TRIANGLE: ['equilateral' | 'isosceles' | 'right', (l: string) => string][] = [
  ['equilateral', (l) => `Do ${l} form an equilateral triangle?`], ['right', (l) => `Do ${l} make a right-angled triangle?`], ['isosceles', (l) => `Are ${l} arranged in an isosceles triangle?`],
];

/** Camera as the reference: [query maker, form]. */
const CAMERA: [(a: string, b: string) => Query, F2][] = [
  [(a, b) => ({ type: 'relation', form: 'yesno', relation: 'front', a, b }), (a, b) => `Is ${a} closer to me than ${b}?`],
  [(a, b) => ({ type: 'relation', form: 'yesno', relation: 'behind', a, b }), (a, b) => `Is ${a} further from us than ${b}?`],
  [(a, b) => ({ type: 'relation', form: 'choice', relation: 'front', a, b }), (a, b) => `Which is nearer to the camera taking this photo, ${a} or ${b}?`],
  [(a, b) => ({ type: 'relation', form: 'choice', relation: 'behind', a, b }), (a, b) => `Which is farther from the viewer, ${a} or ${b}?`],
  [(a, b) => ({ type: 'relation', form: 'yesno', relation: 'front', a, b }), (a, b) => `Is ${a} nearer the photographer than ${b}?`],
];

/** Wrappers and context clauses that must not change a parse. */
export const WRAPPERS: ((q: string) => string)[] = [
  (q) => `From the image's perspective, ${lower(q)}`, (q) => `From a real-world perspective, ${lower(q)}`, (q) => `In the image, ${lower(q)}`,
  (q) => `Looking at the photo, ${lower(q)}`, (q) => `Based on the picture, ${lower(q)}`, (q) => `Could you tell me: ${lower(q)}`,
  (q) => `Please, ${lower(q)}`, (q) => `Quick question: ${lower(q)}`, (q) => `Hey, ${lower(q)}`, (q) => `${noMark(q)} from the viewer's perspective?`,
  (q) => `${noMark(q)}, based on gravity?`, (q) => `${noMark(q)} in the real world?`, (q) => `${noMark(q)}, thanks!`, (q) => `I'd like to know: ${lower(q)}`,
  (q) => `In this scene, ${lower(q)}`, (q) => `As seen from the camera, ${lower(q)}`, (q) => `Judging by the photo, ${lower(q)}`,
];

function lower(q: string): string {
  return /^(?:TV|I)\b/.test(q) ? q : q.charAt(0).toLowerCase() + q.slice(1);
}
function noMark(q: string): string {
  return q.replace(/[?.!]$/, '');
}

/** Typos people make in these words; applied to one word of a question. */
const TYPOS: Record<string, string> = {
  left: 'lfet', right: 'rigth', behind: 'behnid', taller: 'taler', distance: 'distnace', between: 'betwen', closer: 'closr', above: 'abvoe',
  below: 'belwo', bigger: 'biger', smaller: 'smallr', height: 'hieght', width: 'widht', front: 'fornt', further: 'furthr', farthest: 'farthst',
  couch: 'cocuh', sofa: 'sfoa', television: 'televison', refrigerator: 'refridgerator', microwave: 'microwve', bicycle: 'bicyle', plant: 'palnt',
  table: 'tabel', nearest: 'neares', closest: 'closet', which: 'whcih', wider: 'widr', shorter: 'shorte', lamp: 'lmap', monitor: 'moniter',
};

function withTypo(text: string, seed: number): string | null {
  const words = text.split(/\b/);
  const idx = words.map((w, i) => (TYPOS[w.toLowerCase()] ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0) return null;
  const i = idx[seed % idx.length];
  words[i] = TYPOS[words[i].toLowerCase()];
  return words.join('');
}

/** Deterministic pseudo-random numbers: the geometry's seeded PRNG. */
const rng = mulberry32;

const ok = (query: Query, unit?: UnitRequest): Want => (unit ? { status: 'ok', query, unit } : { status: 'ok', query });
const listOf = (items: string[]) => (items.length === 2 ? `${items[0]} and ${items[1]}` : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const orList = (items: string[]) => `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

/** Build the generated corpus. */
export function buildPhrasingCorpus(): PhrasingCase[] {
  const out: PhrasingCase[] = [];
  const rand = rng(20260515);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const scenes: SceneName[] = ['living', 'street', 'kitchen', 'office'];
  const ids = (s: SceneName) => Object.keys(NAMES[s]);
  const name = (s: SceneName, id: string) => pick(NAMES[s][id]);
  const twoOf = (s: SceneName): [string, string] => {
    const all = ids(s);
    const a = pick(all);
    let b = pick(all);
    while (b === a) b = pick(all);
    return [a, b];
  };
  const nOf = (s: SceneName, n: number): string[] => {
    const all = [...ids(s)];
    const res: string[] = [];
    while (res.length < n) {
      const x = all.splice(Math.floor(rand() * all.length), 1)[0];
      res.push(x);
    }
    return res;
  };
  /** Push a case plainly, then wrapped, then with a typo. */
  const add = (scene: SceneName, text: string, want: Want, tag: string, variants = true) => {
    out.push({ scene, text, want, tag });
    if (!variants) return;
    if (rand() < 0.55) out.push({ scene, text: pick(WRAPPERS)(text), want, tag: `${tag}+wrapper` });
    if (rand() < 0.3) {
      const t = withTypo(text, Math.floor(rand() * 100));
      if (t) out.push({ scene, text: t, want, tag: `${tag}+typo` });
    }
  };

  for (const scene of scenes) {
    // yes/no relations, every form
    for (const rel of Object.keys(YESNO) as Relation[]) {
      for (const f of YESNO[rel]) {
        const [a, b] = twoOf(scene);
        // "is A longer than B" is the width comparison, answered in the words of length
        const long = rel === 'wider' && /\blonger\b/.test(f('A', 'B')) ? { long: true as const } : {};
        add(scene, f(name(scene, a), name(scene, b)), ok({ type: 'relation', form: 'yesno', relation: rel, a, b, ...long }), `yesno.${rel}`);
      }
      // negated: the question stays the yes/no question about the relation
      const [a, b] = twoOf(scene);
      const negForms: [Relation, F2][] = [['left', (x, y) => `Isn't ${x} to the left of ${y}?`], ['above', (x, y) => `Is ${x} not above ${y}?`], ['behind', (x, y) => `Is it not the case that ${x} is behind ${y}?`], ['bigger', (x, y) => `Isn't ${x} bigger than ${y}?`], ['taller', (x, y) => `Is ${x} not taller than ${y}?`]];
      const [nr, nf] = pick(negForms);
      add(scene, nf(name(scene, a), name(scene, b)), ok({ type: 'relation', form: 'yesno', relation: nr, a, b }), 'negation', false);
    }
    // choices
    for (const rel of Object.keys(CHOICE_WORDS) as Relation[]) {
      for (let k = 0; k < 3; k++) {
        const [a, b] = twoOf(scene);
        const f = pick(CHOICE_FORMS)(pick(CHOICE_WORDS[rel]));
        add(scene, f(name(scene, a), name(scene, b)), ok({ type: 'relation', form: 'choice', relation: rel, a, b }), `choice.${rel}`);
      }
    }
    for (const [rel, f] of EITHER) {
      const [a, b] = twoOf(scene);
      // both alternatives named: the answer names the one that holds (either)
      add(scene, f(name(scene, a), name(scene, b)), ok({ type: 'relation', form: 'yesno', relation: rel, a, b, either: true }), 'either-or');
    }
    // quantities
    for (const f of DISTANCE) {
      const [a, b] = twoOf(scene);
      const unit = pick([undefined, undefined, 'ft', 'cm', 'ft-in'] as const);
      const suffix = unit === 'ft' ? ' in feet' : unit === 'cm' ? ' in centimetres' : unit === 'ft-in' ? ' in feet and inches' : '';
      add(scene, `${noMark(f(name(scene, a), name(scene, b)))}${suffix}?`, ok({ type: 'pair', measure: 'distance', a, b }, unit), 'distance');
    }
    for (const [fs, measure] of [[HORIZONTAL, 'horizontal_distance'], [VERTICAL, 'vertical_distance']] as const) {
      for (const f of fs) {
        const [a, b] = twoOf(scene);
        add(scene, f(name(scene, a), name(scene, b)), ok({ type: 'pair', measure, a, b }), measure);
      }
    }
    for (const measure of ['height', 'width', 'depth'] as const) {
      for (const f of SIZE[measure]) {
        const a = pick(ids(scene));
        const unit = pick([undefined, undefined, 'm', 'in'] as const);
        const suffix = unit === 'm' ? ' in metres' : unit === 'in' ? ', in inches' : '';
        add(scene, `${noMark(f(name(scene, a)))}${suffix}?`, ok({ type: 'size', measure, a }, unit), `size.${measure}`);
      }
    }
    for (const [measure, swap, f] of DIFFERENCE) {
      const [a, b] = twoOf(scene);
      add(scene, f(name(scene, a), name(scene, b)), ok({ type: 'pair', measure, a: swap ? b : a, b: swap ? a : b }), `difference.${measure}`);
    }
    for (const f of DIRECTION) {
      const [a, b] = twoOf(scene);
      add(scene, f(name(scene, a), name(scene, b)), ok({ type: 'pair', measure: 'direction', a, b }), 'direction');
    }
    // extremes and candidate lists
    for (const [which, f] of EXTREME) {
      const t = pick(ids(scene));
      add(scene, f(name(scene, t)), ok({ type: 'extreme', which, to: t }), `extreme.${which}`);
    }
    for (const [which, f] of AMONG) {
      const [t, ...among] = nOf(scene, 4);
      add(scene, f(name(scene, t), orList(among.map((x) => name(scene, x)))), ok({ type: 'extreme', which, to: t, among }), 'candidate-list');
    }
    for (const [relation, f] of COUNT) {
      const r = pick(ids(scene));
      add(scene, f(name(scene, r)), ok({ type: 'count', relation, reference: r }), 'count');
    }
    for (const [by, descending, f] of ORDER) {
      const objs = nOf(scene, 3);
      add(scene, f(listOf(objs.map((x) => name(scene, x)))), ok({ type: 'order', by, objects: objs, descending }), `order.${by}`);
    }
    for (const f of BETWEEN3) {
      const [a, b, c] = nOf(scene, 3);
      add(scene, f(name(scene, a), name(scene, b), name(scene, c)), ok({ type: 'between', a, b, c }), 'between');
    }
    for (const [shape, f] of TRIANGLE) {
      const objs = nOf(scene, 3);
      add(scene, f(listOf(objs.map((x) => name(scene, x)))), ok({ type: 'triangle', shape, objects: [objs[0], objs[1], objs[2]] }), 'triangle');
    }
    for (const [make, f] of CAMERA) {
      const [a, b] = twoOf(scene);
      add(scene, f(name(scene, a), name(scene, b)), ok(make(a, b)), 'camera');
    }
    // plurals: a single object named in the plural is still that object
    {
      const [a, b] = twoOf(scene);
      const plural = (n: string) => n.replace(/(\w+)$/, (w) => (/(s|x|ch|sh)$/.test(w) ? `${w}es` : /y$/.test(w) && !/[aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`));
      add(scene, `Are ${plural(NAMES[scene][a][0])} taller than ${name(scene, b)}?`, ok({ type: 'relation', form: 'yesno', relation: 'taller', a, b }), 'plural', false);
      add(scene, `How far are ${plural(NAMES[scene][a][0])} from ${name(scene, b)}?`, ok({ type: 'pair', measure: 'distance', a, b }), 'plural', false);
    }
    // objects the scene lacks are reported by name
    for (const missing of ['piano', 'giraffe', 'aquarium', 'harp']) {
      const a = pick(ids(scene));
      add(scene, `Is the ${missing} to the left of ${name(scene, a)}?`, { status: 'unresolved', phrases: [missing] }, 'missing', false);
      add(scene, `How far is ${name(scene, a)} from the ${missing}?`, { status: 'unresolved', phrases: [missing] }, 'missing', false);
    }
  }
  // context clauses that mention the objects themselves
  for (const scene of scenes) {
    for (let k = 0; k < 6; k++) {
      const [a, b] = twoOf(scene);
      const [na, nb] = [name(scene, a), name(scene, b)];
      add(scene, `Considering the relative sizes of ${na} and ${nb} in the image, which one is larger?`, ok({ type: 'relation', form: 'choice', relation: 'bigger', a, b }), 'considering', false);
      add(scene, `Considering the positions of ${na} and ${nb}, is ${na} higher than ${nb}?`, ok({ type: 'relation', form: 'yesno', relation: 'above', a, b }), 'considering', false);
    }
  }
  return out;
}

const W = (query: Query, unit?: UnitRequest): Want => ok(query, unit);
const L = 'living' as const;
const S = 'street' as const;
const K = 'kitchen' as const;
const O = 'office' as const;

/** Single sentences written after the parser and never tuned against. */
export const HELD_OUT_PHRASINGS: PhrasingCase[] = [
  { scene: L, tag: 'held-out', text: 'How much space is there between the sofa and the coffee table?', want: W({ type: 'pair', measure: 'distance', a: 'sofa', b: 'table' }) },
  { scene: L, tag: 'held-out', text: 'Is the red chair closer to me than the blue chair?', want: W({ type: 'relation', form: 'yesno', relation: 'front', a: 'chairL', b: 'chairR' }) },
  { scene: L, tag: 'held-out', text: 'Is the lamp on the left or the right of the sofa?', want: W({ type: 'relation', form: 'yesno', relation: 'left', a: 'lamp', b: 'sofa', either: true }) },
  { scene: S, tag: 'held-out', text: 'How long is the bus?', want: W({ type: 'size', measure: 'width', a: 'bus' }) },
  { scene: L, tag: 'held-out', text: 'How tall is the lamp in feet and inches?', want: W({ type: 'size', measure: 'height', a: 'lamp' }, 'ft-in') },
  { scene: S, tag: 'held-out', text: 'Where is the TV?', want: { status: 'unresolved', phrases: ['tv'] } },
  { scene: L, tag: 'held-out', text: 'From where I am standing, is the plant in front of the TV?', want: W({ type: 'relation', form: 'yesno', relation: 'front', a: 'plant', b: 'tv' }) },
  { scene: L, tag: 'held-out', text: 'sofa vs coffee table - which one is wider?', want: W({ type: 'relation', form: 'choice', relation: 'wider', a: 'sofa', b: 'table' }) },
  { scene: L, tag: 'held-out', text: 'Does the TV hang higher than the lamp?', want: W({ type: 'relation', form: 'yesno', relation: 'above', a: 'tv', b: 'lamp' }) },
  { scene: L, tag: 'held-out', text: 'Tell me the gap between the couch and the TV in cm', want: W({ type: 'pair', measure: 'distance', a: 'sofa', b: 'tv' }, 'cm') },
  { scene: L, tag: 'held-out', text: 'Approximately how tall is the houseplant?', want: W({ type: 'size', measure: 'height', a: 'plant' }) },
  { scene: L, tag: 'held-out', text: 'Who is closer to the camera: the sofa or the blue chair?', want: W({ type: 'relation', form: 'choice', relation: 'front', a: 'sofa', b: 'chairR' }) },
  { scene: L, tag: 'held-out', text: 'Between the television and the floor lamp, which sits lower?', want: W({ type: 'relation', form: 'choice', relation: 'below', a: 'tv', b: 'lamp' }) },
  { scene: L, tag: 'held-out', text: 'Is the coffee table positioned closer to the viewer than the sofa?', want: W({ type: 'relation', form: 'yesno', relation: 'front', a: 'table', b: 'sofa' }) },
  { scene: L, tag: 'held-out', text: 'Can you measure how wide the couch is, please?', want: W({ type: 'size', measure: 'width', a: 'sofa' }) },
  { scene: L, tag: 'held-out', text: 'What is the height difference between the TV and the coffee table?', want: W({ type: 'pair', measure: 'vertical_distance', a: 'tv', b: 'table' }) },
  { scene: L, tag: 'held-out', text: 'From the perspective of the camera, which is further right, the lamp or the plant?', want: W({ type: 'relation', form: 'choice', relation: 'right', a: 'lamp', b: 'plant' }) },
  { scene: L, tag: 'held-out', text: 'Which is closer to the sofa — the lamp, the TV, or the plant?', want: W({ type: 'extreme', which: 'closest', to: 'sofa', among: ['lamp', 'tv', 'plant'] }) },
  { scene: L, tag: 'held-out', text: 'Estimate the distance from the plant to the telly, in metres please', want: W({ type: 'pair', measure: 'distance', a: 'plant', b: 'tv' }, 'm') },
  { scene: L, tag: 'held-out', text: 'is the couch taller then the coffee table', want: W({ type: 'relation', form: 'yesno', relation: 'taller', a: 'sofa', b: 'table' }) },
  { scene: S, tag: 'held-out', text: 'Is the pedestrian standing to the right of the car?', want: W({ type: 'relation', form: 'yesno', relation: 'right', a: 'person', b: 'car' }) },
  { scene: S, tag: 'held-out', text: 'How many meters separate the bike and the bus?', want: W({ type: 'pair', measure: 'distance', a: 'bike', b: 'bus' }, 'm') },
  { scene: S, tag: 'held-out', text: 'In real-world terms, how tall is the traffic light?', want: W({ type: 'size', measure: 'height', a: 'light' }) },
  { scene: S, tag: 'held-out', text: 'Which one appears bigger in the photo, the car or the bus?', want: W({ type: 'relation', form: 'choice', relation: 'bigger', a: 'car', b: 'bus' }) },
  { scene: S, tag: 'held-out', text: 'Is the bicycle parked in front of the bus?', want: W({ type: 'relation', form: 'yesno', relation: 'front', a: 'bike', b: 'bus' }) },
  { scene: S, tag: 'held-out', text: 'What is the nearest object to the stoplight?', want: W({ type: 'extreme', which: 'closest', to: 'light' }) },
  { scene: S, tag: 'held-out', text: 'Which is farther away from me, the car or the bus?', want: W({ type: 'relation', form: 'choice', relation: 'behind', a: 'car', b: 'bus' }) },
  { scene: S, tag: 'held-out', text: 'Is the person far from the bike?', want: W({ type: 'pair', measure: 'distance', a: 'person', b: 'bike' }) },
  { scene: S, tag: 'held-out', text: 'how much taller is the bus than the car', want: { status: 'free-form' } },
  { scene: K, tag: 'held-out', text: 'Is the microwave sitting on top of the oven?', want: W({ type: 'relation', form: 'yesno', relation: 'above', a: 'mw', b: 'oven' }) },
  // was the microwave's height, the only measure there was; "off the ground" asks how high its bottom is
  { scene: K, tag: 'held-out', text: 'How high off the ground is the microwave?', want: W({ type: 'elevation', a: 'mw' }) },
  { scene: K, tag: 'held-out', text: 'Which stool is nearer to the fridge?', want: W({ type: 'extreme', which: 'closest', to: 'fridge', among: ['stoolL', 'stoolR'] }) },
  { scene: K, tag: 'held-out', text: 'Is the metal stool to the right of the wooden one?', want: W({ type: 'relation', form: 'yesno', relation: 'right', a: 'stoolR', b: 'stoolL' }) },
  { scene: K, tag: 'held-out', text: 'What is the distance between the two stools?', want: W({ type: 'pair', measure: 'distance', a: 'stoolL', b: 'stoolR' }) },
  { scene: K, tag: 'held-out', text: 'Rank the fridge, oven and microwave from tallest to shortest', want: W({ type: 'order', by: 'height', objects: ['fridge', 'oven', 'mw'], descending: true }) },
  { scene: K, tag: 'held-out', text: 'Does the refrigerator have a bigger width than the oven?', want: W({ type: 'relation', form: 'yesno', relation: 'wider', a: 'fridge', b: 'oven' }) },
  { scene: O, tag: 'held-out', text: 'Is the desk lamp taller than the monitor?', want: W({ type: 'relation', form: 'yesno', relation: 'taller', a: 'dlamp', b: 'monitor' }) },
  { scene: O, tag: 'held-out', text: 'How wide is the desk?', want: W({ type: 'size', measure: 'width', a: 'desk' }) },
  { scene: O, tag: 'held-out', text: 'Is the stack of books to the left of the mug?', want: W({ type: 'relation', form: 'yesno', relation: 'left', a: 'books', b: 'mug' }) },
  { scene: O, tag: 'held-out', text: 'How far is the office chair from the desk?', want: W({ type: 'pair', measure: 'distance', a: 'ochair', b: 'desk' }) },
  { scene: O, tag: 'held-out', text: 'Which is higher up, the monitor or the mug?', want: W({ type: 'relation', form: 'choice', relation: 'above', a: 'monitor', b: 'mug' }) },
  { scene: O, tag: 'held-out', text: 'is the chair in front of the desk?', want: W({ type: 'relation', form: 'yesno', relation: 'front', a: 'ochair', b: 'desk' }) },
  { scene: O, tag: 'held-out', text: 'What is right next to the monitor?', want: W({ type: 'extreme', which: 'closest', to: 'monitor' }) },
  { scene: O, tag: 'held-out', text: 'Which is wider: the monitor, the desk or the chair?', want: W({ type: 'order', by: 'width', objects: ['monitor', 'desk', 'ochair'], descending: true }) },
  { scene: O, tag: 'held-out', text: 'How many objects sit higher than the desk?', want: W({ type: 'count', relation: 'above', reference: 'desk' }) },
  { scene: O, tag: 'held-out', text: 'Is the keyboard left of the monitor?', want: { status: 'unresolved', phrases: ['keyboard'] } },
  { scene: O, tag: 'held-out', text: 'How many keyboards are there?', want: { status: 'unresolved', phrases: ['keyboard'] } },
  { scene: O, tag: 'held-out', text: 'In the photo, how big is the mug?', want: W({ type: 'size', measure: 'width', a: 'mug' }) },
  { scene: O, tag: 'held-out', text: 'Could you determine the vertical distance between the lamp and the books?', want: W({ type: 'pair', measure: 'vertical_distance', a: 'dlamp', b: 'books' }) },
];

/** Questions that are not spatial measurements: they go to the VLM (free-form), never to a query. */
export function buildPrecisionSet(): PhrasingCase[] {
  const out: PhrasingCase[] = [];
  const general = [
    'What is this?', 'Describe the scene.', 'What is in this picture?', 'Describe the room in detail.', 'What is going on here?', 'Where was this photo taken?',
    'What time of day is it?', 'Is it daytime or night?', 'What season is it?', 'What is the weather like?', 'Who took this photo?', 'Is this indoors or outdoors?',
    // counting a kind ("how many chairs are there?") is measured from the captions since #16: not here
    'What style is the room decorated in?', 'Is this photo in colour?', 'Is the scene cluttered?', 'What language is the sign in?', 'Does this look expensive?',
    'Is there a dog in the picture?', 'Is there anything on the floor?', 'What is written on the sign?', 'Can you read the text?', 'What does the sign say?',
    'Summarize the image.', 'Give me a caption for this photo.', 'What mood does this picture convey?', 'Is this a kitchen?', 'What room is this?',
    'Is the room tidy?', 'Is it raining?', 'What is the main subject of the image?', 'Hello!', 'Thanks, that was helpful.', 'Can you tell me a joke?',
    'What can you do?', 'Who are you?', 'How does this app work?', 'What model are you?', 'Tell me something interesting.', 'Is the photo blurry?',
    'What camera was used?', 'Is the lighting good?', 'What colors dominate the image?', 'Are there any animals?', 'What is on the wall?', 'What is on the left side of the image?',
    'What is at the top of the picture?', 'Is there a window?', 'Point to the mug.', 'Where can I buy this?', 'How much does this cost?', 'What year is it?',
    'How old is this house?', 'Is this place safe?', 'Would this room fit a piano?', 'What would you change in this room?', 'Is this a good photo?',
    'Rate this picture from 1 to 10.', 'Translate the sign into French.', 'What is the capital of France?', 'How far is Paris from London?', 'What is the tallest building in the world?',
    'Which is the largest ocean?', 'Who is the president?', 'How long has the shop been open?', 'How long does it take to cook pasta?', 'What is 2 plus 2?',
    'Describe the lighting.', 'Is there a reflection in the mirror?', 'What brand is the car?', 'Is the door open?', 'Are the lights on?', 'Is anyone sitting?',
    'What is the person doing?', 'What is the person wearing?', 'Is the person happy?', 'What sport is being played?', 'What is the mood of the lighting?', 'What colour is the sky?',
    'List the objects you can see.', 'Name everything in the room.', 'What is the biggest problem with this photo?', 'Which object is the most expensive?', 'What is the oldest thing here?',
    'Can you segment the image?', 'Show me the depth map.', 'Draw a box around the chair.', 'Highlight the table.', 'Zoom in on the plant.',
  ];
  const perObject: F1[] = [
    (a) => `What colour is ${a}?`, (a) => `What is ${a} made of?`, (a) => `Is ${a} comfortable?`, (a) => `What brand is ${a}?`, (a) => `Who owns ${a}?`,
    (a) => `Describe ${a}.`, (a) => `Is ${a} clean?`, (a) => `How old is ${a}?`, (a) => `Is ${a} expensive?`, (a) => `What is ${a} used for?`,
    (a) => `Is ${a} broken?`, (a) => `Point to ${a}.`, (a) => `What style is ${a}?`, (a) => `Is ${a} new or old?`, (a) => `What material is ${a}?`,
    (a) => `Is ${a} switched on?`, (a) => `Can you describe the texture of ${a}?`, (a) => `Where did ${a} come from?`, (a) => `Is ${a} red?`,
    (a) => `What is on ${a}?`, (a) => `Is there something on ${a}?`, (a) => `Would ${a} look better in blue?`, (a) => `How much did ${a} cost?`,
    (a) => `Is ${a} made of wood?`, (a) => `Why is ${a} there?`,
  ];
  const more = [
    'Is the room big?', 'How big is the room?', 'Which way is north?', 'What is the tallest mountain on Earth?', 'How far away is the moon?', 'Where is the nearest shop?',
    'Is the photo taken from above?', 'What is the camera angle?', 'Was a flash used?', 'What is the resolution of this image?', 'Is this image edited?',
    'What kind of room is this?', 'What is the purpose of this space?', 'Does anyone live here?', 'What is the floor made of?', 'Is the ceiling high?',
    'What colour are the walls?', 'Is there a rug?', 'What is hanging on the wall?', 'Are the curtains open?', 'Is there natural light?', 'What is outside the window?',
    'Describe the objects in the foreground.', 'What stands out in this picture?', 'Is anything unusual here?', 'Is this a hotel room?', 'Is the tv on?',
    'What channel is on the tv?', 'What is the person holding?', 'Is the bus full?', 'Where is the bus going?', 'What number is the bus?', 'Is the traffic light green?',
    'Is the car moving?', 'What make is the car?', 'Is it safe to cross?', 'What is in the fridge?', 'Is the oven on?', 'What is cooking?', 'Is the kitchen modern?',
    'What is on the desk?', 'Is the monitor on?', 'What is in the mug?', 'Is the lamp lit?', 'Which books are on the desk?', 'What are the titles of the books?',
    'How many books are there?', 'Count the mugs.', 'How many objects can you see?', 'How many stools are in the kitchen?', 'Give me a short description.',
    'Write a poem about this room.', 'What would a designer say about this room?', 'Make this photo brighter.', 'Remove the lamp from the picture.', 'Crop the image.',
    'Can you identify the plant species?', 'What kind of plant is it?', 'Does the plant need water?', 'Is the sofa leather?', 'Is the couch new?', 'Which chair is more comfortable?',
    'Which one is prettier, the sofa or the chair?', 'Which is more expensive, the tv or the sofa?', 'Is the lamp more modern than the sofa?', 'Which is older, the car or the bus?',
    'What would fit between the sofa and the wall?', 'Is it cold outside?', 'What does the room smell like?', 'Can I sit on the chair?', 'Should I buy a new sofa?',
    'How do I clean the sofa?', 'What is the best way to arrange this room?', 'Where should I put the lamp?', 'Why is the plant there?', 'When was this built?',
  ];
  for (const text of general) out.push({ scene: 'living', text, want: { status: 'free-form' }, tag: 'general' });
  for (const text of more) out.push({ scene: 'living', text, want: { status: 'free-form' }, tag: 'general' });
  for (const text of general.slice(0, 40)) out.push({ scene: 'street', text, want: { status: 'free-form' }, tag: 'general' });
  for (const scene of ['living', 'street', 'kitchen', 'office'] as const) {
    const names = Object.values(NAMES[scene]).map((n) => n[0]);
    perObject.forEach((f, i) => out.push({ scene, text: f(names[i % names.length]), want: { status: 'free-form' }, tag: 'object' }));
  }
  return out;
}

