/**
 * Question phrasings for every query type and form, for synthesis (QA pairs) and for showing a parsed
 * question back to the person. Each template parses back to the query it was rendered from (tested), so
 * they stay within what the parser reads.
 *
 * Placeholders: {a} {b} {c} (objects), {to} (reference of an extreme), {ref} (reference of a count),
 * {list} (objects of an ordering, a triangle or an extreme's candidates).
 */
import type { OrderKey, Query, Relation } from '../reason/query';
import { kindNoun } from '../reason/templates';

/** Key of the template list a query uses: "relation.yesno.left", "pair.distance", "order.height.desc"... */
export function templateKey(q: Query): string {
  switch (q.type) {
    case 'relation':
      return `relation.${q.either ? 'either' : q.form}.${q.relation}${q.long ? '.long' : ''}`;
    case 'pair':
      return `pair.${q.measure}${q.threshold ? `.${q.threshold.op}` : ''}${q.long ? '.long' : ''}`;
    case 'size':
      return `size.${q.measure}${q.threshold ? `.${q.threshold.op}` : ''}`;
    case 'extreme':
      return q.among && q.among.length > 0 ? `extreme.${q.which}.among` : `extreme.${q.which}`;
    case 'order':
      return `order.${q.by}.${q.descending ? 'desc' : 'asc'}${q.claim !== undefined ? '.claim' : q.top ? '.top' : ''}${q.long ? '.long' : ''}`;
    case 'between':
      return 'between';
    case 'contain':
      return 'contain';
    case 'support':
      return 'support';
    case 'placed':
      return `placed.${q.how}`;
    case 'place':
      return 'place';
    case 'facing':
      return q.ask ? `facing.${q.ask}` : 'facing';
    case 'triangle':
      return `triangle.${q.shape}`;
    case 'count':
      return `count.${q.relation}${q.among ? '.kind' : ''}${q.ask ? `.${q.ask}` : ''}`;
    case 'range':
      return q.threshold ? `range.${q.threshold.op}` : 'range';
    case 'elevation':
      return q.threshold ? `elevation.${q.threshold.op}` : 'elevation';
    case 'dimensions':
      return 'dimensions';
    case 'tally':
      return 'tally';
    case 'find':
      return `find.${q.relation}`;
    case 'side':
      return q.ask ? `side.${q.ask}` : 'side';
    case 'inBetween':
      return 'inBetween';
    case 'cameraHeight':
      return 'cameraHeight';
  }
}

const YESNO: Record<Relation, readonly string[]> = {
  left: ['Is {a} to the left of {b}?', 'Is {a} left of {b}?', 'Is {a} on the left side of {b}?', 'Does {a} appear to the left of {b}?', 'Is {a} positioned farther to the left than {b}?'],
  right: ['Is {a} to the right of {b}?', 'Is {a} right of {b}?', 'Is {a} on the right side of {b}?', 'Does {a} appear to the right of {b}?', 'Is {a} positioned farther to the right than {b}?'],
  above: ['Is {a} above {b}?', 'Is {a} higher than {b}?', 'Is {a} located above {b}?', 'Does {a} sit higher than {b}?', 'Is {a} higher up than {b}?'],
  below: ['Is {a} below {b}?', 'Is {a} lower than {b}?', 'Is {a} beneath {b}?', 'Is {a} positioned lower down than {b}?', 'Does {a} sit below {b}?'],
  behind: ['Is {a} behind {b}?', 'Is {a} farther from the camera than {b}?', 'Is {a} further back than {b}?', 'Is {a} located behind {b}?', 'Is {a} farther away than {b}?'],
  front: ['Is {a} in front of {b}?', 'Is {a} closer to the camera than {b}?', 'Is {a} nearer to the camera than {b}?', 'Is {a} located in front of {b}?', 'Does {a} appear in front of {b}?'],
  wider: ['Is {a} wider than {b}?', 'Is {a} broader than {b}?', 'Does {a} appear wider than {b}?', 'Is it true that {a} is wider than {b}?', '{A} is wider than {b}, right?'],
  thinner: ['Is {a} thinner than {b}?', 'Is {a} narrower than {b}?', 'Does {a} appear thinner than {b}?', 'Is it true that {a} is narrower than {b}?', '{A} is thinner than {b}, right?'],
  bigger: ['Is {a} bigger than {b}?', 'Is {a} larger than {b}?', 'Does {a} appear larger than {b}?', 'Is it true that {a} is bigger than {b}?', '{A} is larger than {b}, correct?'],
  smaller: ['Is {a} smaller than {b}?', 'Does {a} appear smaller than {b}?', 'Is it true that {a} is smaller than {b}?', '{A} is smaller than {b}, right?', 'Would you say {a} is smaller than {b}?'],
  taller: ['Is {a} taller than {b}?', 'Does {a} appear taller than {b}?', 'Is it true that {a} is taller than {b}?', '{A} is taller than {b}, right?', 'Would you say {a} is taller than {b}?'],
  shorter: ['Is {a} shorter than {b}?', 'Does {a} appear shorter than {b}?', 'Is it true that {a} is shorter than {b}?', '{A} is shorter than {b}, correct?', 'Would you say {a} is shorter than {b}?'],
};

