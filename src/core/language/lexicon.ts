/**
 * The hand-written lexicon the parser leans on. Kept small and explicit so a surprising parse can be traced
 * to one line here.
 */

/** Contractions and apostrophe-less spellings people type; expanded before anything else. */
export const CONTRACTIONS: Record<string, string> = {
  "what's": 'what is', whats: 'what is', "where's": 'where is', wheres: 'where is', "how's": 'how is',
  "which's": 'which is', "that's": 'that is', "it's": 'it is', "there's": 'there is', "who's": 'who is',
  "isn't": 'is not', isnt: 'is not', "aren't": 'are not', arent: 'are not', "doesn't": 'does not',
  doesnt: 'does not', "don't": 'do not', dont: 'do not', "wasn't": 'was not', "i'm": 'i am', "you're": 'you are',
  "we're": 'we are', "i'd": 'i would', "you'd": 'you would', "can't": 'cannot', "won't": 'will not',
  "let's": 'let us',
};

/** British -> American spellings, and "further" -> "farther" so the patterns list one form. */
export const SPELLING: Record<string, string> = {
  metre: 'meter', metres: 'meters', centimetre: 'centimeter', centimetres: 'centimeters',
  millimetre: 'millimeter', millimetres: 'millimeters', kilometre: 'kilometer', kilometres: 'kilometers',
  colour: 'color', colours: 'colors', coloured: 'colored', grey: 'gray', centre: 'center', centred: 'centered',
  favourite: 'favorite', neighbour: 'neighbor', neighbouring: 'neighboring', organised: 'organized',
  further: 'farther', furthest: 'farthest', towards: 'toward', amongst: 'among', whilst: 'while',
  telly: 'tv', 'o\u2019clock': 'oclock', "o'clock": 'oclock',
};

/** Short typos that edit distance alone would not fix safely. */
export const SHORT_TYPOS: Record<string, string> = {
  teh: 'the', hte: 'the', th: 'the', tal: 'tall', waht: 'what', wat: 'what', whcih: 'which', wich: 'which',
  hw: 'how', hwo: 'how', fo: 'of', os: 'is', si: 'is', adn: 'and', nad: 'and', ot: 'to', fro: 'for', fron: 'from',
};

/** Whole-phrase synonyms for object names, applied to the question and the captions alike. */
export const PHRASE_SYNONYMS: [RegExp, string][] = [
  [/\b(?:stop ?lights?|traffic signals?|traffic lamps?)\b/g, 'traffic light'],
  [/\b(?:tv sets?|television sets?)\b/g, 'tv'],
  [/\bhouse ?plants?\b/g, 'plant'],
  [/\bmicrowave ovens?\b/g, 'microwave'],
  // "the shortest distance between A and B" is a distance, not a comparison of heights
  [/\b(?:shortest|smallest|least|closest|nearest) (distance|gap|separation|clearance)\b/g, 'minimum $1'],
  // "the distance between the closest points of A and B" (VSI-Bench measures so): how the distance is taken, not
  // a comparison; our distances already report the closest surfaces' gap beside the centres'
  [/\b(?:(?:measured|measuring|taken|counting) (?:from|between|at) )?(?:the )?(?:closest|nearest) (?:points?|surfaces?|edges?)(?: of| on)?(?: (?:each|both|either|the two|the) (?:objects?|things?|items?))?\b/g, ' '],
];

/** Single-word synonyms for object names, mapped to one canonical word (after singularising). */
export const NOUN_SYNONYMS: Record<string, string> = {
  couch: 'sofa', settee: 'sofa', television: 'tv', telly: 'tv', fridge: 'refrigerator',
  bike: 'bicycle', cycle: 'bicycle', automobile: 'car', pedestrian: 'person', people: 'person', man: 'person',
  woman: 'person', guy: 'person', human: 'person', lady: 'person', kid: 'child', cellphone: 'phone',
  sofabed: 'sofa', armchair: 'armchair', loveseat: 'sofa',
};