/** Five ways to ask "which of two is <adjective>", given two adjective phrasings. */
function choices(adj: string, alt: string): string[] {
  return [
    `Which is ${adj}, {a} or {b}?`,
    `Which of {a} and {b} is ${adj}?`,
    `Between {a} and {b}, which one is ${alt}?`,
    `Which one is ${alt}: {a} or {b}?`,
    `Of {a} and {b}, which is ${adj}?`,
  ];
}

const CHOICE: Record<Relation, readonly string[]> = {
  left: choices('more to the left', 'farther left'),
  right: choices('more to the right', 'farther right'),
  above: choices('higher', 'higher up'),
  below: choices('lower', 'lower down'),
  behind: [...choices('farther from the camera', 'further back'), 'Is {a} or {b} farther from the camera?'],
  front: [...choices('closer to the camera', 'nearer to the camera'), 'Is {a} or {b} closer to the camera?'],
  wider: [...choices('wider', 'broader'), 'Is {a} or {b} wider?'],
  thinner: [...choices('thinner', 'narrower'), 'Is {a} or {b} thinner?'],
  bigger: [...choices('bigger', 'larger'), 'Is {a} or {b} bigger?'],
  smaller: [...choices('smaller', 'smaller'), 'Is {a} or {b} smaller?'],
  taller: [...choices('taller', 'taller'), 'Is {a} or {b} taller?'],
  shorter: [...choices('shorter', 'shorter'), 'Is {a} or {b} shorter?'],
};

const PAIR: Record<string, readonly string[]> = {
  'pair.distance': ['How far apart are {a} and {b}?', 'What is the distance between {a} and {b}?', 'How far is {a} from {b}?', 'How much distance is there between {a} and {b}?', 'Can you tell me the distance from {a} to {b}?', 'What is the gap between {a} and {b}?'],
  'pair.horizontal_distance': ['What is the horizontal distance between {a} and {b}?', 'How far apart are {a} and {b} horizontally?', 'How far is {a} from {b} horizontally?', 'How far apart are {a} and {b} along the floor?', 'What is the horizontal gap between {a} and {b}?', 'Horizontally, how far is {a} from {b}?'],
  'pair.vertical_distance': ['What is the vertical distance between {a} and {b}?', 'How far apart are {a} and {b} vertically?', 'What is the vertical gap between {a} and {b}?', 'Vertically, how far is {a} from {b}?', 'How far apart are {a} and {b} in height?'],
  'pair.direction': ['If you stand at {a} facing the camera, where is {b}?', 'If I stand at {a} facing the camera, at what clock position is {b}?', 'Which direction is {b} from {a}?', 'At what clock position is {b} relative to {a}?', 'In which direction is {b} from {a}?', "If I'm standing at {a}, facing the camera, where's {b}?"],
  'pair.how_much_left': ['How much farther left is {a} than {b}?', 'How far to the left of {b} is {a}?', 'How much more to the left is {a} than {b}?', 'By how much is {a} further left than {b}?', 'How far is {a} to the left of {b}?'],
  'pair.how_much_above': ['How much higher is {a} than {b}?', 'How far above {b} is {a}?', 'By how much is {a} higher than {b}?', 'How much higher up is {a} than {b}?', 'How far is {a} above {b}?'],
  'pair.how_much_taller': ['How much taller is {a} than {b}?', 'By how much is {a} taller than {b}?', 'How much shorter is {b} than {a}?', 'How much taller is {a} compared to {b}?', 'How much taller than {b} is {a}?'],
  'pair.how_much_wider': ['How much wider is {a} than {b}?', 'By how much is {a} wider than {b}?', 'How much narrower is {b} than {a}?', 'How much wider is {a} compared to {b}?', 'How much wider than {b} is {a}?'],
  'pair.how_much_behind': ['How much farther back is {a} than {b}?', 'How far behind {b} is {a}?', 'How much farther from the camera is {a} than {b}?', 'By how much is {a} further back than {b}?', 'How far is {a} behind {b}?'],
};

const SIZE: Record<string, readonly string[]> = {
  'size.height': ['How tall is {a}?', 'What is the height of {a}?', 'How high is {a}?', 'What height is {a}?', 'Tell me how tall {a} is.'],
  // "long / length" is the longest horizontal side, i.e. the width (DESIGN.md)
  'size.width': ['How wide is {a}?', 'What is the width of {a}?', 'How broad is {a}?', 'What width is {a}?', 'Can you tell me how wide {a} is?'],
  'size.length': ['How long is {a}?', 'What is the length of {a}?', 'How long is {a} from end to end?', 'Tell me the length of {a}.', 'What length is {a}?'],
  'size.depth': ['How deep is {a}?', 'What is the depth of {a}?', 'What depth is {a}?', 'How deep is {a} from front to back?', 'Tell me the depth of {a}.'],
};

const EXTREME: Record<string, readonly string[]> = {
  'extreme.closest': ['What is closest to {to}?', 'Which object is nearest to {to}?', 'What is the closest thing to {to}?', 'Which object is the nearest to {to}?', "What's next to {to}?"],
  'extreme.farthest': ['What is farthest from {to}?', 'Which object is the farthest from {to}?', 'What is the most distant object from {to}?', 'Which thing is furthest away from {to}?', 'What is farthest away from {to}?'],
  'extreme.closest.among': ['Which of {list} is closest to {to}?', 'Which is closest to {to}: {list}?', 'Among {list}, which is nearest to {to}?', 'Which one of {list} is nearest to {to}?', 'Out of {list}, which one is the closest to {to}?'],
  'extreme.farthest.among': ['Which of {list} is farthest from {to}?', 'Which is farthest from {to}: {list}?', 'Among {list}, which is the most distant from {to}?', 'Which one of {list} is furthest from {to}?', 'Out of {list}, which one is the farthest away from {to}?'],
};

/** Orderings: [descending phrasings, ascending phrasings] per key. */
const ORDER: Record<OrderKey, [readonly string[], readonly string[]]> = {
  height: [
    ['Order {list} by height, tallest first.', 'Sort {list} from tallest to shortest.', 'Rank {list} by height.', 'Which of {list} is the tallest?', 'Arrange {list} from the tallest to the shortest.'],
    ['Order {list} by height, shortest first.', 'Sort {list} from shortest to tallest.', 'Which of {list} is the shortest?', 'Rank {list} by height in ascending order.', 'Arrange {list} from the shortest to the tallest.'],
  ],
  size: [
    ['Order {list} by size, biggest first.', 'Sort {list} from largest to smallest.', 'Rank {list} by size.', 'Which of {list} is the biggest?', 'List {list} by size in descending order.'],
    ['Order {list} by size, smallest first.', 'Sort {list} from smallest to largest.', 'Which of {list} is the smallest?', 'Rank {list} by size in ascending order.', 'Arrange {list} from the smallest to the biggest.'],
  ],
  width: [
    ['Order {list} by width, widest first.', 'Sort {list} from widest to narrowest.', 'Rank {list} by width.', 'Which of {list} is the widest?', 'List {list} by width in descending order.'],
    ['Order {list} by width, narrowest first.', 'Sort {list} from narrowest to widest.', 'Which of {list} is the narrowest?', 'Rank {list} by width in ascending order.', 'Arrange {list} from the thinnest to the widest.'],
  ],
  camera_distance: [
    ['Order {list} by distance from the camera, farthest first.', 'Sort {list} from farthest to nearest.', 'Which of {list} is farthest from the camera?', 'Arrange {list} from back to front.', 'Rank {list} by distance from the camera in descending order.'],
    ['Order {list} by distance from the camera.', 'Sort {list} from nearest to farthest.', 'Which of {list} is closest to the camera?', 'Rank {list} by distance from the camera, nearest first.', 'Arrange {list} from front to back.'],
  ],
  elevation: [
    ['Order {list} by elevation, highest first.', 'Sort {list} from highest to lowest.', 'Which of {list} is the highest?', 'Rank {list} by height above the floor.', 'Arrange {list} from top to bottom.'],
    ['Order {list} by elevation, lowest first.', 'Sort {list} from lowest to highest.', 'Which of {list} is the lowest?', 'Rank {list} by elevation in ascending order.', 'Arrange {list} from bottom to top.'],
  ],
  lateral: [
    ['Order {list} from right to left.', 'Sort {list} from the rightmost to the leftmost.', 'Which of {list} is the rightmost?', 'Arrange {list} from right to left.', 'List {list} by left-right position, rightmost first.'],
    ['Order {list} from left to right.', 'Sort {list} from the leftmost to the rightmost.', 'Which of {list} is the leftmost?', 'Arrange {list} from left to right.', 'Rank {list} by their horizontal position.'],
  ],
};

/** The superlative of each ordering key, [descending, ascending]. */
const SUPERLATIVE_WORDS: Record<OrderKey, [string, string]> = {
  height: ['tallest', 'shortest'], size: ['biggest', 'smallest'], width: ['widest', 'narrowest'],
  camera_distance: ['farthest from the camera', 'closest to the camera'], elevation: ['highest', 'lowest'],
  lateral: ['rightmost', 'leftmost'],
};