/** Words the patterns are built from; typos are corrected towards these (and towards caption words). */
export const KEYWORDS: readonly string[] = [
  'left', 'right', 'leftmost', 'rightmost', 'above', 'below', 'beneath', 'under', 'underneath', 'behind',
  'front', 'closer', 'closest', 'nearer', 'nearest', 'farther', 'farthest', 'further', 'furthest', 'camera', 'higher', 'lower',
  'highest', 'lowest', 'taller', 'tallest', 'shorter', 'shortest', 'wider', 'widest', 'thinner', 'thinnest', 'longer', 'longest',
  'narrower', 'narrowest', 'bigger', 'biggest', 'larger', 'largest', 'smaller', 'smallest', 'broader',
  'tall', 'high', 'wide', 'deep', 'long', 'height', 'width', 'depth', 'length', 'distance', 'between',
  'apart', 'horizontal', 'horizontally', 'vertical', 'vertically', 'direction', 'clock', 'position',
  'facing', 'standing', 'stand', 'which', 'what', 'where', 'much', 'many', 'objects', 'things', 'items',
  'order', 'sort', 'rank', 'arrange', 'triangle', 'equilateral', 'isosceles', 'angled', 'form',
  'feet', 'foot', 'inches', 'meters', 'meter', 'centimeters', 'millimeters', 'yards', 'metric', 'imperial',
  'object', 'thing', 'item', 'located', 'positioned', 'situated', 'placed', 'sitting', 'appear', 'relative', 'distant', 'away',
  'next', 'near', 'close', 'beside', 'adjacent', 'size', 'elevation', 'ascending', 'descending', 'first',
  'gap', 'separation', 'count', 'than', 'from', 'there', 'the', 'and', 'how', 'is', 'are', 'of', 'to',
  'top', 'bottom', 'back', 'middle', 'center', 'among', 'tell', 'please', 'oclock', 'toward', 'space',
  'second', 'third', 'fourth', 'fifth',
];

/**
 * Ordinary words that must never be "corrected" into a keyword or a caption word (a real word such as
 * "wall" is not a typo for "tall", "cat" is not a typo for "car").
 */