const ORDER_KEY_WORD: Record<OrderKey, string> = { height: 'height', size: 'size', width: 'width', camera_distance: 'distance from the camera', elevation: 'elevation', lateral: 'left-right position' };

/** Five ways to ask whether one object is the most something of all. */
function claims(adj: string): string[] {
  return [`Is {a} the ${adj}?`, `Is {a} the ${adj} of them all?`, `Would you say {a} is the ${adj}?`, `Is {a} really the ${adj}?`, `{A} is the ${adj}, right?`];
}

/** Five ways to ask which of a list is the most something. */
function superlatives(adj: string): string[] {
  return [`Which of {list} is the ${adj}?`, `Which is the ${adj}: {list}?`, `Of {list}, which one is the ${adj}?`, `Among {list}, which is the ${adj}?`, `Which one of {list} is the ${adj}?`];
}

const TRIANGLE: Record<string, readonly string[]> = Object.fromEntries(
  ([['equilateral', 'an equilateral'], ['isosceles', 'an isosceles'], ['right', 'a right']] as const).map(([shape, art]) => [
    `triangle.${shape}`,
    [
      `Do {list} form ${art} triangle?`,
      `Is the triangle formed by {list} ${shape === 'right' ? 'right-angled' : shape}?`,
      `Are {list} arranged in ${art}${shape === 'right' ? '-angled' : ''} triangle?`,
      `Would {list} make ${art} triangle?`,
      `Do {list} make up ${art} triangle?`,
    ],
  ]),
);

/** Two phrasings of each relation as "<objects> ... <reference>". */
const COUNT_RELATION: Record<Relation, [string, string]> = {
  left: ['to the left of', 'left of'], right: ['to the right of', 'right of'], above: ['above', 'higher than'],
  below: ['below', 'lower than'], behind: ['behind', 'farther from the camera than'],
  front: ['in front of', 'closer to the camera than'], wider: ['wider than', 'broader than'],
  thinner: ['thinner than', 'narrower than'], bigger: ['bigger than', 'larger than'],
  smaller: ['smaller than', 'smaller than'], taller: ['taller than', 'taller than'],
  shorter: ['shorter than', 'shorter than'],
};

/** Asked with both alternatives ("is A left or right of B?"): the answer names the one that holds. */
const EITHER: Record<Relation, readonly string[]> = {
  left: ['Is {a} to the left or to the right of {b}?', 'Is {a} left or right of {b}?', 'Is {a} on the left or on the right of {b}?', 'Does {a} appear to the left or to the right of {b}?', 'Is {a} to the left of {b} or to the right of it?'],
  right: ['Is {a} to the right or to the left of {b}?', 'Is {a} right or left of {b}?', 'Is {a} on the right or on the left of {b}?', 'Does {a} appear to the right or to the left of {b}?', 'Is {a} to the right of {b} or to the left of it?'],
  above: ['Is {a} above or below {b}?', 'Is {a} higher or lower than {b}?', 'Is {a} located above or below {b}?', 'Does {a} sit above or below {b}?', 'Is {a} positioned higher or lower than {b}?'],
  below: ['Is {a} below or above {b}?', 'Is {a} lower or higher than {b}?', 'Is {a} located below or above {b}?', 'Does {a} sit below or above {b}?', 'Is {a} positioned lower or higher than {b}?'],
  behind: ['Is {a} behind or in front of {b}?', 'Is {a} located behind or in front of {b}?', 'Does {a} stand behind or in front of {b}?', 'Is {a} positioned behind or in front of {b}?', 'Does {a} appear behind or in front of {b}?'],
  front: ['Is {a} in front of or behind {b}?', 'Is {a} located in front of or behind {b}?', 'Does {a} stand in front of or behind {b}?', 'Is {a} positioned in front of or behind {b}?', 'Does {a} appear in front of or behind {b}?'],
  wider: ['Is {a} wider or thinner than {b}?', 'Is {a} broader or narrower than {b}?', 'Compared with {b}, is {a} wider or thinner?', 'Is {a} wider than {b} or thinner?', 'Is {a} wider or thinner compared to {b}?'],
  thinner: ['Is {a} thinner or wider than {b}?', 'Is {a} narrower or broader than {b}?', 'Compared with {b}, is {a} thinner or wider?', 'Is {a} thinner than {b} or wider?', 'Is {a} thinner or wider compared to {b}?'],
  bigger: ['Is {a} bigger or smaller than {b}?', 'Would you say {a} is bigger or smaller than {b}?', 'Compared with {b}, is {a} bigger or smaller?', 'Is {a} bigger than {b} or smaller?', 'Is {a} bigger or smaller compared to {b}?'],
  smaller: ['Is {a} smaller or bigger than {b}?', 'Would you say {a} is smaller or bigger than {b}?', 'Compared with {b}, is {a} smaller or bigger?', 'Is {a} smaller than {b} or bigger?', 'Is {a} smaller or bigger compared to {b}?'],
  taller: ['Is {a} taller or shorter than {b}?', 'Would you say {a} is taller or shorter than {b}?', 'Compared with {b}, is {a} taller or shorter?', 'Is {a} taller than {b} or shorter?', 'Is {a} taller or shorter compared to {b}?'],
  shorter: ['Is {a} shorter or taller than {b}?', 'Would you say {a} is shorter or taller than {b}?', 'Compared with {b}, is {a} shorter or taller?', 'Is {a} shorter than {b} or taller?', 'Is {a} shorter or taller compared to {b}?'],
};