export const KNOWN_WORDS: readonly string[] = [
  // function words
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'they', 'them', 'their', 'there', 'here',
  'i', 'me', 'my', 'we', 'us', 'our', 'you', 'your', 'he', 'she', 'his', 'her', 'who', 'whom', 'whose',
  'what', 'which', 'where', 'when', 'why', 'how', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am',
  'do', 'does', 'did', 'done', 'have', 'has', 'had', 'can', 'could', 'would', 'should', 'will', 'shall',
  'may', 'might', 'must', 'not', 'no', 'yes', 'and', 'or', 'but', 'if', 'then', 'than', 'so', 'as', 'at',
  'by', 'for', 'from', 'in', 'into', 'on', 'onto', 'of', 'off', 'to', 'with', 'without', 'about', 'over',
  'up', 'down', 'out', 'all', 'any', 'some', 'each', 'every', 'both', 'either', 'neither', 'other', 'one',
  'two', 'three', 'four', 'five', 'more', 'most', 'less', 'least', 'very', 'too', 'also', 'just', 'only',
  'please', 'thanks', 'thank', 'hello', 'hi', 'hey', 'okay', 'ok', 'cool', 'nice', 'good', 'great', 'bad',
  'tell', 'show', 'give', 'know', 'think', 'say', 'said', 'see', 'look', 'looks', 'like', 'want', 'need',
  'make', 'made', 'get', 'got', 'go', 'lives', 'live', 'time', 'day', 'night', 'today', 'joke', 'brand',
  // real comparatives no pattern reads: left as they are, not bent into one that is ("thicker" is not "thinner")
  'thick', 'thicker', 'thickest', 'thickness', 'older', 'oldest', 'newer', 'newest',
  'describe', 'explain', 'room', 'scene', 'picture', 'photo', 'image', 'color', 'colors', 'colored', 'gray',
  'red', 'blue', 'green', 'yellow', 'black', 'white', 'brown', 'orange', 'pink', 'purple', 'wooden', 'wood',
  'metal', 'plastic', 'glass', 'leather', 'fabric', 'old', 'new', 'comfortable', 'helpful', 'expensive',
  'cheap', 'clean', 'dirty', 'open', 'closed', 'material', 'style', 'kind', 'type', 'made', 'was', 'lie',
  'lies', 'sit', 'sits', 'stands', 'seem', 'seems', 'form', 'make', 'makes', 'create', 'line', 'lines',
  'well', 'really', 'actually', 'exactly', 'roughly', 'approximately', 'around', 'shape', 'three',
  'sides', 'side', 'hand', 'edge', 'wall', 'walls', 'floor', 'ceiling', 'ground', 'road', 'street', 'sky',
  'steps', 'step', 'units', 'unit', 'please', 'measure', 'measured', 'number', 'amount', 'using',
  'along', 'across', 'through', 'inside', 'outside', 'against', 'upon', 'within', 'beyond', 'arranged',
  'formed', 'appears', 'true', 'correct', 'false', 'sure', 'list', 'put', 'lying', 'kept', 'set', 'found',
  'stands', 'standing', 'stood', 'face', 'faces', 'looking', 'seen', 'viewed', 'point', 'view', 'perspective',
  'respect', 'relative', 'relation', 'relations', 'relationship', 'spatial', 'compared', 'comparison', 'bit', 'slightly', 'much', 'many', 'far', 'lot', 'little',
  'map', 'maps', 'based', 'according', 'terms', 'their', 'first', 'last', 'then', 'now', 'also', 'still', 'tell', 'let',
  // common object nouns that are not in a given scene but are real words, not typos
  'dog', 'cat', 'bird', 'horse', 'cow', 'sheep', 'truck', 'van', 'train', 'boat', 'plane', 'motorcycle',
  'tree', 'trees', 'bench', 'sign', 'pole', 'hydrant', 'building', 'house', 'window', 'door', 'fence',
  'piano', 'bookshelf', 'shelf', 'shelves', 'book', 'books', 'desk', 'bed', 'pillow', 'rug', 'carpet',
  'curtain', 'mirror', 'clock', 'vase', 'cup', 'mug', 'bowl', 'plate', 'bottle', 'sink', 'toilet', 'toaster',
  'kettle', 'stove', 'cabinet', 'drawer', 'counter', 'box', 'bag', 'backpack', 'umbrella', 'laptop',
  'keyboard', 'mouse', 'phone', 'remote', 'monitor', 'speaker', 'radio', 'painting', 'poster', 'frame',
  'ball', 'toy', 'tall', 'wide', 'cart', 'bin', 'trash', 'basket', 'candle', 'fan', 'heater', 'stool',
  'chair', 'table', 'lamp', 'sofa', 'couch', 'tv', 'plant', 'car', 'bus', 'person', 'bicycle', 'bike',
  'light', 'oven', 'microwave', 'refrigerator', 'fridge', 'tap', 'hat', 'shoe', 'shoes', 'coat', 'jacket',
  'angle', 'angles',
  // adjectives and their comparatives that are a letter or two from a keyword ("short" is not "sort", "thin" is
  // not "thing", "coldest" is not "closest", "loudest" is not "lowest"): real words, read as they are
  ...['short', 'thin', 'fat', 'sharp', 'soft', 'cold', 'cool', 'fast', 'loud', 'loose', 'hot', 'slow', 'warm', 'dark', 'bright', 'heavy', 'deep', 'flat', 'steep']
    .flatMap((a) => [a, ...comparativeForms(a)]),
];