const RELATIONS_ALL = Object.keys(YESNO) as Relation[];

/**
 * Measures asked against a length ({thr}): five phrasings per measure and side. Each list is built from the
 * measure's words: [comparative above, comparative below (or null), adjective, noun].
 */
const EXTENT_WORDS: Record<string, [string, string | null, string, string]> = {
  height: ['taller than', 'shorter than', 'tall', 'height'],
  width: ['wider than', 'narrower than', 'wide', 'width'],
  length: ['longer than', null, 'long', 'length'],
  depth: ['deeper than', 'shallower than', 'deep', 'depth'],
};

function extentThresholds(more: string, less: string | null, adj: string, noun: string): [readonly string[], readonly string[]] {
  return [
    [`Is {a} ${more} {thr}?`, `Is {a} more than {thr} ${adj}?`, `Is {a} over {thr} ${adj}?`, `Is the ${noun} of {a} greater than {thr}?`, `Is {a} at least {thr} ${adj}?`],
    [less ? `Is {a} ${less} {thr}?` : `Is {a} no more than {thr} ${adj}?`, `Is {a} less than {thr} ${adj}?`, `Is {a} under {thr} ${adj}?`, `Is the ${noun} of {a} less than {thr}?`, `Is {a} at most {thr} ${adj}?`],
  ];
}

/** Signed offsets ("is A more than 1 m to the left of B?"): [relation words, comparative words]. */
const OFFSET_WORDS: Record<string, [string, string]> = {
  how_much_left: ['to the left of', 'farther left than'],
  how_much_above: ['above', 'higher than'],
  how_much_behind: ['behind', 'farther back than'],
  how_much_taller: ['taller than', 'greater in height than'],
  how_much_wider: ['wider than', 'broader than'],
};

const THRESHOLDS: Record<string, readonly string[]> = {
  ...Object.fromEntries(Object.entries(EXTENT_WORDS).flatMap(([m, w]) => {
    const [above, below] = extentThresholds(...w);
    return [[`size.${m}.above`, above], [`size.${m}.below`, below]];
  })),
  'elevation.above': ['Is {a} more than {thr} above the floor?', 'Is the bottom of {a} over {thr} off the ground?', 'Is {a} at least {thr} off the floor?', 'Is {a} higher than {thr} above the ground?', 'Is {a} mounted more than {thr} above the floor?'],
  'elevation.below': ['Is {a} less than {thr} above the floor?', 'Is the bottom of {a} under {thr} off the ground?', 'Is {a} at most {thr} off the floor?', 'Is {a} lower than {thr} above the ground?', 'Is {a} mounted less than {thr} above the floor?'],
  'range.above': ['Is {a} more than {thr} from the camera?', 'Is {a} farther than {thr} from the camera?', 'Is {a} over {thr} away from the camera?', 'Is the distance from the camera to {a} more than {thr}?', 'Is {a} at least {thr} away from me?'],
  'range.below': ['Is {a} less than {thr} from the camera?', 'Is {a} closer than {thr} to the camera?', 'Is {a} within {thr} of the camera?', 'Is the distance from the camera to {a} less than {thr}?', 'Is {a} at most {thr} away from me?'],
  'pair.distance.above': ['Are {a} and {b} more than {thr} apart?', 'Is {a} more than {thr} away from {b}?', 'Is {a} farther than {thr} from {b}?', 'Is the distance between {a} and {b} greater than {thr}?', 'Is {a} at least {thr} from {b}?'],
  'pair.distance.below': ['Is {a} within {thr} of {b}?', 'Are {a} and {b} less than {thr} apart?', 'Is {a} closer than {thr} to {b}?', 'Is the distance between {a} and {b} less than {thr}?', 'Is {a} at most {thr} away from {b}?'],
  ...Object.fromEntries((['horizontal', 'vertical'] as const).flatMap((axis) => {
    const also = axis === 'horizontal' ? 'along the floor' : 'in height';
    return (['above', 'below'] as const).map((op) => {
      const [cmp, short] = op === 'above' ? ['more than', 'over'] : ['less than', 'under'];
      return [`pair.${axis}_distance.${op}`, [
        `Is the ${axis} distance between {a} and {b} ${cmp} {thr}?`, `Are {a} and {b} ${cmp} {thr} apart ${axis}ly?`, `${axis[0].toUpperCase()}${axis.slice(1)}ly, is {a} ${cmp} {thr} from {b}?`,
        `Is the ${axis} gap between {a} and {b} ${op === 'above' ? 'greater' : 'less'} than {thr}?`, `Are {a} and {b} ${short} {thr} apart ${also}?`,
      ]];
    });
  })),
  ...Object.fromEntries(Object.entries(OFFSET_WORDS).flatMap(([m, [rel, comp]]) => (['above', 'below'] as const).map((op) => {
    const [cmp, short, bound] = op === 'above' ? ['more than', 'over', 'at least'] : ['less than', 'under', 'at most'];
    return [`pair.${m}.${op}`, [`Is {a} ${cmp} {thr} ${rel} {b}?`, `Is {a} ${short} {thr} ${rel} {b}?`, `Is {a} ${bound} {thr} ${rel} {b}?`, `Is {a} ${cmp} {thr} ${comp} {b}?`, `Is {a} positioned ${cmp} {thr} ${rel} {b}?`]];
  }))),
};