/**
 * Everyday English words, read as they are: many are a letter from a keyword or a common caption word ("lift" is
 * not "left", "tail" not "tall", "mean" not "man", "chain" not "chair", "nest" not "next"), and a question that
 * has one is about something else, not a typo of a spatial one.
 */
export const COMMON_WORDS: readonly string[] = [
  'after', 'again', 'almost', 'alone', 'already', 'although', 'always', 'animal', 'arm', 'art', 'ask', 'bank', 'bar',
  'base', 'bath', 'beat', 'become', 'bee', 'before', 'begin', 'bell', 'belt', 'best', 'better', 'blade', 'block',
  'board', 'body', 'bone', 'boot', 'born', 'boy', 'brain', 'branch', 'bread', 'break', 'brick', 'bring', 'brother',
  'build', 'burn', 'bush', 'busy', 'butter', 'buy', 'call', 'came', 'camp', 'cap', 'card', 'care', 'carry', 'case',
  'cast', 'catch', 'cause', 'cell', 'cent', 'chain', 'chalk', 'chance', 'change', 'check', 'chest', 'chin', 'circle',
  'city', 'clear', 'climb', 'cloth', 'cloud', 'come', 'cook', 'copy', 'corn', 'cover', 'crack', 'cross', 'crowd',
  'cry', 'cut', 'dead', 'dear', 'die', 'dirt', 'dish', 'doll', 'dot', 'draw', 'dream', 'dress', 'drink', 'drive',
  'drop', 'dry', 'duck', 'dust', 'ear', 'early', 'earth', 'east', 'eat', 'egg', 'else', 'end', 'even', 'ever', 'eye',
  'fact', 'fair', 'fall', 'farm', 'feel', 'fell', 'few', 'field', 'fight', 'fill', 'find', 'fine', 'finger', 'fire',
  'fish', 'fit', 'flag', 'flow', 'fly', 'fold', 'food', 'fox', 'free', 'fruit', 'full', 'fun', 'game', 'garden',
  'gate', 'gave', 'gift', 'girl', 'glad', 'goat', 'gold', 'gone', 'grass', 'grew', 'grow', 'gun', 'hair', 'hall',
  'hang', 'happy', 'hard', 'head', 'hear', 'heat', 'held', 'help', 'hen', 'hid', 'hill', 'him', 'hit', 'hold',
  'hole', 'home', 'hook', 'hope', 'horn', 'hunt', 'ice', 'ink', 'iron', 'jam', 'job', 'join', 'joy', 'jump', 'keep',
  'key', 'kick', 'king', 'kiss', 'knee', 'lake', 'land', 'large', 'late', 'laugh', 'lay', 'lead', 'leaf', 'lean',
  'leg', 'life', 'lift', 'lip', 'lock', 'lost', 'love', 'low', 'main', 'man', 'mark', 'mat', 'meal', 'mean', 'meat',
  'meet', 'men', 'milk', 'mind', 'mine', 'miss', 'mix', 'moon', 'mouth', 'move', 'mud', 'nail', 'neck', 'nest',
  'net', 'nine', 'nod', 'north', 'nose', 'note', 'nut', 'odd', 'oil', 'once', 'own', 'pack', 'page', 'paint',
  'paper', 'park', 'part', 'pass', 'past', 'path', 'pay', 'pet', 'pick', 'pie', 'pig', 'pin', 'pipe', 'plan', 'play',
  'plot', 'pond', 'pool', 'poor', 'post', 'pull', 'push', 'rain', 'ran', 'rat', 'read', 'rich', 'ride', 'ring',
  'rise', 'rock', 'roll', 'roof', 'root', 'rope', 'rose', 'round', 'rub', 'rule', 'run', 'sad', 'safe', 'sail',
  'salt', 'sand', 'sat', 'save', 'saw', 'sea', 'seat', 'seed', 'self', 'sell', 'send', 'ship', 'shop', 'shut',
  'sick', 'silk', 'sing', 'six', 'skin', 'sleep', 'slip', 'small', 'smell', 'smile', 'snow', 'soap', 'sock', 'soil',
  'son', 'song', 'soon', 'sound', 'soup', 'south', 'speak', 'spring', 'square', 'star', 'start', 'stay', 'steam',
  'steel', 'stick', 'stone', 'stop', 'store', 'storm', 'story', 'string', 'strong', 'such', 'sugar', 'sun', 'swim',
  'tail', 'take', 'talk', 'tank', 'tape', 'taste', 'tea', 'teach', 'tear', 'ten', 'tent', 'test', 'throw', 'tie',
  'till', 'tin', 'tip', 'toe', 'told', 'tone', 'took', 'tool', 'town', 'trap', 'trip', 'try', 'tube', 'turn', 'use',
  'wait', 'walk', 'war', 'wash', 'watch', 'water', 'wave', 'wear', 'week', 'went', 'west', 'wet', 'wheel', 'wife',
  'wild', 'win', 'wind', 'wing', 'wire', 'wise', 'wish', 'woman', 'wool', 'work', 'worm', 'wrap', 'yell', 'yet',
  'young',
];

/** "hot" -> hotter, hottest; "loose" -> looser, loosest; "heavy" -> heavier, heaviest. */
function comparativeForms(a: string): string[] {
  const stem = a.endsWith('e') ? a.slice(0, -1) : a.endsWith('y') ? `${a.slice(0, -1)}i` : /^[^aeiou]*[aeiou][bdgmnpt]$/.test(a) ? a + a.slice(-1) : a;
  return [`${stem}er`, `${stem}est`];
}

/**
 * Nouns of things people photograph (COCO classes and household objects). A mention of one the scene lacks
 * is reported by name ("I can't see a piano") rather than read as a cue word.
 */
export const OBJECT_NOUNS: ReadonlySet<string> = new Set([
  'dog', 'cat', 'bird', 'horse', 'cow', 'sheep', 'elephant', 'bear', 'zebra', 'giraffe', 'truck', 'van', 'train',
  'boat', 'plane', 'airplane', 'motorcycle', 'motorbike', 'scooter', 'tree', 'bench', 'sign', 'pole', 'hydrant',
  'building', 'house', 'window', 'door', 'fence', 'piano', 'bookshelf', 'bookcase', 'shelf', 'book', 'desk',
  'bed', 'pillow', 'cushion', 'rug', 'carpet', 'curtain', 'mirror', 'clock', 'vase', 'cup', 'mug', 'bowl', 'plate',
  'bottle', 'sink', 'toilet', 'toaster', 'kettle', 'stove', 'cabinet', 'cupboard', 'drawer', 'dresser', 'counter',
  'box', 'bag', 'backpack', 'handbag', 'suitcase', 'umbrella', 'laptop', 'computer', 'keyboard', 'mouse', 'phone',
  'remote', 'monitor', 'screen', 'speaker', 'radio', 'painting', 'poster', 'picture frame', 'ball', 'toy', 'cart',
  'bin', 'trashcan', 'basket', 'candle', 'fan', 'heater', 'radiator', 'stool', 'chair', 'table', 'lamp', 'sofa',
  'tv', 'plant', 'car', 'bus', 'person', 'bicycle', 'oven', 'microwave', 'refrigerator', 'tap', 'faucet', 'hat',
  'shoe', 'coat', 'jacket', 'child', 'baby', 'statue', 'fountain', 'tower', 'bridge', 'crosswalk', 'bollard',
  'mailbox', 'lantern', 'teapot', 'glass', 'jar', 'pot', 'pan', 'knife', 'fork', 'spoon', 'banana', 'apple',
  'orange', 'pizza', 'cake', 'sandwich', 'guitar', 'printer', 'tablet', 'notebook', 'pen', 'pencil', 'towel',
  'bathtub', 'shower', 'wardrobe', 'closet', 'nightstand', 'ottoman', 'armchair', 'recliner', 'bookshelves',
  'sculpture', 'flower', 'flowers', 'skateboard', 'surfboard', 'kite', 'frisbee', 'racket', 'helmet',
  'truck', 'taxi', 'tram', 'motorcyclist', 'cyclist', 'dishwasher', 'washer', 'dryer', 'blender', 'chandelier',
]);