/** Every template list by key. Synthesis enumerates these; renderQuestion picks one by seed. */
export const questionTemplates: Readonly<Record<string, readonly string[]>> = {
  ...THRESHOLDS,
  ...Object.fromEntries(RELATIONS_ALL.map((r) => [`relation.yesno.${r}`, YESNO[r]])),
  ...Object.fromEntries(RELATIONS_ALL.map((r) => [`relation.choice.${r}`, CHOICE[r]])),
  ...Object.fromEntries(RELATIONS_ALL.map((r) => [`relation.either.${r}`, EITHER[r]])),
  ...PAIR,
  ...SIZE,
  ...EXTREME,
  // "Which of ... is the tallest?" is a superlative (the answer names the winner); the rest are orderings
  ...Object.fromEntries(
    (Object.keys(ORDER) as OrderKey[]).flatMap((k) => ORDER[k].flatMap((list, i) => {
      const key = `order.${k}.${i === 0 ? 'desc' : 'asc'}`;
      const first = SUPERLATIVE_WORDS[k][i].split(' ')[0];
      return [[key, [...list.filter((t) => !t.startsWith('Which')), `Can you sort {list} by ${ORDER_KEY_WORD[k]}, ${first} first?`]], [`${key}.top`, superlatives(SUPERLATIVE_WORDS[k][i])], [`${key}.claim`, claims(SUPERLATIVE_WORDS[k][i])]];
    })),
  ),
  // the width family asked in the words of length (`long`)
  'relation.yesno.wider.long': ['Is {a} longer than {b}?', 'Is {a} longer in length than {b}?', 'Does {a} have a greater length than {b}?', 'Is it true that {a} is longer than {b}?', '{A} is longer than {b}, right?'],
  'relation.choice.wider.long': ['Which is longer, {a} or {b}?', 'Which is longer: {a} or {b}?', 'Is {a} or {b} longer?', 'Which one is longer, {a} or {b}?', 'Between {a} and {b}, which is longer?'],
  'pair.how_much_wider.long': ['How much longer is {a} than {b}?', 'By how much is {a} longer than {b}?', 'How much longer is {a} compared to {b}?', 'How much longer than {b} is {a}?', 'How much longer is {a} than {b} end to end?'],
  'order.width.desc.long': ['Order {list} by length, longest first.', 'Rank {list} by length.', 'Sort {list} by length.', 'List {list} by length in descending order.', 'Can you sort {list} by length, longest first?'],
  'order.width.desc.top.long': superlatives('longest'),
  'order.width.desc.claim.long': claims('longest'),
  dimensions: ['What are the dimensions of {a}?', 'What size is {a}?', 'What is the size of {a}?', 'How much space does {a} take up?', 'What is the volume of {a}?'],
  elevation: ['How high off the ground is {a}?', 'How far above the floor is {a}?', 'What is the elevation of {a}?', 'At what height is {a} mounted?', 'How high up is {a}?'],
  range: ['How far is {a} from the camera?', 'How far away from the camera is {a}?', 'What is the distance from the camera to {a}?', 'How far is {a} from me?', 'How far away is {a} from us?'],
  cameraHeight: ['How high is the camera?', 'At what height was the photo taken?', 'How high above the floor is the camera?', 'What is the height of the camera?', 'How far above the ground was the camera?'],
  inBetween: ['What is between {b} and {c}?', 'Which objects are between {b} and {c}?', 'What lies between {b} and {c}?', 'What is in between {b} and {c}?', 'Which things are located between {b} and {c}?'],
  side: ['On which side of the picture is {a}?', 'Which side of the image is {a} on?', 'Is {a} on the left or the right side of the photo?', 'On what side of the image is {a}?', 'Which side is {a} on?'],
  'side.left': ['Is {a} on the left side of the picture?', 'Is {a} on the left of the image?', 'Is {a} in the left half of the photo?', 'Does {a} appear on the left side of the image?', 'Is {a} on the left-hand side of the picture?'],
  'side.right': ['Is {a} on the right side of the picture?', 'Is {a} on the right of the image?', 'Is {a} in the right half of the photo?', 'Does {a} appear on the right side of the image?', 'Is {a} on the right-hand side of the picture?'],
  tally: ['How many {kind} are there?', 'How many {kind} can you see?', 'Count the {kind}.', 'How many {kind} are in the scene?', 'What number of {kind} are there?'],
  'placed.on': ['Which objects are on {ref}?', 'What objects are sitting on {ref}?', 'Which things rest on {ref}?', 'Which of the objects are on {ref}?', 'What items are placed on {ref}?'],
  'placed.in': ['Which objects are in {ref}?', 'What objects are inside {ref}?', 'Which things are within {ref}?', 'Which of the objects are in {ref}?', 'What items are kept in {ref}?'],
  place: ['Where is {a} relative to {b}?', 'Where is {a} in relation to {b}?', 'How is {a} positioned relative to {b}?', 'Where is {a} located with respect to {b}?', 'Where is {a} compared to {b}?'],
  facing: ['If I stand at {a} facing {b}, where is {c}?', 'Standing by {a} and facing {b}, in which direction is {c}?', 'If you are at {a} looking towards {b}, where is {c}?', 'If I am standing by {a} and facing {b}, is {c} to my left, right, or back?', 'Facing {b} from {a}, where would {c} be?'],
  'facing.left': ['If I stand at {a} facing {b}, is {c} on my left?', 'If I am standing by {a} and facing {b}, is {c} to my left?', 'Standing at {a} and facing {b}, is {c} on the left?', 'If you stand by {a} looking at {b}, is {c} to your left?', 'Facing {b} from {a}, is {c} on my left side?'],
  'facing.right': ['If I stand at {a} facing {b}, is {c} on my right?', 'If I am standing by {a} and facing {b}, is {c} to my right?', 'Standing at {a} and facing {b}, is {c} on the right?', 'If you stand by {a} looking at {b}, is {c} to your right?', 'Facing {b} from {a}, is {c} on my right side?'],
  'facing.ahead': ['If I stand at {a} facing {b}, is {c} in front of me?', 'If I am standing by {a} and facing {b}, is {c} ahead of me?', 'Standing at {a} and facing {b}, is {c} straight ahead?', 'If you stand by {a} looking at {b}, is {c} ahead of you?', 'Facing {b} from {a}, is {c} in front of me?'],
  'facing.behind': ['If I stand at {a} facing {b}, is {c} behind me?', 'If I am standing by {a} and facing {b}, is {c} at my back?', 'Standing at {a} and facing {b}, is {c} behind me?', 'If you stand by {a} looking at {b}, is {c} behind you?', 'Facing {b} from {a}, is {c} at my back?'],
  support: ['Is {a} on {b}?', 'Is {a} resting on {b}?', 'Is {a} sitting on {b}?', 'Does {a} stand on {b}?', 'Is {a} placed on {b}?', 'Does {b} support {a}?'],
  contain: ['Is {a} in {b}?', 'Is {a} inside {b}?', 'Is {a} inside of {b}?', 'Does {a} lie within {b}?', 'Is {a} contained in {b}?', 'Does {b} contain {a}?'],
  between: ['Is {a} between {b} and {c}?', 'Is {a} in between {b} and {c}?', 'Does {a} sit between {b} and {c}?', 'Is {a} located between {b} and {c}?', 'Does {a} lie in between {b} and {c}?'],
  ...TRIANGLE,
  ...Object.fromEntries(
    RELATIONS_ALL.map((r) => {
      const [p, q] = COUNT_RELATION[r];
      return [`count.${r}`, [
        `How many objects are ${p} {ref}?`, `How many things are ${q} {ref}?`, `Count the objects ${p} {ref}.`,
        `How many items are there ${q} {ref}?`, `How many objects are located ${p} {ref}?`,
      ]];
    }),
  ),
  ...Object.fromEntries(
    RELATIONS_ALL.map((r) => {
      const [p, q] = COUNT_RELATION[r];
      return [`count.${r}.kind`, [
        `How many {kind} are ${p} {ref}?`, `How many {kind} are there ${q} {ref}?`, `Count the {kind} ${p} {ref}.`,
        `How many of the {kind} are ${q} {ref}?`, `What number of {kind} are ${p} {ref}?`,
      ]];
    }),
  ),
  ...Object.fromEntries(
    RELATIONS_ALL.flatMap((r) => {
      const [p, q] = COUNT_RELATION[r];
      return [
        [`count.${r}.any`, [`Is there anything ${p} {ref}?`, `Are there any objects ${p} {ref}?`, `Is there something ${q} {ref}?`, `Are there any things ${q} {ref}?`, `Is there any object located ${p} {ref}?`]],
        [`count.${r}.kind.any`, [`Are there any {kind} ${p} {ref}?`, `Are there {kind} ${q} {ref}?`, `Are there some {kind} ${p} {ref}?`, `Are there any {kind} located ${p} {ref}?`, `Are there any {kind} that are ${q} {ref}?`]],
        [`count.${r}.kind.all`, [`Are all the {kind} ${p} {ref}?`, `Are all of the {kind} ${q} {ref}?`, `Are the {kind} ${p} {ref}?`, `Are the {kind} all ${q} {ref}?`, `Is every one of the {kind} ${p} {ref}?`]],
      ];
    }),
  ),
  ...Object.fromEntries(
    RELATIONS_ALL.map((r) => {
      const [p] = COUNT_RELATION[r];
      return [`find.${r}`, [`What is ${p} {ref}?`, `What is directly ${p} {ref}?`, `Which objects are ${p} {ref}?`, `What is there ${p} {ref}?`, `Which things are ${p} {ref}?`]];
    }),
  ),
};