/**
 * Words of questions that never name an object: function words, cue words, frame words, units and
 * words for the scene itself. A word after "the" that is none of these and no caption word is read as an
 * object the scene does not have.
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set([
  ...KEYWORDS.filter((w) => !OBJECT_NOUNS.has(w)),
  ...KNOWN_WORDS.filter((w) => !OBJECT_NOUNS.has(w)),
  'object', 'objects', 'thing', 'things', 'item', 'items', 'vehicle', 'vehicles', 'furniture', 'appliance',
  'appliances', 'piece', 'pieces', 'stuff', 'entity', 'entities', 'element', 'elements', 'instance', 'region',
  'room', 'scene', 'image', 'photo', 'picture', 'photograph', 'frame', 'shot', 'view', 'world', 'space', 'area',
  'floor', 'ground', 'wall', 'walls', 'ceiling', 'sky', 'road', 'street', 'side', 'way', 'place', 'spot',
  'perspective', 'viewpoint', 'distance', 'height', 'width', 'depth', 'length', 'size', 'dimensions', 'dimension',
  'volume', 'footprint', 'footprints', 'half', 'halves', 'elevation', 'altitude', 'breadth', 'tallness', 'gap', 'separation', 'spacing', 'clearance',
  'direction', 'position', 'location', 'orientation', 'angle', 'amount', 'number', 'value', 'measurement',
  'minimum', 'minimal', 'spatial', 'estimate', 'estimation', 'approximation', 'guess', 'idea', 'indication', 'answer', 'question', 'difference', 'comparison', 'order', 'ordering', 'ranking', 'list', 'set',
  'camera', 'viewer', 'photographer', 'observer', 'lens', 'gravity', 'reality', 'terms', 'respect', 'regard',
  'meter', 'meters', 'centimeter', 'centimeters', 'millimeter', 'millimeters', 'feet', 'foot', 'inch', 'inches',
  'yard', 'yards', 'unit', 'units', 'same', 'most', 'least', 'greater', 'greatest', 'lesser', 'higher', 'lower',
  'left', 'right', 'front', 'back', 'top', 'bottom', 'middle', 'center', 'corner', 'edge', 'foreground',
  'background', 'rest', 'others', 'other', 'another', 'whole', 'entire', 'total', 'overall', 'approximate',
  'rough', 'exact', 'actual', 'real', 'estimated', 'relative', 'relation', 'relationship', 'arrangement',
  'layout', 'configuration', 'proximity', 'closeness', 'vicinity', 'neighborhood', 'surroundings', 'shape',
  'color', 'colour', 'material', 'texture', 'brand', 'name', 'purpose', 'function', 'condition', 'state',
  'weather', 'time', 'day', 'season', 'mood', 'style', 'lighting', 'light', 'shadow', 'shadows', 'reflection',
  'caption', 'description', 'title', 'text', 'word', 'words', 'letter', 'letters', 'label', 'labels', 'logo',
  'owner', 'price', 'cost', 'age', 'weight', 'temperature', 'speed', 'quality', 'pattern', 'design', 'sort',
  'kind', 'type', 'category', 'class', 'species', 'breed', 'model', 'version', 'make', 'year', 'era',
  'image s', 'pov', 'vantage', 'standpoint', 'one', 'ones', 'everything', 'anything', 'something', 'nothing',
  'triangle', 'line', 'row', 'group', 'pair', 'couple', 'trio', 'plenty', 'lot', 'lots', 'bit', 'deal',
]);