/** The template list for a query. */
export function templatesFor(q: Query): readonly string[] {
  return questionTemplates[templateKey(q)] ?? [];
}

/** "the sofa", keeping a caption's own article. */
function nounPhrase(caption: string): string {
  const c = caption.trim();
  return /^(?:the|a|an)\s/i.test(c) ? c.replace(/^(?:a|an)\s/i, 'the ') : `the ${c}`;
}

function listPhrase(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Fill one template for a query. */
export function fillTemplate(template: string, q: Query, captionOf: (id: string) => string): string {
  const np = (id: string) => nounPhrase(captionOf(id));
  const slots: Record<string, string> = {};
  switch (q.type) {
    case 'relation':
    case 'pair':
    case 'contain':
    case 'support':
    case 'place':
      slots.a = np(q.a);
      slots.b = np(q.b);
      break;
    case 'facing':
      slots.a = np(q.at);
      slots.b = np(q.toward);
      slots.c = np(q.target);
      break;
    case 'size':
      slots.a = np(q.a);
      break;
    case 'extreme':
      slots.to = np(q.to);
      slots.list = listPhrase((q.among ?? []).map(np));
      break;
    case 'order':
      slots.list = listPhrase(q.objects.map(np));
      if (q.claim !== undefined) slots.a = np(q.claim);
      break;
    case 'between':
      slots.a = np(q.a);
      slots.b = np(q.b);
      slots.c = np(q.c);
      break;
    case 'inBetween':
      slots.b = np(q.b);
      slots.c = np(q.c);
      break;
    case 'cameraHeight':
      break;
    case 'triangle':
      slots.list = listPhrase(q.objects.map(np));
      break;
    case 'count':
      slots.ref = np(q.reference);
      if (q.among) slots.kind = kindNoun(q.among.map(captionOf), 2);
      break;
    case 'find':
    case 'placed':
      slots.ref = np(q.reference);
      break;
    case 'range':
    case 'elevation':
    case 'dimensions':
    case 'side':
      slots.a = np(q.a);
      break;
    case 'tally':
      slots.kind = kindNoun(q.objects.map(captionOf), 2);
      break;
  }
  if ((q.type === 'size' || q.type === 'pair' || q.type === 'range' || q.type === 'elevation') && q.threshold) slots.thr = `${Number(q.threshold.metres.toFixed(3))} m`;
  const text = template.replace(/\{(a|A|b|c|to|ref|list|kind|thr)\}/g, (_, k: string) => {
    const v = slots[k.toLowerCase()] ?? '';
    return k === 'A' ? v.charAt(0).toUpperCase() + v.slice(1) : v;
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A natural question for a query; `seed` picks the phrasing (any integer, deterministic). */
export function renderQuestion(query: Query, captionOf: (id: string) => string, seed: number): string {
  const list = templatesFor(query);
  if (list.length === 0) throw new Error(`no templates for ${templateKey(query)}`);
  const i = ((Math.trunc(seed) % list.length) + list.length) % list.length;
  return fillTemplate(list[i], query, captionOf);
}
